use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which: u32 = args[1].parse().unwrap();
    let n: u64 = args[2].parse().unwrap();
    let reps: u32 = args.get(3).map(|s| s.parse().unwrap()).unwrap_or(5);
    let mut best = f64::MAX;
    let mut r = 0;
    for _ in 0..reps + 1 {
        let t = Instant::now();
        r = abl::run(which, std::hint::black_box(n));
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("{which} {best:.1} {r}");
}
