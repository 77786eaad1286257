// Two kinds of value in the content files have no Decap widget. The config marks them
// (generator/outputs/cms.py) and this module translates them at the file's edge:
//
// - `handreiking_kort: organisatie`: an eindverantwoordelijke is an id (`bzk`) or a block
//   (`{organisatie: coa, afgeleid: ...}`); the form always shows the block, the file gets the
//   plain id back when the block says nothing more.
// - `handreiking_per_veld: veld`: `afgeleid: {status: reden}` (a value per field) is a list
//   in the form, each item naming its field in `veld`; `handreiking_waarde: reden` when each
//   value is a text (else it is a block).

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The marked paths of a Decap config: [{path: ['maatregelen', '*', 'afgeleid'], ...}]. */
export function shapesOf(config) {
  const found = [];
  const walk = (fields, path) => {
    for (const field of fields || []) {
      const here = [...path, field.name];
      const list = field.widget === 'list';
      if (field.handreiking_kort) {
        found.push({ kind: 'kort', path: list ? [...here, '*'] : here, key: field.handreiking_kort });
      }
      if (field.handreiking_per_veld) {
        found.push({ kind: 'per_veld', path: here, key: field.handreiking_per_veld, value: field.handreiking_waarde });
      }
      walk(field.fields, list ? [...here, '*'] : here);
    }
  };
  for (const collection of config.collections || []) {
    for (const file of collection.files || []) walk(file.fields, []);
    walk(collection.fields, []);
  }
  return found;
}

function at(data, path, change) {
  if (!path.length) return change(data);
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(data) ? data.map(item => at(item, rest, change)) : data;
  if (!isObject(data) || !(head in data)) return data;
  return { ...data, [head]: at(data[head], rest, change) };
}

/** File data -> what the form edits. */
export function toForm(data, shapes) {
  let out = data;
  for (const shape of shapes) {
    out = at(out, shape.path, value => {
      if (shape.kind === 'kort') return typeof value === 'string' ? { [shape.key]: value } : value;
      if (!isObject(value)) return value;
      return Object.entries(value).map(([name, item]) =>
        shape.value ? { [shape.key]: name, [shape.value]: item } : { [shape.key]: name, ...item },
      );
    });
  }
  return out;
}

/** What the form edits -> file data (the inverse of toForm, in reverse order). */
export function toFile(data, shapes) {
  let out = data;
  for (const shape of [...shapes].reverse()) {
    out = at(out, shape.path, value => {
      if (shape.kind === 'kort') {
        if (!isObject(value)) return value;
        const filled = Object.keys(value).filter(k => value[k] !== '' && value[k] != null);
        return filled.length === 1 && filled[0] === shape.key ? value[shape.key] : value;
      }
      if (!Array.isArray(value)) return value;
      const map = {};
      for (const item of value) {
        if (!isObject(item) || !item[shape.key]) continue;
        const { [shape.key]: name, ...rest } = item;
        map[name] = shape.value ? rest[shape.value] : rest;
      }
      return map;
    });
  }
  return out;
}

/** A Decap format that reads and writes through `shapes`. */
export function withShapes(format, shapes) {
  return {
    fromFile: text => toForm(format.fromFile(text), shapes),
    toFile: data => format.toFile(toFile(JSON.parse(JSON.stringify(data)), shapes)),
  };
}
