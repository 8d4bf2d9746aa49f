// Profile Gateway's web page: sign-in, my presence, the colleagues board and, by role, the administration.
// Plain ES modules, no framework; every view shows only what the API answers for the signed-in user.
import { api, whenSignedOut } from './api.js';
import { h } from './dom.js';
import { t, setLanguage } from './i18n.js';
import { connect, disconnect, on } from './live.js';
import { renderSignIn } from './signin.js';
import { renderPresence } from './presence.js';
import { renderBoard } from './board.js';
import { renderAdmin, mayAdminister, adminHome } from './admin/admin.js';

const main = document.getElementById('main');
const header = document.getElementById('header');
let session = null; // { me, user, groups }
let cleanup = null;

async function start() {
  whenSignedOut(showSignIn);
  let me;
  try {
    me = await api('/api/v1/me');
  } catch (e) {
    if (e.status === 401) return showSignIn();
    throw e;
  }
  const [user, groups] = await Promise.all([api(`/api/v1/users/${me.userId}`), api('/api/v1/groups')]);
  const primary = groups.find((g) => g.id === user.primaryGroupId);
  setLanguage(primary ? primary.language : navigator.language);
  session = { me, user, groups };
  renderHeader();
  connect();
  route();
}

function showSignIn() {
  session = null;
  disconnect();
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  setLanguage(navigator.language);
  header.replaceChildren(h('h1', {}, t('appName')));
  renderSignIn(main, () => { location.hash = '#/presence'; start(); });
}

function renderHeader() {
  const link = (hash, label, nav = hash) => h('a', { href: hash, dataset: { nav } }, label);
  const items = [link('#/presence', t('navPresence')), link('#/board', t('navBoard'))];
  if (mayAdminister(session.me)) items.push(link(adminHome(session.me), t('navAdmin'), '#/admin'));
  header.replaceChildren(
    h('h1', {}, t('appName')),
    h('nav', { 'aria-label': t('mainNav'), id: 'nav' }, h('ul', {}, items.map((a) => h('li', {}, a)))),
    h('div', { class: 'who' }, h('span', { id: 'who' }, session.user.displayName),
      h('button', { type: 'button', id: 'signout', onclick: signOut }, t('signOut'))));
}

async function signOut() {
  await api('/logout', { method: 'POST' }).catch(() => {});
  showSignIn();
}

async function route() {
  if (!session) return;
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  const hash = location.hash || '#/presence';
  header.querySelectorAll('[data-nav]').forEach((a) => {
    const current = hash.startsWith(a.dataset.nav);
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const view = hash.startsWith('#/board') ? renderBoard
    : hash.startsWith('#/admin') ? renderAdmin : renderPresence;
  main.replaceChildren(h('p', {}, t('loading')));
  try {
    cleanup = await view(main, session, hash);
  } catch (e) {
    if (e.status !== 401) main.replaceChildren(h('p', { role: 'alert', class: 'form-error' }, e.message));
  }
  const title = main.querySelector('h2');
  if (title) { title.tabIndex = -1; title.focus({ preventScroll: true }); }
}

window.addEventListener('hashchange', route);
on('session-ended', () => { if (session) showSignIn(); });
start();
