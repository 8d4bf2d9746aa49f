// Colleagues board: everyone the signed-in user may see, with what the API shows of their presence, grouped by
// primary group or by team (the choice kept in localStorage; a user in two teams is in both sections, one in none
// under "No team"), searchable, kept live by the 'profile' events (a 'reset' reloads the whole list; grouped by
// team, a switch reloads it too, as it may change the teams).
import { api, all } from './api.js';
import { h, textOn } from './dom.js';
import { t } from './i18n.js';
import { icon } from './icons.js';
import { on, onState } from './live.js';

const GROUPING = 'pgw.board.grouping';
const storedGrouping = () => { try { return localStorage.getItem(GROUPING) === 'team' ? 'team' : 'group'; } catch (e) { return 'group'; } };

export async function renderBoard(main, { groups }) {
  let [colleagues, teams] = await Promise.all([all('/api/v1/colleagues'), api('/api/v1/teams')]);
  let grouping = storedGrouping();
  const teamName = new Map(teams.map((x) => [x.id, x.name]));
  const choice = h('fieldset', { class: 'grouping', id: 'board-grouping' }, h('legend', {}, t('groupBy')),
    ...[['group', t('byGroup')], ['team', t('byTeam')]].map(([value, label]) => h('label', {},
      h('input', { type: 'radio', name: 'board-grouping', value, checked: value === grouping,
        onchange: () => { grouping = value; try { localStorage.setItem(GROUPING, value); } catch (e) { /* private mode */ } paint(); } }),
      ` ${label}`)));
  const byId = new Map(colleagues.map((c) => [c.user.id, c]));
  const search = h('input', { type: 'search', id: 'board-search', placeholder: t('searchHint'), autocomplete: 'off' });
  const state = h('span', { class: 'live', id: 'live-state', 'aria-live': 'polite' });
  const list = h('div', { id: 'board' });
  const groupName = new Map(groups.map((g) => [g.id, g.name]));

  function card(c) {
    const p = c.presence || {};
    const badge = h('span', { class: 'badge', style: { background: p.color || '#9e9e9e', color: textOn(p.color || '#9e9e9e') } },
      icon(p.icon || 'circle', 22));
    return h('li', { class: 'colleague', dataset: { userId: c.user.id, icon: p.icon || '', profile: p.profileName || '' } },
      badge, h('span', { class: 'who' }, h('strong', {}, c.user.displayName),
        c.user.extension ? h('span', { class: 'ext' }, ` ${c.user.extension}`) : null,
        h('span', { class: 'status' }, p.profileName || (c.presence ? '' : t('unknownPresence')))));
  }

  function paint() {
    const q = search.value.trim().toLowerCase();
    const shown = colleagues.filter((c) => !q || [c.user.displayName, c.user.extension, c.presence && c.presence.profileName]
      .some((s) => s && s.toLowerCase().includes(q)));
    const sections = new Map();
    const put = (key, c) => { if (!sections.has(key)) sections.set(key, []); sections.get(key).push(c); };
    for (const c of shown) {
      if (grouping === 'team') {
        const mine = (c.teamIds || []).filter((id) => teamName.has(id));
        if (mine.length === 0) put(t('noTeam'), c);
        mine.forEach((id) => put(teamName.get(id), c));
      } else {
        put(c.user.primaryGroupId != null && groupName.has(c.user.primaryGroupId) ? groupName.get(c.user.primaryGroupId) : t('noGroup'), c);
      }
    }
    const names = [...sections.keys()].sort((a, b) => a.localeCompare(b));
    list.replaceChildren(...(names.length ? names.map((name, i) => h('section', { 'aria-labelledby': `board-g${i}`, dataset: { section: name } },
      h('h3', { id: `board-g${i}` }, name, ` (${sections.get(name).length})`),
      h('ul', { class: 'colleagues' }, sections.get(name).sort((a, b) => a.user.displayName.localeCompare(b.user.displayName)).map(card))))
      : [h('p', {}, t('nobody'))]));
  }

  let reloading = null;
  /** Grouped by team a switch may move a colleague between teams: the list is read again, at most once a second. */
  function reloadSoon() {
    if (!reloading) reloading = setTimeout(() => { reloading = null; reload().catch(() => {}); }, 1000);
  }

  async function reload() {
    colleagues = await all('/api/v1/colleagues');
    byId.clear();
    colleagues.forEach((c) => byId.set(c.user.id, c));
    paint();
  }

  search.addEventListener('input', paint);
  paint();
  main.replaceChildren(h('section', { 'aria-labelledby': 'board-title' },
    h('div', { class: 'title-row' }, h('h2', { id: 'board-title' }, t('board')), state),
    h('div', { class: 'board-tools' }, h('div', { class: 'field' }, h('label', { for: 'board-search' }, t('search')), search), choice), list));
  const offs = [
    on('profile', (view) => {
      const c = byId.get(view.userId);
      if (!c) return;
      c.presence = view;
      paint();
      if (grouping === 'team') reloadSoon();
    }),
    on('reset', reload),
    onState((open) => { state.textContent = open ? t('live') : t('offline'); }),
  ];
  state.textContent = t('live');
  return () => { offs.forEach((off) => off()); clearTimeout(reloading); };
}
