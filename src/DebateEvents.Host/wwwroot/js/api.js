// Every call the console makes goes through here: the host's public HTTP API, nothing else.
const keyName = 'debate-events-api-key';

export const apiKey = {
  get: () => sessionStorage.getItem(keyName) ?? '',
  set: value => (value ? sessionStorage.setItem(keyName, value) : sessionStorage.removeItem(keyName)),
};

/** A non-2xx answer, with the problem-details text the host gave. */
export class ApiError extends Error {
  constructor(status, body) {
    super(describe(status, body));
    this.status = status;
    this.body = body;
  }
}

function describe(status, body) {
  if (!body || typeof body !== 'object') return `HTTP ${status}${body ? `: ${body}` : ''}`;
  const fields = Object.entries(body.errors ?? {}).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`);
  return [`HTTP ${status}`, body.title, body.detail, ...fields].filter(Boolean).join(' — ');
}

async function read(response) {
  const text = await response.text();
  if (!text) return null;
  try { return JSON.parse(text); } catch { return text; }
}

/** GETs JSON; with keepError the body of a non-2xx answer is returned too (health answers 503 with its report). */
export async function get(path, { keepError = false } = {}) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await read(response);
  if (!response.ok && !keepError) throw new ApiError(response.status, body);
  return keepError ? { status: response.status, body } : body;
}

/** POSTs JSON with the API key when one was entered; returns status and body, throws ApiError on failure. */
export async function post(path, body = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (apiKey.get()) headers['X-Api-Key'] = apiKey.get();
  const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
  const answer = await read(response);
  if (!response.ok) throw new ApiError(response.status, answer);
  return { status: response.status, body: answer };
}
