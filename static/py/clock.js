// The Python runner's clock chooser (static/py/panel.js builds it): the
// lessons' two clocks. Virtual: CPython's own asyncio loop with a clock that
// jumps, exact and instant (python/tools/pytrace.py). Browser: Pyodide's
// WebLoop in real time, real requests to the built-in endpoint
// (python/tools/pyreal.py). The browser clock needs JSPI, which the worker
// asks Pyodide about once it is up (`ready`'s jspi): where it is missing, the
// option is disabled, the note says why, and runs stay on the virtual clock.

/** The chooser: `label`, `select` and `note` to place; `texts()` after a language change. */
export function makeClock(t) {
  const label = document.createElement('label');
  label.htmlFor = 'py-clock';
  const select = document.createElement('select');
  select.id = 'py-clock';
  select.dataset.testid = 'py-clock';
  for (const c of ['virtual', 'browser']) {
    const o = document.createElement('option');
    o.value = c;
    select.append(o);
  }
  const note = document.createElement('p');
  note.className = 'py-note';
  note.dataset.testid = 'py-clock-note';
  let jspi = null; // unknown until the worker is up
  let chosen = 'virtual';

  function texts() {
    label.textContent = t('clock');
    for (const o of select.options) {
      o.textContent = t(`clock_${o.value}`);
      if (o.value === 'browser') o.disabled = jspi === false;
    }
    if (jspi === false) chosen = 'virtual';
    select.value = chosen;
    note.textContent = jspi === false ? t('no_jspi') : t(`clock_${chosen}_note`);
    note.dataset.kind = jspi === false ? 'no_jspi' : chosen;
  }
  select.onchange = () => {
    chosen = select.value;
    texts();
  };
  texts();
  return {
    label,
    select,
    note,
    texts,
    /** The worker's answer: can a run block on the WebLoop here? */
    setJspi(v) {
      jspi = !!v;
      texts();
    },
    /** The clock the next run takes. */
    get value() {
      return jspi ? chosen : 'virtual';
    },
    set disabled(v) {
      select.disabled = v;
    },
  };
}
