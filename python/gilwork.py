"""CPU work for the GIL listings (gilio.py, chooser.py), and how much of it ran
holding the GIL.

`burn(ms)` spins for `ms` of the calling thread's own CPU time (waiting for the
GIL does not count, so the work is the same however many threads compete) and
returns the seconds of it computed while holding the GIL. Under the GIL no two
threads compute at once, so no schedule ends sooner than the sum of those (the
fidelity check's CPU-time floor). A loop turn takes well under a microsecond;
a gap of GAP_S means the thread lost the GIL (or the CPU) in between, and that
turn's CPU time may be its waking up to ask for the GIL back: not counted.
"""
import time

GAP_S = 0.0001


def burn(ms):
    cpu = time.thread_time()
    end = cpu + ms / 1000
    wall, held = time.perf_counter(), 0.0
    while cpu < end:
        w, c = time.perf_counter(), time.thread_time()
        if w - wall < GAP_S:
            held += c - cpu
        wall, cpu = w, c
    return held
