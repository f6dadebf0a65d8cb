// Topics: the broker's topics, one topic's partitions and group lag, its newest records decoded, and a form to create one.
import { get, post } from './api.js';
import { failure, h, json, number, show, table } from './dom.js';

let section;
let selected = null;
let records = null;
let outcome = null;

// null: the cluster did not answer DescribeConfigs (the embedded one never does).
const retention = ms => (ms === null || ms === undefined ? 'not reported' : ms < 0 ? 'unlimited' : `${number(ms / 3_600_000)} h`);

function list(topics) {
  return table([
    { title: 'topic', cell: t => h('a', { href: '#topics', onclick: e => { e.preventDefault(); selected = t.name; records = null; refresh(); } }, t.name) },
    { title: 'partitions', num: true, cell: t => number(t.partitions) },
    { title: 'replicas', num: true, cell: t => number(t.replicationFactor) },
    { title: 'retention', cell: t => retention(t.retentionMs) },
  ], topics, { rowAttributes: t => ({ 'data-topic': t.name }) });
}

function detail(topic) {
  const lagRows = topic.groups.flatMap(g => g.partitions.map(p => ({ group: g.group, total: g.lag, ...p })));
  return [
    h('h2', {}, `Topic ${topic.name}`),
    table([
      { title: 'partition', num: true, cell: p => p.partition },
      { title: 'leader', num: true, cell: p => p.leader },
      { title: 'replicas', cell: p => p.replicas.join(', ') },
      { title: 'in sync', cell: p => p.inSyncReplicas.join(', ') },
      { title: 'low', num: true, cell: p => number(p.low) },
      { title: 'high', num: true, cell: p => number(p.high) },
    ], topic.partitions),
    h('h2', {}, 'Consumer groups'),
    table([
      { title: 'group', cell: r => r.group },
      { title: 'partition', num: true, cell: r => r.partition },
      { title: 'committed', num: true, cell: r => (r.committed === null ? 'none' : number(r.committed)) },
      { title: 'lag', num: true, cell: r => number(r.lag) },
    ], lagRows, { empty: 'No group reads this topic.' }),
    h('h2', {}, 'Newest records'),
    h('button', { type: 'button', onclick: () => browse(topic.name) }, 'Browse newest records'),
    records ? recordTable(records) : null,
  ];
}

const recordTable = rows => table([
  { title: 'partition/offset', cell: r => `${r.partition}/${r.offset}` },
  { title: 'time', cell: r => new Date(r.timestamp).toISOString() },
  { title: 'key', cell: r => r.key ?? '' },
  { title: 'headers', cell: r => json(r.headers) },
  { title: 'body', cell: r => (r.body.json ? json(r.body.json) : h('span', { class: 'error' }, r.body.error)) },
], rows, { empty: 'The topic holds no records.' });

async function browse(name) {
  try {
    records = (await get(`/kafka/topics/${encodeURIComponent(name)}/records?limit=20`)).records;
  } catch (error) {
    outcome = failure(error);
  }
  refresh();
}

function createForm() {
  return h('form', { class: 'inline', id: 'create-topic', onsubmit: create },
    h('label', {}, 'name ', h('input', { name: 'name', required: true, pattern: '[A-Za-z0-9._\\-]+' })),
    h('label', {}, 'partitions ', h('input', { name: 'num_partitions', type: 'number', min: 1, placeholder: 'default' })),
    h('label', {}, 'replicas ', h('input', { name: 'replication_factor', type: 'number', min: 1, placeholder: 'default' })),
    h('label', {}, 'retention ms ', h('input', { name: 'retention_ms', type: 'number', min: -1, placeholder: 'default' })),
    h('button', {}, 'Create topic'));
}

async function create(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = { name: form.get('name') };
  for (const field of ['num_partitions', 'replication_factor', 'retention_ms']) {
    if (form.get(field)) body[field] = Number(form.get(field));
  }
  try {
    const { body: created } = await post('/kafka/topics', body);
    outcome = h('p', { class: 'result' }, `Created ${created.name} with ${created.partitions} partitions.`);
    selected = created.name;
  } catch (error) {
    outcome = failure(error);
  }
  refresh();
}

export async function refresh() {
  const [topics, topic] = await Promise.allSettled([get('/kafka/topics'), selected ? get(`/kafka/topics/${encodeURIComponent(selected)}`) : null]);
  show(section,
    h('h2', {}, 'Create a topic'), createForm(), outcome,
    h('h2', {}, 'Topics'), topics.status === 'fulfilled' ? list(topics.value) : failure(topics.reason),
    selected ? (topic.status === 'fulfilled' ? detail(topic.value) : failure(topic.reason)) : null);
}

export function mount(element) {
  section = element;
}
