//! The formulas that scale one criterion's column to 0..=1, so that higher is better on
//! every criterion (the choice among them is `score::normalisation`).
//!
//! Min-max (linear scale transformation): benefit r = (x - min) / (max - min), cost
//! r = (max - x) / (max - min). A constant column gives every vendor 1, so it adds the
//! same to all scores and never divides by zero. A missing value (policy `worst`) gets 0.
//!
//! Vector, max and sum (ratio normalisations) divide by a column statistic: benefit
//! r = x / ‖x‖, x / max|x|, x / Σ|x|; cost criteria take the reflection 1 - r. The
//! target/threshold value function maps a value to 0..=1 with fixed anchors and needs
//! no other vendor. Conventions and their reasons are in docs/methods.md.

use crate::decision::{Direction, ValueFunction};

/// Min-max normalisation of a column; `None` values become 0 (worst).
pub fn min_max(column: &[Option<f64>], direction: Direction) -> Vec<f64> {
    let present = column.iter().flatten();
    let (lo, hi) = present.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
        (lo.min(x), hi.max(x))
    });
    let range = hi - lo;
    column
        .iter()
        .map(|x| match x {
            None => 0.0,
            Some(_) if range.is_nan() || range <= 0.0 || range.is_infinite() => 1.0,
            Some(x) => match direction {
                Direction::Max => (x - lo) / range,
                Direction::Min => (hi - x) / range,
            }
            .clamp(0.0, 1.0),
        })
        .collect()
}

/// One pass of statistics over a column, from which each normalisation's map is built.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ColumnStats {
    pub(crate) len: usize,
    pub(crate) min: f64,
    pub(crate) max: f64,
    sum_sq: f64,
    sum_abs: f64,
}

impl ColumnStats {
    pub(crate) fn new() -> Self {
        ColumnStats {
            len: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            sum_sq: 0.0,
            sum_abs: 0.0,
        }
    }

    #[inline]
    pub(crate) fn push(&mut self, x: f64) {
        self.len += 1;
        self.min = self.min.min(x);
        self.max = self.max.max(x);
        self.sum_sq += x * x;
        self.sum_abs += x.abs();
    }

    pub(crate) fn of(column: &[f64]) -> Self {
        let mut s = ColumnStats::new();
        column.iter().for_each(|&x| s.push(x));
        s
    }

    /// max|x| (0 for an empty column).
    fn max_abs(&self) -> f64 {
        if self.len == 0 {
            0.0
        } else {
            self.min.abs().max(self.max.abs())
        }
    }
}

/// A column's normalisation as a map of each value: r = (x - origin)·a + b, or, for
/// columns so extreme that a = 1/denominator is not representable, the same computed by
/// division after scaling by max|x|. Finite for every finite input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Linear {
    Mul {
        origin: f64,
        a: f64,
        b: f64,
    },
    Div {
        sign: f64,
        scale: f64,
        den: f64,
        b: f64,
    },
}

impl Linear {
    #[inline]
    pub(crate) fn apply(self, x: f64) -> f64 {
        match self {
            Linear::Mul { origin, a, b } => (x - origin) * a + b,
            Linear::Div {
                sign,
                scale,
                den,
                b,
            } => sign * (x / scale / den) + b,
        }
    }

    /// Benefit x / den, cost 1 - x / den, for a ratio statistic `den` (plain, as summed)
    /// and the same statistic in units of max|x| (`scaled`, computed only when needed).
    /// A zero statistic (all-zero column) gives the constant `zero_value`, reflected for
    /// a cost criterion.
    fn ratio(
        stats: &ColumnStats,
        den: f64,
        scaled: impl FnOnce(f64) -> f64,
        direction: Direction,
        zero_value: f64,
    ) -> Linear {
        let (sign, b) = match direction {
            Direction::Max => (1.0, 0.0),
            Direction::Min => (-1.0, 1.0),
        };
        let scale = stats.max_abs();
        if scale == 0.0 {
            let r = zero_value * sign + b;
            return Linear::Mul {
                origin: 0.0,
                a: 0.0,
                b: r,
            };
        }
        if den.is_finite() && den >= 1e-280 {
            return Linear::Mul {
                origin: 0.0,
                a: sign / den,
                b,
            };
        }
        Linear::Div {
            sign,
            scale,
            den: scaled(scale),
            b,
        }
    }

    /// Vector normalisation's map; `values` is read again only for extreme columns.
    pub(crate) fn vector<I: Iterator<Item = f64>>(
        stats: &ColumnStats,
        values: impl FnOnce() -> I,
        direction: Direction,
    ) -> Linear {
        let zero = if stats.len == 0 {
            0.0
        } else {
            1.0 / (stats.len as f64).sqrt()
        };
        let den = if stats.sum_sq > 1e-280 {
            stats.sum_sq.sqrt()
        } else {
            0.0 // underflowed: take the scaled path
        };
        let scaled = |m: f64| values().map(|x| (x / m) * (x / m)).sum::<f64>().sqrt();
        Linear::ratio(stats, den, scaled, direction, zero)
    }

    /// Max normalisation's map.
    pub(crate) fn max(stats: &ColumnStats, direction: Direction) -> Linear {
        Linear::ratio(stats, stats.max_abs(), |_| 1.0, direction, 1.0)
    }

    /// Sum normalisation's map; `values` is read again only for extreme columns.
    pub(crate) fn sum<I: Iterator<Item = f64>>(
        stats: &ColumnStats,
        values: impl FnOnce() -> I,
        direction: Direction,
    ) -> Linear {
        let zero = if stats.len == 0 {
            0.0
        } else {
            1.0 / stats.len as f64
        };
        let scaled = |m: f64| values().map(|x| x.abs() / m).sum::<f64>();
        Linear::ratio(stats, stats.sum_abs, scaled, direction, zero)
    }

    /// Min-max's map with the conventions of [`min_max`]: benefit (x - min)/(max - min),
    /// cost (max - x)/(max - min), a constant column (or a range that overflows) 1.
    pub(crate) fn min_max(stats: &ColumnStats, direction: Direction) -> Linear {
        let range = stats.max - stats.min;
        if range.is_nan() || range <= 0.0 || range.is_infinite() {
            return Linear::Mul {
                origin: 0.0,
                a: 0.0,
                b: 1.0,
            };
        }
        let (origin, sign) = match direction {
            Direction::Max => (stats.min, 1.0),
            Direction::Min => (stats.max, -1.0),
        };
        if range >= 1e-280 {
            Linear::Mul {
                origin,
                a: sign / range,
                b: 0.0,
            }
        } else {
            // a tiny range: 1/range would overflow, so divide
            Linear::Div {
                sign,
                scale: 1.0,
                den: range,
                b: 0.0,
            }
        }
    }
}

fn apply(column: &[f64], map: Linear) -> Vec<f64> {
    column.iter().map(|&x| map.apply(x)).collect()
}

/// Vector normalisation (Hwang and Yoon 1981): benefit r = x / √Σx², cost r = 1 - x / √Σx².
///
/// The cost reflection keeps every difference between alternatives, so TOPSIS on it is
/// identical to Hwang and Yoon's TOPSIS (which takes the column minimum as a cost
/// criterion's ideal). A constant column gives every alternative 1/√m (cost 1 - 1/√m);
/// an all-zero column is treated as the limit of a positive constant column.
pub fn vector(column: &[f64], direction: Direction) -> Vec<f64> {
    let stats = ColumnStats::of(column);
    apply(
        column,
        Linear::vector(&stats, || column.iter().copied(), direction),
    )
}

/// Max (linear ratio) normalisation: benefit r = x / max|x|, cost r = 1 - x / max|x|.
///
/// For the non-negative data this tool scores, max|x| is the column maximum. A positive
/// constant column gives every alternative 1 (cost 0); an all-zero column likewise.
pub fn max(column: &[f64], direction: Direction) -> Vec<f64> {
    apply(column, Linear::max(&ColumnStats::of(column), direction))
}

/// Sum normalisation: benefit r = x / Σ|x|, cost r = 1 - x / Σ|x| (shares of the total).
///
/// A positive constant column gives every alternative 1/m (cost 1 - 1/m); an all-zero
/// column likewise.
pub fn sum(column: &[f64], direction: Direction) -> Vec<f64> {
    let stats = ColumnStats::of(column);
    apply(
        column,
        Linear::sum(&stats, || column.iter().copied(), direction),
    )
}

/// Applies a value function to a column.
pub fn value_function(column: &[f64], function: ValueFunction) -> Vec<f64> {
    column.iter().map(|&x| function.value(x)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benefit_and_cost() {
        let col = [Some(2.0), Some(4.0), Some(3.0)];
        assert_eq!(min_max(&col, Direction::Max), vec![0.0, 1.0, 0.5]);
        assert_eq!(min_max(&col, Direction::Min), vec![1.0, 0.0, 0.5]);
    }

    #[test]
    fn constant_and_empty_columns() {
        assert_eq!(
            min_max(&[Some(7.0), Some(7.0)], Direction::Min),
            vec![1.0, 1.0]
        );
        assert_eq!(min_max(&[None, Some(7.0)], Direction::Max), vec![0.0, 1.0]);
        assert_eq!(min_max(&[None, None], Direction::Max), vec![0.0, 0.0]);
    }
}

#[cfg(test)]
#[path = "column_scaling_tests.rs"]
mod ratio_tests;
