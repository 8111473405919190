// The agent's desktop: log in to a campaign, ready and pause with a reason, the preview record (accept, skip,
// call later, do not call), the record of the customer on the line (fields, history, open callbacks), the
// outcome with a note and an optional callback, save and next, and my callbacks. The phone stays a SIP phone;
// this drives Pacer through the desk API (GET /api/v1/agents/me and its actions, docs/api.md).
import {request} from './stream.js';
import {showProblem} from './actions.js';
import {timeClass} from './floor.js';

const byId = id => document.getElementById(id);
let token = null;
let wired = false;
let me = null;
let seen = null;      // state and since of the last snapshot, to ask for the desk only when it moved
let desk = null;      // the last GET /api/v1/agents/me
let call = null;      // the call whose outcome the form records
let loading = false;

function say(error) {
  byId('desktop-error').textContent = error ? error.message : '';
}

async function act(method, path, body) {
  say(null);
  try {
    return await request(token, method, path, body);
  } catch (e) {
    say(e);
    return null;
  }
}

function clearErrors(root) {
  for (const e of root.querySelectorAll('[data-error-for], .form-error')) {
    e.textContent = '';
  }
}

function login() {
  const campaign = byId('desktop-campaign').value;
  if (campaign) {
    act('POST', '/api/v1/campaigns/' + campaign + '/agents/me/login');
  }
}

function pause() {
  const text = byId('pause-reason').value.trim();
  act('POST', '/api/v1/agents/me/pause', {reasonCode: text === '' ? 0 : Number(text)});
}

async function refreshDesk() {
  const d = await act('GET', '/api/v1/agents/me');
  if (d) {
    showDesk(d);
  }
  return d;
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  row.appendChild(td);
}

function when(millis) {
  return millis > 0 ? new Date(millis).toLocaleString() : '–';
}

function fillTable(table, items, columns) {
  const body = byId(table).querySelector('tbody');
  body.replaceChildren();
  for (const item of items) {
    const row = document.createElement('tr');
    row.dataset.id = String(item.id);
    for (const c of columns) {
      cell(row, c(item));
    }
    body.appendChild(row);
  }
}

function showRecord(record) {
  const panel = byId('record');
  panel.hidden = !record;
  if (!record) {
    panel.dataset.contact = '';
    return;
  }
  const c = record.contact;
  panel.dataset.contact = String(c.id);
  byId('record-name').textContent = (c.name || '') + ' #' + c.id;
  const dl = byId('record-fields');
  dl.replaceChildren();
  const rows = [['Number', c.phone], ['Attempts', c.attempts], ['Time zone', c.timeZone], ['State', c.state]];
  for (const [k, v] of Object.entries(c.fields || {})) {
    rows.push([k, v]);
  }
  for (const [k, v] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v === null || v === undefined ? '' : String(v);
    dd.dataset.field = k;
    dl.append(dt, dd);
  }
  fillTable('record-history', record.activities, [a => when(a.startMillis), a => a.calledNumber,
    a => a.callOutcome, a => a.outcome, a => a.agentId > 0 ? '#' + a.agentId : '', a => a.note]);
  fillTable('record-callbacks', record.callbacks, [b => when(b.dueMillis), b => b.number || c.phone,
    b => b.subject, b => b.note]);
}

function showOffer(d) {
  const open = d.agent && d.agent.offerOpen && d.record;
  const panel = byId('offer');
  if (open && panel.hidden) {
    clearErrors(byId('offer-form'));
  }
  panel.hidden = !open;
  if (open) {
    byId('offer-name').textContent = d.record.contact.name || ('#' + d.record.contact.id);
    byId('offer-phone').textContent = d.record.contact.phone;
  }
}

function showDesk(d) {
  desk = d;
  showOffer(d);
  showRecord(d.record);
  const a = d.agent;
  byId('agent-pause-reason').dataset.value = a && a.pauseReason ? String(a.pauseReason) : '';
  byId('agent-pause-reason').textContent = a && a.pauseReason ? 'reason ' + a.pauseReason : '';
  if (a && a.state === 'WRAP_UP' && !call) {
    const open = d.record ? d.record.activities.filter(x => x.agentId === me && x.answerMillis > 0 && !x.outcome)
      .sort((x, y) => y.startMillis - x.startMillis) : [];
    if (open.length > 0) {
      showCall(open[0]);
    }
  }
}

// In wrap-up: the call that just ended, from the record's history. The journal commits a finished call within
// a moment of its end, so the desktop asks again a few times before it gives up.
async function loadCall() {
  loading = true;
  try {
    for (let attempt = 0; attempt < 20 && seen && seen.state === 'WRAP_UP' && !call; attempt++) {
      const d = await refreshDesk();
      if (call || !d || !d.agent || d.agent.state !== 'WRAP_UP') {
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  } finally {
    loading = false;
  }
}

function showCall(c) {
  call = c;
  byId('call').hidden = false;
  byId('call-number').textContent = c.calledNumber || '';
  byId('call-contact').textContent = c.contactId > 0 ? '#' + c.contactId : '–';
  byId('call-id').textContent = c.callId;
  byId('call-answered').textContent = c.answerMillis > 0 ? new Date(c.answerMillis).toLocaleTimeString() : '–';
  const form = byId('outcome-form');
  form.reset();
  clearErrors(form);
}

function isoOf(local) {
  const due = local ? new Date(local) : null;
  return due && !isNaN(due) ? due.toISOString() : local;
}

async function saveAndNext(e) {
  e.preventDefault();
  if (!call) {
    return;
  }
  const form = byId('outcome-form');
  clearErrors(form);
  const body = {callId: call.callId, outcome: form.outcome.value, note: form.note.value};
  if (form.outcome.value === 'CALL_AGAIN') {
    body.callback = {dueAt: isoOf(form.dueAt.value)};
  }
  let saved;
  try {
    saved = await request(token, 'POST', '/api/v1/agents/me/save-and-next', body);
  } catch (error) {
    showProblem(form, error);
    return;
  }
  call = null;
  byId('call').hidden = true;
  showDesk(saved.desk);
  loadCallbacks();
}

async function answerOffer(decision) {
  if (!desk || !desk.agent || !desk.agent.offerOpen) {
    return;
  }
  const form = byId('offer-form');
  clearErrors(form);
  const body = {contactId: desk.agent.contactId, decision};
  if (decision === 'CALL_LATER') {
    body.dueAt = isoOf(form.dueAt.value);
  }
  try {
    showDesk(await request(token, 'POST', '/api/v1/agents/me/offer', body));
  } catch (error) {
    showProblem(form, error);
  }
}

async function loadCallbacks() {
  const f = byId('callbacks-filter');
  const query = ['own', 'groups', 'open'].map(k => k + '=' + f[k].checked).join('&');
  const list = await act('GET', '/api/v1/callbacks?' + query);
  if (list) {
    fillTable('callbacks', list, [b => when(b.dueMillis), b => '#' + b.campaignId, b => '#' + b.contactId,
      b => b.number || '', b => b.subject, b => b.state, b => b.note]);
  }
}

function wireButtons() {
  byId('login').addEventListener('click', login);
  byId('ready').addEventListener('click', () => act('POST', '/api/v1/agents/me/ready'));
  byId('pause').addEventListener('click', pause);
  byId('logout').addEventListener('click', () => act('POST', '/api/v1/agents/me/logout'));
  byId('next').addEventListener('click', async () => {
    const d = await act('POST', '/api/v1/agents/me/next');
    if (d) {
      showDesk(d);
    }
  });
  byId('hangup').addEventListener('click', async () => {
    const d = await act('POST', '/api/v1/agents/me/hangup');
    if (d) {
      showDesk(d);
    }
  });
  byId('accept').addEventListener('click', () => answerOffer('ACCEPT'));
  byId('skip').addEventListener('click', () => answerOffer('SKIP'));
  byId('call-later').addEventListener('click', () => answerOffer('CALL_LATER'));
  byId('do-not-call').addEventListener('click', () => answerOffer('DO_NOT_CALL'));
  byId('outcome-form').addEventListener('submit', saveAndNext);
  byId('outcome-form').addEventListener('input', e => {
    // An edited field's error no longer applies.
    const field = e.target.name === 'dueAt' ? 'callback.dueAt' : e.target.name;
    const place = byId('outcome-form').querySelector('[data-error-for="' + field + '"]');
    if (place) {
      place.textContent = '';
    }
  });
  byId('callbacks-filter').addEventListener('change', loadCallbacks);
  byId('callbacks-reload').addEventListener('click', loadCallbacks);
}

// The frequent actions on single keys, as the seeds' desktops have them; never while typing in a field.
function wireKeys() {
  const click = id => () => byId(id).click();
  const keys = {l: login, r: click('ready'), p: click('pause'), n: click('next'), h: click('hangup'),
    a: click('accept'), k: click('skip'), c: click('call-later'), d: click('do-not-call'),
    s: () => byId('outcome-form').requestSubmit()};
  document.addEventListener('keydown', e => {
    if (byId('desktop').hidden || e.target.matches('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]();
    }
  });
}

function wire(view) {
  const select = byId('desktop-campaign');
  for (const c of view.campaigns) {
    const option = document.createElement('option');
    option.value = String(c.campaignId);
    option.textContent = '#' + c.campaignId + ' ' + c.name + ' (' + c.dialMode.toLowerCase() + ')';
    select.appendChild(option);
  }
  wireButtons();
  wireKeys();
  wired = true;
  loadCallbacks();
}

/** Shows the agent's part of a snapshot; asks for the desk (record, offer, call) whenever the state moved. */
export function renderDesktop(view, userToken) {
  token = userToken;
  me = view.user.id;
  if (!wired) {
    wire(view);
  }
  const state = view.me ? view.me.state : 'UNKNOWN';
  const since = view.me ? view.me.sinceMillis : 0;
  const seconds = view.me ? (view.atMillis - since) / 1000 : 0;
  byId('agent-state').textContent = state;
  byId('agent-state').dataset.value = state;
  byId('agent-time').textContent = Math.floor(seconds) + ' s';
  byId('agent-time').className = 'muted ' + timeClass(state, seconds);
  const moved = !seen || seen.state !== state || seen.since !== since;
  seen = {state, since};
  if (state === 'WRAP_UP' && !call && !loading) {
    // A whole call can pass between two snapshots, so this does not wait for a change of state.
    loadCall();
  } else if (moved && !loading) {
    refreshDesk();
  }
}
