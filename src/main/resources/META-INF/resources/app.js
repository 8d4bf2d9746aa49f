// Profile Gateway web page, first version: sign-in with a local account (form authentication, session cookie)
// and one-click switching of the signed-in user's own profile.
const $ = (id) => document.getElementById(id);

// CSRF: the gateway's pgw_csrf cookie echoed in a header on every state-changing call (double submit)
const csrf = () => (document.cookie.match(/(?:^|; )pgw_csrf=([^;]*)/) || [])[1] || '';

async function api(path, options = {}) {
  const r = await fetch(path, { credentials: 'same-origin', ...options,
    headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf(), ...(options.headers || {}) } });
  const body = r.status === 204 ? null : await r.json().catch(() => null);
  return { ok: r.ok, status: r.status, body };
}

async function showMe() {
  const me = await api('/api/v1/me');
  if (me.status === 401) { $('login').hidden = false; $('me').hidden = true; $('logout').hidden = true; return; }
  $('login').hidden = true; $('me').hidden = false; $('logout').hidden = false;
  $('who').textContent = me.body.displayName || me.body.username || '';
  const [profiles, active] = await Promise.all([api('/api/v1/profiles?size=200'), api(`/api/v1/users/${me.body.id}/profile`)]);
  const list = Array.isArray(profiles.body) ? profiles.body : (profiles.body && profiles.body.items) || [];
  const activeId = active.body && (active.body.profileId ?? active.body.id);
  const box = $('profiles');
  box.replaceChildren(...list.map((p) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = p.name;
    b.style.background = p.color || '#555';
    b.setAttribute('aria-pressed', String(p.id === activeId));
    b.addEventListener('click', async () => {
      const r = await api(`/api/v1/users/${me.body.id}/profile`, { method: 'PUT',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ profileId: p.id }) });
      $('switch-error').textContent = r.ok ? '' : ((r.body && (r.body.detail || r.body.title)) || `Error ${r.status}`);
      if (r.ok) showMe();
    });
    return b;
  }));
}

$('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  const r = await fetch('/j_security_check', { method: 'POST', credentials: 'same-origin',
    body: new URLSearchParams(new FormData(e.target)) });
  $('login-error').textContent = r.ok ? '' : 'Wrong user name or password.';
  if (r.ok) showMe();
});

$('logout').addEventListener('click', async () => {
  await api('/logout', { method: 'POST' });
  showMe();
});

showMe();
