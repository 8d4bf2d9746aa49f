// Groups: name, language, time zone, weekly office hours; the office state now and the receptionist's override.
import { api } from '../api.js';
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { options } from './admin.js';
import { listScreen } from './form.js';

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const STATES = ['OPEN', 'BREAK'];

export async function renderGroups(body) {
  await listScreen(body, {
    id: 'groups', title: t('adminGroups'), newLabel: t('newGroup'), path: '/api/v1/groups',
    list: () => api('/api/v1/groups'), label: (g) => g.name, base: (g) => ({ ...g, id: undefined }),
    columns: [t('name'), t('language'), t('zone'), t('officeNow')],
    row: (g) => [g.name, g.language || '', g.timeZone || '', officeCell(g)],
    fields: (g) => {
      const out = [];
      for (const [key, label] of [['name', t('name')], ['language', t('language')], ['timeZone', t('zone')]]) {
        const input = h('input', { value: g[key] ?? '' });
        out.push({ node: field(label, input, key), read: (dto) => { dto[key] = input.value.trim() || null; } });
      }
      const hours = weeklyEditor((g.officeHours && g.officeHours.weekly) || []);
      out.push({ node: hours.element, read: (dto) => { dto.officeHours = { weekly: hours.value(), exceptions: (g.officeHours && g.officeHours.exceptions) || [] }; } });
      return out;
    },
  });
}

/** The office state now and the override buttons (receptionists of the group and up; the API decides). */
function officeCell(g) {
  const state = h('span', { class: 'office-state', id: `office-${g.id}` }, '…');
  const error = h('span', { class: 'form-error', role: 'alert' });
  async function show(view) {
    state.textContent = view.override ? `${view.state} (${t('override')}: ${view.overrideBy || ''})` : view.state;
  }
  async function set(value) {
    error.textContent = '';
    try { show(await api(`/api/v1/groups/${g.id}/office-override`, { method: 'PUT', body: { state: value } })); } catch (e) { error.textContent = e.message; }
  }
  api(`/api/v1/groups/${g.id}/office`).then(show).catch(() => { state.textContent = '—'; });
  return h('div', { class: 'office' }, state, h('div', { class: 'row-buttons' },
    h('button', { type: 'button', dataset: { override: 'OPEN' }, onclick: () => set('OPEN') }, t('overrideOpen')),
    h('button', { type: 'button', dataset: { override: 'CLOSED' }, onclick: () => set('CLOSED') }, t('overrideClosed')),
    h('button', { type: 'button', dataset: { override: 'BREAK' }, onclick: () => set('BREAK') }, t('overrideBreak')),
    h('button', { type: 'button', dataset: { override: 'none' }, onclick: () => set(null) }, t('overrideNone'))), error);
}

function weeklyEditor(weekly) {
  const items = weekly.map((x) => ({ ...x }));
  const list = h('ol', { class: 'chain', id: 'office-hours' });
  function render() {
    list.replaceChildren(...items.map((x, i) => {
      const f = `officeHours.weekly[${i}]`;
      const bind = (key, el) => { el.addEventListener('change', () => { x[key] = el.value; }); return field(t(key === 'from' ? 'start' : key === 'to' ? 'end' : key), el, `${f}.${key}`); };
      return h('li', { class: 'action' }, h('div', { class: 'params' },
        bind('day', h('select', {}, options(DAYS.map((d) => [d, d]), x.day))),
        bind('from', h('input', { type: 'time', value: x.from || '' })), bind('to', h('input', { type: 'time', value: x.to || '' })),
        bind('state', h('select', {}, options(STATES.map((s) => [s, s]), x.state)))),
      h('button', { type: 'button', class: 'remove', 'aria-label': `${t('remove')}: ${x.day} ${x.from}`, onclick: () => { items.splice(i, 1); render(); } }, '✕'));
    }));
  }
  render();
  return {
    element: h('fieldset', { class: 'chain-editor wide', dataset: { field: 'officeHours' } }, h('legend', {}, t('officeHours')), list,
      h('button', { type: 'button', onclick: () => { items.push({ day: 'MON', from: '08:00', to: '17:00', state: 'OPEN' }); render(); } }, t('addInterval'))),
    value: () => items,
  };
}
