"""AB/BA deadlock: one thread takes lock a then b, the other b then a.

If each gets its first lock before the other's second, both wait forever.
Run: python3 deadlock_ab_ba.py  (joins with a timeout so it never hangs)
"""
import threading

a, b = threading.Lock(), threading.Lock()


def transfer_ab():
    with a:
        with b:
            pass  # move money from a to b


def transfer_ba():
    with b:
        with a:
            pass  # move money from b to a


def main():
    ts = [threading.Thread(target=f, daemon=True) for f in (transfer_ab, transfer_ba)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(timeout=1.0)
    stuck = [t.name for t in ts if t.is_alive()]
    print(f"deadlocked: {stuck}" if stuck else "no deadlock in this run")


if __name__ == "__main__":
    main()
