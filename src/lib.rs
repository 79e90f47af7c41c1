//! baogao: analysis of Chinese work reports (工作报告) for an editor and a CLI.
//!
//! Layers point one way: [`text`] ← [`report`] ← [`rules`] ← {`lsp`, `cli`, `serve`};
//! [`input`] reads files and uploads (text or `.docx`) for the front ends.
//! Only `lsp` knows the Language Server Protocol.

// Real input must never panic: no unwrap, expect or unchecked indexing
// outside tests.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod analysis;
pub mod cli;
pub mod config;
pub mod input;
pub mod lsp;
pub mod report;
pub mod rules;
pub mod serve;
pub mod text;
