import fs from 'fs';
// Runs one ablation variant in node's V8 on a shared memory, as the app's workers do.
const bytes = fs.readFileSync(process.env.ABL_WASM);
const mod = new WebAssembly.Module(bytes);
console.error(WebAssembly.Module.imports(mod).map(i=>i.module+'.'+i.name+':'+i.kind).join(' '));
const memory = new WebAssembly.Memory({ initial: 17, maximum: 16384, shared: true });
const inst = new WebAssembly.Instance(mod, { env: { memory } });
const [which, n, reps = 5] = process.argv.slice(2).map(Number);
let best = Infinity, r;
for (let k = 0; k < reps + 1; k++) { const t = performance.now(); r = inst.exports.run(which, BigInt(n)); best = Math.min(best, performance.now() - t); }
console.log(`${which} ${best.toFixed(1)} ${r}`);
