// History-API router over routes.json (the same file tells the server which paths are pages). Each page is a module
// in pages/ exporting render(main, context) and title(); it is loaded on first use, so adding a page is one module
// and one line in routes.json.
import routes from './routes.json' with { type: 'json' };
import { t } from './i18n.js';
import { currentUser } from './session.js';
import { pageHeading, announce, problemBox } from './ui.js';

const compiled = routes.map((route) => ({ ...route, regex: compile(route.path) }));
let renderToken = 0;
let flash = null;
let rendered = false;

function compile(path) {
  const names = [];
  const source = path.replace(/:([A-Za-z]+)/g, (match, name) => { names.push(name); return '([^/]+)'; });
  return { pattern: new RegExp(`^${source}/?$`), names };
}

export function match(pathname) {
  for (const route of compiled) {
    const found = route.regex.pattern.exec(pathname);
    if (found) {
      const params = Object.fromEntries(route.regex.names.map((name, index) => [name, decodeURIComponent(found[index + 1])]));
      return { route, params };
    }
  }
  return null;
}

export function navRoutes() {
  return compiled.filter((route) => route.nav);
}

/** A message shown once on the next page (e.g. "password changed, log in"). */
export function setFlash(message) {
  flash = message;
}

export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  return render();
}

export async function render() {
  const token = ++renderToken;
  const main = document.getElementById('main');
  const url = new URL(location.href);
  const found = match(url.pathname);
  const user = currentUser();

  if (found && found.route.access === 'user' && !user) {
    const next = url.pathname + url.search;
    return navigate(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`, { replace: true });
  }
  if (found && found.route.access === 'guest' && user) {
    return navigate('/', { replace: true });
  }

  main.setAttribute('aria-busy', 'true');
  let page;
  try {
    page = await import(`./pages/${found ? found.route.page : 'not-found'}.js`);
  } catch (error) {
    main.replaceChildren(pageHeading(t('problem.pageLoadFailed')), problemBox(error));
    main.removeAttribute('aria-busy');
    return;
  }
  if (token !== renderToken) return; // a newer navigation won
  const context = { params: found ? found.params : {}, query: url.searchParams, user, navigate, flash };
  flash = null;
  main.replaceChildren();
  document.title = `${page.title(context)} | ${t('layout.brand')}`;
  await page.render(main, context);
  main.removeAttribute('aria-busy');
  if (token !== renderToken) return;
  markCurrentNav(url.pathname);
  // the first page keeps the browser's own start (the skip link comes first); later ones move focus to their heading
  if (rendered) {
    const heading = main.querySelector('h1');
    (heading || main).focus({ preventScroll: false });
    announce(document.title);
  }
  rendered = true;
}

function markCurrentNav(pathname) {
  for (const anchor of document.querySelectorAll('#site-nav a')) {
    const href = anchor.getAttribute('href');
    const current = href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
    if (current) anchor.setAttribute('aria-current', 'page'); else anchor.removeAttribute('aria-current');
  }
}

/** Same-origin links are handled here (no reload); modified clicks, downloads and other origins are the browser's. */
export function interceptLinks() {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target.closest('a[href]');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => render());
}

