// A supervisor's actions on a campaign: start, stop, and its pacing settings, applied through the API. A refused
// change shows the API's own words next to each field it names.
import {request, fieldErrors} from './stream.js';

const MODES = ['PREVIEW', 'PUSH_PREVIEW', 'PROGRESSIVE', 'POWER', 'PREDICTIVE', 'ADAPTIVE'];
const SETTINGS = [['callsPerReadyAgent', 'Calls per ready agent'], ['callsPerWrapAgent', 'Per agent in wrap-up'],
  ['abandonTarget', 'Abandonment target']];

function clearErrors(root) {
  for (const e of root.querySelectorAll('[data-error-for], .form-error')) {
    e.textContent = '';
  }
}

/** Puts each error of a problem next to its field, or in the form's general place when it names none here. */
export function showProblem(root, error) {
  const errors = fieldErrors(error.problem);
  let shown = false;
  for (const e of errors) {
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

// A value as typed: a number when it reads as one, else the text itself, so that the API names what is wrong.
function typed(text) {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

export function createActions(c, token) {
  const box = document.createElement('div');
  box.className = 'actions';
  box.innerHTML = '<button type="button" data-action="start">Start</button> '
    + '<button type="button" data-action="stop">Stop</button> <span class="form-error error"></span>'
    + '<form class="settings"><label>Dial mode <select name="dialMode"></select></label>'
    + '<span class="field-error" data-error-for="dialMode"></span></form>';
  const form = box.querySelector('form');
  for (const mode of MODES) {
    const option = document.createElement('option');
    option.value = option.textContent = mode;
    form.dialMode.appendChild(option);
  }
  for (const [name, label] of SETTINGS) {
    const field = document.createElement('label');
    field.innerHTML = '<span></span><input type="text" inputmode="decimal">';
    field.firstChild.textContent = label;
    field.lastChild.name = name;
    form.appendChild(field);
    const error = document.createElement('span');
    error.className = 'field-error';
    error.dataset.errorFor = name;
    form.appendChild(error);
  }
  form.insertAdjacentHTML('beforeend', '<button type="submit">Apply</button> '
    + '<button type="button" data-action="what-if" title="Simulate the next two hours first">What if?</button>'
    + '<span class="applied muted"></span><span class="form-error error"></span>');
  const whatIf = document.createElement('div');
  whatIf.className = 'what-if';
  box.appendChild(whatIf);
  form.querySelector('[data-action="what-if"]').addEventListener('click', () => runWhatIf(c, token, form, whatIf));
  for (const action of ['start', 'stop']) {
    box.querySelector('[data-action="' + action + '"]').addEventListener('click', async () => {
      clearErrors(box);
      try {
        await request(token, 'POST', '/api/v1/campaigns/' + c.campaignId + '/' + action);
      } catch (e) {
        showProblem(box, e);
      }
    });
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    form.querySelector('.applied').textContent = '';
    const body = {dialMode: form.dialMode.value};
    for (const [name] of SETTINGS) {
      body[name] = typed(form[name].value);
    }
    try {
      const saved = await request(token, 'PATCH', '/api/v1/campaigns/' + c.campaignId, body);
      fillSettings(box, {dialMode: saved.dialMode, callsPerReadyAgentSetting: saved.callsPerReadyAgent,
        callsPerWrapAgentSetting: saved.callsPerWrapAgent, abandonTarget: saved.abandonTarget});
      form.querySelector('.applied').textContent = 'applied';
    } catch (error) {
      showProblem(form, error);
    }
  });
  return box;
}

const FIGURE = v => (v * 100).toFixed(2) + ' %';
// [label, field, format] of the what-if table, as `pacer simulate --json` names them.
const PREDICTED = [['Occupancy', 'occupancy', FIGURE], ['Abandonment', 'abandonRate', FIGURE],
  ['Worst hour', 'abandonRateWorstHour', FIGURE], ['Agent wait', 'agentWaitMeanSeconds', v => v.toFixed(1) + ' s'],
  ['Connects / agent-hour', 'connectsPerAgentHour', v => v.toFixed(1)]];

/**
 * Simulates the next two hours from what the campaign measured, under its settings now and under the form's
 * (POST .../what-if): nothing is applied; the supervisor compares, then applies or not.
 */
async function runWhatIf(c, token, form, out) {
  clearErrors(form);
  out.textContent = 'simulating…';
  const proposed = {dialMode: form.dialMode.value};
  for (const [name] of SETTINGS) {
    proposed[name] = typed(form[name].value);
  }
  try {
    const r = await request(token, 'POST', '/api/v1/campaigns/' + c.campaignId + '/what-if', {hours: 2, proposed});
    const table = document.createElement('table');
    table.innerHTML = '<caption></caption><thead><tr><th></th><th>now</th><th>proposed</th></tr></thead><tbody></tbody>';
    table.caption.textContent = 'Next 2 h, simulated from ' + r.basis.calls + ' calls since '
        + new Date(r.measuredFromMillis).toLocaleTimeString() + ' (' + r.basis.agents.toFixed(1) + ' agents, '
        + (r.basis.answerProbability * 100).toFixed(0) + ' % answered): ' + r.currentSettings.dialMode + ' → '
        + r.proposedSettings.dialMode;
    for (const [label, field, format] of PREDICTED) {
      const row = table.tBodies[0].insertRow();
      row.dataset.figure = field;
      row.insertCell().textContent = label;
      row.insertCell().textContent = format(r.current[field]);
      row.insertCell().textContent = format(r.proposed[field]);
      row.dataset.current = String(r.current[field]);
      row.dataset.proposed = String(r.proposed[field]);
    }
    out.replaceChildren(table);
  } catch (error) {
    out.textContent = '';
    if (error.problem && Array.isArray(error.problem.errors)) {
      // The API names the proposal's fields "proposed.x"; the form's fields are "x".
      error.problem.errors = error.problem.errors.map(e => ({...e, field: String(e.field).replace(/^proposed\./, '')}));
    }
    showProblem(form, error);
  }
}

/** Fills the settings form from a campaign's stored settings (only when created or applied, never mid-edit). */
export function fillSettings(root, c) {
  const form = root.querySelector('form.settings');
  form.dialMode.value = c.dialMode;
  form.callsPerReadyAgent.value = c.callsPerReadyAgentSetting;
  form.callsPerWrapAgent.value = c.callsPerWrapAgentSetting;
  form.abandonTarget.value = c.abandonTarget;
}
