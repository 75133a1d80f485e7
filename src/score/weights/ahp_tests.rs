//! AHP against Saaty (1990) and Papathanasiou and Ploskas (2018).

use super::*;

fn close(got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() <= tol, "got {got:?}, want {want:?}");
    }
}

/// Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48:9-26,
/// the house-buying example: the 8 x 8 matrix of criteria (size, transportation,
/// neighbourhood, age, yard, modern facilities, general condition, financing). Published:
/// priorities .173 .054 .188 .018 .031 .036 .167 .333, λmax = 9.669, CI = 0.238,
/// CR = 0.169 (with RI(8) = 1.41).
#[test]
fn saaty_1990_house() {
    let a = vec![
        vec![1.0, 5.0, 3.0, 7.0, 6.0, 6.0, 1.0 / 3.0, 1.0 / 4.0],
        vec![
            1.0 / 5.0,
            1.0,
            1.0 / 3.0,
            5.0,
            3.0,
            3.0,
            1.0 / 5.0,
            1.0 / 7.0,
        ],
        vec![1.0 / 3.0, 3.0, 1.0, 6.0, 3.0, 4.0, 6.0, 1.0 / 5.0],
        vec![
            1.0 / 7.0,
            1.0 / 5.0,
            1.0 / 6.0,
            1.0,
            1.0 / 3.0,
            1.0 / 4.0,
            1.0 / 7.0,
            1.0 / 8.0,
        ],
        vec![
            1.0 / 6.0,
            1.0 / 3.0,
            1.0 / 3.0,
            3.0,
            1.0,
            1.0 / 2.0,
            1.0 / 5.0,
            1.0 / 6.0,
        ],
        vec![
            1.0 / 6.0,
            1.0 / 3.0,
            1.0 / 4.0,
            4.0,
            2.0,
            1.0,
            1.0 / 5.0,
            1.0 / 6.0,
        ],
        vec![3.0, 5.0, 1.0 / 6.0, 7.0, 5.0, 5.0, 1.0, 1.0 / 2.0],
        vec![4.0, 7.0, 5.0, 8.0, 6.0, 6.0, 2.0, 1.0],
    ];
    let r = ahp(&a).unwrap();
    close(
        &r.weights,
        &[0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333],
        0.5e-3,
    );
    assert!((r.lambda_max - 9.669).abs() <= 0.5e-3, "{r:?}");
    assert!((r.consistency_index - 0.238).abs() <= 0.5e-3, "{r:?}");
    assert!((r.consistency_ratio - 0.169).abs() <= 0.5e-3, "{r:?}");
    assert_eq!(r.random_index, 1.41);
    assert!(!r.is_consistent());
    // The eigen-equation holds to the stopping tolerance.
    for (i, row) in a.iter().enumerate() {
        let aw: f64 = row.iter().zip(&r.weights).map(|(x, w)| x * w).sum();
        assert!((aw - r.lambda_max * r.weights[i]).abs() < 1e-10);
    }
}

/// Papathanasiou and Ploskas (2018), *Multiple Criteria Decision Aid*, Springer, ch. 5
/// (AHP), as encoded in pyrepo-mcda `tests/test_mcda_methods_2.py::Test_AHP`: criteria
/// weights from a 4 x 4 matrix, local priorities of six alternatives from four 6 x 6
/// matrices (all by eigenvector), global priorities Σ_j w_j s_ij published to 3 decimals
/// as [0.117, 0.071, 0.095, 0.212, 0.350, 0.155].
#[test]
fn papathanasiou_ploskas_2018_classic_ahp() {
    let third = 1.0 / 3.0;
    let criteria = vec![
        vec![1.0, 1.0, 5.0, 3.0],
        vec![1.0, 1.0, 5.0, 3.0],
        vec![0.2, 0.2, 1.0, third],
        vec![third, third, 3.0, 1.0],
    ];
    let (s5, s7, s9) = (0.2, 1.0 / 7.0, 1.0 / 9.0);
    let local = [
        vec![
            vec![1.0, 5.0, 1.0, 1.0, third, 3.0],
            vec![s5, 1.0, third, s5, s7, 1.0],
            vec![1.0, 3.0, 1.0, third, s5, 1.0],
            vec![1.0, 5.0, 3.0, 1.0, third, 3.0],
            vec![3.0, 7.0, 5.0, 3.0, 1.0, 7.0],
            vec![third, 1.0, 1.0, third, s7, 1.0],
        ],
        vec![
            vec![1.0, 7.0, 3.0, third, third, third],
            vec![s7, 1.0, third, s7, s9, s7],
            vec![third, 3.0, 1.0, s5, s5, s5],
            vec![3.0, 7.0, 5.0, 1.0, 1.0, 1.0],
            vec![3.0, 9.0, 5.0, 1.0, 1.0, 1.0],
            vec![3.0, 7.0, 5.0, 1.0, 1.0, 1.0],
        ],
        vec![
            vec![1.0, s9, s7, s9, 1.0, s5],
            vec![9.0, 1.0, 1.0, 1.0, 5.0, 3.0],
            vec![7.0, 1.0, 1.0, 1.0, 5.0, 1.0],
            vec![9.0, 1.0, 1.0, 1.0, 7.0, 3.0],
            vec![1.0, s5, s5, s7, 1.0, third],
            vec![5.0, third, 1.0, third, 3.0, 1.0],
        ],
        vec![
            vec![1.0, s5, s5, third, s7, s5],
            vec![5.0, 1.0, 1.0, 3.0, third, 1.0],
            vec![5.0, 1.0, 1.0, 1.0, third, 1.0],
            vec![3.0, third, 1.0, 1.0, s7, 1.0],
            vec![7.0, 3.0, 3.0, 7.0, 1.0, 5.0],
            vec![5.0, 1.0, 1.0, 1.0, s5, 1.0],
        ],
    ];
    let w = ahp(&criteria).unwrap().weights;
    let mut global = [0.0; 6];
    for (wj, matrix) in w.iter().zip(&local) {
        let s = ahp(matrix).unwrap().weights;
        for (g, x) in global.iter_mut().zip(s) {
            *g += wj * x;
        }
    }
    close(&global, &[0.117, 0.071, 0.095, 0.212, 0.350, 0.155], 0.5e-3);
}

/// A perfectly consistent matrix a_ij = w_i / w_j returns w, λmax = n and CR = 0.
#[test]
fn consistent_matrix() {
    let w = [0.5, 0.3, 0.2];
    let a: Vec<Vec<f64>> = w
        .iter()
        .map(|x| w.iter().map(|y| x / y).collect())
        .collect();
    let r = ahp(&a).unwrap();
    close(&r.weights, &w, 1e-12);
    assert!((r.lambda_max - 3.0).abs() < 1e-12);
    assert!(r.consistency_ratio < 1e-12 && r.is_consistent());
    let one = ahp(&[vec![1.0]]).unwrap();
    assert_eq!(one.weights, vec![1.0]);
    assert_eq!(one.consistency_ratio, 0.0);
    let two = ahp(&[vec![1.0, 3.0], vec![1.0 / 3.0, 1.0]]).unwrap();
    close(&two.weights, &[0.75, 0.25], 1e-12);
    assert_eq!(two.consistency_ratio, 0.0);
}

#[test]
fn bad_matrices_are_refused() {
    assert_eq!(
        ahp(&[vec![1.0, 3.0], vec![0.5, 1.0]]).unwrap_err().to_string(),
        "pairwise comparisons are not reciprocal: `[0][1]` is `3` but `[1][0]` is `0.5`, expected their product to be 1"
    );
    assert_eq!(
        ahp(&[vec![1.0, 0.0], vec![0.0, 1.0]])
            .unwrap_err()
            .to_string(),
        "pairwise comparison `[0][1]` is `0`, expected a finite number > 0"
    );
    assert_eq!(
        ahp(&[vec![2.0]]).unwrap_err().to_string(),
        "pairwise comparison `[0][0]` is `2`, expected 1"
    );
    assert!(matches!(
        ahp(&[vec![1.0, 2.0], vec![0.5]]),
        Err(ScoreError::NotSquare { row: 1, .. })
    ));
    let big = vec![vec![1.0; 11]; 11];
    assert_eq!(
        ahp(&big).unwrap_err().to_string(),
        "the random-index table covers 1 to `10` criteria, got `11` (split the comparison into groups)"
    );
    // Two-decimal reciprocals are accepted; a product 10% off is not.
    assert!(ahp(&[vec![1.0, 3.0], vec![0.33, 1.0]]).is_ok());
    assert!(ahp(&[vec![1.0, 8.0], vec![0.13, 1.0]]).is_ok());
    assert!(ahp(&[vec![1.0, 3.0], vec![0.3, 1.0]]).is_err());
}
