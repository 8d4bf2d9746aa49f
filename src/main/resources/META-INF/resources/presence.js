// My presence: the profiles I may use as big buttons (one click switches; "ask" parameters in a dialog),
// my switch history (paged) and my trigger opt-outs.
import { api, showProblem, clearProblems } from './api.js';
import { h, field, textOn, formatTime } from './dom.js';
import { t, language } from './i18n.js';
import { icon } from './icons.js';
import { on } from './live.js';

const asksForRedirect = (chain) => (chain || []).some((a) => a.type === 'SET_REDIRECT' && a.target === 'ask');

export async function renderPresence(main, { me }) {
  const self = `/api/v1/users/${me.userId}`;
  const [profiles, optOuts] = await Promise.all([api('/api/v1/profiles'), api(`${self}/trigger-opt-outs`)]);
  let active = await api(`${self}/profile`).catch(() => null);
  const status = h('p', { id: 'active-profile', 'aria-live': 'polite' });
  const error = h('p', { class: 'form-error', role: 'alert', id: 'switch-error' });
  const buttons = h('div', { class: 'profiles', id: 'profiles' });
  const duration = durationChoice();
  const dialog = askDialog();
  const history = historyTable(self);

  function paint() {
    const current = profiles.find((p) => active && p.id === active.profileId);
    status.replaceChildren(t('activeNow'), ': ', h('strong', {}, current ? current.name : '—'),
      active && active.since ? ` (${t('since')} ${formatTime(active.since, language())})` : '',
      active && active.until ? h('span', { id: 'active-until' }, ` — ${t('untilThen')} ${formatTime(active.until, language())}`) : '');
    buttons.replaceChildren(...profiles.map((p) => {
      const b = h('button', { type: 'button', class: 'profile-button', dataset: { profileId: p.id },
        'aria-pressed': String(!!active && p.id === active.profileId),
        style: { background: p.color, color: textOn(p.color) }, onclick: () => choose(p) },
      p.iconVisible ? icon(p.icon, 32) : null, h('span', {}, p.name));
      return b;
    }));
  }

  async function choose(p) {
    const leaving = profiles.find((x) => active && x.id === active.profileId);
    if (asksForRedirect(p.enterActions) || (leaving && asksForRedirect(leaving.leaveActions))) {
      dialog.open(p, (parameters) => doSwitch(p, parameters, dialog.form));
    } else {
      doSwitch(p, undefined, null);
    }
  }

  async function doSwitch(p, parameters, form) {
    error.textContent = '';
    try {
      const body = { profileId: p.id };
      if (parameters) body.parameters = parameters;
      const until = duration.until();
      if (until) body.until = until;
      await api(`${self}/profile`, { method: 'PUT', body });
      active = await api(`${self}/profile`);
      paint();
      history.reload();
      return true;
    } catch (e) {
      if (form) showProblem(form, e);
      else error.textContent = `${t('switchFailed')}: ${e.message}`;
      return false;
    }
  }

  paint();
  main.replaceChildren(
    h('section', { 'aria-labelledby': 'presence-title' }, h('h2', { id: 'presence-title' }, t('myPresence')), status, duration.element, buttons, error),
    dialog.element, history.element, optOutList(self, profiles, optOuts));
  await history.reload();
  return on('profile', (view) => {
    if (view.userId !== me.userId) return;
    active = view;
    paint();
    history.reload();
  });
}

// "For how long": until the next switch (nothing sent), a number of minutes, or a time of day (the next one to come);
// at `until` the gateway returns the user to what he had before.
function durationChoice() {
  const select = h('select', { id: 'switch-duration', name: 'until' },
    h('option', { value: '' }, t('untilSwitched')),
    ...[30, 60, 120, 240].map((m) => h('option', { value: String(m) }, t(`for${m}`))),
    h('option', { value: 'time' }, t('untilTime')));
  const time = h('input', { type: 'time', id: 'switch-until-time', hidden: true, 'aria-label': t('untilTime') });
  select.addEventListener('change', () => { time.hidden = select.value !== 'time'; if (!time.hidden) time.focus(); });
  const element = h('p', { class: 'duration' }, field(t('forHowLong'), select, 'until'), time);
  return {
    element,
    until() {
      if (select.value === '') return null;
      if (select.value !== 'time') return new Date(Date.now() + Number(select.value) * 60000).toISOString();
      if (!time.value) return null;
      const [hh, mm] = time.value.split(':').map(Number);
      const at = new Date();
      at.setHours(hh, mm, 0, 0);
      if (at <= new Date()) at.setDate(at.getDate() + 1);
      return at.toISOString();
    },
  };
}

function askDialog() {
  const title = h('h2', { id: 'ask-title' });
  const target = h('input', { name: 'redirectTarget', inputmode: 'tel', autocomplete: 'off', required: true });
  const form = h('form', { method: 'dialog' }, title, field(t('redirectTarget'), target, 'parameters.redirectTarget'),
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', id: 'ask-ok' }, t('ok')),
      h('button', { type: 'button', id: 'ask-cancel', onclick: () => element.close() }, t('cancel'))));
  const element = h('dialog', { id: 'ask-dialog', 'aria-labelledby': 'ask-title' }, form);
  let submit = null;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await submit({ redirectTarget: target.value.trim() })) element.close();
  });
  return {
    element, form,
    open(profile, onSubmit) {
      submit = onSubmit;
      title.textContent = t('askTitle', profile.name);
      clearProblems(form);
      target.value = '';
      element.showModal();
      target.focus();
    },
  };
}

function historyTable(self) {
  const size = 10;
  let page = 0;
  const body = h('tbody');
  const pager = h('p', { class: 'pager' });
  const element = h('section', { 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, t('history')),
    h('div', { class: 'scroll' }, h('table', { id: 'history' }, h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('when')), h('th', { scope: 'col' }, t('from')), h('th', { scope: 'col' }, t('to')),
      h('th', { scope: 'col' }, t('source')))), body)), pager);
  async function reload() {
    const r = await api(`${self}/history?page=${page}&size=${size}`);
    const pages = Math.max(1, Math.ceil(r.total / size));
    body.replaceChildren(...(r.items.length ? r.items.map((e) => h('tr', {},
      h('td', {}, formatTime(e.at, language())), h('td', {}, e.fromProfileName || '—'),
      h('td', {}, e.outcome === 'REFUSED' ? `${e.toProfileName || '—'} (${t('refused')}${e.detail ? ': ' + e.detail : ''})` : e.toProfileName),
      h('td', {}, e.source || ''))) : [h('tr', {}, h('td', { colspan: 4 }, t('noHistory')))]));
    pager.replaceChildren(
      h('button', { type: 'button', disabled: page === 0, onclick: () => { page--; reload(); } }, t('previous')),
      h('span', {}, t('pageOf', page + 1, pages)),
      h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => { page++; reload(); } }, t('next')));
  }
  return { element, reload };
}

function optOutList(self, profiles, optOuts) {
  const withTriggers = profiles.filter((p) => (p.triggers || []).length > 0);
  const out = new Set(optOuts.profileIds);
  const items = withTriggers.map((p) => {
    const box = h('input', { type: 'checkbox', checked: !out.has(p.id), dataset: { optOut: p.id } });
    box.addEventListener('change', async () => {
      try {
        await api(`${self}/trigger-opt-outs/${p.id}`, { method: box.checked ? 'DELETE' : 'PUT' });
      } catch (e) {
        box.checked = !box.checked;
      }
    });
    return h('li', {}, h('label', {}, box, ' ', p.name));
  });
  return h('section', { 'aria-labelledby': 'optouts-title' }, h('h2', { id: 'optouts-title' }, t('optOuts')),
    h('p', { class: 'hint' }, t('optOutsHelp')),
    items.length ? h('ul', { class: 'plain', id: 'opt-outs' }, items) : h('p', {}, t('noTriggers')));
}
