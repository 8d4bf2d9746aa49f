// Tiny DOM helpers: h('button', {type: 'button', onclick: f}, 'text', child) builds an element.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

let seq = 0;
/** A unique id for label/aria wiring. */
export const uid = (prefix = 'f') => `${prefix}-${++seq}`;

/** A labelled form field: the input gets an id, the label points at it, data-field names the API field. */
export function field(label, input, apiField) {
  input.id = input.id || uid('in');
  if (apiField) input.dataset.field = apiField;
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input);
}

/** Black or white text, whichever reads better on the given #RRGGBB background (WCAG relative luminance). */
export function textOn(color) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color || '');
  if (!m) return '#fff';
  const lin = (x) => { const c = parseInt(x, 16) / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const l = 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#111' : '#fff';
}

export function formatTime(iso, lang) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' });
}
