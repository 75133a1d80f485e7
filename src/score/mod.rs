//! Scoring: normalisation, the decision methods (weighted sum, weighted product, TOPSIS,
//! VIKOR, PROMETHEE II), weights, consensus between methods, and ranks with shared ties.
//!
//! Takes plain slices, no polars: a decision matrix of vendors x criteria (with `None`
//! for a value the missing policy turned into "worst"), directions and weights that sum
//! to 1. Formulas and conventions are in docs/methods.md.
//!
//! Layout: `column_scaling` has the column formulas and `normalisation` applies a
//! criterion's chosen one; `weighted_sum`, `wpm`, `topsis`, `vikor` and `promethee` are
//! the methods, sharing `inputs` (the checks), `ranks` and `method` (the common output);
//! `run` runs the method a criteria file names.

pub mod column_scaling;
pub mod consensus;
pub mod error;
pub mod inputs;
pub mod method;
pub mod normalisation;
pub mod promethee;
pub mod ranks;
pub mod run;
pub mod topsis;
pub mod vikor;
pub mod weighted_sum;
pub mod weights;
pub mod wpm;

#[cfg(test)]
mod properties;

pub use ranks::{competition_ranks, TIE_EPSILON};
pub use weighted_sum::{weighted_sum, Scored};
