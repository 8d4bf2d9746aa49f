// The administration: the sections GET /api/v1/me lists in 'may' for the signed-in user's role, and only those;
// each screen does what the API allows him (the server refuses the rest, and the screen shows its answer). A direct
// URL to a section not in 'may' shows a refusal, not the screen.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { renderProfiles } from './profiles.js';
import { renderUsers } from './users.js';
import { renderGroups } from './groups.js';
import { renderTeams, renderWorkplaces } from './places.js';
import { renderTokens } from './tokens.js';
import { renderPbx } from './pbx.js';
import { renderReports } from './reports.js';

const allowed = (me) => SCREENS.filter(([n]) => (me.may || []).includes(n));
export const mayAdminister = (me) => allowed(me).length > 0;
/** The hash of the first section the user may use (the main menu's "Administration" link). */
export const adminHome = (me) => `#/admin/${allowed(me)[0][0]}`;

const SCREENS = [
  ['profiles', 'adminProfiles', renderProfiles], ['users', 'adminUsers', renderUsers],
  ['groups', 'adminGroups', renderGroups], ['teams', 'adminTeams', renderTeams],
  ['workplaces', 'adminWorkplaces', renderWorkplaces], ['tokens', 'adminTokens', renderTokens],
  ['pbx', 'adminPbx', renderPbx], ['reports', 'adminReports', renderReports],
];

export async function renderAdmin(main, session, hash) {
  if (!mayAdminister(session.me)) {
    main.replaceChildren(h('h2', {}, t('navAdmin')), h('p', { role: 'alert', id: 'not-allowed', class: 'form-error' }, t('notAllowed')));
    return null;
  }
  const mine = allowed(session.me);
  const [, , name = mine[0][0], ...rest] = hash.split('/');
  const screen = mine.find(([n]) => n === name);
  const nav = h('nav', { 'aria-label': t('navAdmin'), class: 'subnav', id: 'admin-nav' }, h('ul', {}, mine.map(([n, label]) =>
    h('li', {}, h('a', { href: `#/admin/${n}`, dataset: { section: n }, 'aria-current': screen && n === screen[0] ? 'page' : null }, t(label))))));
  const body = h('div', { class: 'admin-body' });
  main.replaceChildren(nav, body);
  if (!screen) {
    body.replaceChildren(h('h2', {}, t('navAdmin')),
      h('p', { role: 'alert', id: 'not-allowed', class: 'form-error' }, t('sectionNotAllowed')));
    return null;
  }
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
