// The GIL during I/O: on the virtual clock the pool's makespans are exact.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'gilio: I/O-bound threads scale, CPU-bound do not, the mix in between',
    timeout: 60_000,
    async run({ app, server }) {
      const [n, t, io, cpu] = [8, 4, 100, 25];
      await app.open(server.url, `lesson=gilio&clock=virtual&n=${n}&threads=${t}&io=${io}&cpu=${cpu}&run=1`);
      await app.waitStatus('done');
      assert.equal(await app.number('io-ms'), Math.ceil(n / t) * io);
      assert.equal(await app.number('io-x'), t);
      assert.equal(await app.number('cpu-ms'), n * cpu);
      assert.equal(await app.number('cpu-x'), 1);
      const mixed = await app.number('mixed-ms');
      assert.ok(mixed >= io + n * cpu && mixed < n * (io + cpu), `mixed ${mixed}`);
      assert.equal(await app.byTestId('bar').count(), 6);
      assert.equal((await app.timeline()).lanes, t);
      await app.screenshot('gilio');
    },
  },
];
