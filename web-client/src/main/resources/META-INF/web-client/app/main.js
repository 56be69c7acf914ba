// Start: language, session (GET /api/me), header, then the page for the current address.
import { t, lang, setLang, loadLanguage } from './i18n.js';
import { onSessionEnded } from './api.js';
import { currentUser, loadSession, logout, forget } from './session.js';
import { render, navigate, navRoutes, interceptLinks, setFlash } from './router.js';
import { h, busy, problemMessage } from './ui.js';

const header = document.querySelector('.site-header');
const nav = document.getElementById('site-nav');
const menuToggle = document.querySelector('.menu-toggle');
const langToggle = document.querySelector('.lang-toggle');

function renderChrome() {
  document.documentElement.lang = lang();
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  nav.setAttribute('aria-label', t('layout.navLabel'));
  const other = lang() === 'ja' ? 'en' : 'ja';
  langToggle.textContent = other === 'en' ? 'English' : '日本語';
  langToggle.lang = other;
  langToggle.setAttribute('aria-label', other === 'en' ? 'Switch to English' : '日本語に切り替える');
  langToggle.hidden = false;

  const user = currentUser();
  menuToggle.hidden = !user;
  nav.hidden = !user;
  if (!user) {
    nav.replaceChildren();
    return;
  }
  const logoutButton = h('button', { type: 'button', class: 'button-link' }, t('nav.logout'));
  logoutButton.addEventListener('click', () => busy(logoutButton, async () => {
    try {
      await logout();
      setFlash(t('session.loggedOut'));
    } catch (error) {
      setFlash(problemMessage(error));
    }
    renderChrome();
    await navigate('/login');
  }));
  nav.replaceChildren(
    h('ul', {}, navRoutes().map((route) => h('li', {}, h('a', { href: route.path }, t(route.nav))))),
    logoutButton);
  markOpen(false);
}

function markOpen(open) {
  header.classList.toggle('is-open', open);
  menuToggle.setAttribute('aria-expanded', String(open));
}

menuToggle.addEventListener('click', () => markOpen(menuToggle.getAttribute('aria-expanded') !== 'true'));
nav.addEventListener('click', (event) => { if (event.target.closest('a')) markOpen(false); });
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && header.classList.contains('is-open')) {
    markOpen(false);
    menuToggle.focus();
  }
});

langToggle.addEventListener('click', async () => {
  await setLang(lang() === 'ja' ? 'en' : 'ja');
  renderChrome();
  await render();
});

// pages say when they logged someone in or out
document.addEventListener('session-changed', () => renderChrome());

onSessionEnded(() => {
  if (!currentUser()) return;
  forget();
  renderChrome();
  setFlash(t('session.expired'));
  const next = location.pathname + location.search;
  navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
});

// the session cookie may change in another tab: re-check when the page comes back
document.addEventListener('visibilitychange', async () => {
  if (document.visibilityState !== 'visible' || !currentUser()) return;
  const before = currentUser();
  const after = await loadSession().catch(() => before);
  if (!after || after.id !== before.id) {
    renderChrome();
    await render();
  }
});

async function start() {
  const [session] = await Promise.allSettled([loadSession(), loadLanguage()]);
  if (session.status === 'rejected') setFlash(problemMessage(session.reason));
  renderChrome();
  interceptLinks();
  await render();
  document.documentElement.dataset.ready = 'true';
  // the first page is rendered with its data and answers input: what the page-weight benchmark measures
  performance.mark('portal-ready');
}

start();
