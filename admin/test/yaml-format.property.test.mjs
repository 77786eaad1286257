// Property test of the comment-keeping YAML format on the 2021 content files: random edits
// (scalars in every style, keys added and removed, records added, removed and moved, flow
// lists) re-parse to the intended data, and every line outside the edited nodes stays
// byte-identical. A failure prints its seed: PROPERTY_SEED=<seed> node --test test/ runs it
// again (DEBUG=1 writes the result to /tmp/prop-result.yaml); PROPERTY_RUNS=3000 runs more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from "node:fs";
import { parse, parseDocument, isMap, isSeq, isScalar } from 'yaml';
import { rewrite, clean } from '../src/yaml-format.js';

// The frozen copy of the 2021 content (a content pull request never turns a test red).
const ROOT = new URL('../../tests/fixtures/handreiking-2021/', import.meta.url);
const FILES = [
  'maatregelen.yaml',
  'content/opgaven.yaml',
  'content/organisaties.yaml',
  'content/regelingen.yaml',
  'content/bronnen.yaml',
  'content/begrippen.yaml',
  'content/editie.yaml',
];
const RUNS = Number(process.env.PROPERTY_RUNS || 300);

function random(seed) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: n => Math.floor(next() * n),
    pick: items => items[Math.floor(next() * items.length)],
  };
}

const WORDS = ['gemeente', 'COA', 'vergunninghouders', "a'b", 'x: y', '#niet', '2021-Q3', 'ja', '"quote"', 'één', '- streep', '50000000', '[lijst]', 'tab\there'];

function text(rng, multiline) {
  const count = 1 + rng.int(multiline ? 40 : 8);
  const words = Array.from({ length: count }, () => rng.pick(WORDS));
  let out = words.join(' ');
  if (multiline && rng.next() < 0.5) out = out.replace(/ COA /g, '\n\nCOA ');
  return out.trim() || 'woord';
}

/** Every node with its path and its range of lines in the source. */
function nodes(doc, src) {
  const found = [];
  const lineOf = pos => src.slice(0, pos).split('\n').length - 1;
  const walk = (node, path, keyStart) => {
    if (!node || !node.range) return;
    const start = lineOf(keyStart ?? node.range[0]);
    const end = lineOf(Math.max(node.range[0], node.range[1] - 1));
    found.push({ node, path, start, end });
    if (isMap(node)) for (const p of node.items) walk(p.value, [...path, p.key.value], p.key.range[0]);
    if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return found;
}

function getIn(data, path) {
  return path.reduce((v, k) => v[k], data);
}

function parentOf(data, path) {
  return [getIn(data, path.slice(0, -1)), path[path.length - 1]];
}

/** One random edit of `data`; returns the lines of the source it may touch. */
function randomEdit(rng, data, all, structural) {
  const scalars = all.filter(n => isScalar(n.node) && n.path.length > 1 && typeof n.path.at(-1) === 'string');
  const records = all.filter(n => isMap(n.node) && typeof n.path.at(-1) === 'number' && isSeq(getNode(all, n.path.slice(0, -1))));
  const flows = all.filter(n => isSeq(n.node) && n.node.flow && n.node.items.length);
  // Records move last: the paths of the other edits are the source's.
  const kind = structural
    ? rng.pick(['removeRecord', 'addRecord', 'moveRecord'])
    : rng.pick(['scalar', 'scalar', 'scalar', 'deleteKey', 'addKey', 'flow']);
  if (kind === 'scalar' && scalars.length) {
    const n = rng.pick(scalars);
    const [parent, key] = parentOf(data, n.path);
    const multiline = n.node.type === 'BLOCK_LITERAL' || n.node.type === 'BLOCK_FOLDED';
    parent[key] = typeof parent[key] === 'number' ? rng.int(100000) : text(rng, multiline);
    return [n.start, n.end];
  }
  if (kind === 'deleteKey' && scalars.length) {
    const n = rng.pick(scalars);
    const [parent, key] = parentOf(data, n.path);
    delete parent[key];
    return [n.start, n.end];
  }
  if (kind === 'addKey' && records.length) {
    const n = rng.pick(records);
    const record = getIn(data, n.path);
    const siblings = getIn(data, n.path.slice(0, -1)).filter(r => r && typeof r === 'object');
    const donor = rng.pick(siblings);
    const missing = Object.keys(donor).filter(k => !(k in record));
    if (missing.length) {
      const key = rng.pick(missing);
      record[key] = structuredClone(donor[key]);
    }
    return null;
  }
  if (kind === 'removeRecord' && records.length) {
    const n = rng.pick(records);
    const [list, index] = parentOf(data, n.path);
    list.splice(index, 1);
    return [n.start - 1, n.end + 1];
  }
  if (kind === 'addRecord' && records.length) {
    const n = rng.pick(records);
    const [list] = parentOf(data, n.path);
    const copy = structuredClone(getIn(data, n.path));
    if (typeof copy.id === 'string') copy.id = `${copy.id}-kopie-${rng.int(1000)}`;
    if (typeof copy.term === 'string') copy.term = `${copy.term} kopie ${rng.int(1000)}`;
    list.splice(rng.int(list.length + 1), 0, copy);
    return null;
  }
  if (kind === 'moveRecord' && records.length) {
    const n = rng.pick(records);
    const [list, index] = parentOf(data, n.path);
    const [moved] = list.splice(index, 1);
    list.splice(rng.int(list.length + 1), 0, moved);
    return [n.start - 1, n.end + 1];
  }
  if (kind === 'flow' && flows.length) {
    const n = rng.pick(flows);
    const list = getIn(data, n.path);
    if (rng.next() < 0.5 && list.length > 1) list.splice(rng.int(list.length), 1);
    else list.push(`nieuw-${rng.int(100)}`);
    return [n.start, n.end];
  }
  return null;
}

function getNode(all, path) {
  const wanted = JSON.stringify(path);
  return all.find(n => JSON.stringify(n.path) === wanted)?.node;
}

/** Whether `lines` appear in `text` in this order (greedy matching decides a subsequence). */
function inOrder(lines, text) {
  const out = text.split('\n');
  let at = 0;
  for (const { line, index } of lines) {
    while (at < out.length && out[at] !== line) at += 1;
    if (at === out.length) return `line ${index + 1} ${JSON.stringify(line)}`;
    at += 1;
  }
  return null;
}

test(`random edits of the content files (${RUNS} runs)`, () => {
  const sources = Object.fromEntries(FILES.map(f => [f, readFileSync(new URL(f, ROOT), 'utf8')]));
  const first = Number(process.env.PROPERTY_SEED || 1);
  const runs = process.env.PROPERTY_SEED ? 1 : RUNS;
  for (let seed = first; seed < first + runs; seed += 1) {
    const rng = random(seed * 7919);
    const file = rng.pick(FILES);
    const src = sources[file];
    const doc = parseDocument(src);
    const all = nodes(doc, src);
    const data = parse(src);
    const touched = [];
    for (let k = 0, edits = rng.int(3); k < edits; k += 1) {
      const span = randomEdit(rng, data, all, false);
      if (span) touched.push(span);
    }
    if (rng.next() < 0.5) {
      const span = randomEdit(rng, data, all, true);
      if (span) touched.push(span);
    }
    const intended = clean(data);
    let result;
    try {
      result = rewrite(src, data);
    } catch (error) {
      if (process.env.DEBUG) writeFileSync("/tmp/prop-data.json", JSON.stringify(data));
      throw error;
    }
    try {
    } catch (error) {
      assert.fail(`seed ${seed} (${file}): ${error.message}`);
    }
    assert.deepEqual(parse(result), intended, `seed ${seed} (${file}): data differs`);
    const untouched = src
      .split('\n')
      .map((line, index) => ({ line, index }))
      .filter(({ line, index }) => line.trim() && !touched.some(([from, to]) => index >= from - 1 && index <= to + 1));
    const missing = inOrder(untouched, result);
    if (missing && process.env.DEBUG) writeFileSync("/tmp/prop-result.yaml", result);
    assert.equal(missing, null, `seed ${seed} (${file}): an untouched line changed or moved: ${missing}`);
  }
});
