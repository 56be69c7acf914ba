// Who is logged in, as the API says (GET /api/me); nothing about the session is kept in the page beyond this.
import { api, ApiError } from './api.js';

let me = null;

export function currentUser() {
  return me;
}

export async function loadSession() {
  try {
    me = await api.get('/api/me');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    me = null;
  }
  return me;
}

export async function login(email, password) {
  await api.post('/api/auth/login', { email, password });
  return loadSession();
}

export async function logout() {
  try {
    await api.post('/api/auth/logout', undefined);
  } finally {
    me = null;
  }
}

export function forget() {
  me = null;
}
