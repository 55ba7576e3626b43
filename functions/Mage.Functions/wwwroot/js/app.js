// The dashboard shell: asks for a key once per tab, routes #/… addresses to views, announces
// status changes, and disposes each view (timers, requests, streams) when leaving it.

import { onUnauthorized } from './api.js';
import { clearKey, getKey } from './key.js';
import { mountKeyForm } from './views/key-form.js';
import { mountServices } from './views/services.js';
import { mountBuilds } from './views/builds.js';
import { mountConfiguration } from './views/configuration.js';
import { mountBuild } from './views/build.js';

const routes = [
  { pattern: /^\/?$/, mount: mountServices },
  { pattern: /^\/services\/([^/]+)\/?$/, mount: mountBuilds },
  { pattern: /^\/services\/([^/]+)\/configuration\/?$/, mount: mountConfiguration },
  { pattern: /^\/builds\/([^/]+)\/?$/, mount: mountBuild },
];

const main = document.getElementById('main');
const announcer = document.getElementById('announcer');
let current = null;
let firstRoute = true;
let keyMessage = '';

const context = {
  /** Says something to screen readers (polite). */
  announce(message) {
    announcer.textContent = '';
    // A new text node a moment later is announced even when the text repeats.
    setTimeout(() => { announcer.textContent = message; }, 50);
  },
  /** Goes to a #/ address. */
  navigate(path) {
    if (location.hash === `#${path}`) route();
    else location.hash = path;
  },
  /** Changes the address without re-rendering (e.g. filters), so focus stays where it is. */
  replaceQuery(path) {
    history.replaceState(null, '', `#${path}`);
  },
  setTitle(title) {
    document.title = `${title} · Mage builds`;
  },
};

function parseHash() {
  const raw = location.hash.startsWith('#') ? location.hash.slice(1) : '';
  const [path, search = ''] = raw.split('?');
  return { path: path || '/', query: new URLSearchParams(search) };
}

function dispose() {
  try {
    current?.dispose?.();
  } finally {
    current = null;
  }
}

function route() {
  const { path, query } = parseHash();
  if (location.hash && !location.hash.startsWith('#/')) return; // an in-page anchor, not a route
  dispose();
  main.replaceChildren();
  updateKeyStatus();
  if (!getKey()) {
    current = mountKeyForm(main, { ...context, message: keyMessage, done: () => { keyMessage = ''; route(); } });
    return;
  }

  const match = routes.map((r) => ({ r, m: path.match(r.pattern) })).find((x) => x.m);
  if (!match) {
    context.setTitle('Not found');
    main.append(Object.assign(document.createElement('h1'), { textContent: 'Page not found', tabIndex: -1 }));
    main.append(Object.assign(document.createElement('p'), { textContent: `Nothing lives at #${path}.` }));
    return;
  }
  const params = match.m.slice(1).map(decodeURIComponent);
  current = match.r.mount(main, params, query, context);
  if (!firstRoute) {
    // Moving to a new page: put keyboard and screen-reader focus on its heading.
    const heading = main.querySelector('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }
  firstRoute = false;
}

function updateKeyStatus() {
  document.getElementById('key-status').hidden = !getKey();
}

document.getElementById('forget-key').addEventListener('click', () => {
  clearKey();
  keyMessage = 'The key was forgotten. Enter a key to go on.';
  route();
  document.getElementById('api-key')?.focus();
});

document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

onUnauthorized(() => {
  if (!getKey()) return;
  clearKey();
  keyMessage = 'The key was refused (401). Enter a valid key.';
  route();
});

window.addEventListener('hashchange', route);
route();
