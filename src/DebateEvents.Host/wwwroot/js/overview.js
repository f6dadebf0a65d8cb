// Overview: health checks, live per-topic rates, consumer lag per group, the outbox backlog. Refreshes every two seconds.
import { get } from './api.js';
import { rateChart } from './chart.js';
import { failure, h, number, seconds, show, state, table } from './dom.js';

let metric = 'consumed';

const part = (result, render) => (result.status === 'fulfilled' ? render(result.value) : failure(result.reason));

function health({ body }) {
  const checks = Object.entries(body.checks ?? {}).map(([name, check]) => ({ name, ...check }));
  return [
    h('p', {}, 'Overall ', state(body.status)),
    table([
      // Endpoint checks are named kafka-endpoint:kafka/{topic}/{group}; the prefix says nothing the table does not.
      { title: 'check', cell: c => h('span', { title: c.name }, c.name.replace('kafka-endpoint:kafka/', 'endpoint ')) },
      { title: 'state', cell: c => state(c.status) },
      { title: 'description', cell: c => [c.description ?? '', c.error ? h('div', { class: 'error' }, c.error) : null] },
    ], checks, { rowAttributes: c => ({ 'data-check': c.name }) }),
  ];
}

function chart(history) {
  const picker = h('select', { 'aria-label': 'rate shown', onchange: e => { metric = e.target.value; refresh(); } },
    ['produced', 'consumed', 'deadLettered'].map(m => h('option', { value: m, selected: m === metric }, m)));
  return [
    h('p', { class: 'hint' }, `Records per second, sampled every ${history.intervalSeconds} s over the last five minutes: `, picker),
    ...rateChart(history.samples, metric),
  ];
}

function rates(history, topics) {
  const latest = history.samples.at(-1)?.topics ?? {};
  const names = [...new Set([...topics.map(t => t.name), ...Object.keys(latest)])].sort();
  return table([
    { title: 'topic', cell: t => t },
    { title: 'produced/s', num: true, cell: t => number(latest[t]?.produced ?? 0) },
    { title: 'consumed/s', num: true, cell: t => number(latest[t]?.consumed ?? 0) },
    { title: 'dead-lettered/s', num: true, cell: t => number(latest[t]?.deadLettered ?? 0) },
  ], names, { rowAttributes: t => ({ 'data-topic': t }) });
}

const lag = consumers => table([
  { title: 'group', cell: c => c.group },
  { title: 'topic', cell: c => c.topic },
  { title: 'lag', num: true, cell: c => number(c.lag) },
  { title: 'state', cell: c => state(c.state) },
], consumers, { rowAttributes: c => ({ 'data-group': c.group }) });

const outbox = backlog => h('p', { 'data-outbox': '' },
  'Backlog ', h('strong', { 'data-backlog': backlog.count }, number(backlog.count)),
  ' events; oldest waiting ', h('strong', {}, seconds(backlog.oldestAgeSeconds)), '.');

let section;

export async function refresh() {
  const [healthResult, history, topics, consumers, backlog] = await Promise.allSettled([
    get('/health', { keepError: true }), get('/kafka/stats/history?minutes=5'), get('/kafka/topics'), get('/kafka/consumers'), get('/outbox/backlog'),
  ]);
  const ratesReady = history.status === 'fulfilled' && topics.status === 'fulfilled';
  show(section, h('div', { class: 'grid' },
    h('div', {}, h('h2', {}, 'Rates per topic'), history.status === 'fulfilled' ? chart(history.value) : failure(history.reason)),
    h('div', {}, h('h2', {}, 'Outbox'), part(backlog, outbox), h('h2', {}, 'Consumer lag per group'), part(consumers, lag)),
    h('div', {}, h('h2', {}, 'Health'), part(healthResult, health)),
    h('div', {}, h('h2', {}, 'Rates now'), ratesReady ? rates(history.value, topics.value) : failure(history.reason ?? topics.reason))));
}

export function mount(element) {
  section = element;
}

export const interval = 2000;
