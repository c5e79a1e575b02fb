//! The trace's structural invariants: what every producer must keep, checked
//! by the tests and when a trace someone else made is imported.

use super::{Raster, Trace, TRACE_VERSION};
use std::collections::BTreeMap;

impl Raster {
    /// Checks the size invariants (used by [`Trace::validate`]).
    pub fn validate(&self) -> Result<(), String> {
        let n = self.width as usize * self.height as usize;
        if self.data.len() != n {
            return Err(format!("image is {}×{} but has {} values", self.width, self.height, self.data.len()));
        }
        if n > Self::MAX_PIXELS {
            return Err(format!("image has {n} pixels, more than {}", Self::MAX_PIXELS));
        }
        if self.data.iter().any(|&v| v > self.max) {
            return Err("image value above its max".into());
        }
        Ok(())
    }
}

impl Trace {
    /// Checks the structural invariants every producer must keep. Used by tests
    /// and when importing a trace someone else made.
    pub fn validate(&self) -> Result<(), String> {
        if self.version != TRACE_VERSION {
            return Err(format!("unsupported trace version {}", self.version));
        }
        let mut last_end: BTreeMap<u32, f64> = BTreeMap::new();
        for s in &self.spans {
            if !self.lanes.iter().any(|l| l.id == s.lane) {
                return Err(format!("span on unknown lane {}", s.lane));
            }
            if !(s.start_ms.is_finite() && s.end_ms.is_finite()) || s.end_ms < s.start_ms {
                return Err(format!("span on lane {} has bad times", s.lane));
            }
            if s.start_ms < 0.0 {
                return Err(format!("span on lane {} starts before the run", s.lane));
            }
            let prev = last_end.insert(s.lane, s.end_ms).unwrap_or(0.0);
            if s.start_ms + 1e-9 < prev {
                return Err(format!("spans overlap on lane {}", s.lane));
            }
        }
        if let Some(img) = &self.meta.image {
            img.validate()?;
        }
        for t in &self.tracks {
            if t.samples.windows(2).any(|w| w[1].t_ms < w[0].t_ms) {
                return Err(format!("track {} is not in time order", t.name));
            }
        }
        Ok(())
    }
}
