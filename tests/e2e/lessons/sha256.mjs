// SHA-256 lesson: the page's XOR of block digests equals one computed here
// with node's crypto over the same SplitMix64 blocks.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

const MASK = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

function block(seed, j) {
  let s = BigInt(seed) ^ ((BigInt(j) * GOLDEN) & MASK);
  const buf = Buffer.alloc(4096);
  for (let w = 0; w < 512; w++) {
    s = (s + GOLDEN) & MASK;
    let z = ((s ^ (s >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    buf.writeBigUInt64LE(z ^ (z >> 31n), w * 8);
  }
  return buf;
}

export const tests = [
  {
    name: 'XOR of block digests matches node crypto',
    timeout: 90_000,
    async run({ app, server }) {
      const [blocks, seed] = [64, 3];
      await app.open(server.url, `lesson=sha256&blocks=${blocks}&chunk=4&seed=${seed}&reps=1&run=1`);
      await app.waitStatus('done', 60_000);
      const acc = Buffer.alloc(32);
      for (let j = 0; j < blocks; j++) {
        const d = createHash('sha256').update(block(seed, j)).digest();
        for (let i = 0; i < 32; i++) acc[i] ^= d[i];
      }
      assert.equal(await app.number('digest-head48'), acc.readUIntBE(0, 6));
      assert.equal(await app.number('mib-hashed'), (blocks * 4096) / 2 ** 20);
      await app.byTestId('speedup-chart').waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await app.byTestId('speedup-point').count(), await app.number('pool-threads'));
      await app.screenshot('sha256');
    },
  },
];
