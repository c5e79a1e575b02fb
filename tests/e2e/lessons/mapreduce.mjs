// Map-reduce lesson: per-region totals equal a sequential pass computed here
// over the same SplitMix64 records.
import assert from 'node:assert/strict';

const MASK = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;
const REGIONS = ['north', 'south', 'east', 'west', 'online'];

function next(s) {
  s = (s + GOLDEN) & MASK;
  let z = ((s ^ (s >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return [s, z ^ (z >> 31n)];
}

function totals(seed, records) {
  const t = Object.fromEntries(REGIONS.map((r) => [r, 0]));
  for (let j = 0n; j < BigInt(records); j++) {
    const [s, r] = next(BigInt(seed) ^ ((j * GOLDEN) & MASK));
    const [, a] = next(s);
    t[REGIONS[Number(r % 5n)]] += 1 + Number(a % 1000n);
  }
  return t;
}

export const tests = [
  {
    name: 'sales per region equal one sequential pass',
    timeout: 90_000,
    async run({ app, server }) {
      const [records, seed] = [20_000, 3];
      await app.open(server.url, `lesson=mapreduce&records=${records}&chunk=1000&seed=${seed}&reps=1&run=1`);
      await app.waitStatus('done', 60_000);
      const want = totals(seed, records);
      for (const r of REGIONS) assert.equal(await app.number(`sales-${r}`), want[r], r);
      assert.equal(await app.number('sales-total'), Object.values(want).reduce((x, y) => x + y, 0));
      assert.equal(await app.number('records-counted'), records);
      await app.byTestId('speedup-chart').waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await app.byTestId('speedup-point').count(), await app.number('pool-threads'));
      await app.screenshot('mapreduce');
    },
  },
];
