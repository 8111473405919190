// The shift charts of a campaign's tile: the server samples every campaign every 15 s whether or not anybody
// watches (GET /api/v1/console/history/{id}); a tile draws them with uPlot (served from its WebJar) and fetches
// them again once per sample period. The fetch reads memory on the server, never the database.
import uPlot from './uPlot.esm.js';

const WIDTH = 420;
const HEIGHT = 130;

// [chart name, title, series: [column, label, colour], y-axis format]
const CHARTS = [
  ['abandonment', "Abandonment in the regulator's window", [['windowRate', 'window', '#b00020'], ['cap', 'cap', '#7a8496']], 'pct'],
  ['occupancy', 'Occupancy and answer rate', [['occupancy', 'occupancy', '#17703a'], ['answerRate', 'answer rate', '#1f5fbf']], 'pct'],
  ['ratios', 'Calls per ready agent / per agent in wrap-up', [['callsPerReadyAgent', 'per ready', '#6b3fa0'], ['callsPerWrapAgent', 'per wrap-up', '#c26a00']], 'num'],
  ['agents', 'Agents by state', [['agentsReady', 'ready', '#17703a'], ['agentsOnCall', 'on call', '#1f5fbf'], ['agentsWrapUp', 'wrap-up', '#c26a00'], ['agentsPaused', 'paused', '#7a8496']], 'num'],
];

const axisValues = format => (u, ticks) => ticks.map(v => format === 'pct' ? (v * 100).toFixed(1) + '%' : String(+v.toFixed(2)));

function options(title, series, format) {
  return {
    title, width: WIDTH, height: HEIGHT,
    legend: {show: true},
    cursor: {drag: {x: false, y: false}},
    scales: {x: {time: true}},
    axes: [{}, {values: axisValues(format), size: 56}],
    series: [{}, ...series.map(([, label, stroke]) => ({label, stroke, width: 1.5, spanGaps: false}))],
  };
}

function data(history, series) {
  // uPlot's time axis is in seconds.
  return [history.atMillis.map(t => t / 1000), ...series.map(([column]) => history[column])];
}

/** The tile's chart section: empty charts at once, filled from the history route, refetched every sample period. */
export function createCharts(campaignId, token) {
  const root = document.createElement('div');
  root.className = 'charts';
  root.innerHTML = '<h3>Shift</h3>';
  const plots = [];
  for (const [name, title, series, format] of CHARTS) {
    const box = document.createElement('div');
    box.className = 'chart';
    box.dataset.chart = name;
    box.dataset.points = '0';
    root.appendChild(box);
    plots.push({box, series, plot: new uPlot(options(title, series, format), [[], ...series.map(() => [])], box)});
  }
  // A tile far off screen does not redraw its charts (twenty tiles' eighty charts were the floor's slowest
  // seconds): the history fetched meanwhile waits and is drawn when the charts come near the viewport.
  let near = false;
  let pending = null;
  const draw = history => {
    for (const p of plots) {
      p.plot.setData(data(history, p.series));
      p.box.dataset.points = String(history.atMillis.length);
      p.box.dataset.last = history.atMillis.length ? String(history.atMillis[history.atMillis.length - 1]) : '';
    }
  };
  new IntersectionObserver(entries => {
    near = entries[entries.length - 1].isIntersecting;
    if (near && pending) {
      draw(pending);
      pending = null;
    }
  }, {rootMargin: '800px 0px'}).observe(root);
  let timer = null;
  let fetched = 0;
  const refresh = async () => {
    if (!root.isConnected && timer !== null) {
      clearTimeout(timer);
      return;
    }
    let period = 15000;
    try {
      const response = await fetch('/api/v1/console/history/' + campaignId, {headers: {Authorization: 'Bearer ' + token}});
      if (response.ok) {
        const history = await response.json();
        period = history.sampleMillis;
        if (near) {
          draw(history);
        } else {
          pending = history;
        }
      }
    } finally {
      // After the first fetch, each tile refreshes at its own random phase of the period, so twenty tiles do not
      // all fetch and redraw in the same second; every fetch still brings the sample taken since the last one.
      timer = setTimeout(refresh, fetched++ === 0 ? Math.random() * period : period);
    }
  };
  refresh();
  return root;
}
