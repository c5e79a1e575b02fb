"""A STAND-IN for aiohttp, NOT aiohttp: the playground's Python runner reaches no other site.

What a tutorial's aiohttp code needs (ClientSession().get, TCPConnector(limit=…),
ClientTimeout(total=…), raise_for_status, text/json) works, but every request
goes to the playground's built-in endpoint instead (on the virtual clock its
model, a wait; on the browser clock a real request to it, realnet.py): it answers after
`ms` milliseconds when the URL says `?ms=…` (like the app's /sim/delay
endpoint), otherwise after a latency drawn from the lessons' model (uniform in
100–300 ms, seeded: simnet.py), with `status` from `?status=` (else 200). The
connector's limit caps requests in flight as aiohttp's does; a total timeout
raises asyncio.TimeoutError as aiohttp does.
"""
import asyncio
import json as _json
import sys
from urllib.parse import parse_qs, urlsplit

import realnet
import simnet

print("[stand-in] aiohttp here is the playground's stand-in (python/tools/standin/aiohttp.py): "
      "every request goes to the built-in endpoint, whatever its URL, and answers after its latency model",
      file=sys.stderr)

_rng = simnet.SplitMix64(1)


def _plan(url):
    """(latency ms, status) of a request to `url`."""
    q = parse_qs(urlsplit(str(url)).query)
    ms = float(q["ms"][0]) if "ms" in q else simnet.latency("uniform", 200.0, _rng)
    return ms, int(q["status"][0]) if "status" in q else 200


class ClientError(Exception):
    pass


class ClientResponseError(ClientError):
    def __init__(self, status, url):
        super().__init__(f"{status}, url={url!r}")
        self.status = status


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total


class TCPConnector:
    def __init__(self, limit=100, limit_per_host=0, **_):
        self.limit = limit or None


class ClientResponse:
    def __init__(self, url, status, ms):
        self.url, self.status, self._ms = url, status, ms

    async def text(self):
        return _json.dumps({"ms": self._ms, "status": self.status})

    async def json(self):
        return {"ms": self._ms, "status": self.status}

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.status, self.url)

    def release(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


class _Request:
    """What session.get returns: awaitable, and an async context manager."""

    def __init__(self, coro):
        self._coro = coro

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        return await self._coro

    async def __aexit__(self, *exc):
        return False


class ClientSession:
    def __init__(self, connector=None, timeout=None, **_):
        limit = connector.limit if connector else 100
        self._slots = asyncio.Semaphore(limit) if limit else None
        self._timeout = timeout

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    async def close(self):
        pass

    def get(self, url, *, timeout=None, **_):
        return _Request(self._request(url, timeout or self._timeout))

    post = put = delete = get

    async def _request(self, url, timeout):
        ms, status = _plan(url)

        async def go():
            if self._slots is None:
                answer = await _answer(ms, status)
            else:
                async with self._slots:  # the connector's limit
                    answer = await _answer(ms, status)
            return ClientResponse(url, answer, ms)

        if timeout is not None and timeout.total is not None:
            return await asyncio.wait_for(go(), timeout.total)
        return await go()


async def _answer(ms, status):
    """The endpoint's status after `ms`: waited on the virtual clock, requested for real on the browser clock."""
    if not realnet.ON:
        await asyncio.sleep(ms / 1000)
        return status
    return await realnet.request(ms, status)
