//! Export of a trace's spans as CSV (one row per span), for spreadsheets and
//! pandas. A pure function of the [`Trace`]; fields are quoted per RFC 4180.

use super::trace::{Outcome, Trace};

pub fn to_csv(trace: &Trace) -> String {
    let mut out = String::from("lane,lane_name,state,resource,start_ms,end_ms,duration_ms,outcome,label\n");
    for s in &trace.spans {
        let lane = trace.lanes.iter().find(|l| l.id == s.lane);
        let outcome = match lane.and_then(|l| l.outcome) {
            Some(Outcome::Done) => "done",
            Some(Outcome::Failed) => "failed",
            Some(Outcome::Cancelled) => "cancelled",
            None => "",
        };
        let row = [
            s.lane.to_string(),
            quote(lane.map_or("", |l| l.name.as_str())),
            s.state.as_str().to_owned(),
            quote(s.resource.as_deref().unwrap_or("")),
            format!("{:.3}", s.start_ms),
            format!("{:.3}", s.end_ms),
            format!("{:.3}", s.duration_ms()),
            outcome.to_owned(),
            quote(s.label.as_deref().unwrap_or("")),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// Quotes a field when it holds a comma, quote or line break.
fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}
