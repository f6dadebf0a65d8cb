// Outbox: events the broker rejected for good (parked) with a requeue action, and what still waits, per key bucket.
import { get, post } from './api.js';
import { failure, h, number, seconds, show, table } from './dom.js';

let section;
let outcome = null;

async function requeue(id) {
  try {
    await post(`/outbox/parked/${id}/requeue`);
    outcome = h('p', { class: 'result' }, `Parked event ${id} is back in line for delivery.`);
  } catch (error) {
    outcome = failure(error);
  }
  refresh();
}

const parkedTable = parked => table([
  // The action first: it stays in view when a narrow window scrolls the table.
  { title: '', cell: p => h('button', { type: 'button', onclick: () => requeue(p.id) }, 'Requeue') },
  { title: 'id', num: true, cell: p => p.id },
  { title: 'event', cell: p => [h('div', {}, p.eventType ?? ''), h('div', { class: 'hint' }, p.eventId)] },
  { title: 'topic', cell: p => p.topic },
  { title: 'key', cell: p => p.key ?? '' },
  { title: 'attempts', num: true, cell: p => number(p.attempts) },
  { title: 'parked at', cell: p => p.parkedAt },
  { title: 'error', cell: p => h('span', { class: 'error' }, p.error) },
], parked, { empty: 'No parked events.' });

const backlogTable = backlog => [
  h('p', {}, 'Backlog ', h('strong', {}, number(backlog.count)), ' events; oldest waiting ', h('strong', {}, seconds(backlog.oldestAgeSeconds)), '.'),
  table([
    { title: 'bucket', num: true, cell: b => b.bucket },
    { title: 'events', num: true, cell: b => number(b.count) },
    { title: 'oldest waiting', num: true, cell: b => seconds(b.oldestAgeSeconds) },
  ], backlog.buckets, { empty: 'Nothing waits: every event was delivered.' }),
];

export async function refresh() {
  const [parked, backlog] = await Promise.allSettled([get('/outbox/parked?limit=100'), get('/outbox/backlog')]);
  show(section,
    h('h2', {}, 'Parked events'), outcome, parked.status === 'fulfilled' ? parkedTable(parked.value) : failure(parked.reason),
    h('h2', {}, 'Backlog by key bucket'), backlog.status === 'fulfilled' ? backlogTable(backlog.value) : failure(backlog.reason));
}

export function mount(element) {
  section = element;
}

export const interval = 5000;
