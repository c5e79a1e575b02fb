//! Texts of the `actors` lesson, English and 简体中文, one file.
//! `TABLE` is compiled into the wasm (the title: the picker shows every
//! title); `LATER` is the rest, the lesson's own `num.`, `choice.`, … keys
//! too, fetched with `i18n-later.json` (`crate::i18n::later`).

use crate::i18n::Entry;

pub(crate) static TABLE: &[Entry] = &[
    ("actors.title", "Actors: state owned by one task, reached by messages", "Actor 模型：状态归一个任务所有，只能通过消息访问"),
];

/// Not in the wasm: fetched as `i18n-later.json`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) static LATER: &[Entry] = &[
    ("choice.actor", "actor with a mailbox", "带邮箱的 Actor"),
    ("num.final_balance", "final balance", "最终余额"),
    ("num.balance_error", "final − acknowledged (lost updates)", "最终 − 已确认（丢失的更新）"),
    ("num.expected_balance", "balance the replies add up to", "按回复累计的余额"),
    ("num.rejected_withdrawals", "withdrawals refused", "被拒绝的取款"),
    ("track.mailbox_depth", "mailbox", "邮箱"),
    ("actors.notice", "Only the account actor ever touches the balance. Clients put deposit, withdraw and balance messages into its mailbox and wait (“reply”) for the answer on a reply channel. The actor handles one message at a time, so there is no lock and no lost update: the balance track moves in single steps, a withdrawal larger than the balance is refused instead of overdrawing, and the final balance equals the opening balance plus exactly what the replies acknowledged. When clients send faster than the actor works, the mailbox fills and senders wait on “mailbox (full)”, backpressure again. Switch the design to “shared balance” to see why: each client reads the balance, awaits its ledger write, and writes back what it read plus its change; while it waits, other clients do the same, and their updates are overwritten (the final balance misses what the replies acknowledged).", "只有账户 Actor 会接触余额。客户端把存款、取款和查询余额的消息放进它的邮箱，并在回复通道上等待（“reply”）答复。Actor 一次只处理一条消息，所以既不需要锁，也不会丢失更新：余额曲线一步一步变化，超过余额的取款会被拒绝而不是透支，最终余额恰好等于初始余额加上所有回复确认的变动。当客户端发送得比 Actor 处理得快时，邮箱会被填满，发送者在“mailbox (full)”上等待——又是背压。把设计切换为“共享余额”即可看到原因：每个客户端读取余额，等待写账本，然后写回“读到的值加上自己的变动”；在它等待时，其他客户端也在做同样的事，彼此的更新被覆盖（最终余额与回复确认的不一致）。"),
    ("actors.design", "design", "设计"),
    ("actors.clients", "clients", "客户端数"),
    ("actors.messages", "messages per client", "每个客户端的消息数"),
    ("actors.initial", "opening balance", "初始余额"),
    ("actors.work", "actor time per message (ms)", "Actor 处理每条消息的时间（毫秒）"),
    ("actors.think", "mean client think time (ms)", "客户端平均思考时间（毫秒）"),
    ("actors.mailbox", "mailbox size", "邮箱容量"),
    ("actors.seed", "seed", "随机种子"),
];
