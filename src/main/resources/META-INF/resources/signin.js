// The sign-in form: a local account (POST /login), and "Sign in with Microsoft" where the gateway offers it.
import { api, ApiError } from './api.js';
import { h, field } from './dom.js';
import { t } from './i18n.js';

export async function renderSignIn(main, onSignedIn) {
  const options = await api('/login/options').catch(() => ({ local: true, microsoft: false }));
  const user = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'form-error', role: 'alert', id: 'signin-error' });
  const form = h('form', { class: 'card signin', id: 'signin', 'aria-labelledby': 'signin-title' },
    h('h2', { id: 'signin-title' }, t('signIn')),
    field(t('username'), user, 'username'), field(t('password'), password, 'password'), error,
    h('button', { type: 'submit', class: 'primary' }, t('signIn')),
    options.microsoft ? h('a', { href: '/login/microsoft', class: 'button', id: 'signin-microsoft' }, t('signInMicrosoft')) : null);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('/login', { method: 'POST', body: { username: user.value, password: password.value } });
      onSignedIn();
    } catch (err) {
      error.textContent = err instanceof ApiError && err.status === 401 ? t('signInFailed') : err.message;
      password.select();
    }
  });
  main.replaceChildren(form);
  user.focus();
}
