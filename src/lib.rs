//! vendorscore: rank endpoint-security vendors for an MSP's Kaspersky replacement.
//!
//! Pipeline (see ../DESIGN.md and docs/): `dataset` loads and validates the evidence,
//! `criteria` the weighted criteria file, `metrics` aggregates per vendor, `gates`
//! excludes, `score` ranks, `report` renders. `cmd` glues them to the command line.

pub mod chart;
pub mod cli;
pub mod client;
pub mod cmd;
pub mod cost;
pub mod criteria;
pub mod dataset;
pub mod decision;
pub mod demo;
pub mod embedded;
mod error;
pub mod gates;
pub mod metrics;
pub mod noise;
pub mod output;
pub mod pilot;
pub mod problem;
pub mod rank;
pub mod report;
pub mod score;
pub mod sensitivity;
pub mod stats;

pub use error::Error;
