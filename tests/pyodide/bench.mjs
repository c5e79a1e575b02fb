// BENCHMARKS.md "Python runner": the virtual-clock crawler at n = 1,000, and a
// micro-benchmark of the tracing alone (TASKS tasks each awaiting
// asyncio.sleep(0) STEPS times: nothing but task steps), under the vendored
// Pyodide (in Node) and under this machine's CPython 3.11, with and without
// pytrace's task tracing; tracing's cost per event is the difference over the
// events recorded. Best of REPEAT runs each (the machine is shared).
//   node tests/pyodide/bench.mjs
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const REPEAT = 5;
const N = 1000;
const TASKS = 100;
const STEPS = 100;
const SLEEP0 = `import asyncio
async def spin():
    for _ in range(${STEPS}):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*(spin() for _ in range(${TASKS})))
asyncio.run(main())
`;
// The same Python for both: prints, per workload, "traced_s untraced_s events makespan_ms".
const script = (dir) => `
import sys, time, io, contextlib
sys.path[:0] = [${JSON.stringify(dir + "/python")}, ${JSON.stringify(dir + "/python/tools")}]
clock = time.perf_counter  # pytrace points time.perf_counter at the virtual clock
import pytrace
def once(src, name, argv, traced):
    with contextlib.redirect_stdout(io.StringIO()):
        t = clock()
        rec, err = pytrace.run_source(src, name, argv, traced=traced)
        dt = clock() - t
    assert err is None, err
    return dt, rec
for src, name, argv in ((open(${JSON.stringify(dir + "/python/crawler.py")}).read(), "crawler.py", ["--n", "${N}", "--k", "5"]),
                        (${JSON.stringify(SLEEP0)}, "sleep0.py", [])):
    best = {True: 1e9, False: 1e9}
    for _ in range(${REPEAT}):
        for traced in (True, False):
            dt, rec = once(src, name, argv, traced)
            best[traced] = min(best[traced], dt)
            if traced:
                events, makespan = len(rec.log), rec.log[-1][0] * 1000
    print(best[True], best[False], events, makespan)
`;

const { loadPyodide } = await import(join(root, "vendor/pyodide/node_modules/pyodide/pyodide.mjs"));
const py = await loadPyodide();
py.FS.mkdirTree("/r/python/tools");
for (const f of ["crawler.py", "simnet.py"]) py.FS.writeFile(`/r/python/${f}`, readFileSync(join(root, "python", f)));
for (const f of ["pytrace.py", "pytrace_hang.py", "pytrace_wait.py", "diffprog.py"]) py.FS.writeFile(`/r/python/tools/${f}`, readFileSync(join(root, "python/tools", f)));
const rows = {
  [`Pyodide ${py.runPython("import sys; sys.version.split()[0]")} (Node ${process.versions.node})`]: py.runPython(
    `import io, contextlib\nbuf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n    exec(${JSON.stringify(script("/r"))})\nbuf.getvalue()`,
  ),
  [execFileSync("python3", ["--version"], { encoding: "utf8" }).trim()]: execFileSync("python3", ["-c", script(root)], { encoding: "utf8" }),
};
const WORKLOADS = [`crawler n=${N} k=5`, `sleep(0) ${TASKS} tasks × ${STEPS}`];
for (const [who, out] of Object.entries(rows)) {
  out.trim().split("\n").forEach((line, i) => {
    const [traced, untraced, events, makespan] = line.split(" ").map(Number);
    console.log(
      `${who}: ${WORKLOADS[i]} virtual: traced ${(traced * 1000).toFixed(1)} ms, untraced ${(untraced * 1000).toFixed(1)} ms, ` +
        `${events} events, tracing ${(((traced - untraced) / events) * 1e6).toFixed(2)} µs/event, makespan ${makespan.toFixed(1)} ms (virtual)`,
    );
  });
}
