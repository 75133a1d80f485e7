//! Reproducibility of SMAA (byte-identical across thread counts, seeded), its progress
//! callback, and its errors.

use std::sync::Mutex;

use rand_distr::Distribution;

use super::smaa::{smaa, SmaaOptions, SmaaProblem, SmaaResult, SmaaRng};
use super::smaa_tests::identity;
use super::{Scorer, SensitivityError, WeightedSumScorer};
use crate::decision::Direction::Max;
use crate::decision::WeightSpec;

/// A 5 x 4 weighted-sum problem with ranges and an ordering, optionally with data
/// uncertainty (normal noise on every value).
fn noisy_run(seed: u64, threads: usize, samples: u64, with_data: bool) -> SmaaResult {
    let m: Vec<Vec<f64>> = (0..5)
        .map(|v| (0..4).map(|c| ((v * 7 + c * 3) % 5) as f64).collect())
        .collect();
    let scorer = WeightedSumScorer {
        directions: vec![Max; 4],
    };
    let noise = rand_distr::Normal::new(0.0, 0.8).unwrap();
    let base = m.clone();
    let draw = move |rng: &mut SmaaRng, out: &mut [Vec<f64>]| {
        for (o, b) in out.iter_mut().zip(&base) {
            for (x, y) in o.iter_mut().zip(b) {
                *x = y + noise.sample(rng);
            }
        }
    };
    let weights = WeightSpec {
        ranges: vec![Some((0.1, 0.5)), None, None, None],
        orderings: vec![vec![2, 3]],
    };
    let p = SmaaProblem {
        scorer: &scorer,
        matrix: &m,
        weights: &weights,
        data: if with_data { Some(&draw) } else { None },
    };
    let mut o = SmaaOptions::new(samples, seed);
    o.confidence_samples = samples / 2 + 17;
    o.threads = threads;
    smaa(&p, &o, &|_| {}).unwrap()
}

/// Bit patterns of every number in a result.
fn bits(r: &SmaaResult) -> Vec<u64> {
    let mut v: Vec<u64> = r
        .acceptability
        .iter()
        .flatten()
        .map(|x| x.to_bits())
        .collect();
    v.extend(
        r.central_weights
            .iter()
            .flatten()
            .flatten()
            .map(|x| x.to_bits()),
    );
    v.extend(r.confidence.iter().flatten().map(|x| x.to_bits()));
    v.extend([r.tied_samples, r.samples, r.weight_acceptance.to_bits()]);
    v
}

/// 1, 2 and 4 threads give byte-identical results, with and without data uncertainty, over
/// several chunks and a short last one (`engine`'s tests cover several rounds).
#[test]
fn thread_count_does_not_change_a_bit() {
    let samples = 3 * 4096 + 1234;
    for with_data in [true, false] {
        let one = noisy_run(11, 1, samples, with_data);
        assert_eq!(bits(&one), bits(&noisy_run(11, 2, samples, with_data)));
        assert_eq!(bits(&one), bits(&noisy_run(11, 4, samples, with_data)));
        assert_eq!(one, noisy_run(11, 0, samples, with_data));
    }
}

#[test]
fn a_seed_reproduces_and_another_differs() {
    assert_eq!(
        bits(&noisy_run(5, 2, 10_000, true)),
        bits(&noisy_run(5, 2, 10_000, true))
    );
    assert_ne!(
        bits(&noisy_run(5, 2, 10_000, true)),
        bits(&noisy_run(6, 2, 10_000, true))
    );
}

#[test]
fn progress_counts_both_passes_and_never_decreases() {
    let seen = Mutex::new(Vec::new());
    let m = vec![vec![1.0, 0.0], vec![0.0, 1.0]];
    let draw = |_: &mut SmaaRng, _: &mut [Vec<f64>]| {};
    let p = SmaaProblem {
        scorer: &identity(2),
        matrix: &m,
        weights: &WeightSpec::uniform(),
        data: Some(&draw),
    };
    let mut o = SmaaOptions::new(10_000, 1);
    o.confidence_samples = 5_000;
    o.threads = 2;
    smaa(&p, &o, &|d| seen.lock().unwrap().push(d)).unwrap();
    let seen = seen.into_inner().unwrap();
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    assert_eq!(seen.last().copied(), Some(o.total_work(true)));
    assert_eq!(o.total_work(true), 15_000);
}

#[test]
fn bad_input_is_an_error() {
    let m = vec![vec![1.0, 0.0], vec![0.0, 1.0]];
    let uniform = WeightSpec::uniform();
    let run = |matrix: &[Vec<f64>],
               weights: &WeightSpec,
               data: Option<&dyn super::MatrixSampler>,
               samples: u64| {
        let p = SmaaProblem {
            scorer: &identity(2),
            matrix,
            weights,
            data,
        };
        smaa(&p, &SmaaOptions::new(samples, 1), &|_| {})
    };
    let e = run(&m, &uniform, None, 0).unwrap_err();
    assert_eq!(e, SensitivityError::ZeroSamples);
    assert_eq!(
        e.to_string(),
        "`0` samples requested, SMAA needs at least `1` (try `10000`)"
    );
    assert!(matches!(
        run(&[vec![1.0, 0.0], vec![1.0]], &uniform, None, 10),
        Err(SensitivityError::RaggedRow { vendor: 1, .. })
    ));
    assert!(matches!(
        run(&[vec![1.0, f64::NAN]], &uniform, None, 10),
        Err(SensitivityError::NonFiniteValue { .. })
    ));
    let bad = WeightSpec {
        ranges: vec![Some((0.7, 1.0)), Some((0.5, 1.0))],
        orderings: vec![],
    };
    assert!(matches!(
        run(&m, &bad, None, 10),
        Err(SensitivityError::NoFeasibleWeights { .. })
    ));
    let nan = |_: &mut SmaaRng, out: &mut [Vec<f64>]| out[1][0] = f64::NAN;
    assert!(matches!(
        run(&m, &uniform, Some(&nan), 10_000),
        Err(SensitivityError::NonFiniteDraw {
            vendor: 1,
            criterion: 0,
            ..
        })
    ));
    struct Short;
    impl Scorer for Short {
        fn scores(&self, _: &[Vec<f64>], _: &[f64]) -> Vec<f64> {
            vec![1.0]
        }
    }
    let p = SmaaProblem {
        scorer: &Short,
        matrix: &m,
        weights: &uniform,
        data: None,
    };
    assert!(matches!(
        smaa(&p, &SmaaOptions::new(10, 1), &|_| {}),
        Err(SensitivityError::BadScores {
            len: 1,
            expected: 2
        })
    ));
    // Directions that do not fit the matrix: an error, not a panic.
    let ws = WeightedSumScorer {
        directions: vec![Max; 3],
    };
    let p = SmaaProblem {
        scorer: &ws,
        matrix: &m,
        weights: &uniform,
        data: None,
    };
    assert!(matches!(
        smaa(&p, &SmaaOptions::new(10, 1), &|_| {}),
        Err(SensitivityError::BadScores {
            len: 0,
            expected: 2
        })
    ));
    assert!(matches!(
        super::break_even(&ws, &m, &[0.5, 0.5], 0),
        Err(SensitivityError::BadScores { .. })
    ));
}
