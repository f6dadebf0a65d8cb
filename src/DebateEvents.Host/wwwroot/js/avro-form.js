// Builds form inputs from an Avro record schema: one per field, by type, with enums as choices and required fields marked.
import { h } from './dom.js';

/** What a field's type is, with "null" taken out of a union (which makes the field optional). */
function resolve(field) {
  const union = Array.isArray(field.type) ? field.type : null;
  const type = union ? union.find(t => t !== 'null') : field.type;
  const optional = (union?.includes('null') ?? false) || 'default' in field;
  return { type: typeof type === 'string' ? { type } : type, optional };
}

function describe(type) {
  if (type.logicalType) return `${type.type} (${type.logicalType}${type.precision ? ` ${type.precision},${type.scale ?? 0}` : ''})`;
  if (type.type === 'array') return `array of ${typeof type.items === 'string' ? type.items : type.items.type}`;
  if (type.type === 'map') return `map of ${typeof type.values === 'string' ? type.values : type.values.type}`;
  if (type.type === 'enum') return `enum ${type.name}`;
  return type.type;
}

function input(name, type, optional) {
  const required = !optional;
  if (type.type === 'enum') {
    return h('select', { name, required }, optional ? h('option', { value: '' }, '(none)') : null, type.symbols.map(s => h('option', { value: s }, s)));
  }
  if (type.type === 'boolean') return h('input', { name, type: 'checkbox' });
  if (type.logicalType === 'uuid') return h('input', { name, required, value: optional ? '' : crypto.randomUUID() });
  if (type.logicalType?.startsWith('timestamp')) return h('input', { name, required, value: optional ? '' : new Date().toISOString() });
  if (type.logicalType === 'decimal') return h('input', { name, required, type: 'number', step: 10 ** -(type.scale ?? 0) });
  if (['int', 'long', 'float', 'double'].includes(type.type)) {
    return h('input', { name, required, type: 'number', step: type.type === 'int' || type.type === 'long' ? 1 : 'any' });
  }
  if (type.type === 'array' && type.items === 'string') return h('textarea', { name, required, rows: 3, placeholder: 'one per line' });
  if (type.type === 'string') return h('input', { name, required });
  return h('textarea', { name, required, rows: 3, placeholder: 'JSON', value: type.type === 'map' ? '{}' : type.type === 'array' ? '[]' : '' });
}

/** Reads one field's value from the form, or throws naming the field. Empty optional fields are left out (undefined). */
function read(form, name, type, optional) {
  const element = form.elements[name];
  if (type.type === 'boolean') return element.checked;
  const text = element.value.trim();
  if (text === '') {
    if (optional) return undefined;
    throw new Error(`${name} is required.`);
  }
  if (['int', 'long', 'float', 'double'].includes(type.type) && !type.logicalType) return Number(text);
  if (type.logicalType === 'decimal') return Number(text);
  if (type.type === 'array' && type.items === 'string') return text.split('\n').map(s => s.trim()).filter(Boolean);
  if (['string', 'enum'].includes(type.type) || type.logicalType) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} is not valid JSON: ${error.message}`);
  }
}

/** The labelled inputs of every field of `schema`, and a reader that returns the event data in the schema's field names. */
export function avroForm(schema) {
  const fields = schema.fields.map(field => ({ field, ...resolve(field) }));
  const inputs = fields.map(({ field, type, optional }) => h('label', { 'data-field': field.name },
    h('span', {}, h('strong', {}, field.name), ` ${describe(type)}`, optional ? ' (optional)' : h('span', { class: 'error' }, ' *')),
    input(field.name, type, optional),
    field.doc ? h('span', { class: 'hint' }, field.doc) : null));
  const readAll = form => Object.fromEntries(fields
    .map(({ field, type, optional }) => [field.name, read(form, field.name, type, optional)])
    .filter(([, value]) => value !== undefined));
  return { inputs, read: readAll };
}
