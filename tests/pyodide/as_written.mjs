// The broken-as-written examples' programs (python/as_written/, named by
// static/presets.json "as_written") on the vendored Pyodide's CPython, in Node,
// as the page's runner runs them (python/tools/pytrace.py, virtual clock):
// each fails with the error its preset names (a hang: "Hang", with the tasks
// that wait forever), and its event log equals CPython 3.11's on the same
// clock; one that starts threads or processes is refused by pytrace.scope().
// tests/as_written.rs checks the same programs under CPython 3.11 itself.
//
// Run: node tests/pyodide/as_written.mjs
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { loadPyodide } = await import(join(root, "vendor/pyodide/node_modules/pyodide/pyodide.mjs"));
const presets = JSON.parse(readFileSync(join(root, "static/presets.json"), "utf8")).presets.filter((p) => p.as_written?.python);

const py = await loadPyodide();
py.FS.mkdirTree("/home/pyodide/python/tools");
for (const f of readdirSync(join(root, "python/tools")).filter((f) => f.endsWith(".py"))) {
  py.FS.writeFile(`/home/pyodide/python/tools/${f}`, readFileSync(join(root, "python/tools", f)));
}
py.runPython("import sys; sys.path[:0] = ['/home/pyodide/python', '/home/pyodide/python/tools']; import pytrace");
const pytrace = py.globals.get("pytrace");

const failures = [];
let ran = 0, refused = 0;
for (const p of presets) {
  const a = p.as_written;
  const file = join(root, "python", a.python);
  const source = readFileSync(file, "utf8");
  if (pytrace.scope(source).toJs().length) {
    refused++;
    console.log(`refused  ${p.id}: starts threads or processes (the card's note says so: ${!!a.note})`);
    if (!a.note) failures.push(`${p.id}: refused without a note`);
    continue;
  }
  ran++;
  const got = JSON.parse(py.runPython(
    `import io, json, contextlib, pytrace\nbuf = io.StringIO()\nwith contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):\n    rec, err = pytrace.run_source(${JSON.stringify(source)}, "main.py")\njson.dumps({"log": pytrace.log_lines(rec), "err": err})`,
  ));
  const err = got.err;
  const ok = a.error === "hang"
    ? err?.type === "Hang" && err.hang.waiting.some(([, what]) => what === "queue")
    : err?.type === a.error && err.message === a.message;
  const ref = execFileSync("python3", [join(root, "python/tools/pytrace.py"), file], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
    .split("\n").filter((l) => /^\d/.test(l));
  const sameLog = JSON.stringify(ref) === JSON.stringify(got.log);
  console.log(`${ok && sameLog ? "ok      " : "FAIL    "} ${p.id}: ${err?.type}: ${err?.message}${err?.hang ? ` (waiting: ${err.hang.waiting.map((w) => w.join(" on ")).join("; ")})` : ""}; ${got.log.length} events, ${sameLog ? "equal to" : "DIFFERENT from"} CPython 3.11's`);
  if (!ok) failures.push(`${p.id}: ${JSON.stringify(err)} is not ${a.error}: ${a.message}`);
  if (!sameLog) failures.push(`${p.id}: event log differs from CPython 3.11's`);
}
console.log(`\n${ran} programs failed as their presets say on Pyodide, ${refused} refused (threads/processes), ${failures.length} failing${failures.length ? ":\n" + failures.join("\n") : ""}`);
process.exit(failures.length || ran < 5 ? 1 : 0);
