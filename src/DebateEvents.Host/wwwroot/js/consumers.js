// Consumers: each topic endpoint with its group, partitions, state, circuit and lag; pause and resume it.
import { get, post } from './api.js';
import { failure, h, number, show, state, table } from './dom.js';

let section;
let outcome = null;

async function toggle(consumer, action) {
  try {
    await post(`/kafka/consumers/${encodeURIComponent(consumer.endpoint)}/${action}`);
    outcome = h('p', { class: 'result' }, `${action === 'pause' ? 'Paused' : 'Resumed'} ${consumer.endpoint}.`);
  } catch (error) {
    outcome = failure(error);
  }
  refresh();
}

const consumerTable = consumers => table([
  // The action first: it stays in view when a narrow window scrolls the table.
  { title: '', cell: c => h('button', { type: 'button', onclick: () => toggle(c, c.paused ? 'resume' : 'pause') }, c.paused ? 'Resume' : 'Pause') },
  { title: 'topic', cell: c => c.topic },
  { title: 'group', cell: c => c.group },
  { title: 'partitions', cell: c => (c.partitions.length === 0 ? 'none' : c.partitions.map(p => p.slice(p.lastIndexOf('/') + 1)).join(', ')) },
  { title: 'state', cell: c => [state(c.state), h('div', { class: 'hint' }, c.description ?? '')] },
  { title: 'circuit', cell: c => (c.circuitOpen ? 'open' : 'closed') },
  { title: 'paused', cell: c => (c.paused ? 'yes' : 'no') },
  { title: 'lag', num: true, cell: c => number(c.lag) },
], consumers, { empty: 'No topic endpoint runs.', rowAttributes: c => ({ 'data-endpoint': c.endpoint, 'data-paused': String(c.paused) }) });

export async function refresh() {
  try {
    show(section, h('h2', {}, 'Topic endpoints'), outcome, consumerTable(await get('/kafka/consumers')));
  } catch (error) {
    show(section, h('h2', {}, 'Topic endpoints'), failure(error));
  }
}

export function mount(element) {
  section = element;
}

export const interval = 2000;
