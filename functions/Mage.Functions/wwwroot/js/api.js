// The public HTTP API under /api, with the key in x-functions-key. Errors become ApiError
// carrying the RFC 7807 problem (title, detail, errors) exactly as the server sent it.

import { getKey } from './key.js';

/** An answer other than 2xx, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

const unauthorizedListeners = new Set();

/** Called with the error whenever the API answers 401 (the key is missing or no longer valid). */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/**
 * Sends a request and returns the Response of a 2xx answer; throws ApiError otherwise.
 * options: method, body (string or object → JSON), headers, signal, key (instead of the tab's key).
 */
export async function request(path, options = {}) {
  const headers = new Headers(options.headers ?? {});
  const key = options.key ?? getKey();
  if (key) headers.set('x-functions-key', key);
  let body = options.body;
  if (body !== undefined && typeof body !== 'string' && !(body instanceof Blob)) {
    body = JSON.stringify(body);
    headers.set('content-type', 'application/json');
  }
  if (!headers.has('accept')) headers.set('accept', 'application/json, application/problem+json, text/plain;q=0.9');

  let response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal, cache: 'no-store' });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'The service did not answer', detail: `${error.message}. Check that the app is running; the page keeps retrying.` });
  }

  if (response.ok) return response;
  const problem = await readProblem(response);
  const error = new ApiError(response.status, problem);
  if (response.status === 401 && !options.key) unauthorizedListeners.forEach((l) => l(error));
  throw error;
}

/** GET (or another method) and parse JSON. */
export async function json(path, options = {}) {
  const response = await request(path, options);
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

async function readProblem(response) {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return { status: response.status, ...parsed };
  } catch {
    // Not JSON: keep the text as the detail below.
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}`, detail: text.slice(0, 2000) };
}

/** Path segment escaping for names in routes. */
export const seg = (value) => encodeURIComponent(value);
