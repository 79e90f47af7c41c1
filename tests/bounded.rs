//! Issue 26: no text makes the analysis slow, huge or dead. Each shape of
//! `tests/shapes` is analysed at two sizes, 8× apart: linear work takes
//! about 8× the time, quadratic work 64×. Times are compared, not judged
//! alone, so a slow machine or a debug build does not fail the test.

mod shapes;

use std::time::{Duration, Instant};

use baogao::analysis;
use baogao::rules::Config;

/// The fastest of `runs` analyses: the least disturbed by other work on the
/// machine.
fn time(text: &str, config: &Config, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let analysis = analysis::full(text, config);
            let elapsed = start.elapsed();
            drop(analysis);
            elapsed
        })
        .min()
        .unwrap_or_default()
}

/// How many times longer the analysis of `large` takes than of `small`.
fn ratio(small: &str, large: &str, config: &Config, runs: usize) -> f64 {
    let (t_small, t_large) = (time(small, config, runs + 1), time(large, config, runs));
    t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6)
}

#[test]
fn every_shape_grows_linearly() {
    // Sizes for a debug build: the whole test takes 10-20 s on two cores.
    const SMALL: usize = 32 << 10;
    let config = Config::default();
    let mut failures = Vec::new();
    for (name, make) in shapes::SHAPES {
        let (small, large) = (make(SMALL), make(8 * SMALL));
        // Linear is ×8; ×12 leaves room for caches and noise, ×64 is
        // quadratic. A shared machine can slow one run down: a shape over
        // the line is measured once more, which a square cost fails again.
        let mut growth = ratio(&small, &large, &config, 2);
        if growth > 12.0 {
            growth = growth.min(ratio(&small, &large, &config, 3));
        }
        eprintln!("{name}: ×{growth:.1} the time for ×8 the text");
        if growth > 12.0 {
            failures.push(format!("{name}: ×{growth:.1}"));
        }
    }
    assert!(
        failures.is_empty(),
        "grew faster than the text: {failures:?}"
    );
}
