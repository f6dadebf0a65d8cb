// Small DOM helpers: build elements, tables and states without a framework.

/** Creates an element: h('td', { class: 'num' }, 'text', childNode). Attributes starting with "on" become listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false || name === 'value') continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter(c => c !== undefined && c !== null).map(c => (c instanceof Node ? c : String(c))));
  // After the children: a select's value needs its options, a textarea's is its content.
  if (attributes?.value !== undefined && attributes.value !== null) element.value = attributes.value;
  return element;
}

/** A table from columns [{ title, cell: row => node or text, num }] and rows; `empty` is shown when there are none. */
export function table(columns, rows, { empty = 'None.', rowAttributes } = {}) {
  const head = h('tr', {}, columns.map(c => h('th', { class: c.num ? 'num' : undefined }, c.title)));
  const body = rows.length === 0
    ? [h('tr', {}, h('td', { colspan: columns.length, class: 'hint' }, empty))]
    : rows.map(row => h('tr', rowAttributes?.(row) ?? {}, columns.map(c => h('td', { class: c.num ? 'num' : undefined }, c.cell(row)))));
  return h('div', { class: 'scroll' }, h('table', {}, h('thead', {}, head), h('tbody', {}, body)));
}

/** Healthy/Degraded/Unhealthy (and true/false for "ok") as a coloured badge. */
export function state(status) {
  const kind = { Healthy: 'ok', Degraded: 'warn', Unhealthy: 'bad' }[status] ?? 'warn';
  return h('span', { class: `state ${kind}`, 'data-state': status }, status);
}

export const number = value => (value === null || value === undefined ? '—' : Number(value).toLocaleString('en', { maximumFractionDigits: 2 }));

export const seconds = value => (value === null || value === undefined ? '—' : `${Number(value).toFixed(1)} s`);

export const json = value => h('pre', {}, JSON.stringify(value, null, 2));

/** Replaces the children of `element` with `nodes`. */
export function show(element, ...nodes) {
  element.replaceChildren(...nodes.flat().filter(Boolean));
}

/** A paragraph saying what failed, for a section that could not load. */
export const failure = error => h('p', { class: 'error' }, String(error.message ?? error));
