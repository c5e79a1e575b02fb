"""Check-then-act: two threads withdraw 80 from a balance of 100.

Each checks that the balance covers the amount, then subtracts it; a switch
between one thread's check and its subtraction lets both pass the check, and
the balance goes negative. Run: python3 check_then_act.py
"""
import sys, threading

balance = 100


def withdraw(amount=80):
    global balance
    if balance >= amount:  # check …
        balance -= amount  # … then act: read, subtract, write


def main():
    sys.setswitchinterval(1e-6)
    ts = [threading.Thread(target=withdraw) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    try:
        assert balance >= 0, "both withdrawals passed the check"
        print(f"balance = {balance}: fine in this run")
    except AssertionError as e:
        print(f"balance = {balance}: assert failed: {e}")


if __name__ == "__main__":
    main()
