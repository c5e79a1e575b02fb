// The gallery of the tutorials' examples (examples.html): every entry of
// presets.json by tutorial and number, with its verdict, what the tutorial
// says, why, and a link to its preset (index.html?example=…), the lesson it
// waits for, or why it cannot run in a page and what to open instead.
(() => {
  'use strict';
  const query = new URLSearchParams(location.search);
  const lang = query.get('lang') === 'zh' ? 'zh' : 'en';
  const T = {
    en: {
      app: 'Concurrency Playground', tutorial: 'Tutorial', other: '简体中文', title: 'From the tutorials',
      lede: 'The 99 numbered examples of the five concurrency tutorials (000–004). Each says what the tutorial expects and whether that holds; open one to run it beside the tutorial\u2019s number.',
      filter: 'Show', f_all: 'all examples', f_flawed: 'wrong, misleading or broken', f_runnable: 'with a preset',
      loading: 'Loading…', failed: 'The examples did not load: ', tut: 'Tutorial ', says: 'The tutorial says: ', why: 'Why: ',
      open: 'Open the preset', approx: '(closest lesson)', pending: 'Pending: lesson “{l}” is being written.',
      none: 'Not reproducible in a browser page. Open instead: ',
      counts: '{r} of {n} open as presets ({e} with their own numbers, {a} approximately); {p} pending; {x} not reproducible.',
      verdict: { holds: 'Holds', wrong: 'Wrong', misleading: 'Misleading', broken: 'Broken as written' },
    },
    zh: {
      app: '并发演练场', tutorial: '教程', other: 'English', title: '教程中的示例',
      lede: '五篇并发教程（000–004）中编号的 99 个示例。每个都写明教程的预期以及它是否成立；打开后可以把运行结果与教程的数字并排对照。',
      filter: '显示', f_all: '全部示例', f_flawed: '错误、有误导性或原样会出错的', f_runnable: '有预设的',
      loading: '加载中…', failed: '示例未能加载：', tut: '教程 ', says: '教程的说法：', why: '原因：',
      open: '打开预设', approx: '（最接近的课）', pending: '待完成：课“{l}”正在编写中。',
      none: '无法在浏览器页面中重现。可改为打开：',
      counts: '{n} 个中有 {r} 个可作为预设打开（{e} 个使用原数字，{a} 个近似）；{p} 个待完成；{x} 个无法重现。',
      verdict: { holds: '成立', wrong: '错误', misleading: '有误导性', broken: '原样运行会出错' },
    },
  }[lang];
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = T[el.dataset.i18n];
  document.title = `${T.title} · ${T.app}`;
  const other = document.querySelector('[data-testid=gallery-lang]');
  other.href = lang === 'zh' ? '?lang=en' : '?lang=zh';
  other.lang = lang === 'zh' ? 'en' : 'zh-CN';
  document.querySelector('[data-testid=gallery-tutorial]').href = lang === 'zh' ? 'tutorial.zh.html' : 'tutorial.html';
  document.querySelector('[data-i18n=app]').href = `./?lang=${lang}`;

  const main = document.querySelector('[data-testid=gallery]');
  const el = (tag, attrs = {}, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const k of kids) e.append(k);
    return e;
  };
  const fill = (s, args) => s.replace(/\{(\w+)\}/g, (_, k) => args[k]);

  function card(p) {
    const li = el('li', { class: `ex ${p.verdict}`, id: `ex-${p.id}`, 'data-testid': `example-${p.id}`, 'data-status': p.status, 'data-verdict': p.verdict });
    li.append(el('h3', {}, el('span', { class: 'ex-id' }, p.id), ' ', p.title[lang], ' ',
      el('span', { class: `verdict ${p.verdict}` }, T.verdict[p.verdict])));
    li.append(el('p', {}, el('strong', {}, T.says), p.says[lang]));
    li.append(el('p', { class: 'ex-why' }, el('strong', {}, T.why), p.why[lang]));
    const where = el('p', { class: 'ex-where' });
    if (p.status === 'exact' || p.status === 'approx') {
      where.append(el('a', { href: `./?example=${p.id}&lang=${lang}`, 'data-testid': `open-${p.id}` }, T.open));
      if (p.status === 'approx') where.append(' ', T.approx);
    } else if (p.status === 'pending') {
      where.append(fill(T.pending, { l: p.lesson }));
    } else {
      where.append(T.none, el('a', { href: `./?lesson=${p.open}&lang=${lang}` }, p.open));
    }
    li.append(where);
    return li;
  }

  function render(list, filter) {
    main.replaceChildren();
    for (const t of ['000', '001', '002', '003', '004']) {
      const mine = list.filter((p) => p.tutorial === t && (filter === 'all'
        || (filter === 'flawed' && p.verdict !== 'holds') || (filter === 'runnable' && (p.status === 'exact' || p.status === 'approx'))));
      if (!mine.length) continue;
      const sec = el('section', { 'aria-labelledby': `t-${t}` }, el('h2', { id: `t-${t}` }, T.tut + t));
      sec.append(el('ol', { class: 'examples' }, ...mine.sort((a, b) => a.number - b.number).map(card)));
      main.append(sec);
    }
    main.setAttribute('aria-busy', 'false');
  }

  fetch('presets.json')
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then(({ presets }) => {
      const n = (f) => presets.filter(f).length;
      const e = n((p) => p.status === 'exact'), a = n((p) => p.status === 'approx');
      document.querySelector('[data-testid=gallery-counts]').textContent = fill(T.counts,
        { n: presets.length, r: e + a, e, a, p: n((p) => p.status === 'pending'), x: n((p) => p.status === 'none') });
      const select = document.querySelector('[data-testid=gallery-filter]');
      select.addEventListener('change', () => render(presets, select.value));
      render(presets, select.value);
      if (location.hash) document.querySelector(location.hash)?.scrollIntoView();
    })
    .catch((err) => { main.replaceChildren(el('p', { role: 'alert' }, T.failed + err.message)); main.setAttribute('aria-busy', 'false'); });
})();
