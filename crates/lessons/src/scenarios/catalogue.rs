//! The catalogue as a document: `LESSONS.md` lists every lesson with its id,
//! kind, parameters (bounds and defaults) and listing, generated from [`ALL`]
//! so the document cannot drift from the code (`tests/catalogue.rs` checks it).

use super::{Kind, ALL};
use crate::engine::params::ParamKind;
use crate::i18n::{tr, Lang};

/// The full text of `LESSONS.md`.
pub fn markdown() -> String {
    let mut s = String::from(
        "# Lessons\n\nGenerated from `crates/lessons/src/scenarios` by `UPDATE_DOCS=1 cargo test --test catalogue`; do not edit by hand.\n\
         Open a lesson with `?lesson=<id>` and set any parameter with `&<param>=<value>` (see README.md).\n\
         Values outside the bounds are refused with a message; the page keeps what you typed.\n\n\
         | id | lesson | kind | parameters (default, bounds) | Python listing |\n|---|---|---|---|---|\n",
    );
    for scn in ALL {
        let kind = match scn.kind() {
            Kind::Async => "async",
            Kind::Cpu => "CPU",
            Kind::Model => "model",
        };
        let params: Vec<String> = scn
            .params
            .iter()
            .map(|p| match p.kind {
                ParamKind::Int { min, max, default } => format!("`{}` = {default} ({min}–{max})", p.key),
                ParamKind::IntList { min, max, min_len, max_len, default } => {
                    format!("`{}` = {default} ({min_len}–{max_len} values, each {min}–{max})", p.key)
                }
                ParamKind::Choice { options, default } => format!("`{}` = {default} ({})", p.key, options.join(" / ")),
                ParamKind::Url { max_len } => {
                    format!("`{}` = empty (built-in endpoint; or your own http(s) URL, ≤ {max_len} chars, CORS permitting)", p.key)
                }
            })
            .collect();
        s.push_str(&format!(
            "| `{}` | {} / {} | {kind} | {} | [python/{}.py](python/{}.py) |\n",
            scn.id,
            tr(Lang::En, &format!("{}.title", scn.id)),
            tr(Lang::Zh, &format!("{}.title", scn.id)),
            params.join("; "),
            scn.id,
            scn.id
        ));
    }
    s
}
