# --- harness: set-up and the simulated network (simnet.py): notes, imports
"""Actors: a bank account that owns its balance; clients talk to it only through its mailbox.

Run:  python3 actors.py --clients 4 --messages 6 --initial 100
      python3 actors.py --design shared   # no actor: clients update one shared balance and lose updates
simnet.py (next to this file) draws the same seeded think times and amounts as the playground.
"""
import argparse, asyncio, json, time

from simnet import SplitMix64, latency
# Lines ending in "# rec" only record what the playground draws (its timeline, its report).
# --- end harness


# --- harness: the simulated workload: the playground's own seeded draws, in its order
def plan(a):
    """Per client: [(think ms, op, amount)] in the playground's order of draws."""
    rng = SplitMix64(a.seed)
    out = []
    for _ in range(a.clients):
        msgs = []
        for _ in range(a.messages):
            think, u = latency("uniform", a.think, rng), rng.next_f64()
            op = "deposit" if u < 0.5 else "withdraw" if u < 0.85 else "balance"
            msgs.append((think, op, 10 * (1 + int(rng.next_f64() * 10))))
        out.append(msgs)
    return out
# --- end harness


class Account:
    """The actor. Only its own task reads or writes `balance`: no locks needed."""

    def __init__(self, initial, mailbox_size, work_ms):
        self.balance, self.work = initial, work_ms / 1000
        self.mailbox = asyncio.Queue(mailbox_size)
        self.handled = self.writing = self.max_writing = 0

    async def run(self):
        while (msg := await self.mailbox.get()) is not None:  # None: stop
            op, amount, reply = msg
            self.writing += 1  # rec
            self.max_writing = max(self.max_writing, self.writing)  # rec
            await asyncio.sleep(self.work)  # writing the ledger; other messages wait in the mailbox
            self.writing -= 1  # rec
            ok = True
            if op == "deposit":
                self.balance += amount
            elif op == "withdraw":
                ok = self.balance >= amount
                if ok:
                    self.balance -= amount
            self.handled += 1
            reply.set_result((ok, self.balance))

    async def ask(self, op, amount):
        reply = asyncio.get_running_loop().create_future()  # the reply channel
        await self.mailbox.put((op, amount, reply))  # waits while the mailbox is full
        return await reply


async def main_async(a):
    start = time.perf_counter()  # rec
    now = lambda: (time.perf_counter() - start) * 1000  # rec
    account, tasks = Account(a.initial, a.mailbox, a.work), []

    async def client(c, msgs):
        net = rejected = 0
        for think_ms, op, amount in msgs:
            await asyncio.sleep(think_ms / 1000)
            ok, _ = await account.ask(op, amount)
            net += amount if (op, ok) == ("deposit", True) else -amount if (op, ok) == ("withdraw", True) else 0
            rejected += (op, ok) == ("withdraw", False)
        tasks.append({"name": f"client {c}", "end_ms": now(), "outcome": "done"})  # rec
        return net, rejected

    async def shared_client(c, msgs):  # the `shared` design: no actor, no mailbox
        nonlocal writing, max_writing  # rec
        net = rejected = 0
        for think_ms, op, amount in msgs:
            await asyncio.sleep(think_ms / 1000)
            seen = shared["balance"]  # read ...
            writing += 1  # rec
            max_writing = max(max_writing, writing)  # rec
            await asyncio.sleep(a.work / 1000)  # ... other clients run here ...
            writing -= 1  # rec
            if op == "deposit":
                shared["balance"], net = seen + amount, net + amount  # ... write back a stale value
            elif op == "withdraw" and seen >= amount:
                shared["balance"], net = seen - amount, net - amount
            rejected += op == "withdraw" and seen < amount
        tasks.append({"name": f"client {c}", "end_ms": now(), "outcome": "done"})  # rec
        return net, rejected

    if a.design == "shared":
        shared, writing, max_writing = {"balance": a.initial}, 0, 0
        outs = await asyncio.gather(*(shared_client(c, m) for c, m in enumerate(plan(a))))
        balance, handled = shared["balance"], a.clients * a.messages
    else:
        actor = asyncio.create_task(account.run())
        outs = await asyncio.gather(*(client(c, m) for c, m in enumerate(plan(a))))
        await account.mailbox.put(None)
        await actor
        tasks.append({"name": "account 0", "end_ms": now(), "outcome": "done"})  # rec
        balance, handled, max_writing = account.balance, account.handled, account.max_writing
    expected = a.initial + sum(n for n, _ in outs)
    results = {"final_balance": balance, "expected_balance": expected, "balance_error": balance - expected,
               "messages": handled, "rejected_withdrawals": sum(r for _, r in outs)}
    return {"makespan_ms": now(), "max_in_flight": max_writing, "tasks": tasks, "results": results}  # rec


def main():
    # --- harness: argument parsing
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--design", choices=["actor", "shared"], default="actor")
    p.add_argument("--clients", type=int, default=4)
    p.add_argument("--messages", type=int, default=6, help="messages per client")
    p.add_argument("--initial", type=int, default=100, help="opening balance")
    p.add_argument("--work", type=float, default=10, help="ms the actor spends per message")
    p.add_argument("--think", type=float, default=40, help="mean ms a client thinks between messages")
    p.add_argument("--mailbox", type=int, default=2, help="mailbox size")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    if min(a.clients, a.messages, a.mailbox) < 1:
        p.error("clients, messages and mailbox must be at least 1")
    # --- end harness
    r = asyncio.run(main_async(a))
    # --- harness: the report (--json for the playground's checks, else printed)
    if a.json:
        print(json.dumps(r))
    else:
        s = r["results"]
        print(f"{a.design}: {s['messages']} messages; final balance {s['final_balance']} (expected {s['expected_balance']}); "
              f"{s['rejected_withdrawals']} withdrawals refused; makespan {r['makespan_ms']:.0f} ms")
    # --- end harness


# --- harness: run as a script
if __name__ == "__main__":
    main()
# --- end harness
