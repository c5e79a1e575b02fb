// One thread of the playground's I/O thread pool (the threadpool lesson's
// ThreadPoolExecutor): a dedicated Web Worker that makes *blocking* requests.
// For each job it is sent ({ id, url }), it makes a synchronous XMLHttpRequest
// to the built-in endpoint (the service worker answers requests from dedicated
// workers, synchronous ones included), so this thread is parked until the
// answer, as a Python thread is in requests.get. It replies
// { id, status, start, end } with times on the clock shared with the page
// (performance.timeOrigin + now()), or { id, error }.
// ({ id, ping: true }) is answered at once: the page waits for it so that
// starting the thread is not counted as a job.
// With `flag` (an Int32Array over a SharedArrayBuffer) and `out` (a
// Float64Array over one) the answer is also written there and flag[0] set to
// 1, for a page that spins on it instead of waiting for a message.
'use strict';

const clock = () => performance.timeOrigin + performance.now();

self.onmessage = (event) => {
  const { id, url, ping, flag, out } = event.data;
  if (ping) {
    self.postMessage({ id, status: 0, start: clock(), end: clock() });
    return;
  }
  const start = clock();
  let reply;
  try {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url, false); // synchronous: this thread blocks here
    xhr.send();
    reply = { id, status: xhr.status, start, end: clock() };
  } catch (err) {
    reply = { id, error: String((err && err.message) || err), start, end: clock() };
  }
  if (flag && out) {
    out[0] = reply.error ? 0 : reply.status;
    out[1] = reply.start;
    out[2] = reply.end;
    Atomics.store(flag, 0, 1);
  }
  self.postMessage(reply);
};
