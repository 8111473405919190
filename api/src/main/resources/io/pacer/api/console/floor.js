// The supervisor's floor: one tile per open campaign and the agent grid, updated in place from each snapshot.
import {createActions, fillSettings} from './actions.js';
import {createCharts} from './charts.js';
import {request} from './stream.js';

const pct = v => (v === null || v === undefined) ? '–' : (v * 100).toFixed(2) + ' %';
const ratio = v => (v === null || v === undefined) ? '–' : Number(v).toFixed(2);
const count = v => (v === null || v === undefined) ? '–' : String(v);

/** Occupancy: agents busy with calls (talking or wrapping up) over agents available to work (not paused). */
function occupancy(c) {
  const live = c.live;
  if (!live) {
    return null;
  }
  const working = live.agentsLoggedIn - live.agentsPaused;
  return working <= 0 ? null : (live.agentsOnCall + live.agentsWrapUp) / working;
}

// [group, label, field (a path in the campaign's snapshot, or a computed name), format]
const FIGURES = [
  ['Campaign', 'Status', 'status', count],
  ['Campaign', 'Dialling', 'live.running', v => v === undefined ? 'not in this engine' : (v ? 'running' : 'stopped')],
  ['Campaign', 'Dial mode', 'dialMode', count],
  ['Pacing', 'Calls per ready agent', 'live.callsPerReadyAgent', ratio],
  ['Pacing', 'Per agent in wrap-up', 'live.callsPerWrapAgent', ratio],
  ['Pacing', 'Caps (ready / wrap-up)', 'caps', count],
  ['Abandonment', "Regulator's window", 'live.abandonment.windowRate', pct],
  ['Abandonment', 'Cap', 'live.abandonment.cap', pct],
  ['Abandonment', 'Abandons left', 'live.abandonment.windowAbandonsLeft', v => v === undefined ? '–' : Math.floor(v)],
  ['Abandonment', 'Last 5 min', 'live.abandonment.rate5Minutes', pct],
  ['Abandonment', 'Last hour', 'live.abandonment.rate1Hour', pct],
  ['Abandonment', 'Last 24 h', 'live.abandonment.rate24Hours', pct],
  ['Agents', 'Occupancy', 'occupancy', pct],
  ['Agents', 'Logged in', 'live.agentsLoggedIn', count],
  ['Agents', 'Ready', 'live.agentsReady', count],
  ['Agents', 'On call', 'live.agentsOnCall', count],
  ['Agents', 'Wrap-up', 'live.agentsWrapUp', count],
  ['Agents', 'Paused', 'live.agentsPaused', count],
  ['Calls', 'Dialling / ringing', 'live.callsRinging', count],
  ['Calls', 'Waiting for an agent', 'live.callsWaitingForAgent', count],
  ['Calls', 'Bridged', 'live.agentsOnCall', count],
  ['Trunk', 'Dials', 'live.dialsHeld', v => v === undefined ? '–' : (v ? 'held: back-off, full or down' : 'taking calls')],
  ['Trunk', 'Handed back unplaced', 'live.notPlaced', count],
  ['Trunk', 'Hopper', 'hopperSize', count],
  ['Totals', 'Dials', 'live.dials', count],
  ['Totals', 'Answers', 'live.answers', count],
  ['Totals', 'Connects', 'live.connects', count],
  ['Totals', 'Abandons', 'live.abandons', count],
  ['Totals', 'Contacts ready', 'contactsByState.READY', count],
  ['Answering machines', 'Listening now', 'live.amd.listening', count],
  ['Answering machines', 'Human', 'live.amd.humans', count],
  ['Answering machines', 'Machine', 'live.amd.machines', count],
  ['Answering machines', 'Not sure', 'live.amd.notSure', count],
  ['Answering machines', 'Tones (fax, busy, SIT)', 'live.amd.tones', count],
];

const FORMATS = new Map(FIGURES.map(([, , field, format]) => [field, format]));

function valueOf(c, field) {
  if (field === 'occupancy') {
    return occupancy(c);
  }
  if (field === 'caps') {
    return ratio(c.callsPerReadyAgentSetting) + ' / ' + ratio(c.callsPerWrapAgentSetting);
  }
  return field.split('.').reduce((o, k) => (o === null || o === undefined) ? undefined : o[k], c);
}

function createTile(c, token) {
  const tile = document.createElement('article');
  tile.className = 'tile';
  tile.dataset.campaign = String(c.campaignId);
  const title = document.createElement('h2');
  title.textContent = '#' + c.campaignId + ' ' + c.name;
  tile.appendChild(title);
  const alerts = document.createElement('div');
  alerts.className = 'alerts';
  tile.appendChild(alerts);
  let group = null;
  for (const [name, label, field] of FIGURES) {
    if (!group || group.dataset.group !== name) {
      group = document.createElement('div');
      group.className = 'group';
      group.dataset.group = name;
      group.innerHTML = '<h3></h3>';
      group.firstChild.textContent = name;
      tile.appendChild(group);
    }
    const figure = document.createElement('div');
    figure.className = 'figure';
    figure.innerHTML = '<span class="label"></span><span class="value"></span>';
    figure.firstChild.textContent = label;
    figure.lastChild.dataset.field = field;
    group.appendChild(figure);
  }
  tile.appendChild(createActions(c, token));
  fillSettings(tile, c);
  tile.appendChild(createCharts(c.campaignId, token));
  return tile;
}

/**
 * Writes a cell only when its text changed, into its one text node: a floor of 500 agents would otherwise create
 * thousands of nodes a second and invalidate style and layout for figures that did not move.
 */
function setText(cell, text) {
  if (cell.pacerText === text) {
    return;
  }
  cell.pacerText = text;
  if (cell.firstChild && cell.firstChild.nodeType === Node.TEXT_NODE && !cell.firstChild.nextSibling) {
    cell.firstChild.nodeValue = text;
  } else {
    cell.textContent = text;
  }
}

/** Sets a data attribute only when it changed (every attribute write is a style invalidation). */
function setData(element, key, value) {
  if (element.dataset[key] !== value) {
    element.dataset[key] = value;
  }
}

function updateTile(tile, c) {
  if (!tile.pacerCells) {
    tile.pacerCells = [...tile.querySelectorAll('.figure [data-field]')];
  }
  for (const cell of tile.pacerCells) {
    const field = cell.dataset.field;
    const value = valueOf(c, field);
    setData(cell, 'value', (value === null || value === undefined) ? '' : String(value));
    setText(cell, FORMATS.get(field)(value));
  }
  const a = c.live && c.live.abandonment;
  const alerts = [];
  tile.classList.toggle('over-cap', !!a && a.windowAbandonsLeft < 0);
  tile.classList.toggle('near-cap', !!a && a.windowAbandonsLeft >= 0 && a.cap > 0 && a.windowRate >= 0.8 * a.cap);
  if (a && a.cap > 0 && a.windowRate >= 0.8 * a.cap) {
    alerts.push(a.windowAbandonsLeft < 0 ? 'abandonment over the cap' : 'abandonment nearing the cap');
  }
  if (c.live && c.live.dialsHeld) {
    alerts.push('trunk holding dials');
  }
  for (const t of c.trunks || []) {
    if (!t.up) {
      alerts.push('trunk ' + t.name + ' down');
    } else if (t.backingOff) {
      alerts.push('trunk ' + t.name + ' backing off');
    }
  }
  if (c.live && c.live.running && c.hopperSize === 0 && !(c.contactsByState && c.contactsByState.READY)) {
    alerts.push('list running out');
  }
  if (c.hoursOpen === false && c.status !== 'DISABLED') {
    alerts.push('hours gate closed');
  }
  setText(tile.querySelector('.alerts'), alerts.join(' · '));
}

// Seconds in a state before the time turns amber, then red (after VICIdial's real-time report).
const THRESHOLDS = {READY: [60, 300], ON_CALL: [300, 900], WRAP_UP: [30, 120], PAUSED: [60, 300], RESERVED: [10, 30]};

function mmss(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  return (m < 60 ? String(m) : Math.floor(m / 60) + ':' + String(m % 60).padStart(2, '0')) + ':' + String(s % 60).padStart(2, '0');
}

export function timeClass(state, seconds) {
  const t = THRESHOLDS[state];
  return !t ? '' : seconds >= t[1] ? 't-alert' : seconds >= t[0] ? 't-warn' : 't-ok';
}

// The agent grid's rows by agent id: a lookup per agent per second must not search the table.
const rows = new Map();
let gridToken = null;

/**
 * Rows near the viewport. Only they are written each second: a 500-agent grid shows some thirty rows at a time,
 * and writing the other 470 (their time in state changes every second) was most of the update's DOM work. A row
 * keeps its agent's latest entry and is brought up to date when it scrolls into view. Rows exist for every agent
 * (the table's height and the browser's find-in-page stay true); only their contents wait.
 */
const visibleRows = new Set();
let rowObserver = null;

function observeRow(row) {
  if (!rowObserver) {
    rowObserver = new IntersectionObserver(entries => {
      for (const e of entries) {
        if (e.isIntersecting) {
          visibleRows.add(e.target);
          if (e.target.pacerAgent) {
            fillRow(e.target, e.target.pacerAgent, e.target.pacerAt);
          }
        } else {
          visibleRows.delete(e.target);
        }
      }
    }, {rootMargin: '800px 0px'});
  }
  rowObserver.observe(row);
}

// A supervisor pauses an agent (the core decides; after its call, if it is on one).
async function pauseAgent(agentId) {
  const reason = document.getElementById('grid-pause-reason').value.trim();
  const error = document.getElementById('agents-error');
  error.textContent = '';
  try {
    await request(gridToken, 'POST', '/api/v1/agents/' + agentId + '/pause',
        {reasonCode: reason === '' ? 0 : Number(reason)});
  } catch (e) {
    error.textContent = 'agent #' + agentId + ': ' + e.message;
  }
}

const GRID_FIELDS = ['name', 'state', 'time', 'campaignId', 'callsToday', 'talkAverageMillis', 'wrapUpAverageMillis',
  'pauseReason'];

function createRow(id) {
  const row = document.createElement('tr');
  row.dataset.agent = id;
  row.innerHTML = GRID_FIELDS.map(f => '<td data-field="' + f + '"></td>').join('')
    + '<td><button type="button" data-action="pause">Pause</button></td>';
  row.querySelector('button').addEventListener('click', () => pauseAgent(id));
  return row;
}

/** An average duration as m:ss, '–' when the agent ended none today. */
const average = millis => (millis === null || millis === undefined) ? '–' : mmss(millis / 1000);

/** HH:MM in the viewer's time zone. */
const clock = millis => new Date(millis).toTimeString().slice(0, 5);

/** Writes one row from its agent's entry (only rows near the viewport, see {@link visibleRows}). */
function fillRow(row, a, atMillis) {
  const seconds = (atMillis - a.sinceMillis) / 1000;
  const [name, state, time, campaign, calls, talk, wrap, reason, action] = row.children;
  setText(name, a.name);
  setText(state, a.phoneDead ? 'LOGGED_OUT (phone dead)' : a.state);
  setData(state, 'value', a.state);
  setText(time, mmss(seconds));
  setData(time, 'since', String(a.sinceMillis));
  setText(campaign, a.campaignId ? '#' + a.campaignId : '');
  setData(campaign, 'value', String(a.campaignId || 0));
  setText(calls, String(a.callsToday));
  setData(calls, 'value', String(a.callsToday));
  setText(talk, average(a.talkAverageMillis));
  setData(talk, 'value', a.talkAverageMillis === null ? '' : String(a.talkAverageMillis));
  setText(wrap, average(a.wrapUpAverageMillis));
  setData(wrap, 'value', a.wrapUpAverageMillis === null ? '' : String(a.wrapUpAverageMillis));
  setText(reason, a.pauseReason ? String(a.pauseReason) : '');
  setData(reason, 'value', String(a.pauseReason || 0));
  const pausable = a.state !== 'LOGGED_OUT' && a.state !== 'PAUSED' && a.state !== 'UNKNOWN';
  if (action.firstChild.disabled === pausable) {
    action.firstChild.disabled = !pausable;
  }
  const cls = timeClass(a.state, seconds);
  if (time.className !== cls) {
    time.className = cls;
  }
  if (row.classList.contains('phone-dead') !== a.phoneDead) {
    row.classList.toggle('phone-dead', a.phoneDead);
  }
}

function renderAgents(view) {
  const body = document.querySelector('#agents tbody');
  const seen = new Set();
  const pausedTooLong = [];
  const phonesDead = [];
  let added = null;
  for (const a of view.agents) {
    const id = String(a.agentId);
    seen.add(id);
    let row = rows.get(id);
    if (!row) {
      row = createRow(id);
      // New rows go in together, in one insertion, and are written at once (the observer has not seen them yet).
      (added || (added = document.createDocumentFragment())).appendChild(row);
      rows.set(id, row);
      observeRow(row);
      fillRow(row, a, view.atMillis);
    }
    row.pacerAgent = a;
    row.pacerAt = view.atMillis;
    if (visibleRows.has(row)) {
      fillRow(row, a, view.atMillis);
    }
    // Alerts read the entries, not the rows, so an agent scrolled out of view still raises its alert.
    if (a.state === 'PAUSED' && (view.atMillis - a.sinceMillis) / 1000 >= THRESHOLDS.PAUSED[1]) {
      pausedTooLong.push(a.name + ' (' + mmss((view.atMillis - a.sinceMillis) / 1000) + ')');
    }
    if (a.phoneDead) {
      phonesDead.push('agent ' + a.name + ': phone stopped answering at ' + clock(a.lastLogout.atMillis)
          + ', logged out');
    }
  }
  if (added) {
    body.appendChild(added);
  }
  for (const [id, row] of rows) {
    if (!seen.has(id)) {
      rowObserver.unobserve(row);
      visibleRows.delete(row);
      row.remove();
      rows.delete(id);
    }
  }
  setText(document.getElementById('agents-alerts'),
      pausedTooLong.length ? 'paused too long: ' + pausedTooLong.join(', ') : '');
  setText(document.getElementById('phone-alerts'), phonesDead.join(' · '));
}

/** Shows a snapshot: tiles created once per campaign and updated in place, so a form being edited survives. */
export function renderFloor(view, token) {
  gridToken = token;
  const root = document.getElementById('campaigns');
  const seen = new Set();
  for (const c of view.campaigns) {
    seen.add(String(c.campaignId));
    let tile = root.querySelector('[data-campaign="' + c.campaignId + '"]');
    if (!tile) {
      tile = createTile(c, token);
      root.appendChild(tile);
    }
    updateTile(tile, c);
  }
  for (const tile of [...root.children]) {
    if (!seen.has(tile.dataset.campaign)) {
      tile.remove();
    }
  }
  renderAgents(view);
}
