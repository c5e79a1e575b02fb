// The tutorial pages (tutorial.html, tutorial.zh.html): loads the embedded
// lessons, drives one through the embedding API (postMessage) from a button in
// the text and shows the numbers it reports, and builds embed snippets.
// `?app=<url>` points the embeds at a playground on another origin (default:
// this site). No inline scripts: the pages can run under a strict CSP.
(() => {
  'use strict';
  const lang = document.body.dataset.lang === 'zh' ? 'zh' : 'en';
  const appParam = new URLSearchParams(location.search).get('app');
  const app = new URL(appParam && /^https?:\/\//.test(appParam) ? appParam : './', document.baseURI);
  app.search = '';
  app.hash = '';
  const theme = () => (window.playgroundTheme ? window.playgroundTheme.get() : 'light');

  /** The app's URL for a lesson and a query (`k=v&…`), with the page's language and theme. */
  const lessonUrl = (lesson, query, extra = {}) => {
    const u = new URL(app);
    const q = new URLSearchParams(query);
    q.set('lesson', lesson);
    q.set('embed', '1');
    for (const [k, v] of Object.entries({ lang, theme: theme(), ...extra })) if (v) q.set(k, v);
    // `lesson` first, as share links have it.
    u.search = `lesson=${encodeURIComponent(lesson)}&${[...q].filter(([k]) => k !== 'lesson').map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
    return u.href;
  };

  // ---- embedded lessons ----
  let ready = false; // the driven lesson has reported once (it listens from then on)
  const frames = [...document.querySelectorAll('iframe[data-lesson]')];
  const load = () => {
    ready = false;
    for (const f of frames) f.src = lessonUrl(f.dataset.lesson, f.dataset.query ?? '');
  };
  load();
  // A new theme reloads the lessons with it (they keep their parameters in the query).
  window.addEventListener('playground:theme', () => { if (frames.some((f) => f.src)) load(); });

  // ---- the button that drives the crawler lesson ----
  const crawler = document.querySelector('iframe[data-lesson="crawler"]');
  const runButton = document.getElementById('try-run');
  const kSelect = document.getElementById('try-k');
  const result = document.querySelector('[data-testid="try-result"]');
  let pending = null; // { k, sawRunning }
  const send = (msg) => crawler.contentWindow.postMessage(msg, app.origin);
  let last = null; // the last finished run's report
  const start = () => {
    const k = kSelect.value;
    pending = { k };
    result.textContent = result.dataset.runningText;
    result.dataset.status = 'running';
    runButton.disabled = true;
    send({ type: 'playground:set', lesson: 'crawler', clock: 'virtual', params: { n: '50', k, latency: 'fixed', ms: '1000' } });
    send({ type: 'playground:run' });
    // A run on the virtual clock can finish before the lesson reports it running; the
    // same setup run again then reports nothing new (the report did not change).
    if (last && last.params?.k === k && last.params?.n === '50') setTimeout(() => pending && show(last), 1500);
  };
  runButton?.addEventListener('click', () => {
    if (ready) start();
    else pending = { k: kSelect.value, queued: true };
  });
  window.addEventListener('message', (e) => {
    if (!crawler || e.source !== crawler.contentWindow || e.origin !== app.origin) return;
    const m = e.data;
    if (!m || m.type !== 'playground:status') return;
    if (!ready) {
      ready = true;
      if (pending?.queued) start();
    }
    if (['done', 'failed', 'stopped'].includes(m.status)) last = m;
    // The report of the run this page asked for: it carries the parameters it set.
    if (!pending || pending.queued || !['done', 'failed', 'stopped'].includes(m.status) || m.params?.k !== pending.k) return;
    show(m);
  });
  function show(m) {
    const s = m.summary ?? {};
    runButton.disabled = false;
    result.dataset.status = m.status;
    if (m.status === 'done') {
      const fill = { k: pending.k, n: s.done, makespan: Math.round(s.makespan_ms), inflight: s.max_in_flight };
      result.textContent = result.dataset.doneText.replace(/\{(\w+)\}/g, (_, key) => String(fill[key]));
      result.dataset.makespan = String(s.makespan_ms);
      result.dataset.maxInFlight = String(s.max_in_flight);
    } else {
      result.textContent = m.status;
    }
    pending = null;
  }

  // ---- embed builder ----
  // lessons: written by `UPDATE_DOCS=1 cargo test --test catalogue` (scenarios::ALL's ids)
  const LESSONS = ['gather', 'crawler', 'results', 'taskgroup', 'resilience', 'ratelimit', 'prodcons', 'pipeline', 'blocking', 'coordination', 'deadlock', 'actors', 'threadpool', 'countdown', 'primes', 'pi', 'sumsq', 'sha256', 'mandelbrot', 'fib', 'poolsize', 'mapreduce', 'race', 'gil', 'gilio', 'chooser', 'sharing', 'mpqueue', 'mpshared', 'hybrid', 'structures', 'stealing', 'interleave', 'threadbasics'];
  // end of lessons
  const ERRORS = {
    en: 'Parameters look like n=20&k=5 (names of lowercase letters, digits and _).',
    zh: '参数的格式类似 n=20&k=5（参数名由小写字母、数字和 _ 组成）。',
  };
  const form = document.getElementById('builder');
  if (!form) return;
  const snippet = document.getElementById('builder-snippet');
  const error = document.querySelector('[data-testid="builder-error"]');
  const lessonSelect = form.elements.lesson;
  for (const id of LESSONS) lessonSelect.add(new Option(id, id, id === 'crawler', id === 'crawler'));
  const build = () => {
    const params = form.elements.params.value.trim().replace(/^\?/, '');
    const valid = params === '' || params.split('&').every((p) => /^[a-z0-9_]+=[^&=\s]*$/.test(p));
    error.textContent = valid ? '' : ERRORS[lang];
    form.elements.params.setAttribute('aria-invalid', String(!valid));
    if (!valid) return null;
    const q = new URLSearchParams(params);
    const u = new URL(app);
    const extra = [
      form.elements.virtual.checked ? 'clock=virtual' : '',
      form.elements.lang.value ? `lang=${form.elements.lang.value}` : '',
      form.elements.theme.value ? `theme=${form.elements.theme.value}` : '',
      form.elements.run.checked ? 'run=1' : '',
      'embed=1',
    ].filter(Boolean);
    u.search = [`lesson=${lessonSelect.value}`, ...[...q].map(([k, v]) => `${k}=${encodeURIComponent(v)}`), ...extra].join('&');
    const height = Math.min(2000, Math.max(300, Number.parseInt(form.elements.height.value, 10) || 760));
    const html = `<iframe src="${u.href.replace(/&/g, '&amp;')}" title="Concurrency Playground: ${lessonSelect.value}"\n  width="100%" height="${height}" style="border:0" allow="cross-origin-isolated"></iframe>`;
    snippet.value = html;
    return { url: u.href, height };
  };
  form.addEventListener('input', build);
  form.addEventListener('change', build);
  form.addEventListener('submit', (e) => e.preventDefault());
  build();
  const copy = document.getElementById('builder-copy');
  const copyLabel = copy.textContent;
  copy.addEventListener('click', async () => {
    if (!build()) return;
    try {
      await navigator.clipboard.writeText(snippet.value);
    } catch {
      snippet.select();
      document.execCommand('copy');
    }
    copy.textContent = copy.dataset.copiedText;
    setTimeout(() => { copy.textContent = copyLabel; }, 1500);
  });
  document.getElementById('builder-preview').addEventListener('click', () => {
    const b = build();
    if (!b) return;
    const box = document.getElementById('builder-preview-box');
    let f = box.querySelector('iframe');
    if (!f) {
      f = document.createElement('iframe');
      f.dataset.testid = 'builder-frame';
      f.setAttribute('allow', 'cross-origin-isolated');
      box.append(f);
    }
    f.title = `Concurrency Playground: ${lessonSelect.value}`;
    f.height = String(b.height);
    f.src = b.url;
  });
})();
