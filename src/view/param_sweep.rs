//! "Time vs parameter" chart layout for [`ParamPoint`]s (e.g. chunk size): the
//! parameter on a log scale (its values are powers of ten or similar), time in
//! ms, one series per thread count. Like the crawler's makespan-vs-K chart,
//! but for any swept parameter and several series.

use super::axis::ticks;
use crate::engine::trace::ParamPoint;

#[derive(Debug, Clone, PartialEq)]
pub struct ParamSweepLayout {
    pub w: f64,
    pub h: f64,
    pub ml: f64,
    pub mb: f64,
    /// One series per thread count, ascending.
    pub series: Vec<Series>,
    /// (x, value) per distinct parameter value.
    pub x_ticks: Vec<(f64, f64)>,
    pub y_ticks: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub threads: u32,
    /// (x, y, value, ms), by value.
    pub points: Vec<(f64, f64, f64, f64)>,
}

/// Lays out the points of one parameter (`param`); others are ignored.
/// Values below 1 are drawn at 1 (the log axis starts there).
pub fn layout(points: &[ParamPoint], param: &str, w: f64, h: f64) -> ParamSweepLayout {
    let (ml, mb, mt, mr) = (56.0, 30.0, 14.0, 20.0);
    let pts: Vec<&ParamPoint> = points.iter().filter(|p| p.param == param && p.ms.is_finite()).collect();
    let mut values: Vec<f64> = pts.iter().map(|p| p.value.max(1.0)).collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let (v_lo, v_hi) = (values.first().copied().unwrap_or(1.0), values.last().copied().unwrap_or(10.0));
    let span = (v_hi.ln() - v_lo.ln()).max(f64::EPSILON);
    let y_top = pts.iter().map(|p| p.ms).fold(1e-3, f64::max) * 1.1;
    let px = |v: f64| ml + (v.max(1.0).ln() - v_lo.ln()) / span * (w - ml - mr);
    let py = |ms: f64| h - mb - ms / y_top * (h - mb - mt);
    let mut threads: Vec<u32> = pts.iter().map(|p| p.threads).collect();
    threads.sort_unstable();
    threads.dedup();
    let series = threads
        .into_iter()
        .map(|t| {
            let mut ps: Vec<(f64, f64, f64, f64)> =
                pts.iter().filter(|p| p.threads == t).map(|p| (px(p.value), py(p.ms), p.value, p.ms)).collect();
            ps.sort_by(|a, b| a.2.total_cmp(&b.2));
            Series { threads: t, points: ps }
        })
        .collect();
    ParamSweepLayout {
        w,
        h,
        ml,
        mb,
        series,
        x_ticks: values.iter().map(|&v| (px(v), v)).collect(),
        y_ticks: ticks(0.0, y_top, 4).into_iter().map(|v| (py(v), v)).collect(),
    }
}

/// Compact axis label for a parameter value: 1, 10, 100, 1k, 10k, 1M.
pub fn fmt_value(v: f64) -> String {
    let (n, suffix) = if v >= 1e6 {
        (v / 1e6, "M")
    } else if v >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    if n.fract() == 0.0 {
        format!("{n:.0}{suffix}")
    } else {
        format!("{n:.1}{suffix}")
    }
}
