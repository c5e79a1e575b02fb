// The Firefox tier's browser: Debian's firefox-esr driven headless by
// puppeteer-core over WebDriver BiDi (playwright-core cannot drive a stock
// Firefox; nothing is downloaded). `launchFirefox()` returns an object with the
// part of playwright's Browser / BrowserContext / Page / Locator API that
// lib.mjs and the lesson specs use, so the same specs run in both browsers
// (E2E_BROWSER=firefox, tests/e2e/e2e.mjs). Locators are CSS selectors looked
// up anew on every call, like playwright's, but not strict: the first match acts.

import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Launch headless Firefox ESR; downloads go to a fresh directory without asking. */
export async function launchFirefox() {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX} (scripts/setup.sh installs firefox-esr)`);
  const downloads = mkdtempSync(path.join(tmpdir(), 'playground-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 0, // no system proxy: the server is on loopback
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  return {
    async newContext({ viewport = { width: 1280, height: 900 } } = {}) {
      return new FxContext(await browser.createBrowserContext(), viewport, downloads);
    },
    async close() {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

class FxContext {
  constructor(ctx, viewport, downloads) {
    Object.assign(this, { ctx, viewport, downloads, inits: [] });
  }
  async addInitScript(fn) {
    this.inits.push(fn);
  }
  async newPage() {
    const page = await this.ctx.newPage();
    await page.setViewport(this.viewport);
    for (const fn of this.inits) await page.evaluateOnNewDocument(fn);
    return new FxPage(page, this);
  }
  async close() {
    await this.ctx.close();
  }
}

/** A download as playwright gives it: the saved file. */
class FxDownload {
  constructor(file) {
    this.file = file;
  }
  async path() {
    return this.file;
  }
  suggestedFilename() {
    return path.basename(this.file);
  }
}

class FxPage {
  constructor(page, context) {
    this.p = page;
    this.ctx = context;
    this.keyboard = page.keyboard;
  }
  context() {
    return this.ctx;
  }
  on(event, fn) {
    this.p.on(event, fn);
  }
  off(event, fn) {
    this.p.off(event, fn);
  }
  url() {
    return this.p.url();
  }
  workers() {
    return this.p.workers();
  }
  async goto(url, { waitUntil = 'load', timeout = 30_000 } = {}) {
    return this.p.goto(url, { waitUntil, timeout });
  }
  async evaluate(fn, arg) {
    return this.p.evaluate(fn, arg);
  }
  async addInitScript(fn) {
    await this.p.evaluateOnNewDocument(fn);
  }
  async waitForFunction(fn, arg, { timeout = 30_000, polling = 100 } = {}) {
    return this.p.waitForFunction(fn, { timeout, polling }, arg);
  }
  async waitForSelector(selector, { timeout = 30_000 } = {}) {
    return this.p.waitForSelector(selector, { timeout });
  }
  async waitForTimeout(ms) {
    await sleep(ms);
  }
  async click(selector) {
    await this.locator(selector).click();
  }
  async $$eval(selector, fn) {
    return this.p.$$eval(selector, fn);
  }
  async screenshot({ path: file, fullPage = false } = {}) {
    return this.p.screenshot({ path: file, fullPage });
  }
  locator(selector) {
    return new FxLocator(this, selector);
  }
  /**
   * Only 'download': the next file saved in the download directory, moved out
   * of it into a directory of its own (so the next one keeps its own name).
   */
  async waitForEvent(event, { timeout = 30_000 } = {}) {
    if (event !== 'download') throw new Error(`firefox.mjs: waitForEvent('${event}') is not supported`);
    const dir = this.ctx.downloads;
    for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { force: true });
    const deadline = Date.now() + timeout;
    let last = null;
    while (Date.now() < deadline) {
      const done = readdirSync(dir).filter((f) => !f.endsWith('.part'));
      const parts = readdirSync(dir).filter((f) => f.endsWith('.part'));
      if (done.length > 0 && parts.length === 0) {
        const file = path.join(dir, done[0]);
        const size = statSync(file).size;
        if (last === size) { // same size twice: written
          const kept = path.join(mkdtempSync(path.join(tmpdir(), 'playground-ff-download-')), done[0]);
          renameSync(file, kept);
          return new FxDownload(kept);
        }
        last = size;
      }
      await sleep(50);
    }
    throw new Error(`no download within ${timeout} ms`);
  }
}

class FxLocator {
  constructor(page, selector) {
    this.page = page;
    this.selector = selector;
  }
  locator(sub) {
    return new FxLocator(this.page, `${this.selector} ${sub}`);
  }
  /** The first match, waited for (attached, or visible) up to `timeout`. */
  async handle({ visible = false, timeout = 30_000 } = {}) {
    const h = await this.page.p.waitForSelector(this.selector, { visible, timeout });
    if (!h) throw new Error(`${this.selector}: not found`);
    return h;
  }
  async waitFor({ state = 'visible', timeout = 30_000 } = {}) {
    if (state === 'hidden' || state === 'detached') {
      await this.page.p.waitForSelector(this.selector, { hidden: true, timeout });
      return;
    }
    await this.handle({ visible: state === 'visible', timeout });
  }
  async count() {
    return this.page.p.$$eval(this.selector, (els) => els.length);
  }
  async evaluate(fn, arg) {
    return (await this.handle()).evaluate(fn, arg);
  }
  async evaluateAll(fn, arg) {
    return this.page.p.$$eval(this.selector, fn, arg);
  }
  async getAttribute(name, { timeout } = {}) {
    return (await this.handle({ timeout })).evaluate((el, n) => el.getAttribute(n), name);
  }
  async innerText() {
    return (await this.handle()).evaluate((el) => el.innerText);
  }
  async textContent() {
    return (await this.handle()).evaluate((el) => el.textContent);
  }
  async inputValue() {
    return (await this.handle()).evaluate((el) => el.value);
  }
  async isDisabled() {
    return (await this.handle()).evaluate((el) => el.disabled === true);
  }
  /**
   * Waits until the element is visible and not disabled (as playwright does),
   * then clicks it in the page (a DOM click, one round trip): puppeteer's
   * pointer click takes several BiDi calls, 250 to 700 ms on a loaded machine,
   * which a timed spec (Stop within 250 ms) would count against the page.
   */
  async click() {
    const h = await this.page.p.waitForSelector(`${this.selector}:not([disabled])`, { visible: true, timeout: 30_000 });
    await h.evaluate((el) => {
      // Focus moves as with a pointer click: to the element, or away from a field.
      if (el.matches('input, select, textarea, button, a[href], [tabindex]')) el.focus();
      else document.activeElement?.blur();
      if (typeof el.click === 'function') el.click();
      else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window })); // SVG
    });
  }
  async hover({ position } = {}) {
    const h = await this.handle({ visible: true });
    if (!position) return h.hover();
    const box = await h.boundingBox();
    await this.page.p.mouse.move(box.x + position.x, box.y + position.y);
  }
  async selectOption(value) {
    await (await this.handle()).select(String(value));
  }
  /** Replaces the value as typing would (input events, then change on blur). */
  async fill(value) {
    const h = await this.handle({ visible: true });
    await h.evaluate((el) => {
      el.focus();
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    if (value !== '') await this.page.p.keyboard.type(String(value));
  }
  async press(key) {
    await (await this.handle()).focus();
    await this.page.p.keyboard.press(key);
  }
  /** A path, or playwright's { name, mimeType, buffer } (written to a temporary file). */
  async setInputFiles(file) {
    let p = file;
    if (typeof file !== 'string') {
      p = path.join(mkdtempSync(path.join(tmpdir(), 'playground-ff-upload-')), file.name);
      writeFileSync(p, file.buffer);
    }
    await (await this.handle()).uploadFile(p);
  }
}
