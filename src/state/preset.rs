//! A tutorial example's preset on the page (`?example=<tutorial>-<number>`):
//! the presets file arrives after start-up (`web::services::presets`), then the
//! requested preset sets the lesson, its parameters and the clock, and a
//! `run=1` held until then starts it.

use super::{AppState, Clock, UrlError};
use crate::presets::{self, Preset};
use crate::scenarios;
use std::rc::Rc;

/// The presets file, shared; equal only to itself (pointer equality).
#[derive(Debug, Clone)]
pub struct PresetsRef(pub Rc<Vec<Preset>>);

impl PartialEq for PresetsRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl AppState {
    /// The preset the page shows (`example=`), once the presets are here.
    pub fn preset(&self) -> Option<&Preset> {
        presets::find(&self.presets.as_ref()?.0, self.example.as_deref()?)
    }

    /// The presets file arrived (or failed: `Err`, the page says so when a preset was asked for).
    pub(super) fn presets_arrived(&mut self, list: Result<PresetsRef, String>) {
        match list {
            Ok(list) => {
                self.presets = Some(list);
                self.apply_example();
            }
            Err(e) => {
                if let Some(id) = self.example.take() {
                    self.url_errors.push(UrlError::PresetsFailed { id, error: e });
                }
                self.preset_run_wanted = false;
            }
        }
    }

    /// Sets the lesson, parameters and clock of the requested preset; an
    /// unknown id is reported; a preset without a lesson (pending, not
    /// reproducible) is shown without changing the lesson.
    fn apply_example(&mut self) {
        let Some(id) = self.example.clone() else { return };
        let Some(p) = self.preset().cloned() else {
            self.url_errors.push(UrlError::UnknownExample { id });
            self.example = None;
            self.preset_run_wanted = false;
            return;
        };
        let scn = p.lesson.as_deref().filter(|_| p.runnable()).and_then(scenarios::find);
        if let (Some(scn), false) = (scn, self.is_running()) {
            self.lesson = scn.id;
            self.inputs.insert(scn.id, p.params.clone());
            if p.clock.as_deref() == Some("virtual") {
                self.clock = Clock::Virtual;
            }
            self.unshow();
            self.set_schedule(String::new());
            self.run_requested = std::mem::take(&mut self.preset_run_wanted);
            self.refuse_user_url_autorun();
        }
        self.preset_run_wanted = false;
    }

    /// Opens a preset from the lesson's menu.
    pub(super) fn open_example(&mut self, id: String) {
        self.example = Some(id);
        self.apply_example();
    }

    /// The run on screen is the preset's: its lesson, with the preset's parameters.
    pub fn run_is_preset(&self) -> bool {
        let (Some(p), Some(t)) = (self.preset(), self.trace.as_ref()) else { return false };
        p.lesson.as_deref() == Some(t.meta.scenario.as_str()) && p.params.iter().all(|(k, v)| t.meta.params.get(k) == Some(v))
    }
}
