//! Colours: for a [`Raster`] (the Mandelbrot lesson's image), value → RGBA, a
//! pure function so the page only copies the bytes onto a canvas; and the
//! canvas ink (text, grid, markers, tracks) for the page's light or dark theme.

use crate::engine::trace::Raster;

/// RGBA of one value: `max` (never escaped) is black; the rest follow the
/// Bernstein-polynomial gradient (dark blue → white-ish → orange) over √(v/max),
/// so the many pixels that escape after a few steps are not all near-black.
pub fn color(v: u16, max: u16) -> [u8; 4] {
    if v >= max {
        return [0, 0, 0, 255];
    }
    let t = (v as f64 / max.max(1) as f64).sqrt();
    let u = 1.0 - t;
    let c = |x: f64| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
    [c(9.0 * u * t * t * t), c(15.0 * u * u * t * t), c(8.5 * u * u * u * t + 0.08), 255]
}

/// The whole raster as RGBA bytes, row by row (`width * height * 4`).
pub fn rgba(r: &Raster) -> Vec<u8> {
    r.data.iter().flat_map(|&v| color(v, r.max)).collect()
}

/// The page's colour theme (`data-theme` on `<html>`, set by static/theme.js).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// `"dark"` → Dark; anything else (absent, `"light"`) → Light.
    pub fn from_attr(v: Option<&str>) -> Theme {
        if v == Some("dark") {
            Theme::Dark
        } else {
            Theme::Light
        }
    }
}

/// What the timeline canvas draws besides the spans (whose state colours,
/// Okabe–Ito mid tones, read on both backgrounds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ink {
    /// Lane names, track names.
    pub text: &'static str,
    /// Axis labels.
    pub axis: &'static str,
    /// Secondary text (a track's maximum).
    pub muted: &'static str,
    /// Vertical grid lines.
    pub grid: &'static str,
    /// Run-wide event markers and their labels.
    pub marker: &'static str,
    /// Resource tracks (step lines).
    pub track: &'static str,
    /// The replay cursor.
    pub cursor: &'static str,
    /// A failed lane's name.
    pub failed: &'static str,
    /// What the canvas is drawn on: the card's background (`--card` in style.css).
    pub background: &'static str,
}

/// Canvas ink for `theme`, matching static/style.css's colours (text at
/// least 4.5:1 against the card background, tests/view.rs).
pub fn ink(theme: Theme) -> Ink {
    match theme {
        Theme::Light => Ink {
            text: "#333333",
            axis: "#555555",
            muted: "#6b6b6b",
            grid: "#e4e4e4",
            marker: "#1d2330",
            track: "#0072B2",
            cursor: "#c0392b",
            failed: "#b34700",
            background: "#ffffff",
        },
        Theme::Dark => Ink {
            text: "#e3e7ee",
            axis: "#b8c0cc",
            muted: "#9aa3b0",
            grid: "#343b48",
            marker: "#e3e7ee",
            track: "#56B4E9",
            cursor: "#ff6b5b",
            failed: "#ff9a52",
            background: "#1b2029",
        },
    }
}
