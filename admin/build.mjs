// Builds the editors' admin into build/bewerken/ (or the folder in the first argument):
// one minified script with a hash of its content in its name, and index.html (generated with
// its Content-Security-Policy by `make schema`, generator/outputs/cms.py). The configuration
// (admin/config.yml, generated from the model) is built into the script, with what differs per
// deployment from the environment:
//
//   REDACTIE_REPO        owner/name of the GitHub repository (CI: github.repository)
//   REDACTIE_OAUTH_URL   the OAuth proxy that signs editors in with GitHub (README, "De
//                        redactie-omgeving"); empty: Decap's default, which only works on Netlify
//
// It prints the script's size, raw and gzipped.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, '..', 'build', 'bewerken'));
const config = parse(readFileSync(join(here, 'config.yml'), 'utf8'));
const repo = process.env.REDACTIE_REPO || '';
const oauth = process.env.REDACTIE_OAUTH_URL || '';
if (repo && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
  console.error(`REDACTIE_REPO '${repo}' is geen GitHub-repository (eigenaar/naam)`);
  process.exit(1);
}
if (oauth && !/^https:\/\/[^\s/]+(\/\S*)?$/.test(oauth)) {
  console.error(`REDACTIE_OAUTH_URL '${oauth}' is geen https://-adres`);
  process.exit(1);
}
if (repo) config.backend.repo = repo;
if (oauth) config.backend.base_url = oauth.replace(/\/$/, '');

const result = await build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true,
  minify: true,
  write: false,
  format: 'iife',
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  define: {
    __HANDREIKING_CONFIG__: JSON.stringify(config),
    'process.env.NODE_ENV': '"production"',
    global: 'window',
  },
  loader: { '.wasm': 'empty' },
  metafile: true,
});
const script = result.outputFiles[0].contents;
const hash = createHash('sha256').update(script).digest('hex').slice(0, 8);
const name = `bewerken.${hash}.min.js`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, name), script);
const page = readFileSync(join(here, 'index.html'), 'utf8').replace('__SCRIPT__', name);
writeFileSync(join(out, 'index.html'), page);
// What is in the script (esbuild's metafile), beside the folder, not served.
writeFileSync(`${out}.meta.json`, JSON.stringify(result.metafile));
const gzip = gzipSync(script, { level: 9 }).length;
const mb = n => `${(n / 1e6).toFixed(2)} MB`;
console.log(`bewerken: ${join(out, name)}: ${mb(script.length)} (gzip ${mb(gzip)})`);
