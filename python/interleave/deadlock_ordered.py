"""Lock ordering: both threads take lock a before lock b.

Whoever holds a can always get b, so no schedule deadlocks.
Run: python3 deadlock_ordered.py
"""
import threading

a, b = threading.Lock(), threading.Lock()


def transfer_ab():
    with a:
        with b:
            pass  # move money from a to b


def transfer_ba():
    with a:  # same order as transfer_ab
        with b:
            pass  # move money from b to a


def main():
    ts = [threading.Thread(target=f, daemon=True) for f in (transfer_ab, transfer_ba)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(timeout=1.0)
    stuck = [t.name for t in ts if t.is_alive()]
    print(f"deadlocked: {stuck}" if stuck else "no deadlock")


if __name__ == "__main__":
    main()
