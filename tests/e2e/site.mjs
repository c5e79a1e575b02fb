// The e2e tests' site and browser: a static server for the built site
// (scripts/serve_dist.py) and a headless Chromium (or Firefox). The page object
// is in page.mjs; lib.mjs gathers both for the specs.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const SCREENSHOT_DIR = path.join(E2E_DIR, 'screenshots');
const SERVE_SCRIPT = path.join(REPO_ROOT, 'scripts', 'serve_dist.py');

// Debian's Chromium; Playwright's own browser download is not available here.
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// --no-sandbox: we run as root. The rest keep a closed network quiet.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Log to stderr (stdout is reserved for test reporter / bench JSON). */
export function log(...args) {
  console.error('[e2e]', ...args);
}

/**
 * Check that `distDir` looks like a built site and return its absolute path.
 * Throws with a helpful message otherwise.
 */
export function resolveDist(distDir) {
  if (!distDir) throw new Error('usage: node <script> DIST_DIR  (e.g. dist)');
  const abs = path.resolve(distDir);
  if (!existsSync(path.join(abs, 'index.html'))) {
    throw new Error(`${abs}/index.html not found: build the app first (trunk build --release)`);
  }
  return abs;
}

/**
 * Serve `distDir` with scripts/serve_dist.py on a free port (or on `port`:
 * the main server takes env E2E_PORT when set; 0, the default, = any free port).
 * Resolves to { url, close() } once the server printed its URL.
 */
export function startServer(distDir, { timeoutMs = 15_000, isolated = true, port = 0, csp = true } = {}) {
  const args = [SERVE_SCRIPT, distDir, '--port', String(port), ...(isolated ? [] : ['--no-isolation']), ...(csp ? [] : ['--no-csp'])];
  const proc = spawn('python3', args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Never leave the server behind, even if the caller forgets close().
  const killOnExit = () => proc.kill();
  process.once('exit', killOnExit);

  const close = async () => {
    process.off('exit', killOnExit);
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error(`serve_dist.py printed no URL within ${timeoutMs} ms`));
    }, timeoutMs);
    proc.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve_dist.py exited early (code ${code})`));
    });
    // The first stdout line is the URL, e.g. http://127.0.0.1:43951/
    const lines = createInterface({ input: proc.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const url = line.trim();
      if (!/^http:\/\/[^/]+\/$/.test(url)) {
        proc.kill();
        reject(new Error(`unexpected first line from serve_dist.py: ${url}`));
        return;
      }
      resolve({ url, close });
    });
  });
}

/** Which browser the e2e specs drive: `chromium` (default) or `firefox` (env E2E_BROWSER). */
export const BROWSER = process.env.E2E_BROWSER || 'chromium';

/**
 * Launch the headless browser: Debian's Chromium through playwright-core, or
 * with E2E_BROWSER=firefox Debian's Firefox ESR through puppeteer-core behind
 * the same API (./firefox.mjs).
 */
export async function launchBrowser() {
  if (BROWSER === 'firefox') return (await import('./firefox.mjs')).launchFirefox();
  if (BROWSER !== 'chromium') throw new Error(`E2E_BROWSER=${BROWSER}: chromium or firefox`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
