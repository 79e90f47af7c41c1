//! The whole analysis of any text: no panic, no abort, and (with
//! `-timeout` and `-rss_limit_mb`) no input that makes it slow or huge.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let analysis = baogao::analysis::full(text, &baogao::rules::Config::default());
    // Every range the analysis hands on is a slice of the text.
    for finding in &analysis.findings {
        assert!(text.get(finding.range.start..finding.range.end).is_some());
    }
});
