//! Full analysis of real reports, small to 50 MB. The large inputs are made
//! here by repeating the real compilation, never committed.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

/// Repeats `text` until it is at least `bytes` long.
fn scaled(text: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + text.len());
    while out.len() < bytes {
        out.push_str(text);
        out.push('\n');
    }
    out
}

fn analysis(c: &mut Criterion) {
    let small = fixture("000_0deef21429734504.txt");
    let compilation = fixture("compilation-22.txt");
    let mut group = c.benchmark_group("analyze");
    let mut inputs = vec![
        ("000 (23 KB)".to_string(), small),
        ("compilation-22 (545 KB)".to_string(), compilation.clone()),
    ];
    let sizes: &[usize] = if std::env::var_os("BAOGAO_BENCH_LARGE").is_some() {
        &[5, 50]
    } else {
        &[5]
    };
    for &mb in sizes {
        inputs.push((format!("synthetic {mb} MB"), scaled(&compilation, mb << 20)));
    }
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 1 << 20 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| baogao::report::analyze(text))
        });
    }
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
