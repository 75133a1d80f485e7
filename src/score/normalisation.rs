//! The normalisation a criteria file chooses for each criterion, and the weighted sum
//! over it.
//!
//! `normalise` has the column functions; this module names the choice (min-max, vector,
//! max, sum or a value function with fixed anchors), applies it to a column that may
//! have missing values, and scores the weighted sum with one choice per criterion. A
//! missing value (policy `worst`) gets the normalised value of the worst vendor present
//! under min-max, vector, max and sum (0 under min-max, as before) and 0 under a value
//! function, which needs no other vendor. Conventions: docs/methods.md.

use serde::Serialize;

use super::normalise::{self, ValueFunction};
use super::{competition_ranks, Scored};
use crate::criteria::Direction;

/// How one criterion's column becomes 0..=1, higher better.
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

    /// Normalises a column; `None` (missing, scored as worst) gets the worst present
    /// vendor's value, or 0 under a value function. Never NaN for finite input.
    pub fn apply(&self, column: &[Option<f64>], direction: Direction) -> Vec<f64> {
        let ratio: fn(&[f64], Direction) -> Vec<f64> = match self {
            Normalisation::MinMax => return normalise::min_max(column, direction),
            Normalisation::ValueFunction(f) => {
                return column
                    .iter()
                    .map(|x| x.map_or(0.0, |x| f.value(x)))
                    .collect()
            }
            Normalisation::Vector => normalise::vector,
            Normalisation::Max => normalise::max,
            Normalisation::Sum => normalise::sum,
        };
        let present: Vec<f64> = column.iter().flatten().copied().collect();
        let normalised = ratio(&present, direction);
        let worst = normalised.iter().copied().fold(f64::INFINITY, f64::min);
        let worst = if worst.is_finite() { worst } else { 0.0 };
        let mut it = normalised.into_iter();
        column
            .iter()
            .map(|x| match x {
                Some(_) => it.next().unwrap_or(worst),
                None => worst,
            })
            .collect()
    }
}

/// Weighted sum with one normalisation per criterion: score = 100 Σ_j w_j r_ij, clamped
/// to 0..=100 (ratio normalisations of negative data could leave 0..=1).
///
/// `normalisations` may be empty, meaning min-max for every criterion.
pub fn weighted_sum_with(
    matrix: &[Vec<Option<f64>>],
    directions: &[Direction],
    weights: &[f64],
    normalisations: &[Normalisation],
) -> Scored {
    let n = matrix.len();
    let k = directions.len();
    let mut contributions = vec![vec![0.0; k]; n];
    for c in 0..k {
        let column: Vec<Option<f64>> = matrix.iter().map(|row| row[c]).collect();
        let how = normalisations.get(c).copied().unwrap_or_default();
        let norm = how.apply(&column, directions[c]);
        for v in 0..n {
            contributions[v][c] = 100.0 * weights[c] * norm[v];
        }
    }
    let scores: Vec<f64> = contributions
        .iter()
        .map(|row| row.iter().sum::<f64>().clamp(0.0, 100.0))
        .collect();
    let ranks = competition_ranks(&scores);
    Scored {
        scores,
        contributions,
        ranks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::{Max, Min};

    fn close(got: &[f64], want: &[f64]) {
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-12, "got {got:?}, want {want:?}");
        }
    }

    /// Price 5, 3, 4 (cost), as in docs/methods.md: vector 1 - x/√50, max 1 - x/5,
    /// sum 1 - x/12, value function {best 3, worst 9}: (9 - x)/6.
    #[test]
    fn every_choice_on_the_docs_price_column() {
        let col = [Some(5.0), Some(3.0), Some(4.0)];
        let root = 50.0_f64.sqrt();
        close(
            &Normalisation::Vector.apply(&col, Min),
            &[1.0 - 5.0 / root, 1.0 - 3.0 / root, 1.0 - 4.0 / root],
        );
        close(&Normalisation::Max.apply(&col, Min), &[0.0, 0.4, 0.2]);
        close(
            &Normalisation::Sum.apply(&col, Min),
            &[7.0 / 12.0, 9.0 / 12.0, 8.0 / 12.0],
        );
        let f = Normalisation::ValueFunction(ValueFunction::new(3.0, 9.0).unwrap());
        close(&f.apply(&col, Min), &[4.0 / 6.0, 1.0, 5.0 / 6.0]);
        close(&Normalisation::MinMax.apply(&col, Min), &[0.0, 1.0, 0.5]);
    }

    /// A missing value scores as the worst present vendor (ratio normalisations), 0 under
    /// a value function; constant and empty columns give no NaN.
    #[test]
    fn missing_and_constant_columns() {
        let col = [Some(2.0), None, Some(4.0)];
        close(&Normalisation::Max.apply(&col, Max), &[0.5, 0.5, 1.0]);
        close(
            &Normalisation::Sum.apply(&col, Min),
            &[2.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0],
        );
        let f = Normalisation::ValueFunction(ValueFunction::new(4.0, 2.0).unwrap());
        close(&f.apply(&col, Max), &[0.0, 0.0, 1.0]);
        for how in [
            Normalisation::MinMax,
            Normalisation::Vector,
            Normalisation::Max,
            Normalisation::Sum,
            f,
        ] {
            for d in [Max, Min] {
                for c in [vec![Some(7.0); 3], vec![Some(0.0); 3], vec![None; 3]] {
                    let r = how.apply(&c, d);
                    assert!(r.iter().all(|x| x.is_finite()), "{how:?} {c:?} {r:?}");
                    assert!(r.windows(2).all(|w| w[0] == w[1]), "{how:?} {c:?} {r:?}");
                }
            }
        }
    }

    /// No choices means min-max everywhere (the docs' 60, 40, 50); a value function
    /// changes only its own column.
    #[test]
    fn weighted_sum_with_choices() {
        let m = vec![
            vec![Some(0.99), Some(5.0)],
            vec![Some(0.97), Some(3.0)],
            vec![Some(0.98), Some(4.0)],
        ];
        let (d, w) = ([Max, Min], [0.6, 0.4]);
        close(
            &weighted_sum_with(&m, &d, &w, &[]).scores,
            &[60.0, 40.0, 50.0],
        );
        let f = Normalisation::ValueFunction(ValueFunction::new(3.0, 9.0).unwrap());
        let s = weighted_sum_with(&m, &d, &w, &[Normalisation::MinMax, f]);
        // A: 60 + 40·2/3; B: 0 + 40; C: 30 + 40·5/6.
        close(&s.scores, &[60.0 + 80.0 / 3.0, 40.0, 30.0 + 100.0 / 3.0]);
        assert_eq!(s.ranks, vec![1, 3, 2]);
    }
}
