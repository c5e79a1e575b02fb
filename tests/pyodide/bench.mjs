// BENCHMARKS.md "Python runner": the virtual-clock crawler at n = 1,000 under
// the vendored Pyodide (in Node) and under this machine's CPython 3.11, with and
// without pytrace's task tracing; tracing's cost per event is the difference
// over the events recorded. Best of REPEAT runs each (the machine is shared).
//   node tests/pyodide/bench.mjs
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const REPEAT = 5;
const N = 1000;
// The same Python for both: prints "traced_s untraced_s events makespan_ms".
const script = (dir) => `
import sys, time, io, contextlib
sys.path[:0] = [${JSON.stringify(dir + "/python")}, ${JSON.stringify(dir + "/python/tools")}]
clock = time.perf_counter  # pytrace points time.perf_counter at the virtual clock
import pytrace
src = open(${JSON.stringify(dir + "/python/crawler.py")}).read()
def once(traced):
    with contextlib.redirect_stdout(io.StringIO()):
        t = clock()
        rec, err = pytrace.run_source(src, "crawler.py", ["--n", "${N}", "--k", "5"], traced=traced)
        dt = clock() - t
    assert err is None, err
    return dt, rec
best = {True: 1e9, False: 1e9}
for _ in range(${REPEAT}):
    for traced in (True, False):
        dt, rec = once(traced)
        best[traced] = min(best[traced], dt)
        if traced:
            events, makespan = len(rec.log), rec.log[-1][0] * 1000
print(best[True], best[False], events, makespan)
`;

const { loadPyodide } = await import(join(root, "vendor/pyodide/node_modules/pyodide/pyodide.mjs"));
const py = await loadPyodide();
py.FS.mkdirTree("/r/python/tools");
for (const f of ["crawler.py", "simnet.py"]) py.FS.writeFile(`/r/python/${f}`, readFileSync(join(root, "python", f)));
for (const f of ["pytrace.py", "pytrace_hang.py", "diffprog.py"]) py.FS.writeFile(`/r/python/tools/${f}`, readFileSync(join(root, "python/tools", f)));
const rows = {
  [`Pyodide ${py.runPython("import sys; sys.version.split()[0]")} (Node ${process.versions.node})`]: py.runPython(
    `import io, contextlib\nbuf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n    exec(${JSON.stringify(script("/r"))})\nbuf.getvalue()`,
  ),
  [execFileSync("python3", ["--version"], { encoding: "utf8" }).trim()]: execFileSync("python3", ["-c", script(root)], { encoding: "utf8" }),
};
for (const [who, out] of Object.entries(rows)) {
  const [traced, untraced, events, makespan] = out.trim().split(" ").map(Number);
  console.log(
    `${who}: crawler n=${N} k=5 virtual: traced ${(traced * 1000).toFixed(1)} ms, untraced ${(untraced * 1000).toFixed(1)} ms, ` +
      `${events} events, tracing ${(((traced - untraced) / events) * 1e6).toFixed(2)} µs/event, makespan ${makespan.toFixed(1)} ms (virtual)`,
  );
}
