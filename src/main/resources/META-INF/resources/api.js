// Calls to the gateway's API with the page's session cookie. Writes carry the CSRF token: the pgw_csrf cookie's
// value in the X-CSRF-Token header (double submit). Errors are RFC 9457 problem details; violations name fields.

export const csrf = () => (document.cookie.match(/(?:^|; )pgw_csrf=([^;]*)/) || [])[1] || '';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.violations = (problem && problem.violations) || [];
  }
}

let onUnauthorized = () => {};
/** What to do when a call answers 401 (the session ended): the app shows the sign-in form. */
export function whenSignedOut(fn) { onUnauthorized = fn; }

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'profile-gateway' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const data = r.status === 204 ? null : await r.json().catch(() => null);
  if (!r.ok) {
    if (r.status === 401 && !path.startsWith('/login')) onUnauthorized();
    throw new ApiError(r.status, data);
  }
  return data;
}

/** Every item of a paged list (PageResult: items, page, size, total). */
export async function all(path) {
  const items = [];
  for (let page = 0; ; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await api(`${path}${sep}page=${page}&size=200`);
    items.push(...r.items);
    if (items.length >= r.total || r.items.length === 0) return items;
  }
}

/** Removes the field errors that showProblem put into the container. */
export function clearProblems(container) {
  container.querySelectorAll('.field-error').forEach((e) => e.remove());
  container.querySelectorAll('[aria-invalid]').forEach((e) => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
  const general = container.querySelector('.form-error');
  if (general) general.textContent = '';
}

/**
 * Shows an API error in a form: each violation next to the input whose data-field is the violation's field (the
 * input is marked invalid and described by the message); the rest, and errors without violations, in .form-error.
 * The first invalid input gets the focus.
 */
export function showProblem(container, error) {
  clearProblems(container);
  const rest = [];
  let first = null;
  for (const v of (error.violations || [])) {
    const input = [...container.querySelectorAll('[data-field]')].find((e) => e.dataset.field === v.field);
    if (!input) { rest.push(`${v.field}: ${v.message}`); continue; }
    const msg = document.createElement('span');
    msg.className = 'field-error';
    msg.id = `${input.id || 'x'}-error`;
    msg.setAttribute('role', 'alert');
    msg.textContent = v.message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', msg.id);
    input.insertAdjacentElement('afterend', msg);
    first = first || input;
  }
  if (!error.violations || error.violations.length === 0) rest.push(error.message);
  const general = container.querySelector('.form-error');
  if (general) general.textContent = rest.join(' · ');
  if (first) first.focus();
}
