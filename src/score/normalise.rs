//! Normalisation of one criterion's column to 0..=1, where 1 is best.
//!
//! Min-max (linear scale transformation): benefit r = (x - min) / (max - min), cost
//! r = (max - x) / (max - min). A constant column gives every vendor 1, so it adds the
//! same to all scores and never divides by zero. A missing value (policy `worst`) gets 0.

use crate::criteria::Direction;

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
