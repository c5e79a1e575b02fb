"""A bounded buffer (capacity 1) guarded by a Condition; 2 items pass through.

Both sides notify after changing the buffer, so a waiter is always woken.
Run: python3 buffer_notify.py  (joins with a timeout so it never hangs)
"""
import threading

CAP, ITEMS = 1, 2
buf = []
cond = threading.Condition()


def producer():
    for i in range(ITEMS):
        with cond:
            while len(buf) == CAP:
                cond.wait()
            buf.append(i)
            cond.notify()  # wake the consumer waiting for an item


def consumer():
    for _ in range(ITEMS):
        with cond:
            while not buf:
                cond.wait()
            buf.pop(0)
            cond.notify()  # wake the producer waiting for room


def main():
    ts = [threading.Thread(target=f, daemon=True) for f in (producer, consumer)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(timeout=1.0)
    stuck = [t.name for t in ts if t.is_alive()]
    if stuck:
        print(f"deadlocked: {stuck}")
    else:
        assert not buf
        print("all items passed through")


if __name__ == "__main__":
    main()
