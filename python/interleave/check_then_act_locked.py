"""Check-then-act under a lock: two threads withdraw 80 from a balance of 100.

Holding the lock from the check to the subtraction makes them one step for
the other thread: the second withdrawal sees 20 and is refused.
Run: python3 check_then_act_locked.py
"""
import sys, threading

balance = 100
lock = threading.Lock()


def withdraw(amount=80):
    global balance
    with lock:
        if balance >= amount:  # check …
            balance -= amount  # … then act, with no other thread in between


def main():
    sys.setswitchinterval(1e-6)
    ts = [threading.Thread(target=withdraw) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert balance >= 0
    print(f"balance = {balance}")


if __name__ == "__main__":
    main()
