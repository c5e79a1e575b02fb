// Every async listing (python/*.py) on the vendored Pyodide's CPython (3.14, in
// Node) and on this machine's CPython (python3, 3.11), both on the virtual clock
// through python/tools/pytrace.py: the two event logs must be equal, line for
// line. A difference is printed; KNOWN (known_differences.json) lists the ones
// explained, each with its cause: asyncio code that iterates a set of tasks or
// futures, whose order follows memory addresses, which differ between the two
// interpreters (and, under Pyodide, with what ran before in the same one: those
// listings are sometimes equal). An explained listing must still be equal once
// lanes are named by what they run and same-time events are compared as a set;
// anything else fails. Listings that start threads or
// processes must be refused by pytrace.scope() (they cannot run in the browser).
//
// Run: node tests/pyodide/compare.mjs   (about a minute; ONLY=crawler,gather to pick)
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { loadPyodide } = await import(join(root, "vendor/pyodide/node_modules/pyodide/pyodide.mjs"));
const KNOWN = JSON.parse(readFileSync(join(root, "tests/pyodide/known_differences.json"), "utf8"));

const only = process.env.ONLY ? process.env.ONLY.split(",") : null;
const listings = readdirSync(join(root, "python"))
  .filter((f) => f.endsWith(".py") && f !== "simnet.py" && f !== "gilwork.py")
  .map((f) => f.slice(0, -3))
  .filter((n) => !only || only.includes(n))
  .sort();

const t0 = performance.now();
const py = await loadPyodide();
const loadMs = performance.now() - t0;
const version = py.runPython("import sys; sys.version.split()[0] + ' ' + sys.platform");
// The listings and the harness, as the browser's worker has them.
py.FS.mkdirTree("/home/pyodide/python/tools");
for (const f of readdirSync(join(root, "python")).filter((f) => f.endsWith(".py"))) {
  py.FS.writeFile(`/home/pyodide/python/${f}`, readFileSync(join(root, "python", f)));
}
for (const f of ["pytrace.py", "pytrace_hang.py", "pytrace_wait.py", "diffprog.py"]) {
  py.FS.writeFile(`/home/pyodide/python/tools/${f}`, readFileSync(join(root, "python/tools", f)));
}
py.runPython("import sys; sys.path[:0] = ['/home/pyodide/python', '/home/pyodide/python/tools']; import pytrace");
const pytrace = py.globals.get("pytrace");

// A log with lane numbers replaced by what each lane runs ("created … as NAME")
// and the lines of one virtual time sorted: what KNOWN's set-order causes leave equal.
function canonical(lines) {
  const names = new Map();
  for (const l of lines) {
    const m = l.match(/^\S+ (T\d+) created by \S+ as (.*)$/);
    if (m) names.set(m[1], m[2]);
  }
  const named = lines.map((l) => l.replace(/\bT\d+\b/g, (id) => `<${names.get(id) ?? id}>`));
  const groups = new Map();
  for (const l of named) {
    const t = l.split(" ")[0];
    if (!groups.has(t)) groups.set(t, []);
    groups.get(t).push(l);
  }
  return [...groups.values()].map((g) => g.sort().join("\n")).join("\n");
}

let same = 0, refused = 0, explained = 0;
const failures = [];
// Scope (the panel's message): every listing that starts threads or processes,
// found here by a plain text search, is refused by pytrace.scope(); no other is.
const STARTS = /^\s*(import\s[^\n]*\b|from\s+)(threading|multiprocessing|concurrent)\b|\.(to_thread|run_in_executor)\(/m;
for (const name of listings) {
  const source = readFileSync(join(root, "python", `${name}.py`), "utf8");
  const scoped = pytrace.scope(source).toJs().length > 0;
  if (scoped !== STARTS.test(source)) failures.push(`${name} (scope: refused=${scoped})`);
}

for (const name of listings) {
  const source = readFileSync(join(root, "python", `${name}.py`), "utf8");
  if (!/\basyncio\b/.test(source)) continue; // not an async listing
  const uses = pytrace.scope(source).toJs();
  if (uses.length) {
    refused++;
    console.log(`refused  ${name}: uses ${uses.map(([l, w]) => `${w} (line ${l})`).join(", ")}`);
    continue;
  }
  const a = performance.now();
  const out = py.runPython(
    `import io, contextlib, pytrace\nbuf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n    rec, err = pytrace.run_source(${JSON.stringify(source)}, "${name}.py")\n"\\n".join(pytrace.log_lines(rec) + ([f"ERROR {err['type']}: {err['message']}"] if err else []))`,
  );
  const pyodideMs = performance.now() - a;
  const b = performance.now();
  const ref = execFileSync("python3", [join(root, "python/tools/pytrace.py"), join(root, "python", `${name}.py`)], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  }).trimEnd();
  const cpythonMs = performance.now() - b;
  const x = out.split("\n"), y = ref.split("\n");
  const diff = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) diff.push(`  line ${i + 1}: pyodide ${JSON.stringify(x[i])} | cpython ${JSON.stringify(y[i])}`);
  }
  const stats = `${x.length} events, Pyodide ${pyodideMs.toFixed(0)} ms, CPython 3.11 ${cpythonMs.toFixed(0)} ms (process start included)`;
  if (!diff.length) {
    same++;
    console.log(`same     ${name}: ${stats}`);
  } else if (KNOWN[name] && canonical(x) === canonical(y)) {
    explained++;
    console.log(`finding  ${name}: ${stats}; ${diff.length} lines differ, all explained (${KNOWN[name].check}):\n  cause: ${KNOWN[name].cause}\n${diff.slice(0, 4).join("\n")}`);
  } else {
    failures.push(name);
    console.log(`DIFFER   ${name}: ${stats}\n${diff.slice(0, 20).join("\n")}${diff.length > 20 ? `\n  … ${diff.length - 20} more` : ""}`);
  }
}
console.log(
  `\nPyodide ${version} (load ${loadMs.toFixed(0)} ms) against ${execFileSync("python3", ["--version"], { encoding: "utf8" }).trim()}: ` +
    `${same} async listings with equal event logs, ${explained} with explained differences, ${refused} refused (threads/processes), ${failures.length} failing${failures.length ? ": " + failures.join(", ") : ""}`,
);
process.exit(failures.length || same === 0 ? 1 : 0);
