//! The listing view opens on the idea: what a learner would not write (the
//! file's notes and imports, the simulated network, argument parsing, the
//! report the playground's checks read, the `__main__` guard) is drawn folded,
//! one click away. Two kinds of marker, both comments, so the file itself is
//! unchanged and runs under CPython as it is:
//! - a block between `# --- harness: <what>` and `# --- end harness` lines;
//! - a line ending in `# rec`: it only records what the playground draws
//!   (the timeline, the report); a run of such lines folds into one.
//!
//! Pure, tested natively (`tests/listing_fold.rs`).

pub const OPEN: &str = "# --- harness";
pub const CLOSE: &str = "# --- end harness";
/// The end of a line that only records for the playground.
pub const REC: &str = "# rec";

/// A run of lines: code shown, or a folded block with what it is and the
/// indentation its fold line is drawn at.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Code(String),
    Harness { what: Harness, text: String, lines: usize, indent: String },
}

/// What a folded block does (its label's translation key: `listing.harness.<key>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Harness {
    /// The module's docstring and imports (`set-up`).
    Setup,
    /// The same, with the simulated network's import (`set-up and the simulated network`).
    SetupNet,
    /// The playground's seeded draws or server model (`the simulated …`).
    Sim,
    Args,
    /// Lines that only record for the timeline and the report (`recording`, or `# rec` lines).
    Recording,
    Report,
    /// What a listing measures for `--measure` or the fidelity check's slack (`measuring`).
    Measure,
    Main,
    Other,
}

impl Harness {
    fn from_label(label: &str) -> Harness {
        let l = label.trim_start_matches(':').trim();
        let kinds = [
            ("set-up and the simulated network", Harness::SetupNet),
            ("set-up", Harness::Setup),
            ("the simulated", Harness::Sim),
            ("argument parsing", Harness::Args),
            ("recording", Harness::Recording),
            ("the report", Harness::Report),
            ("measuring", Harness::Measure),
            ("run as a script", Harness::Main),
        ];
        kinds.iter().find(|(p, _)| l.starts_with(p)).map_or(Harness::Other, |(_, h)| *h)
    }

    pub fn key(self) -> &'static str {
        match self {
            Harness::Setup => "listing.harness.setup",
            Harness::SetupNet => "listing.harness.setup_net",
            Harness::Sim => "listing.harness.sim",
            Harness::Args => "listing.harness.args",
            Harness::Recording => "listing.harness.recording",
            Harness::Report => "listing.harness.report",
            Harness::Measure => "listing.harness.measure",
            Harness::Main => "listing.harness.main",
            Harness::Other => "listing.harness.other",
        }
    }
}

fn indent_of(line: &str) -> String {
    line.chars().take_while(|c| *c == ' ' || *c == '\t').collect()
}

/// Splits a listing into shown code and folded blocks; `Err` names the line
/// of an unbalanced marker (the text is then shown unfolded).
pub fn split(text: &str) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    let mut code = String::new();
    // The open fold: a marked block (`true`) or a run of `# rec` lines.
    let mut fold: Option<(bool, Harness, String, usize, String)> = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim();
        let in_block = matches!(fold, Some((true, ..)));
        if let Some(label) = t.strip_prefix(OPEN).filter(|_| !t.starts_with(CLOSE)) {
            if in_block {
                return Err(format!("line {}: a harness opens inside another", i + 1));
            }
            flush(&mut parts, &mut code, &mut fold);
            fold = Some((true, Harness::from_label(label), String::new(), 0, indent_of(line)));
        } else if t == CLOSE {
            if !in_block {
                return Err(format!("line {}: a harness ends that never opened", i + 1));
            }
            flush(&mut parts, &mut code, &mut fold);
        } else if in_block || line.trim_end().ends_with(REC) {
            if !in_block && fold.is_none() {
                flush(&mut parts, &mut code, &mut fold);
                fold = Some((false, Harness::Recording, String::new(), 0, indent_of(line)));
            }
            if let Some((_, _, text, lines, _)) = fold.as_mut() {
                text.push_str(line);
                *lines += 1;
            }
        } else {
            if fold.is_some() {
                flush(&mut parts, &mut code, &mut fold);
            }
            code.push_str(line);
        }
    }
    if matches!(fold, Some((true, ..))) {
        return Err("a harness never ends".into());
    }
    flush(&mut parts, &mut code, &mut fold);
    Ok(parts)
}

/// Ends the shown code, or the open fold, as a part.
fn flush(parts: &mut Vec<Part>, code: &mut String, fold: &mut Option<(bool, Harness, String, usize, String)>) {
    if let Some((_, what, text, lines, indent)) = fold.take() {
        parts.push(Part::Harness { what, text, lines, indent });
    } else if !code.is_empty() {
        parts.push(Part::Code(std::mem::take(code)));
    }
}
