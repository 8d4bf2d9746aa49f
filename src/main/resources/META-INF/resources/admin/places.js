// Teams (Asterisk queues) and workplaces (hot desks).
import { api, all } from '../api.js';
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { options } from './admin.js';
import { listScreen } from './form.js';

function groupSelect(groups, current, out) {
  const select = h('select', {}, options([['', t('none')], ...groups.map((g) => [g.id, g.name])], current));
  out.push({ node: field(t('group'), select, 'groupId'), read: (dto) => { dto.groupId = select.value ? Number(select.value) : null; } });
}

function textField(out, item, key, label) {
  const input = h('input', { value: item[key] ?? '' });
  out.push({ node: field(label, input, key), read: (dto) => { dto[key] = input.value.trim(); } });
}

export async function renderTeams(body, { groups }) {
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  await listScreen(body, {
    id: 'teams', title: t('adminTeams'), newLabel: t('newTeam'), path: '/api/v1/teams',
    list: () => api('/api/v1/teams'), label: (x) => x.name, base: (x) => ({ ...x, id: undefined }),
    columns: [t('name'), t('queue'), t('group')],
    row: (x) => [x.name, x.queue, groupName.get(x.groupId) || ''],
    fields: (x) => { const out = []; textField(out, x, 'name', t('name')); textField(out, x, 'queue', t('queue')); groupSelect(groups, x.groupId, out); return out; },
  });
}

export async function renderWorkplaces(body, { groups }) {
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const users = new Map((await all('/api/v1/users')).map((u) => [u.id, u.displayName]));
  await listScreen(body, {
    id: 'workplaces', title: t('adminWorkplaces'), newLabel: t('newWorkplace'), path: '/api/v1/workplaces',
    list: () => api('/api/v1/workplaces'), label: (x) => x.name, base: (x) => ({ ...x, id: undefined, occupantUserId: undefined }),
    columns: [t('name'), t('device'), t('group'), t('heldBy')],
    row: (x) => [x.name, x.device, groupName.get(x.groupId) || '', x.occupantUserId ? users.get(x.occupantUserId) || `#${x.occupantUserId}` : ''],
    fields: (x) => { const out = []; textField(out, x, 'name', t('name')); textField(out, x, 'device', t('device')); groupSelect(groups, x.groupId, out); return out; },
  });
}
