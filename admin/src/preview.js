// The preview pane shows text, never HTML: an earlier pull request may have written anything
// into the content, and the admin holds the editor's token. React escapes every string it
// renders; nothing here uses dangerouslySetInnerHTML or Decap's Markdown preview. The site
// itself renders and sanitises the Markdown (generator/content/markup.py); the preview of the
// pull request's build shows it as readers will see it.
import { createElement as h } from 'react';

const TITLE_FIELDS = ['titel', 'naam', 'term', 'label', 'tekst', 'id'];

/** The value as text, in the form's order with its labels (`fields`: the form's fields). */
function value(data, fields, depth) {
  if (data === null || data === undefined || data === '') return null;
  if (Array.isArray(data)) {
    const items = data.map((item, i) => h('li', { key: i }, value(item, fields, depth + 1)));
    return h('ul', { className: 'voorbeeld-lijst' }, items);
  }
  if (typeof data === 'object') {
    const known = (fields || []).filter(f => f.name in data);
    const rest = Object.keys(data).filter(k => !known.some(f => f.name === k));
    const rows = [...known.map(f => [f.name, f.label || f.name, f.fields]), ...rest.map(k => [k, k, null])].map(
      ([key, label, inner]) =>
        h('div', { key, className: 'voorbeeld-veld' }, h('dt', null, label), h('dd', null, value(data[key], inner, depth + 1))),
    );
    const title = TITLE_FIELDS.map(k => data[k]).find(v => typeof v === 'string');
    return h('section', null, title && depth < 3 ? h(depth ? 'h3' : 'h2', null, title) : null, h('dl', null, rows));
  }
  return h('p', { className: 'voorbeeld-tekst' }, String(data));
}

/** The preview of any entry: its fields as text, in the form's order. */
export function TextPreview({ entry, fields }) {
  const data = entry.getIn(['data']);
  const plain = data && data.toJS ? data.toJS() : {};
  const form = fields && fields.toJS ? fields.toJS() : [];
  return h(
    'article',
    { className: 'voorbeeld', lang: 'nl' },
    h('p', { className: 'voorbeeld-uitleg' }, 'Voorbeeld als tekst. Hoe de site het toont, ziet u in het voorbeeld van de pull request.'),
    value(plain, form, 0),
  );
}

export const PREVIEW_STYLE = `
.voorbeeld { font: 15px/1.5 system-ui, sans-serif; color: #1a1a1a; padding: 1rem; }
.voorbeeld-uitleg { color: #555; font-style: italic; }
.voorbeeld dt { font-weight: 600; margin-top: .5rem; }
.voorbeeld dd { margin: 0 0 0 1rem; }
.voorbeeld-tekst { white-space: pre-wrap; margin: 0; }
`;
