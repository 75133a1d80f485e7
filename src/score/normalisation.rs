//! Applies the normalisation a criteria file chooses for a criterion (min-max, vector,
//! max, sum or a value function with fixed anchors; the choice is
//! `decision::Normalisation`) to a column that may have missing values.
//!
//! `column_scaling` has the column formulas. A missing value (policy `worst`) gets the
//! normalised value of the worst vendor present under min-max, vector, max and sum (0
//! under min-max, as before) and 0 under a value function, which needs no other vendor.
//! Conventions: docs/methods.md.

use super::column_scaling;
use crate::decision::{Direction, Normalisation};

/// The computation of a [`Normalisation`], here with the formulas it dispatches to (the
/// type is in `decision`).
impl Normalisation {
    /// Normalises a column; `None` (missing, scored as worst) gets the worst present
    /// vendor's value, or 0 under a value function. Never NaN for finite input.
    pub fn apply(&self, column: &[Option<f64>], direction: Direction) -> Vec<f64> {
        let ratio: fn(&[f64], Direction) -> Vec<f64> = match self {
            Normalisation::MinMax => return column_scaling::min_max(column, direction),
            Normalisation::ValueFunction(f) => {
                return column
                    .iter()
                    .map(|x| x.map_or(0.0, |x| f.value(x)))
                    .collect()
            }
            Normalisation::Vector => column_scaling::vector,
            Normalisation::Max => column_scaling::max,
            Normalisation::Sum => column_scaling::sum,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::ValueFunction;
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
}
