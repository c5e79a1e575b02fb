"""Runs an async listing on CPython's own event loop with a virtual clock.

Usage:  python3 virtual_run.py <listing> [its arguments…]   (e.g. prodcons --seed 9 --json)

The listing runs unchanged on asyncio's SelectorEventLoop (diffprog.VirtualLoop,
in seconds here): every scheduling decision is CPython's, but a timer fires
exactly when due, never late, and time.perf_counter() reads the loop's clock.
So its report is what the listing would print on an infinitely fast, idle
machine: the engine's virtual clock must then agree with it exactly, which a
real-time run (late timers, busy machines) can only approximate. Listings
that block the loop with a busy loop or run threads cannot run this way.
"""
import asyncio
import importlib
import os
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
sys.path.insert(0, here)
import diffprog  # noqa: E402

name, sys.argv = sys.argv[1], [sys.argv[1] + ".py"] + sys.argv[2:]
listing = importlib.import_module(name)
loop = diffprog.VirtualLoop()
time.perf_counter = loop.time
asyncio.set_event_loop(loop)
asyncio.run = lambda coro, **_: loop.run_until_complete(coro)
listing.main()
