//! The full analysis the server and `baogao check` run on every version of a
//! text — outline, figures and diagnostics (`analysis::full`, report by
//! report, in parallel) — on real reports from 23 KB to 50 MB, also on one
//! thread, and what the server's cache leaves to do after one edit. Inputs above the
//! 545 KB compilation are made here by repeating it, never committed; the
//! scaling sweep below it takes the compilation's first lines.
//!
//! `cargo bench --bench analysis` runs up to 5 MB; `BAOGAO_BENCH_LARGE=1`
//! adds 15 MB and 50 MB.

use std::path::Path;

use baogao::analysis::{self, Analysis, Cache};
use baogao::report::{self, metrics};
use baogao::rules;
use baogao::rules::Config;
use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};

// The allocator the binary runs the analysis with (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

/// About `bytes` of real text: the first lines of `text` when it is longer,
/// else `text` repeated (a line break between copies) until long enough.
fn sized(text: &str, bytes: usize) -> String {
    if bytes <= text.len() {
        // A line break is always a char boundary.
        let end = text.as_bytes()[..bytes]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        return text[..end].to_owned();
    }
    let mut out = String::with_capacity(bytes + text.len());
    while out.len() < bytes {
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// What one version of a text costs: outline, figures and findings.
fn full(text: &str, config: &Config) -> Analysis {
    analysis::full(text, config)
}

fn large() -> bool {
    std::env::var_os("BAOGAO_BENCH_LARGE").is_some()
}

fn full_analysis(c: &mut Criterion) {
    let config = Config::default();
    let compilation = fixture("compilation-22.txt");
    let mut inputs = vec![
        ("000 (23 KB)", fixture("000_0deef21429734504.txt")),
        ("compilation-22 (545 KB)", compilation.clone()),
        ("synthetic 5 MB", sized(&compilation, 5 << 20)),
    ];
    if large() {
        inputs.push(("synthetic 50 MB", sized(&compilation, 50 << 20)));
    }
    let mut group = c.benchmark_group("full");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(if text.len() > 1 << 20 { 10 } else { 50 });
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| full(text, &config))
        });
    }
    group.finish();

    // The same on one core, for a machine without a second one to spare.
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("thread pool");
    let mut group = c.benchmark_group("one-thread");
    group.throughput(Throughput::Bytes(compilation.len() as u64));
    group.bench_function("compilation-22 (545 KB)", |b| {
        b.iter(|| one.install(|| full(&compilation, &config)))
    });
    group.finish();
}

/// What the server does after one edit of the compilation: the whole-text
/// pass, the edited report analysed again, every other report reused.
fn edit(c: &mut Criterion) {
    let config = Config::default();
    let text = fixture("compilation-22.txt");
    let fifth = report::split(&text).segments[4].range;
    let at = fifth.start + text[fifth.start..].find('。').expect("a sentence");
    let edited = format!("{}的{}", &text[..at], &text[at..]);
    let mut cache = Cache::default();
    let mut versions = [&text, &edited].into_iter().cycle();
    let mut group = c.benchmark_group("edit");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("compilation-22 (545 KB), one report changed", |b| {
        b.iter(|| cache.update(versions.next().expect("cycle"), &config))
    });
    group.finish();
}

/// Each stage alone on the compilation, to see where the time goes.
fn stages(c: &mut Criterion) {
    let config = Config::default();
    let text = fixture("compilation-22.txt");
    let document = report::analyze(&text);
    let figures = metrics::figures(&text, &document);
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("split (the whole-text pass of analyze)", |b| {
        b.iter(|| report::split(&text))
    });
    group.bench_function("analyze", |b| b.iter(|| report::analyze(&text)));
    group.bench_function("figures", |b| b.iter(|| metrics::figures(&text, &document)));
    group.bench_function("check", |b| {
        b.iter(|| rules::check_with(&text, &document, &figures, &config))
    });
    group.finish();
}

/// Cost against size, 50 KB to 50 MB, for the scaling table of BENCHMARKS.md.
fn scaling(c: &mut Criterion) {
    let config = Config::default();
    let compilation = fixture("compilation-22.txt");
    let mut sizes = vec![50_000, 150_000, compilation.len(), 1_500_000, 5_000_000];
    if large() {
        sizes.extend([15_000_000, 50_000_000]);
    }
    let mut group = c.benchmark_group("scaling");
    for bytes in sizes {
        let text = sized(&compilation, bytes);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(if text.len() > 1 << 20 { 10 } else { 30 });
        group.bench_with_input(BenchmarkId::from_parameter(text.len()), &text, |b, text| {
            b.iter(|| full(text, &config))
        });
    }
    group.finish();
}

criterion_group!(benches, full_analysis, edit, stages, scaling);

fn main() {
    // The pool as the command line runs the analysis (src/main.rs): this
    // thread is one of its workers. The server hands its analyses to the
    // pool from another thread; the server-level benchmark measures that.
    baogao::cli::work_in_pool();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
