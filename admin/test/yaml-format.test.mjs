// Unit tests of the comment-keeping YAML format: one per kind of edit. Each asserts the whole
// new text, so a test also shows that every other line stayed as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { rewrite, yamlFormat, frontMatterFormat, clean } from '../src/yaml-format.js';

const FILE = `# yaml-language-server: $schema=schema/maatregelen.schema.json
maatregelen:
  # --- 4 Huisvesting ---------------------------------------------------------------
  - id: tussenvoorzieningen
    titel: Tussenvormen huisvesting
    opgave: huisvesting
    sectie: "4.2.1"
    samenvatting: >-
      Gemeenten kunnen vergunninghouders tijdelijk huisvesten in een tussenvoorziening,
      buiten de COA-opvang en buiten de gewone woningvoorraad. BZK werkt in het eerste
      kwartaal van 2021 uit hoe gemeenten dat kunnen doen.
    beschrijving: |
      Gemeenten huisvesten vergunninghouders vaak in sociale huurwoningen.

      **Wat gebeurt er?**
    status: in-voorbereiding
    eindverantwoordelijken: [bzk]
    betrokkenen: [jenv, szw, coa, vng]
    tijdspad:
      - datum: "2021-Q1"
        tekst: BZK werkt de mogelijkheden uit.
      - datum: "2021-04"
        tekst: Naar verwachting is duidelijk hoe het kan.
    contact: ondersteuningsteam

  - id: inzet-woningcorporaties
    titel: 'Inzet woningcorporaties'
    opgave: huisvesting
    sectie: "4.2.2"
    samenvatting: Woningcorporaties helpen gemeenten.
    status: beschikbaar
    bronnen: [brief-taakstelling]

  # --- 5 Opvang --------------------------------------------------------------------
  - id: opvang-flex
    titel: Flexibele opvang
    opgave: opvang
    sectie: "5.1"
    samenvatting: >-
      Kort.
    status: voornemen
    eindverantwoordelijken: [coa]
    tijdspad:
      - datum: "2021"
        tekst: Start.
`;

const data = () => parse(FILE);

function changedLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const removed = a.filter(l => !b.includes(l));
  const added = b.filter(l => !a.includes(l));
  return { removed, added };
}

function edit(change) {
  const d = data();
  change(d);
  const text = rewrite(FILE, d);
  assert.deepEqual(parse(text), clean(JSON.parse(JSON.stringify(d))));
  return text;
}

test('no change: byte for byte the same', () => {
  assert.equal(rewrite(FILE, data()), FILE);
  const format = yamlFormat();
  assert.equal(format.toFile(format.fromFile(FILE)), FILE);
});

test('plain scalar: one line, still plain', () => {
  const text = edit(d => { d.maatregelen[0].titel = 'Tussenvoorzieningen voor huisvesting'; });
  assert.deepEqual(changedLines(FILE, text), {
    removed: ['    titel: Tussenvormen huisvesting'],
    added: ['    titel: Tussenvoorzieningen voor huisvesting'],
  });
});

test('plain scalar that would read as something else is quoted', () => {
  const text = edit(d => { d.maatregelen[0].opgave = 'ja: nee'; });
  assert.ok(text.includes('    opgave: "ja: nee"\n'));
});

test('double-quoted scalar stays double-quoted (a date stays a string)', () => {
  const text = edit(d => { d.maatregelen[0].tijdspad[1].datum = '2021-05'; });
  assert.deepEqual(changedLines(FILE, text), {
    removed: ['      - datum: "2021-04"'],
    added: ['      - datum: "2021-05"'],
  });
});

test('single-quoted scalar stays single-quoted', () => {
  const text = edit(d => { d.maatregelen[1].titel = "Inzet van corporaties' woningen"; });
  assert.ok(text.includes("    titel: 'Inzet van corporaties'' woningen'\n"));
  assert.equal(changedLines(FILE, text).added.length, 1);
});

test('folded block: only that block, unchanged lines kept', () => {
  const text = edit(d => {
    d.maatregelen[0].samenvatting = d.maatregelen[0].samenvatting.replace('2021 uit', '2021 en 2022 uit');
  });
  const { removed, added } = changedLines(FILE, text);
  assert.deepEqual(removed, ['      kwartaal van 2021 uit hoe gemeenten dat kunnen doen.']);
  assert.deepEqual(added, ['      kwartaal van 2021 en 2022 uit hoe gemeenten dat kunnen doen.']);
  assert.ok(text.includes('    samenvatting: >-\n      Gemeenten kunnen'));
});

test('folded block: a longer text is wrapped at the file width', () => {
  const text = edit(d => {
    d.maatregelen[2].samenvatting = 'Kort. '.repeat(30).trim();
  });
  const block = text.split('\n').filter(l => l.startsWith('      Kort.'));
  assert.ok(block.length > 1);
  assert.ok(block.every(l => l.length <= 92), block.join('\n'));
});

test('literal block stays literal', () => {
  const text = edit(d => { d.maatregelen[0].beschrijving += '\nBZK werkt het uit.\n'; });
  assert.ok(text.includes('    beschrijving: |\n      Gemeenten huisvesten'));
  assert.ok(text.includes('      **Wat gebeurt er?**\n\n      BZK werkt het uit.\n    status:'));
});

test('flow list: one line, still flow', () => {
  const text = edit(d => { d.maatregelen[0].betrokkenen.push('ipo'); });
  assert.deepEqual(changedLines(FILE, text), {
    removed: ['    betrokkenen: [jenv, szw, coa, vng]'],
    added: ['    betrokkenen: [jenv, szw, coa, vng, ipo]'],
  });
});

test('list item: a mijlpaal changes in place', () => {
  const text = edit(d => { d.maatregelen[0].tijdspad[0].tekst = 'BZK werkt het uit.'; });
  assert.deepEqual(changedLines(FILE, text), {
    removed: ['        tekst: BZK werkt de mogelijkheden uit.'],
    added: ['        tekst: BZK werkt het uit.'],
  });
});

test('added key goes where the other records have it, quoted as they are', () => {
  const text = edit(d => {
    d.maatregelen[1].tijdspad = [{ datum: '2022-Q1', tekst: 'Evaluatie.' }];
  });
  assert.ok(
    text.includes(
      '    bronnen: [brief-taakstelling]\n' +
        '    tijdspad:\n      - datum: "2022-Q1"\n        tekst: Evaluatie.\n\n  # --- 5 Opvang',
    ) ||
      text.includes(
        '    status: beschikbaar\n    tijdspad:\n      - datum: "2022-Q1"\n        tekst: Evaluatie.\n    bronnen:',
      ),
    text,
  );
  assert.equal(changedLines(FILE, text).removed.length, 0);
});

test('added key in the middle follows the file order', () => {
  const text = edit(d => { d.maatregelen[1].eindverantwoordelijken = ['bzk']; });
  assert.ok(text.includes('    status: beschikbaar\n    eindverantwoordelijken: [bzk]\n    bronnen:'), text);
});

test('removed key takes only its lines', () => {
  const text = edit(d => { delete d.maatregelen[0].samenvatting; });
  assert.equal(changedLines(FILE, text).added.length, 0);
  assert.equal(FILE.split('\n').length - text.split('\n').length, 4);
  assert.ok(FILE.replace(/    samenvatting: >-\n      Gemeenten[^]*?doen\.\n/, '') === text);
  const empty = edit(d => { d.maatregelen[0].contact = ''; });
  assert.ok(!empty.includes('contact:'));
});

test('removed record takes its block and one separator; comments stay', () => {
  const text = edit(d => { d.maatregelen.splice(1, 1); });
  assert.ok(text.includes('    contact: ondersteuningsteam\n\n  # --- 5 Opvang'), text);
  assert.ok(!text.includes('inzet-woningcorporaties'));
  assert.equal(changedLines(FILE, text).added.length, 0);
});

test('added record at the end, in the key order and quoting of its siblings', () => {
  const text = edit(d => {
    d.maatregelen.push({
      status: 'voornemen',
      id: 'nieuw',
      titel: 'Nieuwe maatregel',
      opgave: 'opvang',
      sectie: '5.2',
      samenvatting: 'Een korte samenvatting.',
      tijdspad: [{ tekst: 'Start.', datum: '2022-01' }],
      eindverantwoordelijken: ['coa'],
    });
  });
  assert.ok(
    text.endsWith(
      '        tekst: Start.\n\n' +
        '  - id: nieuw\n' +
        '    titel: Nieuwe maatregel\n' +
        '    opgave: opvang\n' +
        '    sectie: "5.2"\n' +
        '    samenvatting: >-\n' +
        '      Een korte samenvatting.\n' +
        '    status: voornemen\n' +
        '    eindverantwoordelijken: [coa]\n' +
        '    tijdspad:\n' +
        '      - datum: "2022-01"\n' +
        '        tekst: Start.\n',
    ),
    text,
  );
  assert.equal(changedLines(FILE, text).removed.length, 0);
});

test('added record in the middle', () => {
  const text = edit(d => {
    d.maatregelen.splice(1, 0, { id: 'tussen', titel: 'Tussen', opgave: 'huisvesting', status: 'beschikbaar' });
  });
  assert.ok(text.includes('    contact: ondersteuningsteam\n\n  - id: tussen\n'), text);
  assert.ok(text.includes('    status: beschikbaar\n\n  - id: inzet-woningcorporaties'), text);
});

test('moved record moves as a block', () => {
  const text = edit(d => {
    const [moved] = d.maatregelen.splice(0, 1);
    d.maatregelen.push(moved);
  });
  const block = FILE.slice(FILE.indexOf('  - id: tussenvoorzieningen'), FILE.indexOf('\n  - id: inzet'));
  assert.ok(text.includes(block), text);
  assert.ok(text.endsWith(block), text);
  assert.ok(text.includes('  # --- 4 Huisvesting'));
  assert.ok(text.includes('  # --- 5 Opvang'));
});

test('an empty list becomes a block list; the comments above stay', () => {
  const file = '# uitleg\n#   - soort: maatregel\nverwijderd: []\n';
  const text = rewrite(file, { verwijderd: [{ soort: 'maatregel', id: 'oud', reden: 'Klaar.' }] });
  assert.equal(text, '# uitleg\n#   - soort: maatregel\nverwijderd:\n  - soort: maatregel\n    id: oud\n    reden: Klaar.\n');
});

test('front matter: fields kept as written, the body as it is', () => {
  const page = '---\ntitel: Over\nvolgorde: 9\nsamenvatting: Hoe het werkt.\n---\n\nTekst.\n\n## Kop\n';
  const format = frontMatterFormat();
  const d = format.fromFile(page);
  assert.equal(d.body, 'Tekst.\n\n## Kop\n');
  assert.equal(format.toFile(d), page);
  const changed = format.toFile({ ...d, titel: 'Over ons', body: d.body + 'Meer.\n' });
  assert.equal(changed, '---\ntitel: Over ons\nvolgorde: 9\nsamenvatting: Hoe het werkt.\n---\n\nTekst.\n\n## Kop\nMeer.\n');
});

test('toFile finds the file its data came from', () => {
  const format = yamlFormat();
  format.fromFile(FILE);
  format.fromFile('opgaven:\n  - id: huisvesting # kort\n    titel: Huisvesting\n');
  const d = data();
  d.maatregelen[0].titel = 'Anders';
  const text = format.toFile(d);
  assert.ok(text.startsWith('# yaml-language-server'));
  assert.ok(text.includes('    titel: Anders\n'));
});
