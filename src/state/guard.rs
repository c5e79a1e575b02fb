//! Safety rails for a user's own URL (crawler `url`): a link or an embedding
//! page must not turn its visitors' browsers into a request flood.
//! - Such a run starts only from the visitor's own click on Run: `run=1` in
//!   the link and the embed API's `playground:run` are refused
//!   ([`RunRefused::UserUrl`], shown translated next to Run, with the host).
//! - It sends at most [`USER_URL_MAX_N`] requests (a parameter error above)
//!   and starts at most [`USER_URL_MAX_RATE_PER_S`] per second (the lesson
//!   paces them on the browser clock).

use super::AppState;
use crate::engine::params::{url_host, ParamError, ParamKind, Params};
use crate::scenarios::Scenario;

pub use crate::engine::params::{USER_URL_MAX_N, USER_URL_MAX_RATE_PER_S};

/// Why a run asked for from outside the page's own Run button did not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunRefused {
    /// The run would send requests to `host`, a server the visitor did not choose
    /// by clicking: they must press Run themselves.
    UserUrl { host: String },
}

impl RunRefused {
    /// Translation key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            RunRefused::UserUrl { .. } => "err.user_url_autorun",
        }
    }
}

impl AppState {
    /// The host of the user URL the current lesson would send requests to, if
    /// any (a non-empty `Url` parameter as typed; `None` for the built-in endpoint).
    pub fn user_url_host(&self) -> Option<String> {
        let scn = self.scenario();
        scn.params
            .iter()
            .filter(|p| matches!(p.kind, ParamKind::Url { .. }))
            .map(|p| self.input(p.key))
            .find(|v| !v.trim().is_empty())
            .map(|v| url_host(v.trim()).unwrap_or(v.trim()).to_owned())
    }

    /// A run requested by the link or the embed API is dropped, with a reason,
    /// when it would target a user URL.
    pub(super) fn refuse_user_url_autorun(&mut self) {
        if self.run_requested {
            if let Some(host) = self.user_url_host() {
                self.run_requested = false;
                self.run_refused = Some(RunRefused::UserUrl { host });
            }
        }
    }
}

/// The caps on a user-URL run of `scn`: at most [`USER_URL_MAX_N`] requests (`n`).
pub fn user_url_caps(scn: &Scenario, p: &Params) -> Result<(), Vec<ParamError>> {
    let has_url = scn.params.iter().any(|s| matches!(s.kind, ParamKind::Url { .. }) && !p.text(s.key).is_empty());
    let has_n = scn.params.iter().any(|s| s.key == "n");
    if has_url && has_n && p.int("n") > USER_URL_MAX_N {
        return Err(vec![ParamError::UserUrlCap { key: "n", value: p.int("n"), max: USER_URL_MAX_N }]);
    }
    Ok(())
}
