//! Grouped bars of makespans (`meta.bars`: one group per job type, one bar
//! per model and source) and the verdict that follows from them: per group,
//! every modelled series within a tolerance of the fastest. Measured bars
//! (this browser's real processes) stand beside their modelled twins and are
//! listed apart ([`measured`]), never judged with them. Pure: natively tested.

use super::axis::ticks;
use crate::engine::trace::{Bar, BarSource};

/// Okabe–Ito colours, one per series in order of first appearance.
pub const COLORS: [&str; 6] = ["#999999", "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00"];

#[derive(Debug, Clone, PartialEq)]
pub struct BarsLayout {
    pub w: f64,
    pub h: f64,
    pub ml: f64,
    pub mb: f64,
    /// Series in order of first appearance (the legend).
    pub series: Vec<String>,
    pub groups: Vec<GroupLayout>,
    pub y_ticks: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupLayout {
    pub name: String,
    /// x of the group's label (its centre).
    pub x: f64,
    pub bars: Vec<BarLayout>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarLayout {
    pub series: String,
    pub source: BarSource,
    /// Index in [`BarsLayout::series`] (its colour).
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub ms: f64,
    /// A modelled bar within the tolerance of its group's fastest modelled
    /// bar (part of the verdict); never a measured one.
    pub fastest: bool,
}

fn first_seen<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for s in it {
        if !v.iter().any(|x| x == s) {
            v.push(s.to_owned());
        }
    }
    v
}

/// Lays out `bars` in a `w` × `h` box; time axis from 0 up. A group has one
/// slot per (series, source) in order of first appearance, so a measured bar
/// sits right after the modelled bar of its series; colour is the series'.
pub fn layout(bars: &[Bar], w: f64, h: f64, tolerance: f64) -> BarsLayout {
    let (ml, mb, mt, mr) = (56.0, 30.0, 14.0, 12.0);
    let series = first_seen(bars.iter().map(|b| b.series.as_str()));
    let mut slots: Vec<(&str, BarSource)> = Vec::new();
    for b in bars {
        if !slots.contains(&(b.series.as_str(), b.source)) {
            slots.push((b.series.as_str(), b.source));
        }
    }
    let names = first_seen(bars.iter().map(|b| b.group.as_str()));
    let top = bars.iter().map(|b| b.ms).fold(1e-3, f64::max) * 1.1;
    let py = |ms: f64| h - mb - ms / top * (h - mb - mt);
    let gw = (w - ml - mr) / names.len().max(1) as f64;
    let bw = gw * 0.8 / slots.len().max(1) as f64;
    let verdicts = verdicts(bars, tolerance);
    let groups = names
        .iter()
        .enumerate()
        .map(|(g, name)| {
            let x0 = ml + g as f64 * gw + gw * 0.1;
            let fast = verdicts.iter().find(|v| &v.group == name).map(|v| v.fastest.clone()).unwrap_or_default();
            let bars = bars
                .iter()
                .filter(|b| &b.group == name)
                .map(|b| {
                    let index = series.iter().position(|s| *s == b.series).unwrap_or(0);
                    let slot = slots.iter().position(|s| *s == (b.series.as_str(), b.source)).unwrap_or(0);
                    let y = py(b.ms);
                    BarLayout {
                        series: b.series.clone(),
                        source: b.source,
                        index,
                        x: x0 + slot as f64 * bw,
                        y,
                        w: bw * 0.9,
                        h: (h - mb - y).max(0.0),
                        ms: b.ms,
                        fastest: b.source == BarSource::Modelled && fast.iter().any(|(s, _)| *s == b.series),
                    }
                })
                .collect();
            GroupLayout { name: name.clone(), x: ml + (g as f64 + 0.5) * gw, bars }
        })
        .collect();
    let y_ticks = ticks(0.0, top, 4).into_iter().map(|v| (py(v), v)).collect();
    BarsLayout { w, h, ml, mb, series, groups, y_ticks }
}

/// What the bars say about one group.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub group: String,
    pub best_ms: f64,
    /// Series within the tolerance of the best, fastest first, with their ms.
    pub fastest: Vec<(String, f64)>,
}

/// Per group (in order of first appearance): the modelled series whose
/// makespan is at most `best × (1 + tolerance)`, `best` being the fastest
/// modelled bar. Measured bars take no part: like is compared with like.
pub fn verdicts(bars: &[Bar], tolerance: f64) -> Vec<Verdict> {
    let modelled: Vec<&Bar> = bars.iter().filter(|b| b.source == BarSource::Modelled).collect();
    first_seen(modelled.iter().map(|b| b.group.as_str()))
        .into_iter()
        .map(|group| {
            let mine: Vec<&Bar> = modelled.iter().copied().filter(|b| b.group == group).collect();
            let best_ms = mine.iter().map(|b| b.ms).fold(f64::INFINITY, f64::min);
            let mut fastest: Vec<(String, f64)> =
                mine.iter().filter(|b| b.ms <= best_ms * (1.0 + tolerance) + 1e-9).map(|b| (b.series.clone(), b.ms)).collect();
            fastest.sort_by(|a, b| a.1.total_cmp(&b.1));
            Verdict { group, best_ms, fastest }
        })
        .collect()
}

/// A measured bar next to what the model gives for the same group and series.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub group: String,
    pub series: String,
    /// Measured in this browser, this run.
    pub ms: f64,
    /// The modelled bar of the same group and series, if there is one.
    pub modelled_ms: Option<f64>,
}

/// Every measured bar, in order, with its modelled twin's makespan.
pub fn measured(bars: &[Bar]) -> Vec<Measured> {
    let twin = |b: &Bar| bars.iter().find(|m| m.source == BarSource::Modelled && m.group == b.group && m.series == b.series).map(|m| m.ms);
    bars.iter()
        .filter(|b| b.source == BarSource::Measured)
        .map(|b| Measured { group: b.group.clone(), series: b.series.clone(), ms: b.ms, modelled_ms: twin(b) })
        .collect()
}

/// The bar whose run the timeline shows for (`group`, `series`): the measured
/// one where the run measured it (the lesson then draws the real run), else
/// the modelled one.
pub fn shown_bar<'a>(bars: &'a [Bar], group: &str, series: &str) -> Option<&'a Bar> {
    let of = |src: BarSource| bars.iter().find(|b| b.group == group && b.series == series && b.source == src);
    of(BarSource::Measured).or_else(|| of(BarSource::Modelled))
}
