// API tokens of a user (himself by default): names and dates; a new token's secret is shown once, never again.
import { api, all, showProblem } from '../api.js';
import { h, field, formatTime } from '../dom.js';
import { t, language } from '../i18n.js';
import { table, options } from './admin.js';

export async function renderTokens(body, { me }, [userId]) {
  const uid = Number(userId || me.userId);
  const users = await all('/api/v1/users');
  const tokens = await api(`/api/v1/users/${uid}/tokens`);
  const who = h('select', { id: 'token-user' }, options(users.map((u) => [u.id, u.displayName]), uid));
  who.addEventListener('change', () => { location.hash = `#/admin/tokens/${who.value}`; });
  const name = h('input', { required: true, maxlength: 100 });
  const secret = h('div', { id: 'token-secret', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', id: 'token-form', novalidate: true }, h('div', { class: 'grid' }, field(t('tokenName'), name, 'name')),
    h('p', { class: 'form-error', role: 'alert' }), h('button', { type: 'submit', class: 'primary', id: 'token-create' }, t('create')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const created = await api(`/api/v1/users/${uid}/tokens`, { method: 'POST', body: { name: name.value } });
      await renderTokens(body, { me }, [String(uid)]);
      const shown = body.querySelector('#token-secret');
      shown.replaceChildren(h('p', { class: 'notice' }, t('tokenShownOnce')), h('code', { class: 'secret' }, created.token));
    } catch (err) {
      showProblem(form, err);
    }
  });
  body.replaceChildren(h('h2', {}, t('adminTokens')), field(t('forUser'), who), secret,
    table('token-list', [t('name'), t('created'), t('actions')], tokens.map((x) => [x.name, formatTime(x.createdAt, language()),
      h('button', { type: 'button', class: 'danger', 'aria-label': `${t('delete')}: ${x.name}`, onclick: async () => {
        if (!confirm(t('confirmDelete', x.name))) return;
        await api(`/api/v1/users/${uid}/tokens/${x.id}`, { method: 'DELETE' });
        renderTokens(body, { me }, [String(uid)]);
      } }, t('delete'))])), form);
}
