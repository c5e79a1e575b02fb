//! TUTORIALS.md: every example of the five tutorials, with the preset, lesson
//! or reason it has, written from `static/presets.json` (`tests/presets.rs`
//! checks it is current; `UPDATE_DOCS=1 cargo test --test presets` rewrites it).

use super::{Preset, Status, Verdict};

fn count(all: &[Preset], f: impl Fn(&Preset) -> bool) -> usize {
    all.iter().filter(|p| f(p)).count()
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Holds => "holds",
        Verdict::Wrong => "**wrong**",
        Verdict::Misleading => "**misleading**",
        Verdict::Broken => "**broken as written**",
    }
}

fn one_line(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Where the example can be opened, as a table cell.
fn reach(p: &Preset) -> String {
    let lesson = p.lesson.as_deref().unwrap_or("");
    match p.status {
        Status::Exact => format!("preset [`?example={}`](index.html?example={}) (`{lesson}`, its numbers)", p.id, p.id),
        Status::Approx => format!("preset [`?example={}`](index.html?example={}) (`{lesson}`, approximate)", p.id, p.id),
        Status::Pending => format!("pending: lesson `{lesson}` (issue 21)"),
        Status::None => format!(
            "not reproducible, because {} Open `{}` instead.",
            one_line(&p.why.en).trim_end_matches('.'),
            p.open.as_deref().unwrap_or("")
        ),
    }
}

/// How to see a broken example fail, after its correction.
fn see_it_fail(p: &Preset) -> String {
    let Some(a) = &p.as_written else { return String::new() };
    let what = if a.hangs() { format!("it hangs ({})", one_line(&a.message)) } else { format!("`{}: {}`", a.error, one_line(&a.message)) };
    let program = a.python.as_deref().map(|py| format!("[`python/{py}`](python/{py})"));
    let how = match (&a.query, program) {
        (Some(q), program) => format!(
            "\"Run it as written\" on its card opens the lesson run [`?{q}`](index.html?{q}&run=1){}",
            program.map(|p| format!("; our program {p} gives the error under CPython 3.11")).unwrap_or_default()
        ),
        (None, Some(p)) => {
            format!("\"Run it as written\" on its card opens our program {p} in the page's Python runner (checked under CPython 3.11)")
        }
        (None, None) => String::new(),
    };
    format!(" **See it fail:** {what}; {how}.")
}

pub fn markdown(all: &[Preset]) -> String {
    let exact = count(all, |p| p.status == Status::Exact);
    let approx = count(all, |p| p.status == Status::Approx);
    let pending = count(all, |p| p.status == Status::Pending);
    let none = count(all, |p| p.status == Status::None);
    let flawed = count(all, |p| p.verdict != Verdict::Holds);
    let flawed_reached = count(all, |p| p.verdict != Verdict::Holds && p.runnable());
    let broken = count(all, |p| p.verdict == Verdict::Broken);
    let seen_failing = count(all, |p| p.as_written.is_some());
    let mut s = String::from(
        "# The tutorials' examples\n\n\
         Generated from `static/presets.json` by `UPDATE_DOCS=1 cargo test --test presets`; do not edit by hand.\n\
         Each of the 99 numbered examples of the five concurrency tutorials (000–004; facts and numbers from\n\
         `TUTORIAL-EXAMPLES.md`) with the preset that reproduces it, the lesson it waits for, or why it cannot be\n\
         reproduced. Open a preset with `?example=<tutorial>-<number>`, browse them all on `examples.html`.\n\n",
    );
    s += &format!(
        "**Reachable today: {} of {}** ({exact} with the example's own numbers, {approx} approximately); \
         {pending} pending on lessons being written (issue 21), so {} of {} once those land; \
         {none} not reproducible in a browser page. \
         {flawed} examples carry a wrong, misleading or broken-as-written expectation; {flawed_reached} of them have a preset whose run and text correct it. \
         {seen_failing} of the {broken} broken as written can be seen failing, with the error CPython gives (\"See it fail\" below).\n\n",
        exact + approx,
        all.len(),
        exact + approx + pending,
        all.len(),
    );
    s += "| example | title | verdict | the tutorial says | where |\n|---|---|---|---|---|\n";
    for p in all {
        s += &format!("| {} | {} | {} | {} | {} |\n", p.id, one_line(&p.title.en), verdict(p.verdict), one_line(&p.says.en), reach(p));
    }
    s += "\nCorrections (the preset's text, shown beside its run):\n\n";
    for p in all.iter().filter(|p| p.verdict != Verdict::Holds) {
        s += &format!("- **{}** {} ({}): {}{}\n", p.id, one_line(&p.title.en), verdict(p.verdict), one_line(&p.why.en), see_it_fail(p));
    }
    s
}
