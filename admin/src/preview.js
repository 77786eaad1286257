// The preview pane shows text, never HTML: an earlier pull request may have written anything
// into the content, and the admin holds the editor's token. React escapes every string it
// renders; nothing here uses dangerouslySetInnerHTML or Decap's Markdown preview. The site
// itself renders and sanitises the Markdown (generator/content/markup.py); the preview of the
// pull request's build shows it as readers will see it.
import { createElement as h } from 'react';

const TITLE_FIELDS = ['titel', 'naam', 'term', 'label', 'tekst', 'id'];

function labelOf(field) {
  return field.get ? field.get('label') || field.get('name') : field.name;
}

function value(data, field, depth) {
  if (data === null || data === undefined || data === '') return null;
  if (Array.isArray(data)) {
    const items = data.map((item, i) => h('li', { key: i }, value(item, field, depth + 1)));
    return h('ul', { className: 'voorbeeld-lijst' }, items);
  }
  if (typeof data === 'object') {
    const title = TITLE_FIELDS.map(k => data[k]).find(v => typeof v === 'string');
    const rows = Object.entries(data).map(([key, item]) =>
      h('div', { key, className: 'voorbeeld-veld' }, h('dt', null, key), h('dd', null, value(item, null, depth + 1))),
    );
    return h('section', null, title && depth < 3 ? h(depth ? 'h3' : 'h2', null, title) : null, h('dl', null, rows));
  }
  return h('p', { className: 'voorbeeld-tekst' }, String(data));
}

/** The preview of any entry: its fields as text, in the form's order. */
export function TextPreview({ entry, collection }) {
  const data = entry.getIn(['data']);
  const plain = data && data.toJS ? data.toJS() : {};
  return h(
    'article',
    { className: 'voorbeeld', lang: 'nl' },
    h('p', { className: 'voorbeeld-uitleg' }, 'Voorbeeld als tekst. Hoe de site het toont, ziet u in het voorbeeld van de pull request.'),
    value(plain, collection, 0),
  );
}

export const PREVIEW_STYLE = `
.voorbeeld { font: 15px/1.5 system-ui, sans-serif; color: #1a1a1a; padding: 1rem; }
.voorbeeld-uitleg { color: #555; font-style: italic; }
.voorbeeld dt { font-weight: 600; margin-top: .5rem; }
.voorbeeld dd { margin: 0 0 0 1rem; }
.voorbeeld-tekst { white-space: pre-wrap; margin: 0; }
`;
