// The supervisor's campaign editor: a campaign's settings (general, compliance, hours, retry rules, display
// numbers) read with GET and saved with one PATCH holding only what changed, guarded by the ETag read (If-Match),
// so two supervisors cannot silently overwrite each other. The API validates; its errors go next to the field.
import {fieldErrors} from './stream.js';

const byId = id => document.getElementById(id);
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const OUTCOMES = ['BUSY', 'NO_ANSWER', 'FAILURE', 'NOT_REACHABLE'];
// [field, kind]: the plain inputs of the form, named as the API names them.
const PLAIN = [['name', 'text'], ['description', 'text'], ['timeZone', 'text'], ['defaultRegion', 'text'],
  ['maxAttempts', 'int'], ['ringTimeoutMillis', 'int'], ['connectLimitMillis', 'int'], ['maxChannels', 'int'],
  ['regime', 'text'], ['lockoutMinutes', 'int'], ['dialUnknownZones', 'bool'], ['status', 'text']];
let token = null;
let loaded = null;
let etag = null;
let wired = false;

const hhmm = minute => String(Math.floor(minute / 60)).padStart(2, '0') + ':' + String(minute % 60).padStart(2, '0');

/** "09:00-12:30, 14:00-18:00" to periods of one weekday; throws naming the part it cannot read. */
export function parsePeriods(weekday, text) {
  const periods = [];
  for (const part of text.split(',').map(p => p.trim()).filter(p => p)) {
    const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!m) {
      throw new Error(WEEKDAYS[weekday - 1] + ': "' + part + '" is not a period like 09:00-17:30');
    }
    periods.push({weekday, startMinute: Number(m[1]) * 60 + Number(m[2]), endMinute: Number(m[3]) * 60 + Number(m[4])});
  }
  return periods;
}

function request(method, path, body, headers) {
  const init = {method, headers: {Authorization: 'Bearer ' + token, ...(headers || {})}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(path, init).then(async response => {
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((json && json.detail) || response.statusText);
      error.problem = json;
      error.status = response.status;
      throw error;
    }
    return {json, etag: response.headers.get('ETag')};
  });
}

function fill(campaign) {
  // The compliance settings come back inside `compliance`; they are sent at the top level.
  const c = {...campaign, ...(campaign.compliance || {})};
  const form = byId('campaign-form').elements;
  for (const [field, kind] of PLAIN) {
    const value = c[field];
    if (kind === 'bool') {
      form[field].checked = !!value;
    } else {
      const text = value === null || value === undefined ? '' : String(value);
      form[field].value = field === 'regime' ? text.toLowerCase() : text;
    }
  }
  form.holidays.value = (c.holidays || []).join(', ');
  form.callWindow.value = c.windowStartMinute === undefined ? '' : hhmm(c.windowStartMinute) + '-' + hhmm(c.windowEndMinute);
  form.displayNumbers.value = (c.displayNumbers || []).join('\n');
  for (let d = 1; d <= 7; d++) {
    form['hours' + d].value = (c.hours || []).filter(h => h.weekday === d)
        .map(h => hhmm(h.startMinute) + '-' + hhmm(h.endMinute)).join(', ');
  }
  for (const o of OUTCOMES) {
    const rule = (c.retryRules || {})[o] || {};
    form['retry' + o + 'Delay'].value = rule.delaySeconds === undefined ? '' : String(rule.delaySeconds / 60);
    form['retry' + o + 'Max'].value = rule.maxAttempts === undefined ? '' : String(rule.maxAttempts);
  }
}

/** The form as the API's fields; numbers as typed, so that the API names what is wrong with them. */
function read() {
  const form = byId('campaign-form').elements;
  const out = {};
  for (const [field, kind] of PLAIN) {
    const v = form[field].value.trim();
    out[field] = kind === 'bool' ? form[field].checked : kind === 'int' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
  }
  out.holidays = form.holidays.value.split(',').map(s => s.trim()).filter(s => s);
  const w = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(form.callWindow.value.trim());
  if (!w) {
    throw Object.assign(new Error('the calling window is one period like 08:00-21:00'), {field: 'windowStartMinute'});
  }
  out.windowStartMinute = Number(w[1]) * 60 + Number(w[2]);
  out.windowEndMinute = Number(w[3]) * 60 + Number(w[4]);
  out.displayNumbers = form.displayNumbers.value.split('\n').map(s => s.trim()).filter(s => s);
  out.hours = [];
  for (let d = 1; d <= 7; d++) {
    out.hours.push(...parsePeriods(d, form['hours' + d].value));
  }
  out.retryRules = {};
  for (const o of OUTCOMES) {
    const delay = form['retry' + o + 'Delay'].value.trim();
    const max = form['retry' + o + 'Max'].value.trim();
    if (delay !== '' || max !== '') {
      out.retryRules[o] = {delaySeconds: Math.round(Number(delay || 0) * 60), maxAttempts: Number(max || 0)};
    }
  }
  return out;
}

/** Only what differs from the campaign as loaded (compared as JSON), so a PATCH touches nothing else. */
function changes(now) {
  const was = {...loaded, ...(loaded.compliance || {})};
  const out = {};
  for (const [k, v] of Object.entries(now)) {
    const before = k === 'regime' && typeof was[k] === 'string' ? was[k].toLowerCase() : was[k];
    const same = JSON.stringify(v) === JSON.stringify(before === undefined ? (Array.isArray(v) ? [] : '') : before)
        || (k === 'retryRules' && JSON.stringify(v) === JSON.stringify(before || {}));
    if (!same) {
      out[k] = v;
    }
  }
  return out;
}

function clearErrors() {
  for (const e of byId('campaign-editor').querySelectorAll('[data-error-for], .form-error')) {
    e.textContent = '';
  }
}

function showError(error) {
  const general = byId('campaign-editor').querySelector('.form-error');
  const lines = [];
  for (const e of fieldErrors(error.problem)) {
    // "hours[2].startMinute" belongs next to "hours".
    const place = byId('campaign-editor').querySelector('[data-error-for="' + String(e.field).split(/[.[]/)[0] + '"]');
    if (place) {
      place.textContent = (place.textContent ? place.textContent + ' ' : '') + e.detail;
    } else {
      lines.push(e.field + ': ' + e.detail);
    }
  }
  if (lines.length || !fieldErrors(error.problem).length) {
    general.textContent = lines.length ? lines.join('; ') : error.message;
  }
}

async function load() {
  clearErrors();
  const id = byId('campaign-choice').value;
  if (!id) {
    return;
  }
  const reply = await request('GET', '/api/v1/campaigns/' + id);
  loaded = reply.json;
  etag = reply.etag;
  fill(loaded);
  byId('campaign-saved').textContent = '';
}

async function save(e) {
  e.preventDefault();
  clearErrors();
  let body;
  try {
    body = changes(read());
  } catch (error) {
    byId('campaign-editor').querySelector('[data-error-for="' + (error.field || 'hours') + '"]').textContent =
        error.message;
    return;
  }
  if (!Object.keys(body).length) {
    byId('campaign-saved').textContent = 'Nothing changed.';
    return;
  }
  try {
    const reply = await request('PATCH', '/api/v1/campaigns/' + loaded.id, body, etag ? {'If-Match': etag} : {});
    loaded = reply.json;
    etag = reply.etag;
    fill(loaded);
    byId('campaign-saved').textContent = 'Saved: ' + Object.keys(body).join(', ') + '.';
  } catch (error) {
    if (error.status === 412) {
      byId('campaign-editor').querySelector('.form-error').textContent =
          'Someone else changed this campaign since you opened it: reload it, then make your change again.';
    } else {
      showError(error);
    }
  }
}

async function create() {
  clearErrors();
  const name = byId('new-campaign-name').value.trim();
  try {
    const reply = await request('POST', '/api/v1/campaigns', {name});
    byId('new-campaign-name').value = '';
    const choice = byId('campaign-choice');
    choice.add(new Option('#' + reply.json.id + ' ' + reply.json.name, String(reply.json.id), true, true));
    await load();
  } catch (error) {
    byId('campaign-editor').querySelector('[data-error-for="newName"]').textContent = error.message;
  }
}

function wire() {
  byId('campaign-choice').addEventListener('change', load);
  byId('campaign-form').addEventListener('submit', save);
  byId('campaign-reload').addEventListener('click', load);
  byId('new-campaign').addEventListener('click', create);
}

/** Keeps the campaign choice current from each snapshot (open campaigns) and loads the first one chosen. */
export function renderCampaigns(view, userToken) {
  token = userToken;
  if (!wired) {
    wire();
    wired = true;
  }
  const choice = byId('campaign-choice');
  for (const c of view.campaigns) {
    if (![...choice.options].some(o => o.value === String(c.campaignId))) {
      choice.add(new Option('#' + c.campaignId + ' ' + c.name, String(c.campaignId)));
    }
  }
  if (loaded === null && choice.value) {
    loaded = {};
    load();
  }
}
