// The administration: shown to every role above USER; each screen does what the API allows the signed-in user
// (the server refuses the rest, and the screen shows its answer).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { renderProfiles } from './profiles.js';
import { renderUsers } from './users.js';
import { renderGroups } from './groups.js';
import { renderTeams, renderWorkplaces } from './places.js';
import { renderTokens } from './tokens.js';
import { renderPbx } from './pbx.js';

export const mayAdminister = (me) => me.role !== 'USER';

const SCREENS = [
  ['profiles', 'adminProfiles', renderProfiles], ['users', 'adminUsers', renderUsers],
  ['groups', 'adminGroups', renderGroups], ['teams', 'adminTeams', renderTeams],
  ['workplaces', 'adminWorkplaces', renderWorkplaces], ['tokens', 'adminTokens', renderTokens],
  ['pbx', 'adminPbx', renderPbx],
];

export async function renderAdmin(main, session, hash) {
  if (!mayAdminister(session.me)) {
    main.replaceChildren(h('h2', {}, t('navAdmin')), h('p', { role: 'alert', id: 'not-allowed', class: 'form-error' }, t('notAllowed')));
    return null;
  }
  const [, , name = 'profiles', ...rest] = hash.split('/');
  const screen = SCREENS.find(([n]) => n === name) || SCREENS[0];
  const nav = h('nav', { 'aria-label': t('navAdmin'), class: 'subnav' }, h('ul', {}, SCREENS.map(([n, label]) =>
    h('li', {}, h('a', { href: `#/admin/${n}`, 'aria-current': n === screen[0] ? 'page' : null }, t(label))))));
  const body = h('div', { class: 'admin-body' });
  main.replaceChildren(nav, body);
  return screen[2](body, session, rest);
}

/** A table of rows with a header; cells are nodes or text. */
export function table(id, headers, rows) {
  return h('div', { class: 'scroll' }, h('table', { id }, h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c)))))));
}

/** Options of a select: [value, label] pairs, with the current value selected. */
export function options(pairs, current) {
  return pairs.map(([v, label]) => h('option', { value: v, selected: String(v) === String(current ?? '') }, label));
}
