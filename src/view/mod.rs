//! Chart data and layout as pure functions (data → layout); the web components
//! only paint what these return. Natively tested, clock-free.

pub mod axis;
pub mod chooser;
pub mod listing_fold;
pub mod makespan_sweep;
pub mod numbers;
pub mod palette;
pub mod param_sweep;
pub mod python_view;
pub mod raster;
pub mod speedup;
pub mod timeline;
pub mod tracks;

use crate::engine::trace::State;

/// Colour of a state (Okabe–Ito palette: distinguishable with colour-blindness).
pub fn state_color(s: State) -> &'static str {
    match s {
        State::Running => "#0072B2",
        State::Waiting => "#E69F00",
        State::Io => "#009E73",
        State::Sleeping => "#CC79A7",
        State::Failed => "#D55E00",
        State::Cancelled => "#999999",
    }
}
