//! VIKOR against published numbers: Opricovic and Tzeng (2004, 2007), Papathanasiou and
//! Ploskas (2018), and the reference implementations' own vectors.

use super::*;
use crate::decision::DEFAULT_V;
use Direction::{Max, Min};

fn close(got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() <= tol, "got {got:?}, want {want:?}");
    }
}

fn details(out: &MethodOutput) -> &VikorDetails {
    match &out.details {
        MethodDetails::Vikor(d) => d,
        other => panic!("not vikor: {other:?}"),
    }
}

fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    v.sort_unstable();
    v
}

/// Opricovic and Tzeng (2004), EJOR 156:445-455, the numerical example (risk, a cost
/// criterion, and altitude), as encoded in scikit-criteria
/// `tests/agg/test_vikor.py::test_VIKOR_opricovic2004compromise`.
#[test]
fn opricovic_tzeng_2004() {
    let m = vec![vec![1.0, 3000.0], vec![2.0, 3750.0], vec![5.0, 4500.0]];
    let out = vikor(&m, &[Min, Max], &[0.5, 0.5], DEFAULT_V).unwrap();
    let d = details(&out);
    close(&d.s, &[0.5, 0.375, 0.5], 1e-12);
    close(&d.r, &[0.5, 0.25, 0.5], 1e-12);
    close(&d.q, &[1.0, 0.0, 1.0], 1e-12);
    assert!(d.acceptable_advantage && d.acceptable_stability);
    assert_eq!(d.compromise, vec![1]);
    assert_eq!(out.ranks, vec![2, 1, 2]);
    assert!(!out.higher_is_better);
}

/// Opricovic and Tzeng (2007), "Extended VIKOR method in comparison with outranking
/// methods", EJOR 178:514-529, the reservoir example with its four weight sets W1-W4, as
/// encoded in scikit-criteria `tests/agg/test_vikor.py::test_VIKOR_opricovic2007extended`.
/// S, R and Q are published to 3 decimals: tolerance half a unit in the 3rd decimal.
#[test]
fn opricovic_tzeng_2007_four_weight_sets() {
    let m = vec![
        vec![4184.3, 2914.0, 407.2, 251.0, 195.0, 244.0, 15.0, 2.41],
        vec![5211.9, 3630.0, 501.7, 308.3, 282.0, 346.0, 21.0, 1.41],
        vec![5021.3, 3920.5, 504.0, 278.6, 12.0, 56.0, 3.0, 4.42],
        vec![5566.1, 3957.9, 559.5, 335.3, 167.0, 268.0, 16.0, 3.36],
        vec![5060.5, 3293.5, 514.1, 284.2, 69.0, 90.0, 7.0, 4.04],
        vec![4317.9, 2925.9, 432.8, 239.3, 12.0, 55.0, 3.0, 4.36],
    ];
    let dirs = [Max, Min, Max, Max, Min, Min, Min, Max];
    type Case = (
        [f64; 8],
        [f64; 6],
        [f64; 6],
        [f64; 6],
        [usize; 6],
        bool,
        Vec<usize>,
    );
    let cases: Vec<Case> = vec![
        (
            [1.0; 8],
            [0.125, 0.125, 0.121, 0.125, 0.067, 0.125],
            [0.692, 0.7, 0.29, 0.423, 0.28, 0.346],
            [0.991, 1.0, 0.473, 0.670, 0.0, 0.578],
            [5, 6, 2, 4, 1, 3],
            true,
            vec![4],
        ),
        (
            [2.0, 2.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0],
            [0.167, 0.114, 0.161, 0.167, 0.089, 0.167],
            [0.701, 0.6, 0.386, 0.365, 0.317, 0.459],
            [1.0, 0.533, 0.552, 0.563, 0.0, 0.686],
            [6, 2, 3, 4, 1, 5],
            true,
            vec![4],
        ),
        (
            [1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0],
            [0.113, 0.167, 0.08, 0.122, 0.044, 0.083],
            [0.683, 0.8, 0.193, 0.48, 0.243, 0.232],
            [0.684, 1.0, 0.147, 0.554, 0.041, 0.191],
            [5, 6, 2, 4, 1, 3],
            false,
            vec![2, 4, 5],
        ),
        (
            [1.0, 1.0, 1.0, 1.0, 3.2, 3.2, 3.2, 3.2],
            [0.129, 0.190, 0.057, 0.139, 0.042, 0.060],
            [0.678, 0.857, 0.138, 0.513, 0.222, 0.167],
            [0.668, 1.0, 0.051, 0.588, 0.058, 0.078],
            [5, 6, 1, 4, 2, 3],
            false,
            vec![2, 4, 5],
        ),
    ];
    for (raw, r, s, q, ranks, advantage, compromise) in cases {
        let total: f64 = raw.iter().sum();
        let w: Vec<f64> = raw.iter().map(|x| x / total).collect();
        let out = vikor(&m, &dirs, &w, DEFAULT_V).unwrap();
        let d = details(&out);
        close(&d.r, &r, 0.5e-3);
        close(&d.s, &s, 0.5e-3);
        close(&d.q, &q, 0.5e-3);
        assert_eq!(out.ranks, ranks.to_vec());
        assert_eq!(d.acceptable_advantage, advantage);
        assert!(d.acceptable_stability);
        assert_eq!(sorted(d.compromise.clone()), compromise);
    }
}

/// Papathanasiou and Ploskas (2018), *Multiple Criteria Decision Aid*, Springer, ch. 2
/// (VIKOR), v = 0.625, as encoded in pyrepo-mcda `tests/test_mcda_methods.py::Test_VIKOR`
/// (Q to 3 decimals).
#[test]
fn papathanasiou_ploskas_2018() {
    let m = vec![
        vec![8.0, 7.0, 2.0, 1.0],
        vec![5.0, 3.0, 7.0, 5.0],
        vec![7.0, 5.0, 6.0, 4.0],
        vec![9.0, 9.0, 7.0, 3.0],
        vec![11.0, 10.0, 3.0, 7.0],
        vec![6.0, 9.0, 5.0, 4.0],
    ];
    let out = vikor(&m, &[Max; 4], &[0.4, 0.3, 0.1, 0.2], 0.625).unwrap();
    close(
        &out.scores,
        &[0.640, 1.000, 0.693, 0.271, 0.000, 0.694],
        0.5e-3,
    );
    // The book's ranking (pyrepo-mcda Test_Rank_preferences): [3, 6, 4, 2, 1, 5].
    assert_eq!(out.ranks, vec![3, 6, 4, 2, 1, 5]);
}

/// scikit-criteria `tests/agg/test_vikor.py::test_VIKOR` (C1 fails, so the compromise set
/// is every alternative within DQ of the first) and `test_VIKOR_tied` (two share the best
/// Q). These are the library's own vectors, not a paper's.
#[test]
fn scikit_criteria_compromise_sets() {
    let m = vec![
        vec![5.0, 8.0, 4.0],
        vec![7.0, 6.0, 8.0],
        vec![8.0, 8.0, 6.0],
        vec![7.0, 4.0, 6.0],
    ];
    let out = vikor(&m, &[Max; 3], &[0.3, 0.4, 0.3], DEFAULT_V).unwrap();
    let d = details(&out);
    close(&d.r, &[0.3, 0.2, 0.15, 0.4], 1e-12);
    close(&d.s, &[0.6, 0.3, 0.15, 0.65], 1e-12);
    close(&d.q, &[0.75, 0.25, 0.0, 1.0], 1e-12);
    assert!(!d.acceptable_advantage && d.acceptable_stability);
    assert_eq!(sorted(d.compromise.clone()), vec![1, 2]);

    let m = vec![
        vec![4.0, 4.0, 4.0],
        vec![7.0, 6.0, 8.0],
        vec![8.0, 8.0, 6.0],
        vec![6.0, 8.0, 8.0],
    ];
    let out = vikor(&m, &[Max; 3], &[0.3, 0.4, 0.3], DEFAULT_V).unwrap();
    let d = details(&out);
    close(&d.q, &[1.0, 0.17352941, 0.0, 0.0], 1e-8);
    assert!(!d.acceptable_advantage && d.acceptable_stability);
    assert_eq!(sorted(d.compromise.clone()), vec![1, 2, 3]);
    assert_eq!(out.ranks, vec![4, 3, 1, 1]);
}

/// scikit-criteria `tests/agg/test_vikor.py::test_VIKOR_acceptable_advantage_but_not_stability`:
/// C1 holds, C2 fails, so the compromise set is {a', a''}.
#[test]
fn advantage_without_stability() {
    let m = vec![
        vec![1.0, 101.0, 1.0, 101.0, 1.0],
        vec![101.0, 1.0, 101.0, 1.0, 101.0],
        vec![1.0, 1.0, 1.0, 1.0, 101.0],
        vec![11.0, 11.0, 11.0, 16.0, 61.0],
        vec![56.0, 56.0, 56.0, 56.0, 56.0],
    ];
    let out = vikor(&m, &[Min; 5], &[0.2; 5], DEFAULT_V).unwrap();
    let d = details(&out);
    close(&d.r, &[0.2, 0.2, 0.2, 0.12, 0.11], 1e-12);
    close(&d.s, &[0.4, 0.6, 0.2, 0.21, 0.55], 1e-12);
    close(&d.q, &[0.75, 1.0, 0.5, 0.068, 0.4375], 0.5e-3);
    assert!(d.acceptable_advantage && !d.acceptable_stability);
    assert_eq!(d.compromise, vec![3, 4]);
    assert_eq!(out.ranks, vec![4, 5, 3, 1, 2]);
}

/// pymcdm `pymcdm/methods/vikor.py` docstring example: Q = [0.5679, 0.7667, 1, 0.7493, 0].
#[test]
fn pymcdm_docstring() {
    let m = vec![
        vec![78.0, 56.0, 34.0, 6.0],
        vec![4.0, 45.0, 3.0, 97.0],
        vec![18.0, 2.0, 50.0, 63.0],
        vec![9.0, 14.0, 11.0, 92.0],
        vec![85.0, 9.0, 100.0, 29.0],
    ];
    let out = vikor(&m, &[Max; 4], &[0.25; 4], DEFAULT_V).unwrap();
    close(&out.scores, &[0.5679, 0.7667, 1.0, 0.7493, 0.0], 0.5e-4);
}

#[test]
fn guards_and_parameters() {
    assert_eq!(
        vikor(&[vec![1.0]], &[Max], &[1.0], 1.5)
            .unwrap_err()
            .to_string(),
        "vikor `v` is `1.5`, expected a number in [0, 1]"
    );
    // One alternative: it is the compromise. Constant columns: S = R = Q = 0, a tie.
    let one = vikor(&[vec![3.0, 4.0]], &[Max, Min], &[0.5, 0.5], 0.5).unwrap();
    assert_eq!(details(&one).compromise, vec![0]);
    let flat = vec![vec![2.0, 2.0], vec![2.0, 2.0], vec![2.0, 2.0]];
    let out = vikor(&flat, &[Max, Min], &[0.5, 0.5], 0.5).unwrap();
    assert_eq!(out.scores, vec![0.0; 3]);
    assert_eq!(out.ranks, vec![1, 1, 1]);
    let tiny = vec![vec![1e-320, 0.0], vec![0.0, 1e-320], vec![5e-321, 5e-321]];
    let out = vikor(&tiny, &[Max, Min], &[0.5, 0.5], 0.5).unwrap();
    assert!(out.scores.iter().all(|q| q.is_finite()), "{out:?}");
    assert_eq!(out.ranks, vec![1, 3, 2]);
    let big = vec![vec![f64::MAX, -f64::MAX], vec![-f64::MAX, f64::MAX]];
    let out = vikor(&big, &[Max, Min], &[0.5, 0.5], 0.5).unwrap();
    assert!(out.scores.iter().all(|q| q.is_finite()), "{out:?}");
}
