//! The whole analysis of a text: its outline, its counted figures and the
//! rules' findings, computed report by report.
//!
//! A compilation holds many reports and nothing in one report's results
//! depends on another's: the outline, the figures (compared only within a
//! report) and every rule work on one report at a time. So after the one pass
//! that needs the whole text ([`report::split`]), each report is analysed
//! alone on its own slice of the text, the reports in parallel, and a
//! [`Cache`] reuses the results of every report whose text did not change
//! since the last version: an edit re-analyses one report, not the document.

use std::sync::Arc;

use crate::report::metrics::{self, Contradiction, Figures};
use crate::report::{self, Document, Segment, SegmentKey};
use crate::rules::Config;
use crate::rules::{self, Finding};
use crate::text::Shift;

/// Outline, figures and findings of one text (empty by default).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    pub document: Document,
    /// Every counted figure, in text order, and their contradictions.
    pub figures: Figures,
    /// The rules' findings, in text order.
    pub findings: Vec<Finding>,
}

/// Bytes of text above which a document gets its outline and no rules, in
/// the editor (`maxDocumentSize`) and in `baogao check`
/// (`--max-document-size`): about twice the longest compilation of real
/// reports, as Biome's `files.maxSize`, and where the findings of a text
/// of any shape still fit the memory budget of 50 MB + 16 bytes a byte
/// (BENCHMARKS.md); above it they would not.
pub const DEFAULT_MAX_DOCUMENT_SIZE: usize = 1 << 20;

/// The outline alone, with no figures nor findings: what a text over the
/// size limit gets. The outline is linear in any text; the rules' findings
/// may be many per line of a text of no report's shape.
pub fn outline_only(text: &str) -> Analysis {
    Analysis {
        document: report::analyze(text),
        ..Analysis::default()
    }
}

/// The full analysis of `text` under `config`: outline, figures and findings.
pub fn full(text: &str, config: &Config) -> Analysis {
    report::in_pool(|| {
        let split = report::split(text);
        let parts = report::par_map_longest_first(
            &split.segments,
            |segment| segment.range.len(),
            |segment| analyze_segment(text, segment, config).shifted(segment.range.start),
        );
        // Freed before the parts are put together, which copies them.
        drop(split.segments);
        assemble(split.noise, parts)
    })
}

/// One report alone, its ranges relative to the start of its slice.
fn analyze_segment(text: &str, segment: &Segment, config: &Config) -> Analysis {
    let local = segment.range.slice(text);
    let document = segment.outline(text);
    let figures = metrics::figures(local, &document);
    let findings = rules::check_with(local, &document, &figures, config);
    Analysis {
        document,
        figures,
        findings,
    }
}

/// Moved to where its report sits in the text, by the thread that analysed
/// the report: what is left for the one thread that assembles is moving.
impl Shift for Analysis {
    fn shift(&mut self, by: usize) {
        self.document.shift(by);
        self.figures.metrics.shift(by);
        self.findings.shift(by);
    }
}

/// The per-report results, each already where its report sits, as one.
fn assemble(noise: Vec<report::Noise>, parts: Vec<Analysis>) -> Analysis {
    let total = |count: fn(&Analysis) -> usize| parts.iter().map(count).sum::<usize>();
    let mut outlines = Vec::with_capacity(parts.len());
    let mut figures = Figures {
        metrics: Vec::with_capacity(total(|p| p.figures.metrics.len())),
        contradictions: Vec::with_capacity(total(|p| p.figures.contradictions.len())),
    };
    let all_findings = total(|p| p.findings.len());
    let mut findings = Vec::new();
    for mut part in parts {
        // Contradictions name their figures by index in the report's list.
        let first = figures.metrics.len();
        figures
            .contradictions
            .extend(part.figures.contradictions.iter().map(|c| Contradiction {
                first: c.first + first,
                second: c.second + first,
            }));
        figures.metrics.append(&mut part.figures.metrics);
        if findings.is_empty() {
            // Taken, not copied: one report may hold nearly all of them.
            findings = std::mem::take(&mut part.findings);
            findings.reserve(all_findings - findings.len());
        } else {
            findings.append(&mut part.findings);
        }
        outlines.push(part.document);
    }
    Analysis {
        document: Document::assemble(noise, outlines),
        figures,
        findings,
    }
}

/// The results of the last analysed version, report by report, for
/// analysing the next version of the same document.
#[derive(Debug, Default)]
pub struct Cache {
    config: Option<Config>,
    /// The last version's reports by the length of their text, shortest
    /// first: a report is looked up by its length and then compared, so its
    /// text is copied into a key only when it is new.
    reports: Vec<(usize, Arc<Cached>)>,
}

/// One report's results and what they depend on.
#[derive(Debug)]
struct Cached {
    key: SegmentKey,
    analysis: Analysis,
}

impl Cache {
    /// Analyses `text` as [`full`] does, reusing the results of every
    /// report whose text, and the configuration, are as in the last call.
    pub fn update(&mut self, text: &str, config: &Config) -> Analysis {
        report::in_pool(|| self.update_in_pool(text, config))
    }

    fn update_in_pool(&mut self, text: &str, config: &Config) -> Analysis {
        if self.config.as_ref() != Some(config) {
            self.reports.clear();
            self.config = Some(config.clone());
        }
        let split = report::split(text);
        let known: Vec<(&Segment, Option<Arc<Cached>>)> = split
            .segments
            .iter()
            .map(|segment| (segment, self.find(segment, text)))
            .collect();
        let parts = report::par_map_longest_first(
            &known,
            // A report the cache has costs nothing.
            |(segment, known)| known.as_ref().map_or(segment.range.len(), |_| 0),
            |(segment, known)| {
                let cached = known.clone().unwrap_or_else(|| {
                    Arc::new(Cached {
                        key: segment.key(text),
                        analysis: analyze_segment(text, segment, config),
                    })
                });
                // The cache keeps each report where it would start alone.
                let part = cached.analysis.clone().shifted(segment.range.start);
                (cached, part)
            },
        );
        // Only the last version's reports are kept: a cache that grew with
        // every edit would hold every draft of every report.
        self.reports = split
            .segments
            .iter()
            .zip(&parts)
            .map(|(segment, (cached, _))| (segment.range.len(), Arc::clone(cached)))
            .collect();
        self.reports.sort_by_key(|&(len, _)| len);
        let parts = parts.into_iter().map(|(_, part)| part).collect();
        assemble(split.noise, parts)
    }

    /// The last version's results for `segment` of `text`, if it had the
    /// same report. Reports of one length are few; equal keys are one.
    fn find(&self, segment: &Segment, text: &str) -> Option<Arc<Cached>> {
        let len = segment.range.len();
        let first = self.reports.partition_point(|&(l, _)| l < len);
        self.reports
            .get(first..)?
            .iter()
            .take_while(|&&(l, _)| l == len)
            .find(|(_, cached)| cached.key.is_key_of(segment, text))
            .map(|(_, cached)| Arc::clone(cached))
    }
}
