"""Real requests to the playground's built-in endpoint, for a run on the browser clock.

On the browser clock (pyreal.py: Pyodide's WebLoop, real time) a request is a
real HTTP GET of `sim/delay?ms=…&status=…`, which the site's service worker
(static/sim-sw.js) answers after `ms` milliseconds: simnet.fetch (what the
listings call) and the stand-in aiohttp await one through `fetch()` in the
browser (pyodide.http.pyfetch), and the stand-in requests makes a synchronous
one (an XMLHttpRequest, which this worker may block on), so it holds the event
loop for the whole request as the real requests.get does.

The answer must come from the endpoint (its X-Sim-Delay-Ms header says so);
anything else raises EndpointMissing (a ConnectionError, which the listings do
not catch as a failed request), never a silent stand-in, so a run on this clock
has made every request it shows. `made` counts them for the trace's parameters.
"""
from urllib.parse import urlencode

# The site's sim/ URL, e.g. "https://host/app/sim/" (set by static/py/py-worker.js).
BASE = ""
# True while a run on the browser clock is under way (pyreal.py): the stand-ins request for real.
ON = False
# Requests this run made and the endpoint answered.
made = 0


def _url(ms, status):
    return BASE + "delay?" + urlencode({"ms": round(float(ms), 1), "status": int(status)})


class EndpointMissing(ConnectionError):
    """The built-in endpoint did not answer (no service worker controls this worker?)."""


def _answered(header, status, url):
    global made
    if header is None or type(header).__name__ == "JsNull":  # JS null (pyodide.ffi.jsnull)
        raise EndpointMissing(f"{url}: HTTP {status}, not from the built-in endpoint (no service worker here?)")
    made += 1


async def request(ms, status=200):
    """A real GET answered after `ms` ms; its HTTP status."""
    from pyodide.http import pyfetch

    url = _url(ms, status)
    resp = await pyfetch(url)
    await resp.bytes()  # the whole response, as a client reads it
    _answered(resp.js_response.headers.get("X-Sim-Delay-Ms"), resp.status, url)
    return resp.status


async def fetch(latency_ms, status=200):
    """simnet.fetch on the browser clock: the same contract, over a real request."""
    if await request(latency_ms, status) >= 400:
        raise RuntimeError(f"HTTP {status}")
    return status


def request_blocking(ms, status=200):
    """A synchronous GET: this thread (the event loop's) waits for the answer."""
    from js import XMLHttpRequest

    url = _url(ms, status)
    xhr = XMLHttpRequest.new()
    xhr.open("GET", url, False)
    xhr.send()
    _answered(xhr.getResponseHeader("X-Sim-Delay-Ms"), xhr.status, url)
    return xhr.status


async def answered(reset=False):
    """The endpoint's own count of this worker's requests it answered (sim/stats; reset: from now)."""
    from pyodide.http import pyfetch

    resp = await pyfetch(BASE + ("stats?reset=1" if reset else "stats"), cache="no-store")
    if resp.status != 200:
        raise EndpointMissing(f"{BASE}stats: HTTP {resp.status}, not from the built-in endpoint (no service worker here?)")
    return (await resp.json())["answered"]
