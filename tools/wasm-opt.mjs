// Post-build step (Trunk.toml [[hooks]], release builds only): shrinks the
// app's wasm with binaryen's wasm-opt from the npm registry (tools/package.json;
// Debian's binaryen is too old for wasm threads), then rewrites the file's
// subresource-integrity hash in the built HTML so the browser still accepts it.
//
//   node tools/wasm-opt.mjs [DIR]     (DIR: trunk's staging dir by default)
//
// Opt-in: runs only when WASM_OPT_LEVEL is set (e.g. `WASM_OPT_LEVEL=-Oz trunk build --release`).
// Measured (BENCHMARKS.md, "First load"): -Oz takes the gzipped wasm from 612 to 604 KB
// (-1.4%) and minutes of build time on 2 cores, so release builds skip it by default.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE;
if (!process.env.WASM_OPT_LEVEL || (profile && profile !== 'release')) process.exit(0);
if (!dir) throw new Error('usage: node tools/wasm-opt.mjs DIR (or run as a trunk post_build hook)');
const wasmOpt = path.join(here, 'node_modules', '.bin', 'wasm-opt');
if (!existsSync(wasmOpt)) {
  console.error(`wasm-opt.mjs: ${wasmOpt} is missing: run scripts/setup.sh (npm ci in tools/)`);
  process.exit(1);
}
const level = process.env.WASM_OPT_LEVEL;
// The features this build uses (rustc's wasm32 defaults plus threads and SIMD);
// the target_features section that would say so is stripped with the symbols.
const FEATURES = ['threads', 'bulk-memory', 'mutable-globals', 'sign-ext', 'nontrapping-float-to-int',
  'reference-types', 'multivalue', 'simd'].map((f) => `--enable-${f}`);
const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;

for (const name of readdirSync(dir).filter((f) => f.endsWith('.wasm'))) {
  const file = path.join(dir, name);
  const before = readFileSync(file);
  const tmp = `${file}.opt`;
  const t0 = Date.now();
  execFileSync(wasmOpt, [level, ...FEATURES, file, '-o', tmp], { stdio: 'inherit' });
  renameSync(tmp, file);
  const after = readFileSync(file);
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const p = path.join(dir, html);
    const text = readFileSync(p, 'utf8');
    if (text.includes(sri(before))) writeFileSync(p, text.split(sri(before)).join(sri(after)));
  }
  console.error(`wasm-opt ${level}: ${name} ${before.length} → ${statSync(file).size} bytes (${Date.now() - t0} ms)`);
}
