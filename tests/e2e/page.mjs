// The page object: talks to the app only through its data-testid / data-*
// contract, and collects its errors, CSP violations and long tasks.

import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { log, SCREENSHOT_DIR } from './site.mjs';
import { ThreadTime } from './thread_time.mjs';

/**
 * Runs in the page: collect 'longtask' entries ({ start, duration }, ms on the
 * page's performance.now() clock) into window.__longTasks.
 * Idempotent; calling it again clears the collected list.
 * Used both via page.evaluate (from now on) and page.addInitScript (from load).
 * A browser without the Long Tasks API (Firefox) gets a probe instead: a chain
 * of setTimeout(0) callbacks; a gap over 50 ms between two of them is recorded
 * as a long task from the first to the second (one task, several back to back,
 * the page's thread waiting for a CPU, or its timer firing late: never shorter
 * than the longest task in it). `maxLongTask` counts such a gap by the page's
 * thread's time on a CPU in it (./thread_time.mjs). Returns whether the probe
 * is in use.
 */
function observeLongTasks() {
  window.__longTasks = [];
  const probe = () => window.__longTaskObserver === 'setTimeout probe';
  if (window.__longTaskObserver || typeof PerformanceObserver === 'undefined') return probe();
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    window.__longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    });
    window.__longTaskObserver.observe({ type: 'longtask', buffered: true });
    return false;
  }
  window.__longTaskObserver = 'setTimeout probe';
  let last = performance.now();
  const tick = () => {
    const t = performance.now();
    if (t - last > 50) window.__longTasks.push({ start: last, duration: t - last });
    last = t;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return true;
}

// Chromium requests /favicon.ico on its own and logs a 404 as a console
// error; a missing favicon is not an app error.
function isExpectedNoise(msg) {
  const url = msg.location()?.url ?? '';
  // Chrome logs every HTTP error response; the lessons' injected failures
  // (`/sim/delay?…&status=500`) are meant to fail and are checked by the tests.
  const injected = /\/sim\/delay\?.*\bstatus=[45]\d\d\b/.test(url) && /Failed to load resource/.test(msg.text());
  // The overloadable server's refusals (`server=capacity`, 503) are meant too.
  const refused = /\/sim\/delay\?.*\bserver=capacity\b/.test(url) && /status of 503/.test(msg.text());
  return /\/favicon\.ico$/.test(url) || injected || refused;
}

const STATUSES = ['idle', 'running', 'done', 'stopped', 'failed'];

/** Page object for the playground UI. */
export class PlaygroundPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    /** Console errors and uncaught page errors since the last open(). */
    this.errors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !isExpectedNoise(msg)) {
        const where = msg.location()?.url;
        this.errors.push(`console.error: ${msg.text()}${where ? ` (${where})` : ''}`);
      }
      if (process.env.E2E_VERBOSE) log(`page ${msg.type()}:`, msg.text());
    });
    page.on('pageerror', (err) => this.errors.push(`pageerror: ${err.message}`));
  }

  /** Content-Security-Policy violations the page reported (securitypolicyviolation events). */
  async cspViolations() {
    return this.page.evaluate(() => window.__cspViolations ?? []);
  }

  /** New context + page on `browser`, with a fixed viewport for screenshots. */
  static async create(browser, { viewport = { width: 1280, height: 900 }, serviceWorkers = 'allow' } = {}) {
    const context = await browser.newContext({ viewport, acceptDownloads: true, serviceWorkers });
    // Every page records CSP violations from its first script on.
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
    });
    return new PlaygroundPage(await context.newPage());
  }

  /** Close this page's browser context. */
  async close() {
    this.threadTime?.stop();
    await this.page.context().close();
  }

  /** `[data-testid=id]` locator. */
  byTestId(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  /** Navigate to `${baseUrl}?${query}` and wait until the app says it is ready. */
  async open(baseUrl, query = '') {
    this.errors.length = 0;
    const url = query ? `${baseUrl}?${query}` : baseUrl;
    await this.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await this.byTestId('app-ready').waitFor({ state: 'attached', timeout: 60_000 });
  }

  /**
   * The service worker's own count of this page's `sim/delay` requests
   * ({ received, answered }, since the page loaded), from `sim/stats`
   * (static/sim-sw.js). Only meaningful once the worker controls the page.
   */
  async swStats() {
    return this.page.evaluate(async () => {
      if (!navigator.serviceWorker?.controller) throw new Error('no service worker controls the page');
      const r = await fetch('sim/stats', { cache: 'no-store' });
      return r.json();
    });
  }

  /** Pick a lesson from the lesson dropdown. */
  async selectLesson(id) {
    await this.byTestId('lesson-select').selectOption(id);
  }

  /** Set a lesson parameter; works for <input> (fill + Tab) and <select>. */
  async setParam(key, value) {
    const el = this.byTestId(`param-${key}`);
    const tag = await el.evaluate((node) => node.tagName.toLowerCase());
    if (tag === 'select') {
      await el.selectOption(String(value));
    } else {
      await el.fill(String(value));
      await el.press('Tab'); // blur, so change handlers fire too
    }
  }

  /** Click Run. */
  async run() {
    await this.byTestId('run-button').click();
  }

  /** Click Stop. */
  async stop() {
    await this.byTestId('stop-button').click();
  }

  /** Current run status (data-status of run-status), or null if absent. */
  async status() {
    return this.byTestId('run-status').getAttribute('data-status', { timeout: 5_000 });
  }

  /**
   * Wait until run-status has data-status == s.
   * Fails early if the run reports 'failed' while waiting for something else.
   * Note: resolves at once if the status already is s (e.g. a previous run).
   */
  async waitStatus(s, timeoutMs = 30_000) {
    if (!STATUSES.includes(s)) throw new Error(`unknown status ${s}`);
    let got;
    try {
      const handle = await this.page.waitForFunction(
        (want) => {
          const st = document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status');
          return st === want || (st === 'failed' && want !== 'failed') ? st : false;
        },
        s,
        { timeout: timeoutMs, polling: 50 },
      );
      got = await handle.jsonValue();
    } catch (err) {
      const now = await this.status().catch(() => null);
      throw new Error(`status did not become '${s}' within ${timeoutMs} ms (now '${now}')`, { cause: err });
    }
    if (got !== s) {
      const text = await this.byTestId('run-status').innerText().catch(() => '');
      throw new Error(`run failed while waiting for '${s}': ${text}`);
    }
  }

  /** parseFloat of the data-value attribute of [data-testid=testid]. */
  async number(testid, { timeoutMs = 5_000 } = {}) {
    const raw = await this.byTestId(testid).getAttribute('data-value', { timeout: timeoutMs });
    const v = Number.parseFloat(raw);
    if (Number.isNaN(v)) throw new Error(`${testid}: data-value is not a number: ${raw}`);
    return v;
  }

  /** Like number(), but null when the element is absent. */
  async optionalNumber(testid) {
    if ((await this.byTestId(testid).count()) === 0) return null;
    return this.number(testid);
  }

  /** Timeline summary: { lanes, spans } from the timeline's data attributes. */
  async timeline() {
    const tl = this.byTestId('timeline');
    const lanes = Number.parseInt(await tl.getAttribute('data-lanes', { timeout: 5_000 }), 10);
    const spans = Number.parseInt(await tl.getAttribute('data-spans', { timeout: 5_000 }), 10);
    return { lanes, spans };
  }

  /** Full-page screenshot to tests/e2e/screenshots/${name}.png; returns the path. */
  async screenshot(name) {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Start collecting long tasks now (clears earlier ones); with the probe, the page's thread's CPU time too. */
  async observeLongTasks() {
    const probe = await this.page.evaluate(observeLongTasks);
    this.threadTime?.stop();
    this.threadTime = probe ? ThreadTime.start() : null;
  }

  /** Collect long tasks from the start of every future page load. */
  async observeLongTasksFromLoad() {
    await this.page.addInitScript(observeLongTasks);
  }

  /**
   * Start probing the main thread: a 10 ms interval timer records the gaps
   * between its callbacks. A gap far above 10 ms means the thread was busy.
   */
  async startTimerProbe() {
    await this.page.evaluate(() => {
      window.__gaps = [];
      let last = performance.now();
      window.__probe = setInterval(() => {
        const t = performance.now();
        window.__gaps.push(t - last);
        last = t;
      }, 10);
    });
  }

  /** Stop the probe; returns the longest gap (ms) it saw. */
  async stopTimerProbe() {
    return this.page.evaluate(() => {
      clearInterval(window.__probe);
      return Math.max(0, ...(window.__gaps ?? []));
    });
  }

  /** The page's performance.now() (ms): marks a moment to filter long tasks by. */
  async pageNow() {
    return this.page.evaluate(() => performance.now());
  }

  /**
   * Longest long task (ms) collected so far that started in [from, to)
   * (page performance.now() times; the whole collection by default); 0 if none.
   * Chromium: the task's wall time (Long Tasks API). Firefox: a probe gap,
   * counted by the page's thread's time on a CPU in it (an upper bound, from
   * ./thread_time.mjs; the gap itself where that cannot be told), since a gap
   * also holds the time the thread waited for a CPU and its timers fired late.
   */
  async maxLongTask(from = -Infinity, to = Infinity) {
    const { origin, probe, tasks } = await this.page.evaluate(([a, b]) => ({
      origin: performance.timeOrigin,
      probe: window.__longTaskObserver === 'setTimeout probe',
      tasks: window.__longTasks?.filter((e) => e.start >= a && e.start < b) ?? null,
    }), [from ?? -Infinity, to ?? Infinity]);
    // A page without the probe would measure nothing and pass: say so instead.
    if (!tasks) throw new Error('maxLongTask: the long-task probe is not installed in this page');
    const ran = (e) => this.threadTime?.ran(origin + e.start, origin + e.start + e.duration) ?? Infinity;
    return Math.max(0, ...tasks.map((e) => (probe ? Math.min(e.duration, ran(e)) : e.duration)));
  }
}

/** The shown run's trace, as the page's "download playground JSON" writes it (parsed). */
export async function downloadTrace(app) {
  const [d] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 15_000 }),
    app.byTestId('download-playground').click(),
  ]);
  return JSON.parse(await readFile(await d.path(), 'utf8'));
}
