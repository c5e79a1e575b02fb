"""A function that holds a lock calls another that takes the same lock (Lock).

A plain Lock does not know its owner: acquiring it again blocks forever.
Run: python3 lock_twice.py  (joins with a timeout so it never hangs)
"""
import threading

lock = threading.Lock()
count = 0


def add_one():
    global count
    with lock:  # inner: the thread already holds it
        count += 1


def update():
    with lock:  # outer
        add_one()


def main():
    ts = [threading.Thread(target=update, daemon=True) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(timeout=1.0)
    stuck = [t.name for t in ts if t.is_alive()]
    if stuck:
        print(f"deadlocked: {stuck}")
    else:
        assert count == 2
        print(f"count = {count}")


if __name__ == "__main__":
    main()
