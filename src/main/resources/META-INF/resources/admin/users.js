// Users: the directory as the signed-in user may manage it.
import { api, all, showProblem } from '../api.js';
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { options } from './admin.js';
import { listScreen } from './form.js';

const ROLES = ['USER', 'RECEPTIONIST', 'GROUP_ADMIN', 'MANAGER', 'OWNER', 'SYSTEM_ADMIN', 'SYSTEM_OWNER'];

export async function renderUsers(body, { groups }) {
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  await listScreen(body, {
    id: 'users', title: t('adminUsers'), newLabel: t('newUser'), path: '/api/v1/users',
    list: () => all('/api/v1/users'),
    label: (u) => u.displayName,
    base: (u) => ({ ...u, hasPassword: undefined, id: undefined }),
    columns: [t('displayName'), t('extension'), t('role'), t('primaryGroup')],
    row: (u) => [u.displayName, u.extension || '', u.role || '', groupName.get(u.primaryGroupId) || ''],
    fields: (u) => {
      const out = [];
      const textField = (key, label, attrs = {}) => {
        const input = h('input', { value: u[key] ?? '', ...attrs });
        out.push({ node: field(label, input, key), read: (dto) => { dto[key] = input.value.trim() === '' ? null : input.value.trim(); } });
      };
      textField('displayName', t('displayName'), { required: true });
      textField('extension', t('extension'), { inputmode: 'numeric' });
      textField('email', t('email'), { type: 'email' });
      textField('mobile', t('mobile'), { inputmode: 'tel' });
      textField('username', t('username'), { autocomplete: 'off' });
      if (!u.id) textField('password', t('password'), { type: 'password', autocomplete: 'new-password' });
      const role = h('select', {}, options(ROLES.map((r) => [r, r]), u.role || 'USER'));
      out.push({ node: field(t('role'), role, 'role'), read: (dto) => { dto.role = role.value; } });
      const primary = h('select', {}, options([['', t('none')], ...groups.map((g) => [g.id, g.name])], u.primaryGroupId));
      out.push({ node: field(t('primaryGroup'), primary, 'primaryGroupId'), read: (dto) => { dto.primaryGroupId = primary.value ? Number(primary.value) : null; } });
      const devices = h('input', { value: (u.devices || []).join(', ') });
      out.push({ node: field(t('devices'), devices, 'devices'), read: (dto) => { dto.devices = devices.value.split(',').map((s) => s.trim()).filter(Boolean); } });
      const personal = h('input', { type: 'checkbox', checked: !!u.profilePersonal });
      out.push({ node: field(t('profilePersonal'), personal, 'profilePersonal'), read: (dto) => { dto.profilePersonal = personal.checked; } });
      const vip = h('input', { type: 'checkbox', checked: !!u.vip });
      out.push({ node: field(t('vip'), vip, 'vip'), read: (dto) => { dto.vip = vip.checked; } });
      return out;
    },
    extra: (u) => [passwordForm(u),
      h('p', {}, h('a', { href: `#/admin/pbx/${u.id}` }, t('adminPbx')), ' · ', h('a', { href: `#/admin/tokens/${u.id}` }, t('adminTokens')))],
  });
}

/** A user's new password (PUT /users/{id}/password): a separate form, as the API keeps it apart from the entry. */
function passwordForm(u) {
  const input = h('input', { type: 'password', autocomplete: 'new-password' });
  const done = h('p', { role: 'status' });
  const box = h('div', { class: 'password-form', id: 'password-form' }, field(t('password'), input, 'password'),
    h('p', { class: 'form-error', role: 'alert' }), done,
    h('button', { type: 'button', id: 'password-save', onclick: async () => {
      done.textContent = '';
      try {
        await api(`/api/v1/users/${u.id}/password`, { method: 'PUT', body: { password: input.value } });
        showProblem(box, { violations: [], message: '' });
        input.value = '';
        done.textContent = t('saved');
      } catch (e) {
        showProblem(box, e);
      }
    } }, t('setPassword')));
  return box;
}
