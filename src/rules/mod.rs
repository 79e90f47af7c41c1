//! Drafting rules: each rule is one file with a code, a severity, its doc and
//! its tests. Rules read the report model and return plain-data findings.

mod finding;

pub use finding::{Edit, Finding, Fix, Related, Severity};
