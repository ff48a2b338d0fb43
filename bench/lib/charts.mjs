import * as vega from 'vega';
import * as vl from 'vega-lite';

/**
 * Vega-Lite specs rendered to SVG strings in Node (vega's headless View, no browser, no canvas).
 * Every chart plots medians with the min..max spread of the runs as an error bar.
 */
export async function toSvg(spec) {
  const compiled = vl.compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: {
      font: 'Helvetica, Arial, sans-serif',
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelFontSize: 11, titleFontSize: 12 },
      title: { fontSize: 14, anchor: 'start' },
      background: 'white',
    },
    ...spec,
  }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

const COLORS = {
  domain: ['parley', 'ws', 'socketio', 'driver', 'http_driver', 'kafka', 'node'],
  range: ['#d62728', '#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#7f7f7f'],
};

/**
 * Grouped bars: rows of {group, contender, median, min, max}; `log` for a log scale.
 * Facets by `facet` when rows carry one.
 */
export function groupedBars({ title, rows, yTitle, log = false, facet, width = 150 }) {
  const y = { field: 'median', type: 'quantitative', title: yTitle, stack: null, scale: log ? { type: 'log' } : {} };
  const present = COLORS.domain.filter((c) => rows.some((r) => r.contender === c));
  const color = { domain: present, range: present.map((c) => COLORS.range[COLORS.domain.indexOf(c)]) };
  const layer = {
    width,
    height: 220,
    encoding: {
      x: {
        field: 'contender',
        type: 'nominal',
        title: null,
        axis: { labels: false, ticks: false },
        sort: present,
      },
      color: { field: 'contender', type: 'nominal', scale: color, title: 'contender', sort: present },
    },
    layer: [
      { mark: { type: 'bar' }, encoding: { y, tooltip: [{ field: 'median' }] } },
      {
        mark: { type: 'rule', color: 'black' },
        encoding: {
          y: { field: 'min', type: 'quantitative', scale: log ? { type: 'log' } : {} },
          y2: { field: 'max' },
        },
      },
    ],
  };
  const column = { field: 'group', type: 'nominal', title: null, header: { labelFontSize: 12 }, sort: null };
  if (facet) {
    return {
      title,
      data: { values: rows },
      facet: { column, row: { field: 'facet', type: 'nominal', title: null, sort: null } },
      spec: layer,
      resolve: { scale: { y: 'independent' } },
    };
  }
  return { title, data: { values: rows }, facet: { column }, spec: layer };
}

/** Lines over a numeric x (S2 latency by rate). */
export function lines({ title, rows, xTitle, yTitle }) {
  return {
    title,
    data: { values: rows },
    width: 420,
    height: 240,
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xTitle, scale: { type: 'log' } },
      color: { field: 'series', type: 'nominal', title: null },
    },
    layer: [
      {
        mark: { type: 'line', point: true },
        encoding: { y: { field: 'median', type: 'quantitative', title: yTitle, scale: { type: 'log' } } },
      },
      { mark: { type: 'rule' }, encoding: { y: { field: 'min', type: 'quantitative' }, y2: { field: 'max' } } },
    ],
  };
}

/** A flame graph (icicle): rectangles by call depth, width = share of sampled CPU time. */
export function flame({ title, nodes }) {
  const total = Math.max(...nodes.map((n) => n.x1));
  const rows = nodes.map((n) => ({
    ...n,
    label: (n.x1 - n.x0) / total > 0.06 ? n.name.slice(0, Math.floor(((n.x1 - n.x0) / total) * 150)) : '',
  }));
  const depth = Math.max(...nodes.map((n) => n.depth)) + 1;
  return {
    title,
    data: { values: rows },
    width: 900,
    height: Math.max(120, depth * 18),
    encoding: {
      y: { field: 'depth', type: 'ordinal', axis: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: 'sampled CPU time (ms)', scale: { domain: [0, total] } },
          x2: { field: 'x1' },
          color: { field: 'depth', type: 'quantitative', scale: { scheme: 'oranges' }, legend: null },
          tooltip: [{ field: 'name' }, { field: 'pct', title: '% of busy' }],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 9, color: 'black' },
        encoding: { x: { field: 'x0', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
}
