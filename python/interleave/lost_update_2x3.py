"""2 threads each add 1 to a shared counter 3 times.

`counter += 1` is three steps (read counter, add 1, write it back); a switch
between another thread's read and write loses that thread's increment.
Run: python3 lost_update_2x3.py  (prints the final counter)
"""
import sys, threading

THREADS, N = 2, 3
counter = 0


def worker():
    global counter
    for _ in range(N):
        counter += 1  # read, add, write: another thread may run in between


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
