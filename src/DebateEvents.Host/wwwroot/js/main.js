// The console's shell: tabs by URL hash, the API key kept in sessionStorage, and the refresh loop of the visible section.
import { apiKey, get } from './api.js';
import * as consumers from './consumers.js';
import * as deadLetters from './dead-letters.js';
import * as outbox from './outbox.js';
import * as overview from './overview.js';
import * as publish from './publish.js';
import * as topics from './topics.js';

const sections = { overview, topics, 'dead-letters': deadLetters, outbox, consumers, publish };
let keyRequired = false;
let timer = null;

async function refresh(module) {
  try {
    await module.refresh();
  } catch (error) {
    console.error(error);
  }
}

function open() {
  const id = sections[location.hash.slice(1)] ? location.hash.slice(1) : 'overview';
  for (const name of Object.keys(sections)) document.getElementById(name).hidden = name !== id;
  for (const link of document.querySelectorAll('#tabs a')) link.classList.toggle('active', link.getAttribute('href') === `#${id}`);
  clearTimeout(timer);
  const module = sections[id];
  const loop = async () => {
    await refresh(module);
    // The next refresh starts after this one ended, so a slow host is never asked twice at once.
    if (module.interval) timer = setTimeout(loop, module.interval);
  };
  loop();
}

function showKeyState() {
  const state = document.getElementById('api-key-state');
  const notice = document.getElementById('notice');
  state.textContent = apiKey.get() ? 'key set for this tab' : keyRequired ? 'missing' : 'not needed';
  notice.hidden = !keyRequired || Boolean(apiKey.get());
  notice.textContent = 'This host requires an API key for every change (publish, replay, requeue, pause, create). Enter it above; it is kept for this browser tab only.';
}

async function init() {
  for (const [name, module] of Object.entries(sections)) module.mount(document.getElementById(name));
  const form = document.getElementById('api-key');
  form.elements.key.value = apiKey.get();
  form.addEventListener('submit', e => e.preventDefault());
  form.elements.key.addEventListener('change', e => { apiKey.set(e.target.value.trim()); showKeyState(); });
  try {
    // The effective configuration shows a configured key as *** (never the key itself).
    const introspection = await get('/kafka/introspect');
    keyRequired = Boolean(introspection.configuration?.['Api:Key']);
  } catch {
    keyRequired = false;
  }
  showKeyState();
  window.addEventListener('hashchange', open);
  open();
}

init();
