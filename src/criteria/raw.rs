//! The criteria file as written: serde types that mirror the TOML, with spans, and a
//! position in the file ([`Pos`]) as problems and later checks cite it.
//!
//! Nothing here is checked beyond TOML types and unknown keys; `validate.rs` turns a
//! `RawCriteria` into a `Criteria` and reports every problem with its line and column.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::problem::Location;

/// A position in the criteria file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    /// As a problem location.
    pub fn location(self) -> Location {
        Location::Line {
            line: self.line,
            column: Some(self.column),
        }
    }
}

/// A whole criteria file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriteria {
    pub name: Spanned<String>,
    pub description: Option<String>,
    pub method: Option<Spanned<String>>,
    /// VIKOR's strategy weight.
    pub vikor_v: Option<Spanned<f64>>,
    pub missing: Option<Spanned<String>>,
    /// The weighted sum's normalisation for every criterion without its own.
    pub normalisation: Option<Spanned<String>>,
    /// Where the weights come from: direct (default), AHP, blended with objective ones.
    pub weights: Option<Spanned<RawWeights>>,
    #[serde(default)]
    pub gate: Vec<Spanned<RawGate>>,
    #[serde(default)]
    pub group: BTreeMap<String, Spanned<RawGroup>>,
    #[serde(default)]
    pub criterion: Vec<Spanned<RawCriterion>>,
    pub sensitivity: Option<Spanned<RawSensitivity>>,
}

/// `[sensitivity]`: what is known about the weights, for SMAA.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSensitivity {
    /// Criterion id -> [lo, hi], as fractions of the total weight.
    #[serde(default)]
    pub ranges: BTreeMap<String, Spanned<Vec<f64>>>,
    /// Chains of criterion ids, most important first: w_a >= w_b >= ...
    #[serde(default)]
    pub order: Vec<Spanned<Vec<String>>>,
}

/// One row of the AHP matrix, each entry with its position.
pub type RawRow = Spanned<Vec<Spanned<toml::Value>>>;

/// `[weights]`: AHP's pairwise comparisons and the blend with objective weights.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeights {
    /// `direct` or `ahp`.
    pub method: Option<Spanned<String>>,
    /// Criterion ids in the order of the matrix's rows and columns.
    pub order: Option<Spanned<Vec<Spanned<String>>>>,
    /// The pairwise comparison matrix: numbers, or strings such as `"1/3"`.
    pub matrix: Option<Spanned<Vec<RawRow>>>,
    pub allow_inconsistent: Option<Spanned<bool>>,
    /// `entropy` or `critic`.
    pub objective: Option<Spanned<String>>,
    /// Share of the subjective weights in the blend, 0 to 1.
    pub blend: Option<Spanned<f64>>,
}

/// `[group.<id>]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub weight: Spanned<f64>,
    pub label: Option<String>,
    pub description: Option<String>,
}

/// `[[criterion]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    pub id: Spanned<String>,
    pub label: Option<String>,
    pub description: Option<String>,
    pub group: Option<Spanned<String>>,
    pub metric: Spanned<String>,
    pub direction: Spanned<String>,
    /// Required with direct weights, refused with AHP ones.
    pub weight: Option<Spanned<f64>>,
    pub aggregate: Option<Spanned<String>>,
    pub missing: Option<Spanned<String>>,
    /// A name (`vector`, ...) or a value function `{ best = 3, worst = 9 }`.
    pub normalisation: Option<Spanned<toml::Value>>,
    /// PROMETHEE II preference function and its thresholds.
    pub preference: Option<Spanned<String>>,
    pub q: Option<Spanned<f64>>,
    pub p: Option<Spanned<f64>>,
    pub s: Option<Spanned<f64>>,
}

/// `[[gate]]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGate {
    pub id: Spanned<String>,
    pub description: Option<String>,
    pub metric: Spanned<String>,
    pub aggregate: Option<Spanned<String>>,
    pub rule: Option<Spanned<String>>,
    pub min: Option<Spanned<RawBound>>,
    pub max: Option<Spanned<RawBound>>,
    #[serde(rename = "in")]
    pub in_: Option<Spanned<Vec<String>>>,
    pub not_in: Option<Spanned<Vec<String>>>,
    pub at_least: Option<Spanned<String>>,
    pub if_missing: Option<Spanned<String>>,
}

/// A gate's `min` or `max` as written: a number on the metric's own scale, or text such as
/// `"95%"` (checked in `validate.rs`).
#[derive(Debug, Clone, PartialEq)]
pub enum RawBound {
    Number(f64),
    Text(String),
}

impl<'de> Deserialize<'de> for RawBound {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RawBound;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or a percentage in quotes such as \"95%\"")
            }
            fn visit_f64<E>(self, x: f64) -> Result<RawBound, E> {
                Ok(RawBound::Number(x))
            }
            fn visit_i64<E>(self, x: i64) -> Result<RawBound, E> {
                Ok(RawBound::Number(x as f64))
            }
            fn visit_u64<E>(self, x: u64) -> Result<RawBound, E> {
                Ok(RawBound::Number(x as f64))
            }
            fn visit_str<E>(self, s: &str) -> Result<RawBound, E> {
                Ok(RawBound::Text(s.to_string()))
            }
        }
        d.deserialize_any(Visitor)
    }
}
