//! vendorscore: rank endpoint-security vendors for an MSP's Kaspersky replacement.
//!
//! The pipeline: `dataset` loads and validates the evidence, `criteria` the weighted
//! criteria file, `metrics` aggregates it per vendor, `gates` excludes, `score` ranks,
//! `sensitivity` and `stats` say how sure the ranking is, `report` and `chart` render;
//! `cmd` glues them to the command line. The modules, their one direction of
//! dependency, and where each kind of change goes: docs/architecture.md.

pub mod audit;
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
pub mod inventory;
pub mod matrix;
pub mod metrics;
pub mod noise;
pub mod output;
pub mod pilot;
pub mod plan;
pub mod problem;
pub mod proposal;
pub mod rank;
pub mod report;
pub mod score;
pub mod sensitivity;
pub mod stats;
pub mod tables;

pub use error::Error;
