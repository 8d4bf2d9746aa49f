// A profile's triggers: TIME (at, until, weekdays or a date, time zone), TEAMS_MEETING (activities),
// OFFICE_HOURS (group, when). data-field as in the API's violations: triggers[0].at.
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { options } from './admin.js';

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const ACTIVITIES = ['InACall', 'InAConferenceCall', 'InAMeeting', 'Presenting'];
const DEFAULTS = {
  TIME: { at: '12:00', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'] }, TEAMS_MEETING: {}, OFFICE_HOURS: { when: 'CLOSED' },
};

export function triggerEditor(triggers, groups) {
  let items = triggers.map((x) => ({ ...x }));
  const list = h('ol', { class: 'chain', id: 'triggers' });
  const typeSelect = h('select', { id: 'add-trigger-type' }, options(Object.keys(DEFAULTS).map((x) => [x, x]), 'TIME'));
  const zones = h('datalist', { id: 'time-zones' }, (Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : []).map((z) => h('option', { value: z })));
  const element = h('fieldset', { class: 'chain-editor', dataset: { field: 'triggers' } }, h('legend', {}, t('triggers')), zones, list,
    h('div', { class: 'add-row' }, h('label', { for: typeSelect.id }, t('triggerType')), typeSelect,
      h('button', { type: 'button', id: 'add-trigger', onclick: () => { items.push({ type: typeSelect.value, ...structuredClone(DEFAULTS[typeSelect.value]) }); render(); } }, t('addTrigger'))));

  function bind(tr, key, f, label, el, read = (e) => e.value || null) {
    el.addEventListener('change', () => { tr[key] = read(el); });
    el.addEventListener('input', () => { tr[key] = read(el); });
    return field(label, el, `${f}.${key}`);
  }

  function checks(tr, key, f, legend, values) {
    const set = new Set(tr[key] || []);
    return h('fieldset', { class: 'checks', dataset: { field: `${f}.${key}` }, tabindex: -1 }, h('legend', {}, legend), values.map((v) => {
      const box = h('input', { type: 'checkbox', value: v, checked: set.has(v) });
      box.addEventListener('change', () => { if (box.checked) set.add(v); else set.delete(v); tr[key] = values.filter((x) => set.has(x)); });
      return h('label', {}, box, ' ', v);
    }));
  }

  function render() {
    list.replaceChildren(...items.map((tr, i) => {
      const f = `triggers[${i}]`;
      const fields = [];
      if (tr.type === 'TIME') {
        fields.push(bind(tr, 'at', f, t('at'), h('input', { type: 'time', value: tr.at || '' })));
        fields.push(bind(tr, 'until', f, t('until'), h('input', { type: 'time', value: tr.until || '' })));
        fields.push(checks(tr, 'days', f, t('days'), DAYS));
        fields.push(bind(tr, 'date', f, t('date'), h('input', { type: 'date', value: tr.date || '' })));
        fields.push(bind(tr, 'timeZone', f, t('timeZone'), h('input', { list: 'time-zones', value: tr.timeZone || '' })));
      } else if (tr.type === 'TEAMS_MEETING') {
        fields.push(checks(tr, 'activities', f, t('activities'), ACTIVITIES));
      } else {
        fields.push(bind(tr, 'group', f, t('group'), h('select', {}, options([['', t('none')], ...groups.map((g) => [g.id, g.name])], tr.group)),
          (e) => (e.value ? Number(e.value) : null)));
        fields.push(bind(tr, 'when', f, t('whenOffice'), h('select', {}, options(['OPEN', 'BREAK', 'CLOSED'].map((x) => [x, x]), tr.when))));
      }
      return h('li', { class: 'action', dataset: { type: tr.type } }, h('strong', { dataset: { field: `${f}.type` }, id: `trigger-${i}-type` }, tr.type),
        h('div', { class: 'params' }, fields),
        h('div', { class: 'order' }, h('button', { type: 'button', class: 'remove', 'aria-label': `${t('remove')}: ${i + 1}. ${tr.type}`,
          onclick: () => { items.splice(i, 1); render(); } }, '✕')));
    }));
  }

  render();
  return {
    element,
    value: () => items.map((tr) => {
      const out = { type: tr.type };
      for (const [k, v] of Object.entries(tr)) {
        if (k === 'type' || v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0 && k !== 'days')) continue;
        out[k] = v;
      }
      if (out.date && out.days && out.days.length === 0) delete out.days;
      if (out.days && out.days.length === 0) delete out.days;
      return out;
    }),
  };
}
