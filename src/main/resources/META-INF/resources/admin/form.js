// A small list-and-form screen for one kind of record (users, teams, workplaces, groups): the table, a form to
// create or edit one, delete; the API's violations at their fields.
import { api, showProblem } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { table } from './admin.js';

/**
 * spec: { id, title, newLabel, path, list(): rows, columns: [header], row(item): cells, fields(item): [{ node, read(dto) }],
 *         extra(item, form): nodes shown under the form of an existing item }
 */
export async function listScreen(body, spec) {
  const items = await spec.list();
  let editing = null;
  const formBox = h('div', { id: `${spec.id}-editor` });

  function open(item) {
    editing = item;
    const fields = spec.fields(item || {});
    const status = h('p', { role: 'status' });
    const form = h('form', { class: 'card', id: `${spec.id}-form`, novalidate: true },
      h('h3', {}, item ? `${t('edit')}: ${spec.label(item)}` : spec.newLabel),
      h('div', { class: 'grid' }, fields.map((f) => f.node)),
      h('p', { class: 'form-error', role: 'alert' }), status,
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', id: `${spec.id}-save` }, item ? t('save') : t('create')),
        h('button', { type: 'button', onclick: () => formBox.replaceChildren() }, t('cancel'))));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const dto = item ? { ...spec.base(item) } : {};
      fields.forEach((f) => f.read(dto));
      try {
        await api(item ? `${spec.path}/${item.id}` : spec.path, { method: item ? 'PUT' : 'POST', body: dto });
        await listScreen(body, spec);
      } catch (err) {
        showProblem(form, err);
      }
    });
    formBox.replaceChildren(form, ...(item && spec.extra ? [spec.extra(item)].flat() : []));
    form.querySelector('input, select').focus();
  }

  async function remove(item) {
    if (!confirm(t('confirmDelete', spec.label(item)))) return;
    try {
      await api(`${spec.path}/${item.id}`, { method: 'DELETE' });
      await listScreen(body, spec);
    } catch (err) {
      errorLine.textContent = err.message;
    }
  }

  const errorLine = h('p', { class: 'form-error', role: 'alert' });
  body.replaceChildren(
    h('div', { class: 'title-row' }, h('h2', {}, spec.title),
      spec.canCreate === false ? null : h('button', { type: 'button', class: 'primary', id: `${spec.id}-new`, onclick: () => open(null) }, spec.newLabel)),
    errorLine,
    table(`${spec.id}-list`, [...spec.columns, t('actions')], items.map((item) => [...spec.row(item),
      h('span', { class: 'row-buttons' },
        h('button', { type: 'button', onclick: () => open(item), 'aria-label': `${t('edit')}: ${spec.label(item)}` }, t('edit')),
        h('button', { type: 'button', class: 'danger', onclick: () => remove(item), 'aria-label': `${t('delete')}: ${spec.label(item)}` }, t('delete')))])),
    formBox);
  return { open };
}
