// An editable chain of actions (enter or leave): one form per action type, reordered by drag and drop or by the
// up/down buttons (keyboard). data-field names each input as the API's violations do: enterActions[2].target.
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { options } from './admin.js';

export const ACTION_TYPES = ['SET_REACHABILITY', 'FOLLOW_ME', 'GSM_MODE', 'TEAM_LOGIN', 'TEAM_LOGOUT', 'TEAM_PAUSE',
  'TEAM_UNPAUSE', 'SET_WORKPLACE', 'UNSET_WORKPLACE', 'SET_REDIRECT', 'UNSET_REDIRECT'];
const KINDS = ['ALWAYS', 'BUSY', 'NO_ANSWER'];

/** The parameters each type has, with their defaults for a new action. */
const PARAMS = {
  SET_REACHABILITY: { enabled: true }, FOLLOW_ME: { enabled: true, targets: [], ringSeconds: 20 }, GSM_MODE: { enabled: true },
  TEAM_LOGIN: { team: '', penalty: 0 }, TEAM_LOGOUT: { team: '' }, TEAM_PAUSE: { team: null, reason: '' },
  TEAM_UNPAUSE: { team: null }, SET_WORKPLACE: { workplace: '' }, UNSET_WORKPLACE: {},
  SET_REDIRECT: { kind: 'ALWAYS', target: '' }, UNSET_REDIRECT: { kind: 'ALWAYS' },
};

/** A chain editor over a copy of the actions; value() answers them as the API takes them. */
export function chainEditor(name, title, actions, { teams, workplaces }) {
  let items = actions.map((a) => ({ ...a }));
  const list = h('ol', { class: 'chain', id: `chain-${name}` });
  const typeSelect = h('select', { id: `add-${name}-type` }, options(ACTION_TYPES.map((x) => [x, x]), 'SET_REDIRECT'));
  const element = h('fieldset', { class: 'chain-editor', dataset: { field: name } }, h('legend', {}, title), list,
    h('div', { class: 'add-row' }, h('label', { for: typeSelect.id }, t('actionType')), typeSelect,
      h('button', { type: 'button', id: `add-${name}`, onclick: () => add(typeSelect.value) }, t('addAction'))));
  let dragged = null;

  function add(type) {
    items.push({ type, ...structuredClone(PARAMS[type]) });
    render();
    list.lastElementChild.querySelector('select, input').focus();
  }

  function move(i, by, focusSelector) {
    const j = i + by;
    if (j < 0 || j >= items.length) return;
    [items[i], items[j]] = [items[j], items[i]];
    render();
    const btn = list.children[j].querySelector(focusSelector);
    (btn && !btn.disabled ? btn : list.children[j].querySelector('button')).focus();
  }

  function input(a, key, f, label, el) {
    el.addEventListener('input', () => { a[key] = readValue(el, key); });
    el.addEventListener('change', () => { a[key] = readValue(el, key); });
    return field(label, el, `${f}.${key}`);
  }

  function paramFields(a, f) {
    const out = [];
    const teamNames = teams.map((x) => [x.name, x.name]);
    if ('enabled' in PARAMS[a.type]) out.push(input(a, 'enabled', f, t('enabled'), h('input', { type: 'checkbox', checked: !!a.enabled })));
    if (a.type === 'FOLLOW_ME') {
      out.push(input(a, 'targets', f, t('targets'), h('input', { value: (a.targets || []).join(', ') })));
      out.push(input(a, 'ringSeconds', f, t('ringSeconds'), h('input', { type: 'number', min: 5, max: 300, value: a.ringSeconds ?? '' })));
      out.push(input(a, 'preRingSeconds', f, t('preRingSeconds'), h('input', { type: 'number', min: 0, max: 60, value: a.preRingSeconds ?? '' })));
    }
    if (['TEAM_LOGIN', 'TEAM_LOGOUT'].includes(a.type)) {
      out.push(input(a, 'team', f, t('team'), h('select', {}, options([['', t('none')], ...teamNames], a.team))));
    }
    if (['TEAM_PAUSE', 'TEAM_UNPAUSE'].includes(a.type)) {
      out.push(input(a, 'team', f, t('team'), h('select', {}, options([['', t('allTeams')], ...teamNames], a.team))));
    }
    if (a.type === 'TEAM_LOGIN') out.push(input(a, 'penalty', f, t('penalty'), h('input', { type: 'number', min: 0, max: 1000, value: a.penalty ?? '' })));
    if (a.type === 'TEAM_PAUSE') out.push(input(a, 'reason', f, t('reason'), h('input', { value: a.reason || '' })));
    if (a.type === 'SET_WORKPLACE') {
      out.push(input(a, 'workplace', f, t('workplace'), h('select', {}, options([['', t('none')], ...workplaces.map((w) => [w.name, w.name])], a.workplace))));
    }
    if (['SET_REDIRECT', 'UNSET_REDIRECT'].includes(a.type)) {
      out.push(input(a, 'kind', f, t('kind'), h('select', {}, options(KINDS.map((k) => [k, k]), a.kind))));
    }
    if (a.type === 'SET_REDIRECT') out.push(input(a, 'target', f, t('target'), h('input', { value: a.target || '', inputmode: 'tel' })));
    return out;
  }

  function render() {
    list.replaceChildren(...items.map((a, i) => {
      const f = `${name}[${i}]`;
      const li = h('li', { class: 'action', draggable: 'true', dataset: { index: i, type: a.type } },
        h('span', { class: 'grip', 'aria-hidden': 'true' }, '⋮⋮'),
        h('strong', { class: 'action-type', dataset: { field: `${f}.type` }, id: `${name}-${i}-type` }, a.type, a.builtIn ? ` (${t('builtIn')})` : ''),
        h('div', { class: 'params' }, paramFields(a, f)),
        h('div', { class: 'order' },
          h('button', { type: 'button', class: 'up', 'aria-label': `${t('moveUp')}: ${i + 1}. ${a.type}`, disabled: i === 0, onclick: () => move(i, -1, '.up') }, '↑'),
          h('button', { type: 'button', class: 'down', 'aria-label': `${t('moveDown')}: ${i + 1}. ${a.type}`, disabled: i === items.length - 1, onclick: () => move(i, 1, '.down') }, '↓'),
          a.builtIn ? null : h('button', { type: 'button', class: 'remove', 'aria-label': `${t('remove')}: ${i + 1}. ${a.type}`,
            onclick: () => { items.splice(i, 1); render(); } }, '✕')));
      li.addEventListener('dragstart', (e) => { dragged = i; e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', String(i)); });
      li.addEventListener('dragover', (e) => { e.preventDefault(); li.classList.add('drop'); });
      li.addEventListener('dragleave', () => li.classList.remove('drop'));
      li.addEventListener('drop', (e) => {
        e.preventDefault();
        const from = dragged ?? Number(e.dataTransfer.getData('text/plain'));
        dragged = null;
        if (Number.isNaN(from) || from === i) { li.classList.remove('drop'); return; }
        const [moved] = items.splice(from, 1);
        items.splice(i, 0, moved);
        render();
      });
      return li;
    }));
  }

  render();
  return {
    element,
    value: () => items.map((a) => {
      const out = { type: a.type };
      for (const key of Object.keys(PARAMS[a.type])) {
        const v = a[key];
        if (v === '' || v === undefined || v === null) continue;
        out[key] = v;
      }
      return out;
    }),
  };
}

function readValue(el, key) {
  if (el.type === 'checkbox') return el.checked;
  if (el.type === 'number') return el.value === '' ? null : Number(el.value);
  if (key === 'targets') return el.value.split(',').map((s) => s.trim()).filter(Boolean);
  return el.value;
}
