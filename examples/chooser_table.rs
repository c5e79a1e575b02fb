//! The chooser's and the GIL-with-I/O lesson's makespans (virtual clock, the
//! lessons' defaults) next to CPython's for the same jobs, as markdown:
//!
//!     python3 python/gilio.py --json > gilio.json
//!     python3 python/chooser.py --json > chooser.json
//!     cargo run --example chooser_table -- gilio.json chooser.json

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use concurrency_playground::scenarios::pymodel::verdict;
    use concurrency_playground::scenarios::{chooser, gilio, run_virtual};
    use std::collections::BTreeMap;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let read = |i: usize| -> serde_json::Value {
        let path = args.get(i).unwrap_or_else(|| panic!("usage: chooser_table GILIO_JSON CHOOSER_JSON"));
        serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON")
    };
    let (gpy, cpy) = (read(0), read(1));
    let t = run_virtual(&gilio::SCENARIO, &BTreeMap::new()).expect("gilio runs");
    let r = &t.meta.results;
    let py = gpy.get("alone").unwrap_or(&gpy);
    println!("| batch (gilio defaults) | lesson 1 thread | lesson 4 threads | lesson speedup | CPython 1 thread | CPython 4 threads | CPython speedup |\n|---|---:|---:|---:|---:|---:|---:|");
    for b in ["io", "cpu", "mixed"] {
        let p = |k: &str| py[format!("{b}{k}")].as_f64().unwrap_or(f64::NAN);
        println!(
            "| {b} | {:.0} | {:.0} | {:.2}× | {:.0} | {:.0} | {:.2}× |",
            r[&format!("{b}_1_ms")],
            r[&format!("{b}_ms")],
            r[&format!("{b}_x")],
            p("_1_ms"),
            p("_ms"),
            p("_x")
        );
    }
    let p = chooser::SCENARIO.validate(&BTreeMap::new()).expect("defaults");
    println!("\n| job (chooser defaults) | model | lesson ms | CPython ms | CPython / lesson |\n|---|---|---:|---:|---:|");
    for (job, times) in chooser::table(&p) {
        for (m, ms) in &times {
            let c = cpy[job]["ms"][m.id()].as_f64();
            let (cs, ratio) = c.map_or(("n/a (GIL build)".to_owned(), "–".to_owned()), |c| (format!("{c:.0}"), format!("{:.2}", c / ms)));
            println!("| {job} | {} | {ms:.0} | {cs} | {ratio} |", m.id());
        }
        let v: Vec<&str> = verdict(&times, chooser::TOLERANCE).iter().map(|m| m.id()).collect();
        println!(
            "| {job} | **verdict** | {} | {} | |",
            v.join(", "),
            cpy[job]["verdict"].as_array().map(|a| a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(", ")).unwrap_or_default()
        );
    }
}
