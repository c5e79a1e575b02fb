// Monte Carlo π: one seeded stream, so every thread count gives the same estimate.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'the estimate is within 5σ of π and its error is |estimate − π|',
    timeout: 120_000,
    async run({ app, server }) {
      const samples = 4_000_000;
      await app.open(server.url, `lesson=pi&samples=${samples}&run=1`);
      await app.waitStatus('done', 90_000);
      const est = await app.number('pi-estimate');
      // 4·hits/samples: σ = 4·√(p(1−p)/samples) with p = π/4.
      const sigma = 4 * Math.sqrt(((Math.PI / 4) * (1 - Math.PI / 4)) / samples);
      assert.ok(Math.abs(est - Math.PI) < 5 * sigma, `pi-estimate ${est} (σ ${sigma})`);
      // An estimate is 4·hits/samples: an integer count of hits.
      const hits = (est * samples) / 4;
      assert.ok(Math.abs(hits - Math.round(hits)) < 1e-6, `hits ${hits}`);
      assert.equal(await app.number('pi-estimate-error'), Math.abs(est - Math.PI));
      assert.equal(await app.byTestId('speedup-point').count(), await app.number('pool-threads'));
      await app.screenshot('pi');
    },
  },
];
