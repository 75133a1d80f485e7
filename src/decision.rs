//! The decision types every layer shares: which way a criterion is better, the method
//! that combines criteria, how a criterion's column is normalised (including the
//! target/threshold value function), PROMETHEE II's preference functions and what the
//! analyst says about the weights for SMAA.
//!
//! A leaf: it imports nothing of the crate (tests/architecture.rs checks), so `criteria`,
//! `score`, `sensitivity`, `rank` and the rest can all depend on it without a cycle.
//! Computation over these types stays with its layer: `score::normalisation` applies a
//! [`Normalisation`] to a column, `score::promethee` checks a [`PreferenceFunction`]'s
//! thresholds, `sensitivity::weights` samples a [`WeightSpec`].

use std::fmt;

use serde::Serialize;

/// VIKOR's usual weight `v` of the strategy of the majority of criteria.
pub const DEFAULT_V: f64 = 0.5;

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// More is better (a benefit criterion).
    Max,
    /// Less is better (a cost criterion).
    Min,
}

impl Direction {
    /// `max` or `min`.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Max => "max",
            Direction::Min => "min",
        }
    }
}

/// How criteria combine into one score (docs/methods.md).
///
/// A clap `ValueEnum` for `--method`, by [`Method::NAMES`]; VIKOR is chosen there with
/// its default `v`, and a criteria file that already uses VIKOR keeps its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    WeightedSum,
    WeightedProduct,
    Topsis,
    /// VIKOR with its strategy weight `v` (default 0.5).
    Vikor {
        v: f64,
    },
    /// PROMETHEE II, with each criterion's preference function.
    Promethee2,
}

impl Method {
    /// The names used in files and on the command line.
    pub const NAMES: [&'static str; 5] = [
        "weighted-sum",
        "weighted-product",
        "topsis",
        "vikor",
        "promethee2",
    ];

    /// The name used in files and output.
    pub fn name(self) -> &'static str {
        match self {
            Method::WeightedSum => "weighted-sum",
            Method::WeightedProduct => "weighted-product",
            Method::Topsis => "topsis",
            Method::Vikor { .. } => "vikor",
            Method::Promethee2 => "promethee2",
        }
    }

    /// A method by name, with default parameters.
    pub fn from_name(name: &str) -> Option<Method> {
        Some(match name {
            "weighted-sum" => Method::WeightedSum,
            "weighted-product" => Method::WeightedProduct,
            "topsis" => Method::Topsis,
            "vikor" => Method::Vikor { v: DEFAULT_V },
            "promethee2" => Method::Promethee2,
            _ => return None,
        })
    }
}

impl clap::ValueEnum for Method {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Method::WeightedSum,
            Method::WeightedProduct,
            Method::Topsis,
            Method::Vikor { v: DEFAULT_V },
            Method::Promethee2,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}

/// How one criterion's column becomes 0..=1, higher better (applied by
/// `score::normalisation`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Normalisation {
    /// (x - min)/(max - min), cost (max - x)/(max - min); the default.
    #[default]
    MinMax,
    /// x / √Σx², cost 1 - x / √Σx².
    Vector,
    /// x / max|x|, cost 1 - x / max|x|.
    Max,
    /// x / Σ|x|, cost 1 - x / Σ|x|.
    Sum,
    /// Fixed anchors: `best` is worth 1, `worst` 0, linear between.
    ValueFunction(ValueFunction),
}

impl Normalisation {
    /// The names a criteria file uses (a value function is written as a table).
    pub const NAMES: [&'static str; 4] = ["min-max", "vector", "max", "sum"];

    /// A named normalisation.
    pub fn from_name(name: &str) -> Option<Normalisation> {
        Some(match name {
            "min-max" => Normalisation::MinMax,
            "vector" => Normalisation::Vector,
            "max" => Normalisation::Max,
            "sum" => Normalisation::Sum,
            _ => return None,
        })
    }

    /// How it is shown: its name, or `value function (best 3, worst 9)`.
    pub fn describe(&self) -> String {
        match self {
            Normalisation::MinMax => "min-max".into(),
            Normalisation::Vector => "vector".into(),
            Normalisation::Max => "max".into(),
            Normalisation::Sum => "sum".into(),
            Normalisation::ValueFunction(f) => {
                format!("value function (best {}, worst {})", f.best(), f.worst())
            }
        }
    }
}

/// A target/threshold value function: a value at or beyond `best` is worth 1, at or
/// beyond `worst` is worth 0, linear between. `best < worst` makes a cost criterion
/// ("a price at or below 3 is worth 1, at or above 9 worth 0").
///
/// It needs no other alternative, so it never causes rank reversal, and a constant
/// column is simply scored like any other value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ValueFunction {
    best: f64,
    worst: f64,
}

/// Anchors no value function can have: not finite, or equal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BadAnchors {
    pub best: f64,
    pub worst: f64,
}

impl fmt::Display for BadAnchors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "value function best `{}` and worst `{}` must be finite and different",
            self.best, self.worst
        )
    }
}

impl std::error::Error for BadAnchors {}

impl ValueFunction {
    /// A value function from its two anchors; they must be finite and different.
    pub fn new(best: f64, worst: f64) -> Result<Self, BadAnchors> {
        if !best.is_finite() || !worst.is_finite() || best == worst {
            return Err(BadAnchors { best, worst });
        }
        Ok(ValueFunction { best, worst })
    }

    /// The value worth 1.
    pub fn best(&self) -> f64 {
        self.best
    }

    /// The value worth 0.
    pub fn worst(&self) -> f64 {
        self.worst
    }

    /// `Max` when higher values are better (`best > worst`), else `Min`.
    pub fn direction(&self) -> Direction {
        if self.best > self.worst {
            Direction::Max
        } else {
            Direction::Min
        }
    }

    /// The worth of one value, in 0..=1. Halved differences keep it finite for any
    /// finite input.
    pub fn value(&self, x: f64) -> f64 {
        let t = (x / 2.0 - self.worst / 2.0) / (self.best / 2.0 - self.worst / 2.0);
        t.clamp(0.0, 1.0)
    }
}

/// A criterion's generalised criterion for PROMETHEE II (Brans and Vincke's six types).
/// `q` is the indifference threshold, `p` the strict-preference threshold, `s` the
/// Gaussian's inflection point; all in the criterion's own units. F(d) = 0 for d <= 0 in
/// every type. `score::promethee` checks the thresholds (`validate`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum PreferenceFunction {
    /// Type I: F = 1 for d > 0.
    Usual,
    /// Type II (quasi-criterion): F = 1 for d > q.
    UShape { q: f64 },
    /// Type III: F = d / p up to p, then 1.
    VShape { p: f64 },
    /// Type IV: F = 1/2 for q < d <= p, 1 for d > p.
    Level { q: f64, p: f64 },
    /// Type V (V-shape with indifference): F = (d - q)/(p - q) for q < d <= p, 1 above.
    Linear { q: f64, p: f64 },
    /// Type VI: F = 1 - exp(-d² / (2 s²)).
    Gaussian { s: f64 },
}

impl PreferenceFunction {
    /// The preference degree F(d) for a difference d (already oriented so that d > 0 means
    /// "better").
    pub fn preference(&self, d: f64) -> f64 {
        if d <= 0.0 {
            return 0.0;
        }
        match *self {
            PreferenceFunction::Usual => 1.0,
            PreferenceFunction::UShape { q } => f64::from(u8::from(d > q)),
            PreferenceFunction::VShape { p } => {
                if d > p {
                    1.0
                } else {
                    d / p
                }
            }
            PreferenceFunction::Level { q, p } => {
                if d > p {
                    1.0
                } else if d > q {
                    0.5
                } else {
                    0.0
                }
            }
            PreferenceFunction::Linear { q, p } => {
                if d > p {
                    1.0
                } else if d > q {
                    (d - q) / (p - q)
                } else {
                    0.0
                }
            }
            PreferenceFunction::Gaussian { s } => 1.0 - (-(d / s) * (d / s) / 2.0).exp(),
        }
    }
}

/// What the analyst says about the weights, in normalised terms (fractions of 1), for
/// SMAA (`sensitivity::weights` validates and samples it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeightSpec {
    /// Per-criterion `[lo, hi]`; empty means no ranges, `None` leaves a criterion in [0, 1].
    pub ranges: Vec<Option<(f64, f64)>>,
    /// Disjoint chains of criteria, each `[a, b, c, ...]` meaning `w_a >= w_b >= w_c >= ...`.
    pub orderings: Vec<Vec<usize>>,
}

impl WeightSpec {
    /// No preference information: uniform on the simplex.
    pub fn uniform() -> Self {
        Self::default()
    }
}
