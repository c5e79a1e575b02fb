#![cfg(not(target_arch = "wasm32"))]
//! The timeline's canvas ink in both themes: legible against its background
//! (WCAG contrast ratios: 4.5:1 for text, 3:1 for lines that carry meaning).

use concurrency_playground::view::palette::{ink, Theme};

/// Relative luminance of `#rrggbb` (WCAG 2).
fn luminance(hex: &str) -> f64 {
    let h = hex.trim_start_matches('#');
    assert_eq!(h.len(), 6, "{hex}");
    let ch = |i: usize| {
        let c = u8::from_str_radix(&h[i..i + 2], 16).unwrap() as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * ch(0) + 0.7152 * ch(2) + 0.0722 * ch(4)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn theme_comes_from_the_html_attribute() {
    assert_eq!(Theme::from_attr(Some("dark")), Theme::Dark);
    assert_eq!(Theme::from_attr(Some("light")), Theme::Light);
    assert_eq!(Theme::from_attr(None), Theme::Light);
}

#[test]
fn ink_is_legible_in_both_themes() {
    for theme in [Theme::Light, Theme::Dark] {
        let i = ink(theme);
        for (what, c) in [("text", i.text), ("axis", i.axis), ("muted", i.muted), ("marker", i.marker), ("failed", i.failed)] {
            let r = contrast(c, i.background);
            assert!(r >= 4.5, "{theme:?} {what} {c} on {}: {r:.2}", i.background);
        }
        for (what, c) in [("track", i.track), ("cursor", i.cursor)] {
            let r = contrast(c, i.background);
            assert!(r >= 3.0, "{theme:?} {what} {c} on {}: {r:.2}", i.background);
        }
        // The grid stays in the background: visible, but fainter than any ink.
        let g = contrast(i.grid, i.background);
        assert!(g > 1.1 && g < contrast(i.muted, i.background), "{theme:?} grid {g:.2}");
    }
    // Dark ink on a dark card: the themes really differ.
    assert!(luminance(ink(Theme::Dark).background) < 0.05 && luminance(ink(Theme::Light).background) > 0.9);
}
