//! Strings several CPU lessons share: the sweep statistics and the
//! parameter-sweep chart, and numbers, lanes and events more than one lesson
//! reports. Each lesson's own texts are in `lessons/<id>.rs`.

#[cfg(not(target_arch = "wasm32"))]
use super::Entry;

/// Not in the wasm: fetched as `i18n-later.json` (`super::later`).
#[cfg(not(target_arch = "wasm32"))]
pub(super) static LATER: &[Entry] = &[
    ("num.serial_fraction", "serial fraction f (Amdahl fit)", "串行比例 f（阿姆达尔拟合）"),
    ("app.sweep_stats", "Repeated runs per thread count", "每种线程数的重复测量"),
    ("app.stats.threads", "threads", "线程数"),
    ("app.stats.runs", "runs", "次数"),
    ("app.stats.mean", "mean", "平均值"),
    ("app.stats.median", "median", "中位数"),
    ("app.stats.stdev", "std. dev.", "标准差"),
    ("app.stats.best", "best", "最佳"),
    ("app.stats.speedup", "speedup (best)", "加速比（最佳）"),
    ("app.stats.note", "Speedup and efficiency use each thread count's best time: on a shared machine noise only ever adds time. ★ marks the best pool size.", "加速比与效率采用每种线程数的最佳用时：在共享的机器上，干扰只会增加用时。★ 标出最佳线程池大小。"),
    ("app.amdahl", "Amdahl fit, f = {f}", "阿姆达尔拟合，f = {f}"),
    ("app.spread", "whiskers: fastest to slowest run", "须线：最快到最慢的一次"),
    ("app.param_sweep", "Time vs {param}", "用时与{param}"),
    ("app.param_sweep_note", "The same work cut differently, timed once per point; one line per thread count. Left of the dip, tasks are too small to pay for their overhead.", "同样的工作按不同方式切分，每个点计时一次；每种线程数一条线。低谷左侧的任务太小，抵不过自身的开销。"),
    ("num.lost_updates", "lost updates", "丢失的更新"),
    ("num.bytes_copied", "bytes copied", "复制的字节数"),
    ("lane.thread", "thread", "线程"),
    ("lane.process", "process", "进程"),
    ("lane.main", "main", "主线程"),
];
