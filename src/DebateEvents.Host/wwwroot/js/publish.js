// Publish: a form per event type, made from its Avro schema; it posts through the outbox and shows where the event landed.
import { get, post } from './api.js';
import { avroForm } from './avro-form.js';
import { failure, h, show } from './dom.js';

let section;
let type = null;
let outcome = null;

async function submit(event, form) {
  event.preventDefault();
  let data;
  try {
    data = form.read(event.target);
  } catch (error) {
    outcome = failure(error);
    return refresh();
  }
  show(section.querySelector('#publish-outcome'), h('p', { class: 'hint' }, 'Publishing…'));
  try {
    const { status, body } = await post('/kafka/events?wait=true', { event_type: type, event_data: data });
    outcome = h('div', { class: 'result', id: 'published' },
      h('p', {}, 'Event id ', h('strong', { 'data-event-id': body.event_id }, body.event_id), ` (${body.event_type})`),
      status === 200
        ? h('p', { 'data-partition': body.partition, 'data-offset': body.offset }, `Acknowledged on ${body.topic}, partition ${body.partition}, offset ${body.offset}.`)
        : h('p', { class: 'hint' }, 'Committed to the outbox; the broker has not acknowledged it yet.'));
  } catch (error) {
    outcome = failure(error);
  }
  refresh();
}

export async function refresh() {
  try {
    const types = await get('/events');
    type ??= types.includes('DebateInitiated') ? 'DebateInitiated' : types[0];
    const form = avroForm(await get(`/events/${encodeURIComponent(type)}/schema`));
    show(section,
      h('h2', {}, 'Publish an event'),
      h('label', {}, 'Event type ', h('select', { name: 'type', onchange: e => { type = e.target.value; outcome = null; refresh(); } },
        types.map(t => h('option', { value: t, selected: t === type }, t)))),
      h('p', { class: 'hint' }, 'Fields come from the schema; * marks the required ones. The event goes through the outbox like any other.'),
      h('form', { class: 'stack', id: 'publish-form', onsubmit: e => submit(e, form) }, form.inputs, h('button', {}, `Publish ${type}`)),
      h('div', { id: 'publish-outcome' }, outcome));
  } catch (error) {
    show(section, h('h2', {}, 'Publish an event'), failure(error));
  }
}

export function mount(element) {
  section = element;
}
