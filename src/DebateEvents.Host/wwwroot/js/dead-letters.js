// Dead letters: a domain topic's dead-lettered records with why they failed and their decoded event; replay some or all.
import { get, post } from './api.js';
import { failure, h, json, number, show, table } from './dom.js';

let section;
let topic = null;
let outcome = null;
// The selection outlives a refresh, which rebuilds the table.
const picked = new Set();

const key = r => `${r.partition}/${r.offset}`;

function picker(topics) {
  const domain = topics.filter(t => !t.endsWith('.retry') && !t.endsWith('.dead-letter'));
  topic ??= domain[0] ?? null;
  return h('label', {}, 'Topic ', h('select', { name: 'topic', onchange: e => { topic = e.target.value; outcome = null; picked.clear(); refresh(); } },
    domain.map(t => h('option', { value: t, selected: t === topic }, t))));
}

function records(list) {
  const rows = table([
    { title: '', cell: r => h('input', { type: 'checkbox', name: 'pick', value: key(r), checked: picked.has(key(r)), 'aria-label': `select ${key(r)}`,
      onchange: e => (e.target.checked ? picked.add(key(r)) : picked.delete(key(r))) }) },
    { title: 'dead letter', cell: r => key(r) },
    { title: 'reason', cell: r => r.reason ?? '' },
    { title: 'exception', cell: r => [h('strong', {}, r.exceptionType ?? ''), h('div', {}, r.exceptionMessage ?? '')] },
    { title: 'source', cell: r => `${r.sourceTopic ?? ''} ${r.sourcePartition ?? '?'}/${r.sourceOffset ?? '?'}` },
    { title: 'attempts', num: true, cell: r => number(r.attempts) },
    { title: 'failed at', cell: r => r.failedAt ?? '' },
    { title: 'body', cell: r => (r.body.json ? json(r.body.json) : h('span', { class: 'error' }, r.body.error)) },
  ], list, { empty: 'No dead letters on this topic.', rowAttributes: r => ({ 'data-dead-letter': key(r) }) });
  return h('form', { id: 'replay', onsubmit: e => e.preventDefault() },
    h('p', { class: 'inline' },
      h('button', { type: 'button', onclick: replaySelected, disabled: list.length === 0 }, 'Replay selected'), ' ',
      h('button', { type: 'button', onclick: () => replay({ all: true }), disabled: list.length === 0 }, 'Replay all')),
    rows);
}

function replaySelected() {
  const offsets = [...picked].map(position => {
    const [partition, offset] = position.split('/').map(Number);
    return { partition, offset };
  });
  if (offsets.length === 0) {
    outcome = h('p', { class: 'error' }, 'Select at least one dead letter.');
    refresh();
    return;
  }
  replay({ offsets });
}

async function replay(body) {
  try {
    const { body: answer } = await post(`/kafka/dead-letters/${encodeURIComponent(topic)}/replay`, body);
    picked.clear();
    outcome = h('div', { class: 'result', id: 'replay-outcome' }, h('p', {}, `Replayed ${answer.replayed.length} to ${answer.topic}:`),
      h('ul', {}, answer.replayed.map(r => h('li', {}, `${r.from.partition}/${r.from.offset} → ${r.topic} ${r.to.partition}/${r.to.offset}`))));
  } catch (error) {
    outcome = failure(error);
  }
  refresh();
}

export async function refresh() {
  try {
    const topics = await get('/topics');
    const choice = picker(topics);
    const list = topic ? await get(`/kafka/dead-letters/${encodeURIComponent(topic)}`) : { records: [] };
    show(section, h('h2', {}, 'Dead letters'), choice,
      h('button', { type: 'button', onclick: refresh }, 'Refresh'), outcome, records(list.records));
  } catch (error) {
    show(section, h('h2', {}, 'Dead letters'), failure(error));
  }
}

export function mount(element) {
  section = element;
}
