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

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::report::metrics::{self, Contradiction, Figures};
use crate::report::{self, Document, Segment, SegmentKey};
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

/// Analyses `text` under `config`.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    let split = report::split(text);
    let parts: Vec<Analysis> = split
        .segments
        .par_iter()
        .map(|segment| analyze_segment(text, segment, config))
        .collect();
    assemble(split.noise, split.segments.iter().zip(parts))
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

/// The per-report results, each moved to where its report sits, as one.
fn assemble<'a>(
    noise: Vec<report::Noise>,
    parts: impl IntoIterator<Item = (&'a Segment, Analysis)>,
) -> Analysis {
    let mut outlines = Vec::new();
    let mut figures = Figures::default();
    let mut findings = Vec::new();
    for (segment, mut part) in parts {
        let start = segment.range.start;
        outlines.push((start, part.document));
        let first = figures.metrics.len();
        figures
            .contradictions
            .extend(part.figures.contradictions.iter().map(|c| Contradiction {
                first: c.first + first,
                second: c.second + first,
            }));
        part.figures.metrics.shift(start);
        figures.metrics.append(&mut part.figures.metrics);
        part.findings.shift(start);
        findings.append(&mut part.findings);
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
    reports: HashMap<SegmentKey, Arc<Analysis>>,
}

impl Cache {
    /// Analyses `text` as [`analyze`] does, reusing the results of every
    /// report whose text, and the configuration, are as in the last call.
    pub fn analyze(&mut self, text: &str, config: &Config) -> Analysis {
        if self.config.as_ref() != Some(config) {
            self.reports.clear();
            self.config = Some(config.clone());
        }
        let split = report::split(text);
        let keyed: Vec<(SegmentKey, Option<Arc<Analysis>>)> = split
            .segments
            .iter()
            .map(|segment| {
                let key = segment.key(text);
                let known = self.reports.get(&key).cloned();
                (key, known)
            })
            .collect();
        let parts: Vec<Arc<Analysis>> = split
            .segments
            .par_iter()
            .zip(&keyed)
            .map(|(segment, (_, known))| match known {
                Some(known) => Arc::clone(known),
                None => Arc::new(analyze_segment(text, segment, config)),
            })
            .collect();
        // Only the last version's reports are kept: a cache that grew with
        // every edit would hold every draft of every report.
        self.reports = keyed
            .into_iter()
            .map(|(key, _)| key)
            .zip(parts.iter().cloned())
            .collect();
        let copies = parts.iter().map(|part| Analysis::clone(part));
        assemble(split.noise, split.segments.iter().zip(copies))
    }
}
