//! The order a finished trace keeps its spans in: by lane, then start.

use crate::trace::Span;

/// Sorts spans by lane, then start, equal ones in recording order: what a
/// stable sort gives, without its scratch copy of up to every span (56 bytes
/// each; a large run's end is one turn of the page, and that allocation was
/// most of it: BENCHMARKS.md, "No long task"). Spans already in order are left
/// as they are; otherwise a stable counting sort by lane (each span's place, 4
/// bytes, applied in place), then each lane's spans by start, which they
/// mostly are already (recorded as time goes on).
pub fn sort_spans(spans: &mut [Span]) {
    if spans.windows(2).all(|w| by_lane_then_start(&w[0], &w[1]).is_le()) {
        return;
    }
    let lanes = spans.iter().map(|s| s.lane as usize + 1).max().unwrap_or(0);
    let mut next = vec![0u32; lanes + 1];
    for s in spans.iter() {
        next[s.lane as usize + 1] += 1;
    }
    for l in 1..=lanes {
        next[l] += next[l - 1];
    }
    let mut dest: Vec<u32> = spans
        .iter()
        .map(|s| {
            let d = next[s.lane as usize];
            next[s.lane as usize] += 1;
            d
        })
        .collect();
    // Each swap puts one span where it belongs.
    for i in 0..spans.len() {
        while dest[i] as usize != i {
            let j = dest[i] as usize;
            spans.swap(i, j);
            dest.swap(i, j);
        }
    }
    for lane in spans.chunk_by_mut(|a, b| a.lane == b.lane) {
        if !lane.windows(2).all(|w| by_lane_then_start(&w[0], &w[1]).is_le()) {
            lane.sort_by(by_lane_then_start);
        }
    }
}

fn by_lane_then_start(a: &Span, b: &Span) -> std::cmp::Ordering {
    a.lane.cmp(&b.lane).then(a.start_ms.total_cmp(&b.start_ms))
}
