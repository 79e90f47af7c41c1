//! Issue 26: no text makes the analysis slow, huge or dead. Each shape of
//! `tests/shapes` is analysed at two sizes, 8× apart: linear work takes
//! about 8× the time, quadratic work 64×. Times are compared, not judged
//! alone, so a slow machine or a debug build does not fail the test.

mod shapes;

use std::time::Duration;

use baogao::analysis;
use baogao::rules::Config;

/// The CPU time of the calling thread: unlike the wall clock, it does not
/// count the time other work on a shared machine holds the core.
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for the call to fill.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// The least CPU time of `runs` analyses, on one thread: a large text is cut
/// into pieces analysed in parallel, a small one is not, and the work is
/// what must grow linearly, whatever the cores do.
fn time(text: &str, config: &Config, runs: usize) -> Duration {
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a pool of one thread");
    one_thread.install(|| {
        (0..runs)
            .map(|_| {
                let start = thread_cpu_time();
                let analysis = analysis::full(text, config);
                let elapsed = thread_cpu_time().saturating_sub(start);
                drop(analysis);
                elapsed
            })
            .min()
            .unwrap_or_default()
    })
}

/// How many times longer the analysis of `large` takes than of `small`.
fn ratio(small: &str, large: &str, config: &Config, runs: usize) -> f64 {
    let (t_small, t_large) = (time(small, config, 2 * runs + 1), time(large, config, runs));
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
        let mut growth = ratio(&small, &large, &config, 3);
        if growth > 12.0 {
            growth = growth.min(ratio(&small, &large, &config, 5));
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
