"""A STAND-IN for requests, NOT requests: the playground's Python runner reaches no other site.

requests.get(url) answers as the built-in endpoint model does (see aiohttp.py
next to this file: `?ms=` or the lessons' latency model, `?status=`), and it
BLOCKS, as the real one does: called inside `async def`, it holds the event
loop for the whole latency, so no other task runs meanwhile (on the virtual
clock the loop's time jumps by the latency with every other task waiting; on
the browser clock it is a real synchronous request to the endpoint, realnet.py).
"""
import asyncio
import sys
import time

import realnet
from aiohttp import _plan

print("[stand-in] requests here is the playground's stand-in (python/tools/standin/requests.py): "
      "every call goes to the built-in endpoint, whatever its URL, and blocks for its latency", file=sys.stderr)


class HTTPError(Exception):
    pass


class Response:
    def __init__(self, url, status, ms):
        self.url, self.status_code, self.elapsed_ms = url, status, ms
        self.ok = status < 400
        self.text = f'{{"ms": {ms}, "status": {status}}}'

    def json(self):
        return {"ms": self.elapsed_ms, "status": self.status_code}

    def raise_for_status(self):
        if not self.ok:
            raise HTTPError(f"{self.status_code} for url: {self.url}")


def get(url, timeout=None, **_):
    ms, status = _plan(url)
    if realnet.ON:  # the browser clock: a real request, this thread waiting for it
        if timeout is not None and ms / 1000 > timeout:
            realnet.request_blocking(timeout * 1000, status)
            raise TimeoutError(f"timed out after {timeout} s")
        return Response(url, realnet.request_blocking(ms, status), ms)
    if timeout is not None and ms / 1000 > timeout:
        ms = timeout * 1000
        _block(ms)
        raise TimeoutError(f"timed out after {timeout} s")
    _block(ms)
    return Response(url, status, ms)


def _block(ms):
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if loop is not None and hasattr(loop, "_vtime"):
        loop._vtime += ms / 1000  # the virtual clock: the loop is held, time passes
    else:
        time.sleep(ms / 1000)
