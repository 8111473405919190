// The supervisor's lists page: upload a CSV with a column-mapping preview and a dry run, the import history with
// each import's rejected lines, and the do-not-call lists. Everything goes through the API; the preview reads only
// the file's first lines in the browser, and the server's strict reader decides what is imported.
import {request, fieldErrors} from './stream.js';

const byId = id => document.getElementById(id);
const ROLES = [['phone', 'Phone'], ['name', 'Name'], ['field', 'Field'], ['timeZone', 'Time zone'], ['', 'Ignore']];
const PREVIEW_ROWS = 5;
let token = null;
let admin = false;
let csvText = null;
let wired = false;

/** The first records of a CSV for the preview (quotes and doubled quotes understood; the server re-reads all). */
export function previewRecords(text, separator, limit) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === separator) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') {
        i++;
      }
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (records.length < limit && (field !== '' || record.length)) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function guess(header) {
  const h = header.toLowerCase();
  return /phone|tel|mobile|number|msisdn/.test(h) ? 'phone' : /name|customer|contact|person/.test(h) ? 'name'
      : /zone|^tz$/.test(h) ? 'timeZone' : 'field';
}

function showMapping() {
  const table = byId('mapping');
  table.innerHTML = '';
  if (csvText === null) {
    return;
  }
  const separator = byId('upload-form').elements.separator.value || ',';
  const records = previewRecords(csvText.replace(/^\uFEFF/, ''), separator, PREVIEW_ROWS + 1);
  if (!records.length) {
    return;
  }
  const head = table.createTHead().insertRow();
  for (const name of records[0]) {
    const cell = head.insertCell();
    const select = document.createElement('select');
    select.dataset.column = name;
    for (const [value, label] of ROLES) {
      select.add(new Option(label, value, false, value === guess(name)));
    }
    cell.append(name, document.createElement('br'), select);
  }
  const body = table.createTBody();
  for (const record of records.slice(1)) {
    const row = body.insertRow();
    for (const value of record) {
      row.insertCell().textContent = value;
    }
  }
}

function importPath(dryRun) {
  const form = byId('upload-form').elements;
  const query = new URLSearchParams({mode: form.mode.value});
  if (form.separator.value && form.separator.value !== ',') {
    query.set('separator', form.separator.value);
  }
  for (const select of byId('mapping').querySelectorAll('select[data-column]')) {
    if (select.value) {
      query.append(select.value, select.dataset.column);
    }
  }
  if (dryRun) {
    query.set('dryRun', 'true');
  }
  return '/api/v1/campaigns/' + form.campaignId.value + '/imports?' + query;
}

function clearErrors(root) {
  for (const e of root.querySelectorAll('[data-error-for], .form-error')) {
    e.textContent = '';
  }
}

function showError(root, error) {
  let shown = false;
  for (const e of fieldErrors(error.problem)) {
    const place = root.querySelector('[data-error-for="' + e.field + '"]');
    if (place) {
      place.textContent = e.detail;
      shown = true;
    }
  }
  if (!shown) {
    root.querySelector('.form-error').textContent = error.message;
  }
}

function showReport(report) {
  const box = byId('import-report');
  box.dataset.dryRun = String(report.dryRun);
  box.dataset.imported = String(report.imported);
  box.dataset.rejected = String(report.rejected);
  box.textContent = (report.dryRun ? 'Dry run (nothing stored): ' : 'Imported: ') + report.rowsRead + ' rows read, '
      + report.imported + ' new, ' + report.merged + ' merged, ' + report.rejected + ' rejected, ' + report.blocked
      + ' blocked, ' + report.archived + ' archived.';
  const list = document.createElement('ul');
  for (const e of report.errors || []) {
    list.appendChild(document.createElement('li')).textContent = 'line ' + e.line + ': ' + e.reason;
  }
  box.appendChild(list);
}

async function upload(dryRun) {
  const root = byId('lists-upload');
  clearErrors(root);
  if (csvText === null) {
    root.querySelector('.form-error').textContent = 'Choose a CSV file first.';
    return;
  }
  try {
    const response = await fetch(importPath(dryRun), {method: 'POST', body: csvText,
      headers: {Authorization: 'Bearer ' + token, 'Content-Type': 'text/csv'}});
    const json = await response.json();
    if (!response.ok) {
      const error = new Error(json.detail || response.statusText);
      error.problem = json;
      throw error;
    }
    showReport(json);
    await loadHistory();
  } catch (error) {
    showError(root, error);
  }
}

function campaignId() {
  return byId('upload-form').elements.campaignId.value;
}

async function loadHistory() {
  const body = byId('imports').tBodies[0];
  body.innerHTML = '';
  if (!campaignId()) {
    return;
  }
  for (const i of await request(token, 'GET', '/api/v1/campaigns/' + campaignId() + '/imports?limit=50')) {
    const row = body.insertRow();
    row.dataset.import = String(i.id);
    for (const v of [new Date(i.atMillis).toLocaleString(), i.userName, i.mode, i.rowsRead, i.imported, i.merged,
      i.rejected, i.blocked, i.archived]) {
      row.insertCell().textContent = String(v);
    }
    const cell = row.insertCell();
    if (i.rejected > 0) {
      const button = cell.appendChild(document.createElement('button'));
      button.type = 'button';
      button.textContent = 'Rejected lines';
      button.addEventListener('click', () => showRejected(i.id));
    }
  }
}

async function showRejected(importId) {
  const box = byId('import-errors');
  box.innerHTML = '';
  box.dataset.import = String(importId);
  const {errors} = await request(token, 'GET', '/api/v1/imports/' + importId + '/errors?limit=1000');
  box.appendChild(document.createElement('h3')).textContent = 'Rejected lines of import ' + importId;
  const list = box.appendChild(document.createElement('ul'));
  for (const e of errors) {
    list.appendChild(document.createElement('li')).textContent = 'line ' + e.line + ': ' + e.reason;
  }
}

function dncScope() {
  return byId('dnc-form').elements.scope.value === 'global' ? 0 : Number(campaignId());
}

async function loadDnc() {
  const body = byId('dnc').tBodies[0];
  body.innerHTML = '';
  if (byId('dnc-form').elements.scope.value !== 'global' && !campaignId()) {
    return;
  }
  const list = await request(token, 'GET', '/api/v1/dnc?campaignId=' + dncScope() + '&limit=1000');
  for (const phone of list.numbers) {
    const row = body.insertRow();
    row.dataset.phone = phone;
    row.insertCell().textContent = phone;
    if (!admin) {
      // Unblocking is an administrator's decision (DELETE /api/v1/dnc/{phone} is admin-only).
      continue;
    }
    const button = row.insertCell().appendChild(document.createElement('button'));
    button.type = 'button';
    button.textContent = 'Remove';
    button.addEventListener('click', () => removeDnc(phone));
  }
}

async function addDnc(e) {
  e.preventDefault();
  const form = byId('dnc-form');
  clearErrors(form);
  try {
    await request(token, 'POST', '/api/v1/dnc', {phone: form.elements.phone.value.trim(), campaignId: dncScope()});
    form.elements.phone.value = '';
    await loadDnc();
  } catch (error) {
    showError(form, error);
  }
}

async function removeDnc(phone) {
  const form = byId('dnc-form');
  clearErrors(form);
  try {
    await request(token, 'DELETE', '/api/v1/dnc/' + encodeURIComponent(phone) + '?campaignId=' + dncScope());
    await loadDnc();
  } catch (error) {
    showError(form, error);
  }
}

function wire() {
  const form = byId('upload-form');
  form.elements.file.addEventListener('change', async () => {
    const file = form.elements.file.files[0];
    csvText = file ? await file.text() : null;
    showMapping();
  });
  form.elements.separator.addEventListener('input', showMapping);
  form.elements.campaignId.addEventListener('change', () => {
    loadHistory();
    loadDnc();
  });
  byId('dry-run').addEventListener('click', () => upload(true));
  byId('import').addEventListener('click', () => upload(false));
  byId('dnc-form').addEventListener('submit', addDnc);
  byId('dnc-form').elements.scope.addEventListener('change', loadDnc);
}

/** Keeps the campaign choice current from each snapshot; loads history and lists when the page is first shown. */
export function renderLists(view, userToken) {
  token = userToken;
  admin = view.user.role === 'ADMIN';
  if (!wired) {
    wire();
    wired = true;
  }
  const select = byId('upload-form').elements.campaignId;
  const ids = view.campaigns.map(c => String(c.campaignId));
  if ([...select.options].map(o => o.value).join() !== ids.join()) {
    const chosen = select.value;
    select.innerHTML = '';
    for (const c of view.campaigns) {
      select.add(new Option('#' + c.campaignId + ' ' + c.name, String(c.campaignId), false, String(c.campaignId) === chosen));
    }
    loadHistory();
    loadDnc();
  }
}
