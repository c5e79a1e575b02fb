"""A simulated network for the playground's Python listings (stdlib only).

The listings import it so they can focus on the concurrency idea. It draws the
same seeded latencies as the playground's engine (SplitMix64 + the same latency
models), so a listing and the playground run exactly the same requests.
"""
import asyncio, math

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.s = seed & MASK

    def next_f64(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return ((z ^ (z >> 31)) >> 11) / float(1 << 53)


def latency(model, ms, rng):
    """One latency in ms: fixed, uniform in [ms/2, 3ms/2], or long-tailed (log-normal, mean ms)."""
    u1, u2 = rng.next_f64(), rng.next_f64()
    if model == "fixed":
        v = ms
    elif model == "uniform":
        v = ms * (0.5 + u1)
    else:  # longtail: log-normal with mean ms, capped at 20 * ms
        z = math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)
        v = min(ms * math.exp(0.8 * z - 0.32), 20.0 * ms)
    return round(v * 10.0) / 10.0


def plan(n, model="uniform", ms=200.0, fail_pct=0.0, seed=1):
    """[(latency_ms, status)] for n requests, in the engine's order of draws."""
    rng = SplitMix64(seed)
    out = []
    for _ in range(n):
        lat = latency(model, ms, rng)
        out.append((lat, 500 if rng.next_f64() * 100 < fail_pct else 200))
    return out


async def fetch(latency_ms, status=200):
    """Stands in for `await session.get(url)`: answers after latency_ms."""
    await asyncio.sleep(latency_ms / 1000)
    if status >= 400:
        raise RuntimeError(f"HTTP {status}")
    return status
