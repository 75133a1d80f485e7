//! Statistics on pilot evidence: confidence intervals for rates and counts per exposure.
//!
//! Plain functions on numbers, no polars; each cites its formula in docs/metrics.md.

pub mod interval;
