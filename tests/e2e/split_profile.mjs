// Records which wasm functions the first lessons run, for tools/split_wasm.py.
//
//   SPLIT=0 trunk build --release && node tests/e2e/split_profile.mjs dist
//
// DIST must be an unsplit release build with names (SPLIT=0; the release
// profile keeps names, split_wasm.py strips them). A copy of it gets an
// instrumented wasm (binaryen's `wasm-split --instrument`), each visit below
// runs in a fresh headless Chromium context, and the module's __write_profile
// says which functions ran on the page's thread. Their names (hash and crate
// disambiguators removed, so the list survives rebuilds) are written to
// tools/first-lesson.funcs, which split_wasm.py keeps in the primary module.
// The first lessons are the default one (gather) and the crawler, the lesson
// tutorial links open; both languages, both clocks, and the default page's Run.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, log, PlaygroundPage, REPO_ROOT, resolveDist, startServer } from './lib.mjs';

const LESSONS = ['gather', 'crawler'];
const VISITS = [
  { query: '', run: true },
  { query: 'lang=zh', run: true },
  { query: 'lesson=crawler&clock=virtual&run=1' },
  { query: 'lesson=crawler&run=1' },
  { query: 'lang=zh&lesson=crawler&clock=virtual&run=1' },
  { query: 'lesson=crawler&theme=dark&clock=virtual&run=1' },
];
// Timing varies what runs (a component may suspend or not): every visit is made ROUNDS times.
const ROUNDS = 3;
const TOOL = path.join(REPO_ROOT, 'tools', 'split_wasm.py');
const OUT = path.join(REPO_ROOT, 'tools', 'first-lesson.funcs');

const dist = resolveDist(process.argv[2]);
const tmp = mkdtempSync(path.join(tmpdir(), 'split-profile-'));
const site = path.join(tmp, 'dist');
cpSync(dist, site, { recursive: true });
const wasmName = readdirSync(site).find((f) => f.endsWith('_bg.wasm'));
if (!wasmName || readdirSync(site).some((f) => f.endsWith('.rest.wasm'))) {
  throw new Error(`${dist} must be an unsplit release build: SPLIT=0 trunk build --release`);
}
const wasmPath = path.join(site, wasmName);
const names = execFileSync('python3', [TOOL, '--names', wasmPath], { encoding: 'utf8' }).split('\n');
execFileSync('python3', [TOOL, '--instrument', wasmPath, wasmPath], { stdio: 'inherit' });
const indexPath = path.join(site, 'index.html');
writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace(/ integrity="[^"]*"/g, ''));

const called = new Set();
const asked = new Set();
const server = await startServer(site);
const browser = await launchBrowser();
try {
  for (const visit of VISITS.flatMap((v) => Array(ROUNDS).fill(v))) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
    await page.goto(`${server.url}?${visit.query}`);
    const pg = new PlaygroundPage(page);
    if (visit.run) {
      await pg.byTestId('run-button').waitFor();
      await pg.run();
    }
    await pg.waitStatus('done', 60_000);
    // What runs after the run (re-renders, timers, drops) belongs to it too.
    await page.waitForTimeout(2_000);
    const counts = await page.evaluate(() => {
      const w = window.__wasm;
      const size = w.__write_profile(0, 0);
      const ptr = w.memory.buffer.byteLength;
      w.memory.grow(Math.ceil(size / 65536));
      w.__write_profile(ptr, size);
      // 8 bytes of module hash, then one u32 timestamp per defined function (0: never ran).
      const view = new DataView(w.memory.buffer.slice(ptr, ptr + size));
      return Array.from({ length: (size - 8) / 4 }, (_, i) => view.getUint32(8 + 4 * i, true));
    });
    // Every text a first lesson draws must be in the wasm's own table (crates/lessons/src/i18n TABLEs).
    for (const k of (await page.evaluate(() => window.wasmBindings.laterTextsAsked())).split(' ').filter(Boolean)) {
      asked.add(k);
    }
    if (counts.length + 1 < names.length) throw new Error(`profile has ${counts.length} functions, the wasm ${names.length - 1}`);
    let ran = 0;
    counts.forEach((t, i) => { if (t && names[i]) { called.add(names[i]); ran++; } });
    log(`split profile ?${visit.query}: ${ran} of ${counts.length} functions ran`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
// Drops of Yew's own types (a suspended component's closure, a render runner)
// happen on every page, some only when timing makes a component suspend or
// re-render: keep all of them rather than what one visit happened to drop.
const YEW_DROPS = /^core::ptr::drop_in_place::<+yew::/;
for (const n of names) if (YEW_DROPS.test(n)) called.add(n);
// What a first lesson runs varies a little with timing (a turn that ends inside the
// run or not: turns::Next::poll; a float printed by one algorithm or the other), so a
// name the list had stays while the build still has it: the list only grows, and a
// rare call never lands outside it. SPLIT_PROFILE_FRESH=1 starts from nothing.
if (!process.env.SPLIT_PROFILE_FRESH && existsSync(OUT)) {
  const present = new Set(names);
  for (const n of readFileSync(OUT, 'utf8').split('\n')) if (n && !n.startsWith('#') && present.has(n)) called.add(n);
}
if (asked.size) {
  throw new Error(`the first lessons looked up texts outside the first-load table: ${[...asked].join(' ')}; move them to a TABLE (crates/lessons/src/i18n)`);
}
const lines = [...called].sort();
writeFileSync(OUT, [
  '# Functions the first lessons run, kept in the primary wasm by tools/split_wasm.py;',
  '# every other function loads after the page starts. Made by tests/e2e/split_profile.mjs',
  '# (see its header); remake it when e2e says the first run called a placeholder.',
  `# lessons: ${LESSONS.join(' ')}`,
  ...lines,
  '',
].join('\n'));
log(`split profile: ${lines.length} function names written to ${path.relative(REPO_ROOT, OUT)}`);
