//! The ratio normalisations and the value function: hand-worked columns and edge cases.

use super::*;

/// Vector normalisation, Hwang and Yoon (1981): the scikit-criteria test
/// `tests/agg/test_similarity.py::test_TOPSIS_tzeng2011multiple` scales the column
/// [5, 7, 8, 7] by √187 = 13.6748 (Tzeng and Huang 2011, TOPSIS example).
#[test]
fn vector_benefit_and_cost() {
    let col = [5.0, 7.0, 8.0, 7.0];
    let r = vector(&col, Direction::Max);
    let norm = 187.0_f64.sqrt();
    for (got, x) in r.iter().zip(col) {
        assert!((got - x / norm).abs() < 1e-15);
    }
    let c = vector(&col, Direction::Min);
    for (got, x) in c.iter().zip(col) {
        assert!((got - (1.0 - x / norm)).abs() < 1e-15);
    }
    // Zero column: the limit of a positive constant column, 1/√m.
    assert_eq!(vector(&[0.0; 4], Direction::Max), vec![0.5; 4]);
    assert_eq!(vector(&[3.0; 4], Direction::Min), vec![0.5; 4]);
    // No overflow at the edge of f64.
    let big = vector(&[1e300, 1e300], Direction::Max);
    assert!((big[0] - 0.5_f64.sqrt()).abs() < 1e-15, "{big:?}");
    let tiny = vector(&[1e-300, 3e-300], Direction::Max);
    assert!((tiny[1] - 3.0 / 10.0_f64.sqrt()).abs() < 1e-15, "{tiny:?}");
}

#[test]
fn max_and_sum() {
    let col = [2.0, 4.0, 0.0];
    assert_eq!(max(&col, Direction::Max), vec![0.5, 1.0, 0.0]);
    assert_eq!(max(&col, Direction::Min), vec![0.5, 0.0, 1.0]);
    let close = |got: Vec<f64>, want: [f64; 3]| {
        assert!(
            got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-15),
            "{got:?}"
        );
    };
    close(sum(&col, Direction::Max), [1.0 / 3.0, 2.0 / 3.0, 0.0]);
    close(sum(&col, Direction::Min), [2.0 / 3.0, 1.0 / 3.0, 1.0]);
    assert_eq!(max(&[0.0, 0.0], Direction::Max), vec![1.0, 1.0]);
    assert_eq!(max(&[0.0, 0.0], Direction::Min), vec![0.0, 0.0]);
    assert_eq!(sum(&[0.0, 0.0], Direction::Max), vec![0.5, 0.5]);
    assert_eq!(sum(&[7.0, 7.0], Direction::Max), vec![0.5, 0.5]);
    let huge = sum(&[f64::MAX, f64::MAX], Direction::Max);
    assert_eq!(huge, vec![0.5, 0.5]);
}

/// "A price at or below 3 is worth 1, at or above 9 worth 0, linear between."
#[test]
fn value_function_price() {
    let f = ValueFunction::new(3.0, 9.0).unwrap();
    assert_eq!(f.direction(), Direction::Min);
    let got = value_function(&[2.0, 3.0, 4.5, 6.0, 9.0, 12.0], f);
    assert_eq!(got, vec![1.0, 1.0, 0.75, 0.5, 0.0, 0.0]);
    let g = ValueFunction::new(0.99, 0.9).unwrap();
    assert_eq!(g.direction(), Direction::Max);
    assert!((g.value(0.945) - 0.5).abs() < 1e-12);
    assert_eq!(g.value(f64::MAX), 1.0);
    assert_eq!(g.value(-f64::MAX), 0.0);
    assert!(ValueFunction::new(1.0, 1.0).is_err());
    assert!(ValueFunction::new(f64::NAN, 1.0).is_err());
}
