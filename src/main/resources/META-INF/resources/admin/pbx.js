// A user's PBX sync state: desired (what the profiles made of him) against applied (what Asterisk confirmed),
// and why they differ when they do. Updated by the 'pbx-sync' events.
import { api, all } from '../api.js';
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { on } from '../live.js';
import { table, options } from './admin.js';

const onOff = (x, detail) => (x && x.enabled ? `${t('enabled')}${detail ? `: ${detail}` : ''}` : '—');
const ROWS = [
  ['reachable', (s) => (s.reachable ? t('yes') : t('no'))], ['devices', (s) => (s.devices || []).join(', ')],
  ['redirects', (s) => Object.entries(s.redirects || {}).map(([k, v]) => `${k} → ${v}`).join(', ')],
  ['followMe', (s) => onOff(s.followMe, s.followMe && `${(s.followMe.targets || []).join(', ')} (${s.followMe.ringSeconds} s, ${s.followMe.preRingSeconds} s first)`)],
  ['gsm', (s) => onOff(s.gsm, s.gsm && s.gsm.number)],
  ['teams', (s) => (s.teams || []).map((x) => `${x.queue || x.team}${x.paused ? ` (${x.reason || 'paused'})` : ''}`).join(', ')],
  ['workplace', (s) => (s.workplace ? `${s.workplace.name} (${s.workplace.device})` : '—')],
  ['presence', (s) => (s.presence ? `${s.presence.profileName} (${s.presence.type})` : '—')], ['version', (s) => String(s.version)],
];

export async function renderPbx(body, session, [userId]) {
  const users = (await all('/api/v1/users')).filter((u) => u.extension);
  const uid = Number(userId || (users[0] && users[0].id));
  const who = h('select', { id: 'pbx-user' }, options(users.map((u) => [u.id, `${u.displayName} (${u.extension})`]), uid));
  who.addEventListener('change', () => { location.hash = `#/admin/pbx/${who.value}`; });
  const view = h('div', { id: 'pbx-state' });
  async function show() {
    if (!uid) return;
    try {
      const s = await api(`/api/v1/users/${uid}/pbx-state`);
      view.replaceChildren(
        h('p', { class: s.inSync ? 'ok' : 'form-error', id: 'pbx-sync' }, s.inSync ? t('inSync') : `${t('outOfSync')}: ${s.reason || ''}`),
        table('pbx-compare', ['', t('desired'), t('applied')], ROWS.map(([label, f]) => {
          const desired = f(s.desired);
          const applied = s.applied ? f(s.applied) : '—';
          return [label, desired, desired === applied ? applied : h('mark', { class: 'differs' }, applied)];
        })));
    } catch (e) {
      view.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, e.message));
    }
  }
  body.replaceChildren(h('h2', {}, t('adminPbx')), field(t('forUser'), who), view);
  await show();
  return on('pbx-sync', (e) => { if (e.userId === uid) show(); });
}
