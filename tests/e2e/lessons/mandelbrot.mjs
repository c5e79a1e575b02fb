// Mandelbrot lesson: the counts equal a JS recomputation (same float operations,
// same order), and the image canvas is drawn: exactly the pixels inside are black.
import assert from 'node:assert/strict';

function reference(width, height, maxIter) {
  let inside = 0;
  let total = 0;
  for (let py = 0; py < height; py++) {
    const im = 1.2 - ((py + 0.5) * (1.2 - -1.2)) / height;
    for (let px = 0; px < width; px++) {
      const re = -2.2 + ((px + 0.5) * (0.8 - -2.2)) / width;
      let x = 0;
      let y = 0;
      let i = 0;
      while (i < maxIter) {
        const x2 = x * x;
        const y2 = y * y;
        if (x2 + y2 > 4.0) break;
        y = 2.0 * x * y + im;
        x = x2 - y2 + re;
        i++;
      }
      total += i;
      if (i >= maxIter) inside++;
    }
  }
  return { inside, total };
}

export const tests = [
  {
    name: 'image counts match the reference and the canvas is drawn',
    timeout: 90_000,
    async run({ app, server }) {
      const [w, h, it] = [160, 120, 200];
      await app.open(server.url, `lesson=mandelbrot&width=${w}&height=${h}&max_iter=${it}&rows=6&reps=1&run=1`);
      await app.waitStatus('done', 60_000);
      const want = reference(w, h, it);
      assert.equal(await app.number('points-inside'), want.inside);
      assert.equal(await app.number('iterations-total'), want.total);

      const canvas = app.byTestId('mandelbrot-image');
      await canvas.waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await canvas.getAttribute('data-width'), String(w));
      assert.equal(await canvas.getAttribute('data-height'), String(h));
      await app.page.waitForSelector('[data-testid="mandelbrot-image"][data-drawn="true"]', { timeout: 5_000 });
      const black = await canvas.evaluate((c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] === 0 && d[i + 1] === 0 && d[i + 2] === 0 && d[i + 3] === 255) n++;
        return n;
      });
      assert.equal(black, want.inside, 'exactly the pixels inside the set are black');
      await app.byTestId('speedup-chart').waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await app.byTestId('speedup-point').count(), await app.number('pool-threads'));
      await app.screenshot('mandelbrot');

      // A lesson without an image shows no canvas.
      await app.open(server.url, 'lesson=sumsq&n=10000&reps=1&run=1');
      await app.waitStatus('done', 30_000);
      assert.equal(await app.byTestId('mandelbrot-image').count(), 0);
    },
  },
];
