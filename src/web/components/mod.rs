//! One Yew component per file. Only the root (`app`) reads
//! [`crate::state::AppState`]; every other component takes what it draws as
//! plain props (yew's narrow props) and reports through callbacks (`Action`s
//! to dispatch, `on_run`, …); effects go through `web::services`.

/// For props `App` builds afresh from the state on every render (lists,
/// texts, numbers): they compare unequal, so the component redraws whenever
/// `App` does, as it did when it took the whole state. A derived `eq` would
/// compare every field on every render and adds 0.3–1 KB of first-load code
/// per type (six such types: 3.5 KB raw, which took the first load over its
/// 300 KB budget).
macro_rules! redraw_with_app {
    ($t:ty) => {
        impl PartialEq for $t {
            fn eq(&self, _: &Self) -> bool {
                false
            }
        }
    };
}

pub mod app;
pub mod beside;
pub mod chooser_bars;
pub mod chooser_verdict;
pub mod clock_select;
pub mod controls;
pub mod header;
pub mod import_trace;
pub mod interleave_link;
pub mod interleave_search;
pub mod interleave_shared;
pub mod interleave_thread;
pub mod interleave_view;
pub mod listing;
pub mod loop_warning;
pub mod makespan_sweep_chart;
pub mod mandelbrot_image;
pub mod messages;
pub mod param_sweep_chart;
pub mod params_form;
pub mod preset_as_written;
pub mod preset_card;
pub mod presets_menu;
pub mod py_runner;
pub mod python_view;
pub mod replay_bar;
pub mod select_value;
pub mod shortcuts;
pub mod speedup_chart;
pub mod summary;
pub mod sweep_stats;
pub mod timeline;
pub mod timeline_legend;
pub mod timeline_paint;
