// A YAML format for Decap CMS that keeps the file as the editors wrote it.
//
// Decap's own YAML format writes the whole file anew on every save: comments, the schema
// modeline, key order and the `>-` blocks are lost, and a one-word edit changes hundreds of
// lines. This format parses with the `yaml` package's Document API and keeps the source. On
// save it compares the new data with the parsed nodes and rewrites only the nodes that
// changed, each in its original style (plain, quoted, `>-` folded, `|` literal, `[a, b]`),
// spliced into the original text at the node's range. `doc.toString()` is never used for an
// existing file: it re-wraps every folded scalar.
//
// - a changed scalar keeps its style; a folded block keeps its unchanged lines;
// - an added key goes where the file's other records have it, in their quoting;
// - a removed key or record takes its own lines with it, and nothing else;
// - a record that moves in a list moves as a block; a new record is written in the file's
//   key order and quoting habits (learned from its siblings);
// - empty values that the editor leaves (Decap writes '' for an untouched optional field)
//   are dropped: an empty text is never valid content.

import { parseDocument, isMap, isSeq, isScalar, isPair, stringify, parse } from 'yaml';

const DEFAULT_WIDTH = 92;

// --- data helpers ---------------------------------------------------------------------------

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function equal(a, b) {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every(k => k in b && equal(a[k], b[k]));
  }
  return false;
}

/** The data without what an editor left empty: '' and null values, and records that are
 * empty after that (an empty optional block). Empty lists stay: `verwijderd: []`. */
export function clean(value) {
  if (Array.isArray(value)) {
    return value.map(clean).filter(v => v !== undefined && !(isObject(v) && !Object.keys(v).length));
  }
  if (isObject(value)) {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      const cleaned = clean(item);
      if (cleaned === undefined) continue;
      if (isObject(cleaned) && !Object.keys(cleaned).length) continue;
      out[key] = cleaned;
    }
    return out;
  }
  if (value === '' || value === null || value === undefined) return undefined;
  if (typeof value === 'string' && !value.trim()) return undefined;
  return value;
}

// --- text helpers ---------------------------------------------------------------------------

function lineStart(src, pos) {
  return src.lastIndexOf('\n', pos - 1) + 1;
}

function lineEnd(src, pos) {
  const end = src.indexOf('\n', pos);
  return end < 0 ? src.length : end + 1;
}

function column(src, pos) {
  return pos - lineStart(src, pos);
}

function applyEdits(text, edits, base = 0) {
  // From the end, so earlier offsets stay valid; at one offset a replacement goes before an
  // insertion (an insertion after a removed key must not be removed with it).
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const edit of sorted) {
    out = out.slice(0, edit.start - base) + edit.text + out.slice(edit.end - base);
  }
  return out;
}

/** The end of a node's last line of content (after its newline); trailing blank lines and
 * comments less indented than `indent` belong to what follows. */
function contentEnd(src, start, end, indent) {
  let pos = end;
  let last = lineEnd(src, start);
  let at = lineStart(src, start);
  while (at < pos) {
    const next = lineEnd(src, at);
    const line = src.slice(at, next);
    const text = line.trim();
    const lineIndent = line.length - line.trimStart().length;
    if (text && !(text.startsWith('#') && lineIndent <= indent)) last = next;
    at = next;
  }
  return Math.min(last, src.length);
}

function withNewline(text) {
  return text.endsWith('\n') ? text : text + '\n';
}

// --- scalars in a style ---------------------------------------------------------------------

function plainOrQuoted(value) {
  if (typeof value !== 'string') return String(value);
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

function doubleQuoted(value) {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function singleQuoted(value) {
  if (typeof value !== 'string') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

function chompOf(value) {
  if (value.endsWith('\n\n')) return '+';
  if (value.endsWith('\n')) return '';
  return '-';
}

/** Words of one line of a folded block, wrapped at `width` (breaking only at a single space,
 * which is what folding turns a line break back into). */
function wrap(text, width, indent) {
  const words = text.split(/(?<! ) (?! )/);
  const lines = [];
  let line = '';
  for (const word of words) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines;
}

/** A paragraph's lines, keeping the original lines it shares at its start and end. */
function foldParagraph(text, oldLines, width, indent) {
  if (oldLines) {
    let head = 0;
    let prefix = '';
    while (head < oldLines.length) {
      const candidate = prefix ? `${prefix} ${oldLines[head]}` : oldLines[head];
      if (text === candidate || text.startsWith(candidate + ' ')) {
        prefix = candidate;
        head += 1;
      } else break;
    }
    if (prefix === text) return oldLines.slice(0, head);
    let tail = oldLines.length;
    let suffix = '';
    while (tail > head) {
      const candidate = suffix ? `${oldLines[tail - 1]} ${suffix}` : oldLines[tail - 1];
      const rest = prefix ? text.slice(prefix.length + 1) : text;
      if (rest.endsWith(' ' + candidate) && rest.length > candidate.length + 1) {
        suffix = candidate;
        tail -= 1;
      } else break;
    }
    let middle = prefix ? text.slice(prefix.length + 1) : text;
    if (suffix) middle = middle.slice(0, middle.length - suffix.length - 1);
    return [...oldLines.slice(0, head), ...wrap(middle, width, indent), ...oldLines.slice(tail)];
  }
  return wrap(text, width, indent);
}

function foldedBlock(value, indent, width, oldSource) {
  const body = value.replace(/\n+$/, '');
  const lines = body.split('\n');
  if (
    !body ||
    lines.some(l => /^[ \t]|[ \t]$/.test(l)) ||
    body.startsWith('\n') ||
    /\t/.test(body)
  ) {
    return null;
  }
  const oldParagraphs = oldSource ? sourceParagraphs(oldSource) : [];
  const pad = ' '.repeat(indent);
  const out = [`>${chompOf(value)}`];
  let blank = 0;
  for (const line of lines) {
    if (!line) {
      blank += 1;
      continue;
    }
    if (out.length > 1) for (let i = 0; i < Math.max(blank, 1); i += 1) out.push('');
    blank = 0;
    const old = oldParagraphs.find(p => p.join(' ') === line) || bestPrefix(oldParagraphs, line);
    for (const part of foldParagraph(line, old, width, indent)) out.push(pad + part);
  }
  return out.join('\n') + '\n';
}

function bestPrefix(paragraphs, line) {
  let best = null;
  let score = 0;
  for (const p of paragraphs) {
    const words = p.join(' ');
    let same = 0;
    while (same < words.length && words[same] === line[same]) same += 1;
    let end = 0;
    while (end < words.length && words[words.length - 1 - end] === line[line.length - 1 - end]) end += 1;
    if (same + end > score) {
      score = same + end;
      best = p;
    }
  }
  return score >= 20 ? best : null;
}

/** The content lines of a folded block's source, grouped in paragraphs, without indentation. */
function sourceParagraphs(source) {
  const lines = source.split('\n').slice(1);
  const groups = [];
  let group = [];
  for (const line of lines) {
    if (!line.trim()) {
      if (group.length) groups.push(group);
      group = [];
    } else group.push(line.trim());
  }
  if (group.length) groups.push(group);
  return groups;
}

function literalBlock(value, indent) {
  const body = value.replace(/\n+$/, '');
  if (!body || /^[ \t]/.test(body) || body.startsWith('\n') || /[ \t]\n|[ \t]$/.test(body)) {
    return null;
  }
  const pad = ' '.repeat(indent);
  const lines = body.split('\n').map(l => (l ? pad + l : ''));
  return `|${chompOf(value)}\n${lines.join('\n')}\n`;
}

/** `value` as the text after `key: ` in a style: the style is kept when it can say the value,
 * else the nearest that can; the result is checked by parsing it back. */
function renderScalar(value, style, indent, width, oldSource) {
  const candidates = [];
  if (typeof value === 'string' && (style === 'BLOCK_FOLDED' || style === 'BLOCK_LITERAL')) {
    if (style === 'BLOCK_FOLDED') candidates.push(foldedBlock(value, indent, width, oldSource));
    candidates.push(literalBlock(value, indent));
  }
  if (typeof value === 'string' && value.includes('\n')) {
    candidates.push(literalBlock(value, indent));
  }
  if (style === 'QUOTE_DOUBLE') candidates.push(doubleQuoted(value));
  if (style === 'QUOTE_SINGLE' && typeof value === 'string' && !value.includes('\n')) {
    candidates.push(singleQuoted(value));
  }
  candidates.push(plainOrQuoted(value), doubleQuoted(value));
  for (const text of candidates) {
    if (text !== null && text !== undefined && saysValue(text, value, indent)) return text;
  }
  return doubleQuoted(value);
}

function saysValue(text, value, indent) {
  const pad = ' '.repeat(Math.max(indent - 2, 0));
  const block = /^[|>]/.test(text);
  try {
    const parsed = parse(`${pad}k: ${block ? text : text + '\n'}`, { uniqueKeys: false });
    return parsed && equal(parsed.k, value) && (block || !text.includes('\n'));
  } catch {
    return false;
  }
}

// --- what the file does: styles, key order, separators ---------------------------------------

function wildcard(path) {
  return path.map(p => (typeof p === 'number' ? '*' : p)).join('.');
}

class Habits {
  constructor(doc, src) {
    this.src = src;
    this.styles = new Map(); // wildcard path -> {style: count}
    this.orders = new Map(); // wildcard path of a map -> [key sequences]
    this.gaps = new Map(); // wildcard path of a block sequence -> [gap texts]
    this.width = 0;
    this.indentedSequences = 0;
    this.compactSequences = 0;
    this.visit(doc.contents, []);
    if (!this.width) this.width = DEFAULT_WIDTH;
  }

  count(path, style) {
    const key = wildcard(path);
    const counts = this.styles.get(key) || {};
    counts[style] = (counts[style] || 0) + 1;
    this.styles.set(key, counts);
  }

  visit(node, path) {
    if (!node) return;
    if (isScalar(node)) {
      this.count(path, node.type);
      if (node.type === 'BLOCK_FOLDED' && node.range) {
        for (const line of this.src.slice(node.range[0], node.range[1]).split('\n').slice(1)) {
          this.width = Math.max(this.width, line.trimEnd().length);
        }
      }
    } else if (isMap(node)) {
      this.count(path, node.flow ? 'FLOW' : 'BLOCK');
      const key = wildcard(path);
      const orders = this.orders.get(key) || [];
      orders.push(node.items.map(p => String(p.key?.value)));
      this.orders.set(key, orders);
      for (const pair of node.items) {
        if (pair.value && isSeq(pair.value) && !pair.value.flow && pair.key?.range && pair.value.range) {
          const keyColumn = column(this.src, pair.key.range[0]);
          const dashColumn = column(this.src, pair.value.range[0]);
          if (dashColumn > keyColumn) this.indentedSequences += 1;
          else this.compactSequences += 1;
        }
        this.visit(pair.value, [...path, String(pair.key?.value)]);
      }
    } else if (isSeq(node)) {
      this.count(path, node.flow ? 'FLOW' : 'BLOCK');
      if (!node.flow && node.items.length > 1) {
        const key = wildcard(path);
        const gaps = this.gaps.get(key) || [];
        const blocks = itemBlocks(this.src, node);
        for (let i = 1; i < blocks.length; i += 1) {
          gaps.push(this.src.slice(blocks[i - 1].end, blocks[i].start));
        }
        this.gaps.set(key, gaps);
      }
      node.items.forEach((item, i) => this.visit(item, [...path, i]));
    }
  }

  style(path) {
    const counts = this.styles.get(wildcard(path));
    if (!counts) return null;
    return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  }

  /** The usual separator between two items of this list: '' or a blank line. */
  gap(path) {
    const gaps = (this.gaps.get(wildcard(path)) || []).filter(g => !g.includes('#'));
    if (!gaps.length) return '';
    const counts = {};
    for (const g of gaps) counts[g] = (counts[g] || 0) + 1;
    return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  }

  /** Keys in the order the file writes them for maps at this path; unknown keys follow the
   * key that precedes them in `keys`. */
  order(path, keys) {
    const merged = [];
    const sequences = [...(this.orders.get(wildcard(path)) || [])].sort((a, b) => b.length - a.length);
    for (const sequence of [...sequences, keys]) {
      sequence.forEach((key, i) => {
        if (merged.includes(key)) return;
        // Before the first later key the order knows; else after the last.
        const next = sequence.slice(i + 1).find(k => merged.includes(k));
        merged.splice(next === undefined ? merged.length : merged.indexOf(next), 0, key);
      });
    }
    return merged.filter(k => keys.includes(k));
  }

  get sequenceIndent() {
    return this.compactSequences > this.indentedSequences ? 0 : 2;
  }
}

// --- rendering new values -------------------------------------------------------------------

/** The text after `key:` for a value that is new or changed its shape: ' scalar', ' []' or a
 * newline and the block of a collection, at `indent` (the column of the key). */
function renderValue(value, path, indent, habits) {
  if (Array.isArray(value)) {
    if (!value.length) return ' []\n';
    const scalars = value.every(v => !isObject(v) && !Array.isArray(v));
    if (scalars && habits.style(path) === 'FLOW') {
      return ` ${flowList(value)}\n`;
    }
    const dash = indent + habits.sequenceIndent;
    return '\n' + renderItems(value, path, dash, habits);
  }
  if (isObject(value)) {
    if (!Object.keys(value).length) return ' {}\n';
    return '\n' + renderMap(value, path, indent + 2, habits);
  }
  const style = habits.style(path) || 'PLAIN';
  const text = renderScalar(value, style, indent + 2, habits.width);
  return ` ${withNewline(text)}`;
}

function flowList(values) {
  return stringify(values, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();
}

function renderMap(value, path, indent, habits, firstPad = null) {
  const keys = habits.order(path, Object.keys(value));
  let out = '';
  keys.forEach((key, i) => {
    const pad = i === 0 && firstPad !== null ? firstPad : ' '.repeat(indent);
    out += `${pad}${plainOrQuoted(key)}:${renderValue(value[key], [...path, key], indent, habits)}`;
  });
  return out;
}

function renderItem(value, path, dash, habits) {
  const pad = ' '.repeat(dash);
  if (isObject(value) && Object.keys(value).length) {
    return renderMap(value, path, dash + 2, habits, `${pad}- `);
  }
  if (Array.isArray(value)) return `${pad}- ${flowList(value)}\n`;
  const style = habits.style(path) || 'PLAIN';
  return `${pad}- ${withNewline(renderScalar(value, style, dash + 2, habits.width))}`;
}

function renderItems(values, path, dash, habits) {
  const gap = habits.gap(path);
  return values.map((v, i) => (i ? gap : '') + renderItem(v, [...path, i], dash, habits)).join('');
}

// --- patching the parsed document -----------------------------------------------------------

function itemBlocks(src, seq) {
  const dashColumn = column(src, seq.range[0]);
  return seq.items.map(item => {
    const at = item.range ? item.range[0] : seq.range[0];
    let dash = at;
    while (dash > 0 && src[dash] !== '-') dash -= 1;
    const start = lineStart(src, dash);
    const end = contentEnd(src, start, item.range ? item.range[1] : lineEnd(src, at), dashColumn);
    return { start, end };
  });
}

/** Edits that turn `node` (at `path`) into `value`; `owner` is the pair whose value it is. */
function patch(node, value, path, ctx, owner) {
  const { src, habits } = ctx;
  const emptyScalar = node && isScalar(node) && node.range && node.range[0] === node.range[1];
  if (node && isScalar(node) && !emptyScalar && !isObject(value) && !Array.isArray(value)) {
    if (equal(node.toJSON(), value)) return [];
    const [start, end] = node.range;
    const indent = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL'
      ? blockIndent(src, node)
      : column(src, start) + 2;
    const old = src.slice(start, end);
    const text = renderScalar(value, node.type, indent, habits.width, old);
    if (/^[|>]/.test(old)) return [{ start, end, text: withNewline(text) }];
    if (/^[|>]/.test(text)) return [{ start, end: lineEnd(src, end), text }];
    return [{ start, end, text }];
  }
  if (node && isMap(node) && !node.flow && isObject(value)) return patchMap(node, value, path, ctx);
  if (node && isSeq(node) && !node.flow && Array.isArray(value) && value.length) {
    return patchSeq(node, value, path, ctx);
  }
  if (node && node.toJSON && !emptyScalar && equal(node.toJSON(), value)) return [];
  if (node && (isSeq(node) || isMap(node)) && node.flow && !isObject(value) && Array.isArray(value)
      && value.every(v => !isObject(v) && !Array.isArray(v)) && value.length) {
    return [{ start: node.range[0], end: node.range[1], text: flowList(value) }];
  }
  // The value changed shape (or was empty): write it anew after its key.
  if (!owner) throw new Error('the top of the file cannot change shape');
  const keyStart = owner.key.range[0];
  const colon = src.indexOf(':', owner.key.range[1]);
  const indent = column(src, keyStart);
  const end = node && node.range ? contentEnd(src, node.range[0], node.range[1], indent) : lineEnd(src, colon);
  return [{ start: colon + 1, end, text: renderValue(value, path, indent, habits) }];
}

function blockIndent(src, node) {
  const lines = src.slice(node.range[0], node.range[1]).split('\n').slice(1);
  const first = lines.find(l => l.trim());
  if (first) return first.length - first.trimStart().length;
  return lineIndent(src, node.range[0]) + 2;
}

function lineIndent(src, pos) {
  const start = lineStart(src, pos);
  const line = src.slice(start, lineEnd(src, start));
  return line.length - line.trimStart().length;
}

function patchMap(node, value, path, ctx) {
  const { src, habits } = ctx;
  const edits = [];
  const present = new Set();
  const pairs = node.items.filter(isPair);
  const indent = column(src, pairs[0].key.range[0]);
  for (const pair of pairs) {
    const key = String(pair.key.value);
    present.add(key);
    if (!(key in value)) {
      // The key and its value go, with their lines; a comment above the key stays.
      const start = lineStart(src, pair.key.range[0]);
      const next = pairs[pairs.indexOf(pair) + 1];
      if (src.slice(start, pair.key.range[0]).trim() && next) {
        // The first key on a list item's line ('- id: x'): the next key takes its place.
        edits.push({ start: pair.key.range[0], end: next.key.range[0], text: '' });
        continue;
      }
      const valueEnd = pair.value && pair.value.range ? pair.value.range[1] : lineEnd(src, pair.key.range[1]);
      const end = contentEnd(src, start, Math.max(valueEnd, lineEnd(src, pair.key.range[1])), indent);
      edits.push({ start, end, text: '' });
      continue;
    }
    edits.push(...patch(pair.value, value[key], [...path, key], ctx, pair));
  }
  const added = Object.keys(value).filter(k => !present.has(k) && !isEmptyNew(value[k]));
  if (added.length) {
    const order = habits.order(path, [...pairs.map(p => String(p.key.value)), ...Object.keys(value)]);
    for (const key of added) {
      // After the nearest key before it (in the file's order) that this map has.
      let anchor = null;
      for (let i = order.indexOf(key) - 1; i >= 0 && !anchor; i -= 1) {
        anchor = pairs.find(p => String(p.key.value) === order[i] && order[i] in value) || null;
      }
      const text = `${' '.repeat(indent)}${plainOrQuoted(key)}:${renderValue(value[key], [...path, key], indent, habits)}`;
      if (anchor) {
        const valueEnd = anchor.value && anchor.value.range ? anchor.value.range[1] : lineEnd(src, anchor.key.range[1]);
        const at = contentEnd(src, lineStart(src, anchor.key.range[0]), Math.max(valueEnd, lineEnd(src, anchor.key.range[1])), indent);
        edits.push({ start: at, end: at, text, order: order.indexOf(key) });
      } else {
        const at = pairs[0].key.range[0];
        const first = text.slice(indent); // the first key's line already has its indentation
        edits.push({ start: at, end: at, text: first + ' '.repeat(indent), order: order.indexOf(key) });
      }
    }
  }
  return mergeInsertions(edits);
}

/** Keys inserted at one position are written in the file's order. */
function mergeInsertions(edits) {
  const out = [];
  const groups = new Map();
  for (const edit of edits) {
    if (edit.order === undefined) out.push(edit);
    else groups.set(edit.start, [...(groups.get(edit.start) || []), edit]);
  }
  for (const [start, group] of groups) {
    group.sort((a, b) => a.order - b.order);
    out.push({ start, end: start, text: group.map(e => e.text).join('') });
  }
  return out;
}

function isEmptyNew(value) {
  return (Array.isArray(value) && !value.length) || (isObject(value) && !Object.keys(value).length);
}

function identity(value) {
  if (isObject(value)) {
    for (const key of ['id', 'term']) if (typeof value[key] === 'string') return `${key}:${value[key]}`;
  }
  return null;
}

function similarity(a, b) {
  if (!isObject(a) || !isObject(b)) return equal(a, b) ? 1 : 0;
  return Object.keys(a).filter(k => k in b && equal(a[k], b[k])).length;
}

/** The old item most like `value` (at least half its fields the same), or -1. */
function mostLike(oldValues, value) {
  if (!isObject(value)) return oldValues.findIndex(o => equal(o, value));
  let best = -1;
  let score = Math.max(1, Object.keys(value).length / 2) - 0.001;
  oldValues.forEach((o, k) => {
    const s = similarity(o, value);
    if (s > score) {
      score = s;
      best = k;
    }
  });
  return best;
}

/** Which old item each new item is: by id, then equal, then most alike. */
function pairItems(oldValues, newValues) {
  const pairs = new Array(newValues.length).fill(-1);
  const taken = new Set();
  const byId = new Map();
  oldValues.forEach((v, i) => {
    const id = identity(v);
    if (id && !byId.has(id)) byId.set(id, i);
  });
  newValues.forEach((v, j) => {
    const id = identity(v);
    if (id && byId.has(id) && !taken.has(byId.get(id))) {
      pairs[j] = byId.get(id);
      taken.add(pairs[j]);
    }
  });
  newValues.forEach((v, j) => {
    if (pairs[j] >= 0 || identity(v)) return;
    const i = oldValues.findIndex((o, k) => !taken.has(k) && !identity(o) && equal(o, v));
    if (i >= 0) {
      pairs[j] = i;
      taken.add(i);
    }
  });
  // The rest by likeness: a record whose id changed is still that record when at least half
  // of its fields are the same.
  newValues.forEach((v, j) => {
    if (pairs[j] >= 0) return;
    let best = -1;
    let score = 0;
    oldValues.forEach((o, k) => {
      if (taken.has(k) || (identity(o) && newValues.some(n => identity(n) === identity(o)))) return;
      const s = similarity(o, v) + (k === j ? 0.5 : 0);
      if (s > score) {
        score = s;
        best = k;
      }
    });
    const enough = isObject(v) ? Math.max(1, Object.keys(v).length / 2) : 1;
    if (best >= 0 && (score >= enough || (!isObject(v) && best === j))) {
      pairs[j] = best;
      taken.add(best);
    }
  });
  return pairs;
}

/** The old indexes that stay in place: the longest increasing run of paired old indexes. */
function stableItems(pairs) {
  const seq = pairs.map((o, j) => ({ o, j })).filter(x => x.o >= 0);
  const lengths = seq.map(() => 1);
  const previous = seq.map(() => -1);
  for (let b = 0; b < seq.length; b += 1) {
    for (let a = 0; a < b; a += 1) {
      if (seq[a].o < seq[b].o && lengths[a] + 1 > lengths[b]) {
        lengths[b] = lengths[a] + 1;
        previous[b] = a;
      }
    }
  }
  const stable = new Set();
  let at = lengths.indexOf(Math.max(0, ...lengths));
  while (at >= 0) {
    stable.add(seq[at].j);
    at = previous[at];
  }
  return stable;
}

function patchSeq(node, value, path, ctx) {
  const { src, habits } = ctx;
  const oldValues = node.items.map(item => (item && item.toJSON ? item.toJSON() : item));
  const pairs = pairItems(oldValues, value);
  const blocks = itemBlocks(src, node);
  const itemEdits = value.map((v, j) => (pairs[j] >= 0 ? patch(node.items[pairs[j]], v, [...path, j], ctx, null) : null));
  const unchangedShape =
    value.length === oldValues.length && pairs.every((o, j) => o === j);
  if (unchangedShape) return itemEdits.flat();

  const stable = stableItems(pairs);
  const dash = column(src, node.range[0]);
  const usualGap = habits.gap(path);
  const gapBefore = i => src.slice(blocks[i - 1].end, blocks[i].start);
  const comments = text => text.split('\n').filter(l => l.trim().startsWith('#')).map(l => l + '\n').join('');
  let out = '';
  let lastStable = -1;
  value.forEach((v, j) => {
    const o = pairs[j];
    let gap = '';
    if (o >= 0 && stable.has(j)) {
      // The comments above the removed or moved items before it stay above it.
      for (let k = lastStable + 1; k < o; k += 1) if (k > 0) gap += comments(gapBefore(k));
      if (o > 0) gap += j > 0 ? gapBefore(o) : comments(gapBefore(o));
      else if (j > 0) gap = usualGap;
      lastStable = o;
    } else if (j > 0) gap = usualGap;
    let text;
    if (o >= 0) {
      const block = blocks[o];
      text = applyEdits(src.slice(block.start, block.end), itemEdits[j], block.start);
    } else {
      // A copy of a record the list has (or mostly a copy) is written as that record is.
      const like = mostLike(oldValues, v);
      text = like >= 0
        ? applyEdits(src.slice(blocks[like].start, blocks[like].end), patch(node.items[like], v, [...path, j], ctx, null), blocks[like].start)
        : renderItem(v, [...path, j], dash, habits);
    }
    out += gap + withNewline(text);
  });
  for (let k = lastStable + 1; k < blocks.length; k += 1) if (k > 0) out += comments(gapBefore(k));
  const start = blocks[0].start;
  const end = blocks[blocks.length - 1].end;
  return [{ start, end, text: out }];
}

// --- the format -----------------------------------------------------------------------------

export function parseKeeping(text) {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: true, maxAliasCount: 0 });
  if (doc.errors.length) throw doc.errors[0];
  return { doc, data: doc.toJS() ?? {} };
}

/** `text` with its nodes changed to say `data`, everything else byte for byte as it was. */
export function rewrite(text, data) {
  const { doc } = parseKeeping(text);
  const wanted = clean(data) ?? {};
  if (!doc.contents) return renderFresh(wanted, text);
  const ctx = { src: text, habits: new Habits(doc, text) };
  const edits = patch(doc.contents, wanted, [], ctx, null);
  const result = applyEdits(text, edits);
  const check = parse(result);
  if (!equal(check ?? {}, wanted)) {
    throw new Error('handreiking-yaml: het bestand kon niet worden bijgewerkt zonder de rest te veranderen');
  }
  return result;
}

function renderFresh(data, leading = '') {
  const doc = parseDocument('{}');
  const habits = new Habits(doc, '');
  const body = isObject(data) && Object.keys(data).length ? renderMap(data, [], 0, habits) : '';
  return leading + body;
}

/** Sources parsed lately; `toFile` gets only the data, so it finds the source it came from. */
class Sources {
  constructor(limit = 64) {
    this.limit = limit;
    this.items = [];
  }

  remember(text, data) {
    this.items = this.items.filter(i => i.text !== text);
    this.items.push({ text, data });
    if (this.items.length > this.limit) this.items.shift();
  }

  /** The source whose data is most like `data`: same keys first, then most values equal;
   * the most recent on a tie. */
  find(data) {
    let best = null;
    let score = -1;
    for (const item of this.items) {
      const keys = Object.keys(item.data);
      const sameKeys = equal(keys.slice().sort(), Object.keys(data).slice().sort()) ? 1e6 : 0;
      let same = 0;
      for (const key of keys) {
        if (!(key in data)) continue;
        const a = item.data[key];
        const b = data[key];
        if (Array.isArray(a) && Array.isArray(b)) same += a.filter((x, i) => equal(x, b[i])).length;
        else if (equal(a, b)) same += 1;
      }
      const s = sameKeys + same * 10 + (same || sameKeys ? 1 : 0);
      if (s >= score && s > 0) {
        score = s;
        best = item;
      }
    }
    return best;
  }
}

export function yamlFormat() {
  const sources = new Sources();
  return {
    fromFile(text) {
      const { data } = parseKeeping(text);
      sources.remember(text, data);
      return data;
    },
    toFile(data) {
      const plain = JSON.parse(JSON.stringify(data));
      const source = sources.find(plain);
      const text = source ? rewrite(source.text, plain) : renderFresh(clean(plain) ?? {});
      sources.remember(text, parseKeeping(text).data);
      return text;
    },
  };
}

const FRONT = /^---\n([\s\S]*?\n)?---\n(\n?)/;

/** Markdown with YAML front matter (content/paginas/*.md): the front matter is kept as the
 * YAML format keeps a file, the body is the field `body`, as written. */
export function frontMatterFormat() {
  const sources = new Sources();
  return {
    fromFile(text) {
      const match = FRONT.exec(text);
      const front = match ? match[1] || '' : '';
      const body = match ? text.slice(match[0].length) : text;
      const { data } = parseKeeping(front);
      const result = { ...data, body };
      sources.remember(text, result);
      return result;
    },
    toFile(data) {
      const plain = JSON.parse(JSON.stringify(data));
      const { body = '', ...fields } = plain;
      const source = sources.find(plain);
      let front;
      let blank = '\n';
      if (source) {
        const match = FRONT.exec(source.text);
        front = rewrite(match ? match[1] || '' : '', fields);
        blank = match ? match[2] : '\n';
      } else {
        front = renderFresh(clean(fields) ?? {});
      }
      const text = `---\n${front}---\n${blank}${body}`;
      sources.remember(text, this.fromFile(text));
      return text;
    },
  };
}
