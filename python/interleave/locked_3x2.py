"""3 threads each add 1 to a shared counter 2 times.

A lock makes `counter += 1` one step for the other threads: no schedule loses an update.
Run: python3 locked_3x2.py  (prints the final counter)
"""
import sys, threading

THREADS, N = 3, 2
counter = 0
lock = threading.Lock()


def worker():
    global counter
    for _ in range(N):
        with lock:
            counter += 1  # read, add, write: no other thread in between


def main():
    sys.setswitchinterval(1e-6)  # switch threads as often as CPython allows
    ts = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    try:
        assert counter == THREADS * N, f"lost {THREADS * N - counter} update(s)"
        print(f"counter = {counter}: no update lost in this run")
    except AssertionError as e:
        print(f"counter = {counter}: assert failed: {e}")


if __name__ == "__main__":
    main()
