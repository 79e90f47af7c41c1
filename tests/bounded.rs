//! Issue 26: no text makes the analysis slow, huge or dead. Each shape of
//! `tests/shapes` is analysed at two sizes, 8× apart: linear work takes
//! about 8× the time, quadratic work 64×. Times are compared, not judged
//! alone, so a slow machine or a debug build does not fail the test.

mod shapes;

use std::time::{Duration, Instant};

use baogao::analysis;
use baogao::config::Config;

/// The fastest of `runs` analyses: the least disturbed by other work on the
/// machine.
fn time(text: &str, config: &Config, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let analysis = analysis::analyze(text, config);
            let elapsed = start.elapsed();
            drop(analysis);
            elapsed
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn every_shape_grows_linearly() {
    // Sizes for a debug build: the whole test takes about 20 s on two cores.
    const SMALL: usize = 32 << 10;
    let config = Config::default();
    let mut failures = Vec::new();
    for (name, make) in shapes::SHAPES {
        let (small, large) = (make(SMALL), make(8 * SMALL));
        let (t_small, t_large) = (time(&small, &config, 3), time(&large, &config, 2));
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        eprintln!("{name}: {t_small:?} → {t_large:?} (×{ratio:.1} for ×8 the text)");
        // Linear is ×8; ×12 leaves room for caches and noise, ×64 is quadratic.
        if ratio > 12.0 {
            failures.push(format!("{name}: ×{ratio:.1}"));
        }
    }
    assert!(
        failures.is_empty(),
        "grew faster than the text: {failures:?}"
    );
}
