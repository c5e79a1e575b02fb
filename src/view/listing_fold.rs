//! The listing view opens on the idea: the harness of a lesson's Python file
//! (argument parsing, the report the playground's checks read, the `__main__`
//! guard) sits between `# --- harness: <what>` and `# --- end harness` comment
//! lines and is drawn folded, one click away. The file itself is unchanged
//! and runs under CPython as it is. Pure, tested natively.

pub const OPEN: &str = "# --- harness";
pub const CLOSE: &str = "# --- end harness";

/// A run of lines: code shown, or a folded harness with what it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Code(String),
    Harness { what: Harness, text: String, lines: usize },
}

/// What a harness block does (its label's translation key: `listing.harness.<key>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Harness {
    Args,
    Report,
    Main,
    Other,
}

impl Harness {
    fn from_label(label: &str) -> Harness {
        let l = label.trim_start_matches(':').trim();
        if l.starts_with("argument parsing") {
            Harness::Args
        } else if l.starts_with("the report") {
            Harness::Report
        } else if l.starts_with("run as a script") {
            Harness::Main
        } else {
            Harness::Other
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Harness::Args => "listing.harness.args",
            Harness::Report => "listing.harness.report",
            Harness::Main => "listing.harness.main",
            Harness::Other => "listing.harness.other",
        }
    }
}

/// Splits a listing into shown code and folded harness blocks; `Err` names
/// the line of an unbalanced marker (the text is then shown unfolded).
pub fn split(text: &str) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    let mut code = String::new();
    let mut harness: Option<(Harness, String, usize)> = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim();
        if let Some(label) = t.strip_prefix(OPEN).filter(|_| !t.starts_with(CLOSE)) {
            if harness.is_some() {
                return Err(format!("line {}: a harness opens inside another", i + 1));
            }
            if !code.is_empty() {
                parts.push(Part::Code(std::mem::take(&mut code)));
            }
            harness = Some((Harness::from_label(label), String::new(), 0));
        } else if t == CLOSE {
            let Some((what, text, lines)) = harness.take() else {
                return Err(format!("line {}: a harness ends that never opened", i + 1));
            };
            parts.push(Part::Harness { what, text, lines });
        } else if let Some((_, text, lines)) = harness.as_mut() {
            text.push_str(line);
            *lines += 1;
        } else {
            code.push_str(line);
        }
    }
    if harness.is_some() {
        return Err("a harness never ends".into());
    }
    if !code.is_empty() {
        parts.push(Part::Code(code));
    }
    Ok(parts)
}
