// The agent's desktop: log in to a campaign, ready and pause, and after each call its outcome with a note and
// an optional callback, then the next call. The phone stays a SIP phone; this drives Pacer through the API.
import {request} from './stream.js';
import {showProblem} from './actions.js';
import {timeClass} from './floor.js';

const byId = id => document.getElementById(id);
let token = null;
let wired = false;
let lastState = null;
let call = null;
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

function login() {
  const campaign = byId('desktop-campaign').value;
  if (campaign) {
    act('POST', '/api/v1/campaigns/' + campaign + '/agents/me/login');
  }
}

// The call that ended last and still waits for its outcome. The journal commits a finished call within a moment
// of its end, so the desktop asks again a few times before it gives up.
async function loadCall(meId) {
  loading = true;
  try {
    for (let attempt = 0; attempt < 20 && lastState === 'WRAP_UP' && !call; attempt++) {
      const calls = await act('GET', '/api/v1/calls?limit=20');
      const open = (calls || []).filter(c => c.agentId === meId && c.answerMillis !== null && c.outcome === null)
        .sort((a, b) => b.startMillis - a.startMillis);
      if (open.length > 0) {
        showCall(open[0]);
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
  byId('call-contact').textContent = c.contactId === null ? '–' : '#' + c.contactId;
  byId('call-id').textContent = c.callId;
  byId('call-answered').textContent = c.answerMillis ? new Date(c.answerMillis).toLocaleTimeString() : '–';
  const form = byId('outcome-form');
  form.reset();
  for (const e of form.querySelectorAll('[data-error-for], .form-error')) {
    e.textContent = '';
  }
}

async function saveAndNext(e) {
  e.preventDefault();
  if (!call) {
    return;
  }
  const form = byId('outcome-form');
  for (const place of form.querySelectorAll('[data-error-for], .form-error')) {
    place.textContent = '';
  }
  const body = {outcome: form.outcome.value, note: form.note.value};
  if (form.outcome.value === 'CALL_AGAIN') {
    const due = form.dueAt.value ? new Date(form.dueAt.value) : null;
    body.callback = {dueAt: due && !isNaN(due) ? due.toISOString() : form.dueAt.value};
  }
  try {
    await request(token, 'POST', '/api/v1/calls/' + call.callId + '/outcome', body);
  } catch (error) {
    showProblem(form, error);
    return;
  }
  call = null;
  byId('call').hidden = true;
  await act('POST', '/api/v1/agents/me/ready');
}

function wire(view) {
  const select = byId('desktop-campaign');
  for (const c of view.campaigns) {
    const option = document.createElement('option');
    option.value = String(c.campaignId);
    option.textContent = '#' + c.campaignId + ' ' + c.name + ' (' + c.dialMode.toLowerCase() + ')';
    select.appendChild(option);
  }
  byId('login').addEventListener('click', login);
  byId('ready').addEventListener('click', () => act('POST', '/api/v1/agents/me/ready'));
  byId('pause').addEventListener('click', () => act('POST', '/api/v1/agents/me/pause'));
  byId('logout').addEventListener('click', () => act('POST', '/api/v1/agents/me/logout'));
  byId('outcome-form').addEventListener('submit', saveAndNext);
  byId('outcome-form').addEventListener('input', e => {
    // An edited field's error no longer applies.
    const field = e.target.name === 'dueAt' ? 'callback.dueAt' : e.target.name;
    const place = byId('outcome-form').querySelector('[data-error-for="' + field + '"]');
    if (place) {
      place.textContent = '';
    }
  });
  document.addEventListener('keydown', e => {
    if (byId('desktop').hidden || e.target.matches('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    const keys = {l: login, r: () => byId('ready').click(), p: () => byId('pause').click(),
      s: () => byId('outcome-form').requestSubmit()};
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]();
    }
  });
  wired = true;
}

/** Shows the agent's part of a snapshot; in wrap-up, brings up the call that just ended. */
export function renderDesktop(view, userToken) {
  token = userToken;
  if (!wired) {
    wire(view);
  }
  const state = view.me ? view.me.state : 'UNKNOWN';
  const seconds = view.me ? (view.atMillis - view.me.sinceMillis) / 1000 : 0;
  byId('agent-state').textContent = state;
  byId('agent-state').dataset.value = state;
  byId('agent-time').textContent = Math.floor(seconds) + ' s';
  byId('agent-time').className = 'muted ' + timeClass(state, seconds);
  lastState = state;
  // In wrap-up with no call shown: the call that just ended (a whole call can pass between two snapshots, so
  // this does not wait for a change of state).
  if (state === 'WRAP_UP' && !call && !loading) {
    loadCall(view.user.id);
  }
}
