//! Consensus and agreement against published numbers.

use super::*;

/// Six methods' rankings of ten battery electric vehicles from Ecer (2021), "A
/// consolidated MCDM framework for performance assessment of battery electric vehicles
/// based on ranking strategies", RSER 143:110916, as encoded in pyrepo-mcda
/// `tests/test_compromise_ranking.py::Test_Copeland`.
fn ecer_2021() -> Vec<Vec<usize>> {
    let by_alternative = [
        [7, 8, 7, 6, 7, 7],
        [4, 7, 5, 7, 5, 4],
        [8, 9, 8, 8, 9, 8],
        [1, 4, 1, 1, 1, 1],
        [2, 2, 2, 4, 3, 2],
        [3, 1, 4, 3, 2, 3],
        [10, 5, 10, 9, 8, 10],
        [6, 3, 6, 5, 4, 6],
        [9, 10, 9, 10, 10, 9],
        [5, 6, 3, 2, 6, 5],
    ];
    (0..6)
        .map(|k| by_alternative.iter().map(|r| r[k]).collect())
        .collect()
}

/// Ecer (2021) publishes the consensus [7, 6, 8, 1, 2, 3, 9, 5, 10, 4] under the name
/// "Copeland", but computes it (and pyrepo-mcda's `compromise_rankings.copeland`) as the
/// sum of m - rank over methods: that is a Borda count, which `borda` reproduces. Our
/// `copeland` is Copeland's pairwise-majority rule and ranks the same data differently,
/// with two ties: worked by hand from the pairwise margins.
#[test]
fn ecer_2021_borda_and_pairwise_copeland() {
    let r = ecer_2021();
    let b = borda(&r).unwrap();
    assert_eq!(b.ranks, vec![7, 6, 8, 1, 2, 3, 9, 5, 10, 4]);
    assert_eq!(
        b.scores,
        vec![18.0, 28.0, 10.0, 51.0, 45.0, 44.0, 8.0, 30.0, 3.0, 33.0]
    );
    let c = copeland(&r).unwrap();
    assert_eq!(
        c.scores,
        vec![-3.0, 1.0, -5.0, 9.0, 6.0, 6.0, -8.0, 0.0, -8.0, 2.0]
    );
    assert_eq!(c.ranks, vec![7, 5, 8, 1, 2, 2, 9, 6, 9, 4]);
}

/// Ties split the points of the places they share: ranks [1, 1, 3] give 1.5, 1.5, 0.
#[test]
fn borda_ties_by_hand() {
    let b = borda(&[vec![1, 1, 3], vec![3, 1, 2]]).unwrap();
    // first: 1.5, 1.5, 0; second: 0, 2, 1
    assert_eq!(b.scores, vec![1.5, 3.5, 1.0]);
    assert_eq!(b.ranks, vec![2, 1, 3]);
    // A Condorcet cycle: every pair is 2 to 1, Copeland ties all three.
    let cycle = [vec![1, 2, 3], vec![2, 3, 1], vec![3, 1, 2]];
    let c = copeland(&cycle).unwrap();
    assert_eq!(c.scores, vec![0.0; 3]);
    assert_eq!(c.ranks, vec![1, 1, 1]);
}

#[test]
fn consensus_errors() {
    assert_eq!(borda(&[]), Err(ScoreError::NoRankings));
    assert_eq!(
        copeland(&[vec![1, 2], vec![1]]).unwrap_err().to_string(),
        "`ranking` has `1` entries, expected `2`"
    );
    assert_eq!(
        borda(&[vec![1, 3]]).unwrap_err().to_string(),
        "ranking `0` has rank `3`, expected ranks from 1 to `2`"
    );
}

/// scipy `scipy.stats.spearmanr` docstring example: spearmanr([1, 2, 3, 4, 5],
/// [5, 6, 7, 8, 7]).statistic = 0.8207826816681233 (a tie in the second sample).
#[test]
fn spearman_scipy_example() {
    let rho = spearman_rho(&[1.0, 2.0, 3.0, 4.0, 5.0], &[5.0, 6.0, 7.0, 8.0, 7.0])
        .unwrap()
        .unwrap();
    assert!((rho - 0.8207826816681233).abs() < 1e-15, "{rho}");
}

/// scipy `scipy.stats.kendalltau` docstring example: kendalltau([12, 2, 1, 12, 2],
/// [1, 4, 7, 1, 0]).statistic = -0.47140452079103173 (tau-b, ties in both samples).
#[test]
fn kendall_scipy_example() {
    let tau = kendall_tau_b(&[12.0, 2.0, 1.0, 12.0, 2.0], &[1.0, 4.0, 7.0, 1.0, 0.0])
        .unwrap()
        .unwrap();
    assert!((tau - (-0.47140452079103173)).abs() < 1e-15, "{tau}");
}

#[test]
fn agreement_edges() {
    assert_eq!(
        average_ranks(&[10.0, 20.0, 20.0, 30.0]),
        vec![1.0, 2.5, 2.5, 4.0]
    );
    let same = [3.0, 1.0, 2.0];
    assert_eq!(spearman_rho(&same, &same), Ok(Some(1.0)));
    assert_eq!(kendall_tau_b(&same, &same), Ok(Some(1.0)));
    assert_eq!(kendall_tau_b(&same, &[1.0, 3.0, 2.0]), Ok(Some(-1.0)));
    assert_eq!(kendall_tau_b(&same, &[2.0, 1.0, 3.0]), Ok(Some(1.0 / 3.0)));
    assert_eq!(spearman_rho(&same, &[1.0, 1.0, 1.0]), Ok(None));
    assert_eq!(kendall_tau_b(&same, &[1.0, 1.0, 1.0]), Ok(None));
    assert_eq!(spearman_rho(&[1.0], &[1.0]), Ok(None));
    assert!(spearman_rho(&same, &[1.0]).is_err());
}
