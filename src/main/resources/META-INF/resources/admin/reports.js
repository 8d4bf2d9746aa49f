// Agent-state report (GET /api/v1/reports/agent-states): time per state and per pause reason inside a window, for a
// team and/or a user, as bar charts drawn here in inline SVG (no library), a table per user and team, and the
// same report as a CSV download. The API decides whose rows the signed-in user sees.
import { api, all, showProblem, clearProblems } from '../api.js';
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { table, options } from './admin.js';

const SVG = 'http://www.w3.org/2000/svg';
const STATE_COLORS = { LOGGED_OUT: '#616161', AVAILABLE: '#2e7d32', PAUSED: '#b26a00' };
const REASON_COLOR = '#8e4b00';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Seconds as "2 h 05 min". */
export function duration(seconds) {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return t('hoursMinutes', Math.floor(minutes / 60), String(minutes % 60).padStart(2, '0'));
}

/** A horizontal bar chart of [label, seconds, colour, key] rows (key: data-key, the state or reason); each bar's width is its share of the largest. */
export function barChart(id, title, rows) {
  const width = 560; const labelWidth = 150; const valueWidth = 110; const bar = 22; const gap = 10;
  const height = rows.length * (bar + gap) + gap;
  const max = Math.max(1, ...rows.map(([, v]) => v));
  const svg = s('svg', { id, class: 'chart', role: 'img', viewBox: `0 0 ${width} ${height}`, width: '100%',
    'aria-labelledby': `${id}-title` });
  svg.append(s('title', { id: `${id}-title` }, `${t('chartOf', title)}: ${rows.map(([l, v]) => `${l} ${duration(v)}`).join(', ')}`));
  rows.forEach(([label, seconds, color, key], i) => {
    const y = gap + i * (bar + gap);
    const w = Math.round((width - labelWidth - valueWidth) * (seconds / max));
    const g = s('g', { class: 'bar', 'data-key': key ?? label, 'data-seconds': String(seconds) });
    g.append(s('text', { x: labelWidth - 8, y: y + bar * 0.7, 'text-anchor': 'end', fill: '#1a1a1a' }, label),
      s('rect', { x: labelWidth, y, width: Math.max(w, seconds > 0 ? 2 : 0), height: bar, fill: color, rx: 3 }),
      s('text', { x: labelWidth + w + 6, y: y + bar * 0.7, fill: '#1a1a1a' }, duration(seconds)));
    svg.append(g);
  });
  return h('figure', { class: 'card' }, h('figcaption', {}, h('h3', {}, title)), svg);
}

const pad = (n) => String(n).padStart(2, '0');
const local = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

export async function renderReports(body) {
  const [teams, users] = await Promise.all([api('/api/v1/teams'), all('/api/v1/users')]);
  const from = h('input', { type: 'datetime-local', id: 'report-from', value: local(new Date(Date.now() - 24 * 3600 * 1000)) });
  const to = h('input', { type: 'datetime-local', id: 'report-to' });
  const team = h('select', { id: 'report-team' }, options([['', t('allTeamsOption')], ...teams.map((x) => [x.id, x.name])], ''));
  const user = h('select', { id: 'report-user' }, options([['', t('allUsersOption')], ...users.map((u) => [u.id, u.displayName])], ''));
  const csv = h('a', { id: 'report-csv', class: 'button', download: 'agent-states.csv', href: '#' }, t('csvDownload'));
  const result = h('div', { id: 'report', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', id: 'report-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t('reportFilters')), h('div', { class: 'grid' },
      field(t('from'), from, 'from'), field(t('to'), to, 'to'), field(t('team'), team, 'team'), field(t('forUser'), user, 'user'))),
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', id: 'report-show' }, t('reportShow')), ' ', csv));

  function query() {
    const q = new URLSearchParams();
    if (from.value) q.set('from', new Date(from.value).toISOString());
    if (to.value) q.set('to', new Date(to.value).toISOString());
    if (team.value) q.set('team', team.value);
    if (user.value) q.set('user', user.value);
    return q;
  }

  let asked = 0;
  async function show() {
    clearProblems(form);
    const q = query();
    const mine = ++asked;
    csv.href = `/api/v1/reports/agent-states?${q}&format=csv`;
    let report;
    try {
      report = await api(`/api/v1/reports/agent-states?${q}`);
    } catch (e) {
      if (mine !== asked) return;
      result.replaceChildren();
      showProblem(form, e);
      return;
    }
    if (mine !== asked) return; // a later query is under way: only its answer is shown
    result.dataset.query = q.toString();
    if (report.rows.length === 0) {
      result.replaceChildren(h('p', { id: 'report-empty' }, t('noReportData')));
      return;
    }
    const seconds = report.totals.seconds;
    const states = Object.keys(STATE_COLORS).map((k) => [t(`state_${k}`), seconds[k] || 0, STATE_COLORS[k], k]);
    const reasons = report.totals.pauseReasons.map((r) => [r.reason || t('noReason'), r.seconds, REASON_COLOR, r.reason || '']);
    result.replaceChildren(barChart('chart-states', t('perState'), states),
      reasons.length ? barChart('chart-reasons', t('perReason'), reasons) : null,
      table('report-rows', [t('forUser'), t('team'), ...Object.keys(STATE_COLORS).map((k) => t(`state_${k}`))],
        report.rows.map((r) => [r.displayName, r.team, ...Object.keys(STATE_COLORS).map((k) => duration(r.totals.seconds[k] || 0))])));
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); show(); });
  body.replaceChildren(h('h2', {}, t('reportTitle')), form, result);
  await show();
  return null;
}
