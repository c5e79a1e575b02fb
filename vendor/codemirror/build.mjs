// Bundles entry.js (CodeMirror 6, pinned by package-lock.json) into dist/cm.js:
// one minified ES module, which trunk copies into the site as py/cm.js
// (index.html) and static/py/editor.js imports when the runner opens.
// Run by scripts/setup.sh after `npm ci` here:  node vendor/codemirror/build.mjs
// esbuild is the one in tools/ (tools/package.json). The bundle starts with the
// MIT notices of the packages in it (names, versions, copyright lines).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'tools', 'package.json'));
const esbuild = require('esbuild');

const out = path.join(here, 'dist', 'cm.js');
mkdirSync(path.dirname(out), { recursive: true });
const result = await esbuild.build({
  entryPoints: [path.join(here, 'entry.js')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2020'],
  legalComments: 'none', // the notices are in the banner below, once each
  metafile: true,
  outfile: out,
  logLevel: 'warning',
});

// Every package the bundle took code from, with its licence and copyright line.
const used = new Set();
const [bundle] = Object.values(result.metafile.outputs);
for (const [input, { bytesInOutput }] of Object.entries(bundle.inputs)) {
  if (!bytesInOutput) continue;
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) used.add(m[1]);
}
const notices = [];
const copyrights = new Set();
for (const name of [...used].sort()) {
  const dir = path.join(here, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (pkg.license !== 'MIT') throw new Error(`${name}: licence ${pkg.license}, not MIT: check it before bundling`);
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!file) throw new Error(`${name}: no licence file`);
  const line = readFileSync(path.join(dir, file), 'utf8').split('\n').find((l) => /^Copyright/i.test(l.trim()));
  if (line) copyrights.add(line.trim());
  notices.push(`${name}@${pkg.version}`);
}
const mit = readFileSync(path.join(here, 'node_modules', '@codemirror', 'view', 'LICENSE'), 'utf8')
  .split('\n').filter((l) => !/^(MIT License|Copyright)/i.test(l.trim())).join('\n').trim();
const banner = `/*! CodeMirror 6 for the Python runner, bundled by vendor/codemirror/build.mjs from: ${notices.join(', ')}.
All MIT licensed:
${[...copyrights].join('\n')}

${mit}
*/
`;
writeFileSync(out, banner + readFileSync(out, 'utf8'));
console.log(`vendor/codemirror/dist/cm.js: ${readFileSync(out).length} bytes, from ${notices.length} packages`);
