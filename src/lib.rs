//! baogao: analysis of Chinese work reports (工作报告) for an editor and a CLI.
//!
//! Layers point one way: [`text`] ← [`report`] ← [`rules`] ← {`lsp`, `cli`}.
//! Only `lsp` knows the Language Server Protocol.

pub mod cli;
pub mod report;
pub mod rules;
pub mod text;
