// A small SVG line chart of per-topic rates over time: one line per topic, the y axis scaled to the highest value.
import { h } from './dom.js';

const svgNs = 'http://www.w3.org/2000/svg';
const colours = ['#2f5bd3', '#c9252c', '#1a7f37', '#b76e00', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f', '#92400e', '#334155'];
const width = 640;
const height = 240;
const pad = { left: 44, right: 8, top: 10, bottom: 22 };

function svg(tag, attributes, text) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Draws `metric` (produced, consumed or deadLettered) of every topic with traffic in `samples`; returns chart and legend. */
export function rateChart(samples, metric) {
  const topics = [...new Set(samples.flatMap(s => Object.keys(s.topics)))]
    .filter(topic => samples.some(s => (s.topics[topic]?.[metric] ?? 0) > 0)).sort();
  const times = samples.map(s => Date.parse(s.at));
  const start = Math.min(...times, Date.now() - 60_000);
  const end = Math.max(...times, start + 1);
  const top = Math.max(1, ...samples.flatMap(s => topics.map(t => s.topics[t]?.[metric] ?? 0)));
  const x = time => pad.left + ((time - start) / (end - start)) * (width - pad.left - pad.right);
  const y = value => height - pad.bottom - (value / top) * (height - pad.top - pad.bottom);

  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `${metric} per second per topic` });
  chart.append(
    svg('line', { x1: pad.left, y1: y(0), x2: width - pad.right, y2: y(0), stroke: '#d9dde3' }),
    svg('line', { x1: pad.left, y1: y(top), x2: width - pad.right, y2: y(top), stroke: '#eef0f3' }),
    svg('text', { x: pad.left - 4, y: y(top) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#667085' }, top.toFixed(1)),
    svg('text', { x: pad.left - 4, y: y(0) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#667085' }, '0'),
    svg('text', { x: pad.left, y: height - 6, 'font-size': 11, fill: '#667085' }, `${Math.round((end - start) / 1000)} s ago`),
    svg('text', { x: width - pad.right, y: height - 6, 'text-anchor': 'end', 'font-size': 11, fill: '#667085' }, 'now'));
  topics.forEach((topic, i) => {
    const points = samples.map(s => `${x(Date.parse(s.at)).toFixed(1)},${y(s.topics[topic]?.[metric] ?? 0).toFixed(1)}`).join(' ');
    chart.append(svg('polyline', { points, fill: 'none', stroke: colours[i % colours.length], 'stroke-width': 1.5, 'data-topic': topic }));
  });
  const legend = h('div', { class: 'legend' }, topics.length === 0
    ? h('span', { class: 'hint' }, `No ${metric} records in the last minutes.`)
    : topics.map((topic, i) => h('span', {}, h('i', { style: `background:${colours[i % colours.length]}` }), topic)));
  return [chart, legend];
}
