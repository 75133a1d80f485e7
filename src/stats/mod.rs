//! Statistics on pilot evidence: confidence intervals for rates and counts per exposure.
//!
//! Plain functions on numbers, no polars; formulas, references and the
//! published values they are tested against are in docs/statistics.md.

pub mod binomial;
pub mod common;
pub mod coverage;
pub mod interval;
pub mod location;
pub mod mann_whitney;
pub mod multiple;
pub mod power;
pub mod rate_ratio;
pub mod ties;
pub mod two_proportions;
