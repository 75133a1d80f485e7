//! PROMETHEE II against published numbers: Papathanasiou and Ploskas (2018), Ziemba
//! (2019), Ziemba et al. (2017), the Brans and Mareschal six-site example, and pymcdm.

use super::*;
use Direction::{Max, Min};
use PreferenceFunction::*;

fn close(got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() <= tol, "got {got:?}, want {want:?}");
    }
}

fn flows(out: &MethodOutput) -> &PrometheeDetails {
    match &out.details {
        MethodDetails::Promethee(d) => d,
        other => panic!("not promethee: {other:?}"),
    }
}

fn normalised(raw: &[f64]) -> Vec<f64> {
    let total: f64 = raw.iter().sum();
    raw.iter().map(|w| w / total).collect()
}

/// pymcdm `pymcdm/methods/promethee_ii.py` and `partial/promethee_i.py` docstrings: usual
/// criterion, net flows [0.1, -0.3, 0.2], positive [0.55, 0.35, 0.6], negative
/// [0.45, 0.65, 0.4].
#[test]
fn pymcdm_docstring_usual() {
    let m = vec![
        vec![4.0, 3.0, 2.0],
        vec![3.0, 2.0, 4.0],
        vec![5.0, 1.0, 3.0],
    ];
    let out = promethee_ii(&m, &[Max; 3], &[0.5, 0.3, 0.2], &[Usual; 3]).unwrap();
    let d = flows(&out);
    close(&d.phi_net, &[0.1, -0.3, 0.2], 1e-12);
    close(&d.phi_plus, &[0.55, 0.35, 0.6], 1e-12);
    close(&d.phi_minus, &[0.45, 0.65, 0.4], 1e-12);
    assert_eq!(out.ranks, vec![2, 3, 1]);
}

/// Papathanasiou and Ploskas (2018), *Multiple Criteria Decision Aid*, Springer, ch. 3
/// (PROMETHEE), linear (type V) with q = 1, p = 2 on every criterion, as encoded in
/// pyrepo-mcda `tests/test_mcda_methods_2.py::Test_PROMETHEE_II` (2 decimals).
#[test]
fn papathanasiou_ploskas_2018_linear() {
    let m = vec![
        vec![8.0, 7.0, 2.0, 1.0],
        vec![5.0, 3.0, 7.0, 5.0],
        vec![7.0, 5.0, 6.0, 4.0],
        vec![9.0, 9.0, 7.0, 3.0],
        vec![11.0, 10.0, 3.0, 7.0],
        vec![6.0, 9.0, 5.0, 4.0],
    ];
    let f = [Linear { q: 1.0, p: 2.0 }; 4];
    let out = promethee_ii(&m, &[Max; 4], &[0.4, 0.3, 0.1, 0.2], &f).unwrap();
    close(
        &out.scores,
        &[-0.26, -0.52, -0.22, 0.36, 0.7, -0.06],
        0.5e-2,
    );
}

/// Ziemba (2019), "Towards strong sustainability management - a generalized PROSA
/// method", Sustainability 11(6):1555, PROMETHEE II reference results with per-criterion
/// linear thresholds and mixed directions, as encoded in pyrepo-mcda
/// `tests/test_mcda_methods_2.py::Test_PROMETHEE_II_2` (4 decimals).
#[test]
fn ziemba_2019_linear_mixed() {
    let columns: [[f64; 9]; 12] = [
        [
            38723.0, 34913.0, 25596.0, 34842.0, 22570.0, 39773.0, 19500.0, 34525.0, 16486.0,
        ],
        [
            33207.0, 32085.0, 2123.0, 32095.0, 1445.0, 17485.0, 868.0, 16958.0, 958.0,
        ],
        [0.0, 0.2, 5.0, 0.2, 0.2, 0.2, 99.0, 99.0, 99.0],
        [
            3375.0, 3127.0, 3547.0, 3115.0, 3090.0, 4135.0, 3160.0, 4295.0, 3653.0,
        ],
        [11.36, 12.78, 12.78, 12.86, 12.86, 17.0, 12.86, 17.0, 12.86],
        [-320.9, -148.4, -148.4, -9.9, -9.9, 0.0, -9.9, 0.0, -9.9],
        [
            203.7, 463.0, 356.2, 552.5, 295.0, 383.0, 264.0, 352.0, 264.0,
        ],
        [0.0, 11.7, 44.8, 11.7, 95.9, 95.9, 116.8, 116.8, 164.9],
        [0.0, 4.9, 10.7, 5.4, 11.2, 11.2, 11.2, 11.2, 11.2],
        [1.0, 1.0, 1.0, 3.5, 4.0, 4.0, 4.0, 4.0, 4.0],
        [21.5, 47.9, 27.7, 39.7, 1.5, 22.7, 2.7, 23.9, 1.0],
        [0.0, 3.7, 4.5, 10.3, 11.5, 11.5, 11.3, 11.3, 11.4],
    ];
    let m: Vec<Vec<f64>> = (0..9)
        .map(|i| columns.iter().map(|c| c[i]).collect())
        .collect();
    let w = normalised(&[
        0.3333, 0.1667, 0.1667, 0.3333, 0.25, 0.75, 1.0, 1.0, 0.4, 0.20, 0.40, 1.0,
    ]);
    let dirs = [Min, Min, Max, Min, Max, Max, Min, Max, Max, Min, Min, Max];
    let p = [
        2100.0, 5000.0, 50.0, 200.0, 5.0, 20.0, 100.0, 80.0, 4.0, 2.0, 23.0, 3.0,
    ];
    let q = [
        420.0, 1000.0, 10.0, 40.0, 1.0, 7.0, 50.0, 20.0, 1.0, 1.0, 4.6, 1.0,
    ];
    let f: Vec<_> = p.iter().zip(q).map(|(&p, q)| Linear { q, p }).collect();
    let out = promethee_ii(&m, &dirs, &w, &f).unwrap();
    let want = [
        -0.4143, -0.5056, -0.2317, -0.2892, 0.3313, 0.0619, 0.4296, 0.1626, 0.4554,
    ];
    close(&out.scores, &want, 0.5e-4);
}

/// Ziemba, Wątróbski, Zioło and Karczmarczyk (2017), "Using the PROSA method in offshore
/// wind farm location problems", Energies 10(11):1755, V-shape (type III) with
/// per-criterion p, as encoded in pyrepo-mcda
/// `tests/test_mcda_methods_2.py::Test_PROMETHEE_II_3` (4 decimals).
#[test]
fn ziemba_2017_v_shape() {
    let columns: [[f64; 4]; 12] = [
        [16347.0, 14219.0, 8160.0, 8160.0],
        [9.0, 8.5, 9.0, 8.5],
        [73.8, 55.0, 64.8, 62.5],
        [36.7, 36.0, 28.5, 29.5],
        [1.5, 2.0, 2.0, 1.5],
        [3730.0, 3240.0, 1860.0, 1860.0],
        [2.0, 1.0, 2.0, 1.0],
        [1.0, 1.0, 2.0, 3.0],
        [38.8, 33.1, 45.8, 27.3],
        [4.0, 2.0, 4.0, 3.0],
        [1720524.0, 1496512.0, 858830.0, 858830.0],
        [40012.0, 34803.0, 19973.0, 19973.0],
    ];
    let m: Vec<Vec<f64>> = (0..4)
        .map(|i| columns.iter().map(|c| c[i]).collect())
        .collect();
    let w = normalised(&[
        20.0, 5.0, 5.0, 1.67, 1.67, 11.67, 11.67, 5.0, 5.0, 16.67, 8.33, 8.33,
    ]);
    let dirs = [Min, Min, Min, Min, Min, Max, Min, Min, Max, Min, Max, Max];
    let p = [
        7280.0, 4.0, 13.4, 7.4, 3.0, 1662.0, 3.0, 3.0, 13.8, 3.0, 766240.0, 17820.0,
    ];
    let f: Vec<_> = p.iter().map(|&p| VShape { p }).collect();
    let out = promethee_ii(&m, &dirs, &w, &f).unwrap();
    close(&out.scores, &[-0.0445, 0.1884, -0.0954, -0.0485], 0.5e-4);
}

/// The six-site example of Brans and Mareschal (2005, ch. 5 of Figueira et al.) with all
/// six preference function types and equal weights, as encoded in
/// Construct-your-own-PROMETHEE-with-Python-for-MCDA (WAndraszyk)
/// `unit_tests/data/Example2Data.py` and `unit_tests/preference/test_PrometheePreference.py`.
/// That table is printed to 3 decimals but deviates from the exact type I-VI formulas by
/// up to 0.00096 (for instance π(a2, a1) = 2.7778/6 = 0.46296 is printed 0.462; the
/// reference itself compares with atol 0.006), so the π comparison uses 1e-3. The Gaussian
/// value is also checked exactly: F(2) with s = 5 is 1 - e^(-0.08).
#[test]
fn brans_mareschal_six_sites_all_types() {
    let m = vec![
        vec![80.0, 90.0, 6.0, 5.4, 8.0, 5.0],
        vec![65.0, 58.0, 2.0, 9.7, 1.0, 1.0],
        vec![83.0, 60.0, 4.0, 7.2, 4.0, 7.0],
        vec![40.0, 80.0, 10.0, 7.5, 7.0, 10.0],
        vec![52.0, 72.0, 6.0, 2.0, 3.0, 8.0],
        vec![94.0, 96.0, 7.0, 3.6, 5.0, 6.0],
    ];
    let dirs = [Min, Max, Min, Min, Min, Max];
    let f = [
        UShape { q: 10.0 },
        VShape { p: 30.0 },
        Linear { q: 0.5, p: 5.0 },
        Level { q: 1.0, p: 6.0 },
        Usual,
        Gaussian { s: 5.0 },
    ];
    let w = [1.0 / 6.0; 6];
    let want = [
        [0.000, 0.296, 0.250, 0.268, 0.100, 0.185],
        [0.462, 0.000, 0.389, 0.333, 0.296, 0.500],
        [0.236, 0.180, 0.000, 0.333, 0.056, 0.429],
        [0.399, 0.505, 0.305, 0.000, 0.223, 0.212],
        [0.444, 0.515, 0.487, 0.380, 0.000, 0.448],
        [0.286, 0.399, 0.250, 0.432, 0.133, 0.000],
    ];
    let pi = preference_indices(&m, &dirs, &w, &f).unwrap();
    for (got, want) in pi.iter().zip(want) {
        close(got, &want, 1e-3);
    }
    assert!((f[5].preference(2.0) - (1.0 - (-0.08_f64).exp())).abs() < 1e-15);
    // The flows are the row and column means of π.
    let out = promethee_ii(&m, &dirs, &w, &f).unwrap();
    let d = flows(&out);
    for a in 0..6 {
        let row: f64 = pi[a].iter().sum::<f64>() / 5.0;
        let col: f64 = pi.iter().map(|r| r[a]).sum::<f64>() / 5.0;
        assert!((d.phi_plus[a] - row).abs() < 1e-12);
        assert!((d.phi_minus[a] - col).abs() < 1e-12);
    }
    assert_eq!(out.ranks, vec![6, 2, 5, 3, 1, 4]);
}

#[test]
fn preference_function_shapes() {
    assert_eq!(Usual.preference(0.0), 0.0);
    assert_eq!(Usual.preference(1e-9), 1.0);
    assert_eq!(UShape { q: 2.0 }.preference(2.0), 0.0);
    assert_eq!(UShape { q: 2.0 }.preference(2.5), 1.0);
    assert_eq!(VShape { p: 4.0 }.preference(1.0), 0.25);
    assert_eq!(VShape { p: 4.0 }.preference(9.0), 1.0);
    assert_eq!(Level { q: 1.0, p: 3.0 }.preference(1.0), 0.0);
    assert_eq!(Level { q: 1.0, p: 3.0 }.preference(2.0), 0.5);
    assert_eq!(Level { q: 1.0, p: 3.0 }.preference(3.5), 1.0);
    assert_eq!(Linear { q: 1.0, p: 3.0 }.preference(2.0), 0.5);
    assert_eq!(Linear { q: 2.0, p: 2.0 }.preference(2.0), 0.0);
    assert_eq!(Linear { q: 2.0, p: 2.0 }.preference(2.1), 1.0);
    assert_eq!(Gaussian { s: 1.0 }.preference(f64::INFINITY), 1.0);
    assert_eq!(Gaussian { s: 1.0 }.preference(-3.0), 0.0);
}

#[test]
fn bad_parameters_are_refused() {
    let m = vec![vec![1.0, 2.0], vec![2.0, 1.0]];
    let run = |f: PreferenceFunction| promethee_ii(&m, &[Max, Min], &[0.5, 0.5], &[Usual, f]);
    assert_eq!(
        run(Linear { q: 3.0, p: 2.0 }).unwrap_err().to_string(),
        "criterion `1`: indifference threshold q `3` is greater than preference threshold p `2`"
    );
    assert_eq!(
        run(Gaussian { s: -1.0 }).unwrap_err().to_string(),
        "criterion `1`: gaussian parameter s is `-1`, expected a finite number > 0"
    );
    assert!(run(VShape { p: 0.0 }).is_err());
    assert!(run(UShape { q: -1.0 }).is_err());
    assert!(run(Level {
        q: 1.0,
        p: f64::INFINITY
    })
    .is_err());
    assert!(promethee_ii(&m, &[Max, Min], &[0.5, 0.5], &[Usual]).is_err());
    // One alternative: all flows 0.
    let one = promethee_ii(&[vec![1.0]], &[Max], &[1.0], &[Usual]).unwrap();
    assert_eq!(one.scores, vec![0.0]);
}
