// Profiles: the list and the editor (base settings, enter and leave chains, triggers); the API's violations are
// shown at their fields.
import { api, showProblem } from '../api.js';
import { h, field, textOn } from '../dom.js';
import { t } from '../i18n.js';
import { icon, ICON_NAMES } from '../icons.js';
import { table, options } from './admin.js';
import { chainEditor } from './chain.js';
import { triggerEditor } from './triggers.js';

const ROLES = ['USER', 'RECEPTIONIST', 'GROUP_ADMIN', 'MANAGER', 'OWNER', 'SYSTEM_ADMIN', 'SYSTEM_OWNER'];
const PRESENCE = ['available', 'away', 'dnd', 'xa', 'chat', 'unavailable'];

export async function renderProfiles(body, session, [id]) {
  if (id) return renderEditor(body, session, id === 'new' ? null : Number(id));
  const profiles = await api('/api/v1/profiles');
  body.replaceChildren(h('div', { class: 'title-row' }, h('h2', {}, t('adminProfiles')),
    h('a', { href: '#/admin/profiles/new', class: 'button primary', id: 'new-profile' }, t('newProfile'))),
  table('profile-list', [t('name'), t('assignment'), t('enterActions'), t('triggers')], profiles.map((p) => [
    h('a', { href: `#/admin/profiles/${p.id}`, class: 'profile-link', dataset: { profileId: p.id } },
      h('span', { class: 'badge', style: { background: p.color, color: textOn(p.color) } }, icon(p.icon, 18)), ' ', p.name),
    p.assignment, String((p.enterActions || []).length), String((p.triggers || []).length)])));
}

async function renderEditor(body, { groups }, id) {
  const [profile, teams, workplaces] = await Promise.all([
    id ? api(`/api/v1/profiles/${id}`) : Promise.resolve({ name: '', color: '#1565C0', icon: 'circle', iconVisible: true,
      sticky: false, assignment: 'ADMIN', presence: 'away', roles: [], groupIds: [], enterActions: [], leaveActions: [], triggers: [] }),
    api('/api/v1/teams'), api('/api/v1/workplaces')]);
  const name = h('input', { value: profile.name, required: true, maxlength: 100 });
  const color = h('input', { type: 'color', value: profile.color || '#1565C0' });
  const iconSelect = h('select', {}, options(ICON_NAMES.map((n) => [n, n]), profile.icon));
  const iconVisible = h('input', { type: 'checkbox', checked: profile.iconVisible !== false });
  const sticky = h('input', { type: 'checkbox', checked: !!profile.sticky });
  const presence = h('select', {}, options(PRESENCE.map((p) => [p, p]), (profile.presence || 'away').toLowerCase()));
  const assignment = h('select', { disabled: profile.assignment === 'SYSTEM' },
    options([['ADMIN', 'ADMIN'], ['PERSONAL', 'PERSONAL'], ...(profile.assignment === 'SYSTEM' ? [['SYSTEM', 'SYSTEM']] : [])], profile.assignment));
  const roleBoxes = ROLES.map((r) => h('input', { type: 'checkbox', value: r, checked: (profile.roles || []).includes(r) }));
  const groupBoxes = groups.map((g) => h('input', { type: 'checkbox', value: g.id, checked: (profile.groupIds || []).includes(g.id) }));
  const enter = chainEditor('enterActions', t('enterActions'), profile.enterActions || [], { teams, workplaces });
  const leave = chainEditor('leaveActions', t('leaveActions'), profile.leaveActions || [], { teams, workplaces });
  const triggers = triggerEditor(profile.triggers || [], groups);
  const saved = h('p', { role: 'status', id: 'profile-saved' });
  const form = h('form', { id: 'profile-form', class: 'card', novalidate: true },
    h('div', { class: 'title-row' }, h('h2', {}, id ? profile.name : t('newProfile')), h('a', { href: '#/admin/profiles' }, t('back'))),
    h('div', { class: 'grid' }, field(t('name'), name, 'name'), field(t('color'), color, 'color'), field(t('icon'), iconSelect, 'icon'),
      field(t('presence'), presence, 'presence'), field(t('assignment'), assignment, 'assignment')),
    h('div', { class: 'grid' }, field(t('iconVisible'), iconVisible, 'iconVisible'), field(t('sticky'), sticky, 'sticky')),
    h('fieldset', { class: 'checks', dataset: { field: 'roles' }, tabindex: -1 }, h('legend', {}, t('roles')), roleBoxes.map((b) => h('label', {}, b, ' ', b.value))),
    groups.length ? h('fieldset', { class: 'checks', dataset: { field: 'groupIds' }, tabindex: -1 }, h('legend', {}, t('groupsUse')),
      groupBoxes.map((b, i) => h('label', {}, b, ' ', groups[i].name))) : null,
    enter.element, leave.element, triggers.element,
    h('p', { class: 'form-error', role: 'alert' }), saved,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', id: 'save-profile' }, t('save')),
      id && profile.assignment !== 'SYSTEM' ? h('button', { type: 'button', class: 'danger', id: 'delete-profile', onclick: remove }, t('delete')) : null));

  async function remove() {
    if (!confirm(t('confirmDelete', profile.name))) return;
    try { await api(`/api/v1/profiles/${id}`, { method: 'DELETE' }); location.hash = '#/admin/profiles'; } catch (e) { showProblem(form, e); }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    saved.textContent = '';
    const dto = { name: name.value, color: color.value.toUpperCase(), icon: iconSelect.value, iconVisible: iconVisible.checked,
      sticky: sticky.checked, assignment: profile.assignment === 'SYSTEM' ? undefined : assignment.value, presence: presence.value,
      roles: roleBoxes.filter((b) => b.checked).map((b) => b.value), groupIds: groupBoxes.filter((b) => b.checked).map((b) => Number(b.value)),
      enterActions: enter.value(), leaveActions: leave.value(), triggers: triggers.value() };
    if (profile.assignment === 'SYSTEM') dto.assignment = 'SYSTEM';
    try {
      const r = await api(id ? `/api/v1/profiles/${id}` : '/api/v1/profiles', { method: id ? 'PUT' : 'POST', body: dto });
      showProblem(form, { violations: [], message: '' });
      saved.textContent = t('saved');
      if (!id) location.hash = `#/admin/profiles/${r.id}`;
    } catch (err) {
      showProblem(form, err);
    }
  });
  body.replaceChildren(form);
}
