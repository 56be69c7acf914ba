// The one way to call the portal API: same origin, HttpOnly session cookies (never readable here, never stored),
// the CSRF cookie echoed in X-XSRF-TOKEN on unsafe methods, problem+json turned into ApiError, and one transparent
// refresh when the access token has run out.
import { lang } from './i18n.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TIMEOUT_MS = 30000;
const CSRF_TIMEOUT_MS = 10000;
const listeners = new Set();
let refreshing = null;

export class ApiError extends Error {
  constructor({ status, code, problem = {}, retryAfter = null }) {
    super(problem.detail || code);
    this.status = status;
    this.code = code;
    this.problem = problem;
    this.retryAfter = retryAfter;
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
    this.requestId = problem.requestId || null;
  }
}

/** Called with no argument when the session ended (refresh refused): the app shows the login page. */
export function onSessionEnded(listener) {
  listeners.add(listener);
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  patch: (path, body, options) => request('PATCH', path, { ...options, body }),
  delete: (path, options) => request('DELETE', path, options),
};

async function request(method, path, { body, query, headers = {}, refresh = true } = {}) {
  const url = query ? `${path}?${new URLSearchParams(clean(query))}` : path;
  try {
    return await send(method, url, body, headers);
  } catch (error) {
    if (refresh && error instanceof ApiError && error.status === 401 && !path.startsWith('/api/auth/')
        && ['token-expired', 'unauthenticated'].includes(error.code) && await refreshSession()) {
      return send(method, url, body, headers);
    }
    if (error instanceof ApiError && error.status === 401 && !path.startsWith('/api/auth/') && refresh) {
      listeners.forEach((listener) => listener(error));
    }
    throw error;
  }
}

/** One refresh at a time, whatever number of calls found the token expired together. */
export function refreshSession() {
  refreshing ??= send('POST', '/api/auth/refresh', undefined)
    .then(() => true, () => false)
    .finally(() => { refreshing = null; });
  return refreshing;
}

async function send(method, url, body, extraHeaders = {}) {
  const headers = { ...extraHeaders, Accept: 'application/json', 'Accept-Language': lang() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) headers['X-XSRF-TOKEN'] = await csrfToken();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: controller.signal,
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: controller.signal.aborted ? 'timeout' : 'network' });
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.ok) return payload;
  const problem = type.includes('application/problem+json') && payload ? payload : {};
  throw new ApiError({
    status: response.status,
    code: problem.code || `http-${response.status}`,
    problem,
    retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
  });
}

async function csrfToken() {
  let token = cookie('XSRF-TOKEN');
  if (!token) {
    // bounded like every call: a request that never answers must not hold the page's start (or a form) forever
    await fetch('/api/auth/csrf', { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: AbortSignal.timeout(CSRF_TIMEOUT_MS) })
      .catch(() => null);
    token = cookie('XSRF-TOKEN');
  }
  return token || '';
}

function cookie(name) {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return entry ? decodeURIComponent(entry.slice(name.length + 1)) : null;
}

function retryAfterSeconds(value) {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

function clean(query) {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}
