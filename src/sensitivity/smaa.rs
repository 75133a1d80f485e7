//! SMAA-2 (Lahdelma and Salminen 2001, "SMAA-2: Stochastic multicriteria acceptability
//! analysis for group decision making", Operations Research 49(3):444-454).
//!
//! Each Monte Carlo iteration draws a weight vector from a [`WeightSampler`] and, with data
//! uncertainty, a decision matrix from a [`MatrixSampler`]; the vendors are scored and ranked.
//! Outputs, with `N` iterations:
//! - rank acceptability `b_i^r`: the share of iterations in which vendor `i` has rank `r`;
//! - central weight vector `w_i^c`: the mean weight vector over the iterations where `i` ranks
//!   first (`None` when it never does);
//! - confidence factor `p_i^c`: in a second pass of fresh matrix draws with the weights fixed
//!   at `w_i^c`, the share of iterations where `i` ranks first (without data uncertainty a
//!   single exact evaluation: 1, 0 or 1/t for a t-way tie);
//! - Monte Carlo standard errors `sqrt(b (1 - b) / N)`.
//!
//! Ties (scores within `TIE_EPSILON`): `t` vendors tied over ranks `r .. r + t - 1` each get
//! `1/t` of each of those ranks, so every vendor's acceptabilities sum to 1 over the ranks and
//! every rank's sum to 1 over the vendors; `tied_samples` counts the iterations with a tie.
//! Only counts and sums are accumulated (memory independent of `N`); the parallel loop and its
//! seeding are described in `engine`.

use std::sync::Mutex;

use serde::Serialize;

use super::engine::{self, CHUNK, MAX_CHUNKS};
use super::iteration::{
    check_terms, draw, first_place, rank_once, score, FirstAcc, RankAcc, Scratch,
};
pub use super::iteration::{MatrixSampler, SmaaRng};
use super::weights::{Proposal, WeightSampler};
use super::{check_matrix, Scorer, SensitivityError};
use crate::decision::WeightSpec;

/// The problem: how to score, the point-estimate matrix, the weights, the evidence.
#[derive(Clone, Copy)]
pub struct SmaaProblem<'a> {
    /// The scoring method (higher is better).
    pub scorer: &'a dyn Scorer,
    /// `matrix[vendor][criterion]`; used as is without data uncertainty, and as the shape
    /// (and initial contents) of each draw with it.
    pub matrix: &'a [Vec<f64>],
    /// The weight distribution (uniform, ranges, orderings).
    pub weights: &'a WeightSpec,
    /// Data uncertainty, or `None` for a fixed matrix.
    pub data: Option<&'a dyn MatrixSampler>,
}

/// Run settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SmaaOptions {
    /// Iterations `N` of the acceptability pass (at least 1).
    pub samples: u64,
    /// Iterations of the confidence-factor pass (with data uncertainty; 0 skips it).
    pub confidence_samples: u64,
    /// Seed of every random stream (see `engine` for how chunks derive theirs).
    pub seed: u64,
    /// Worker threads; 0 means the available parallelism. The result does not depend on it.
    pub threads: usize,
}

impl SmaaOptions {
    /// `samples` iterations in both passes, on all cores.
    pub fn new(samples: u64, seed: u64) -> Self {
        SmaaOptions {
            samples,
            confidence_samples: samples,
            seed,
            threads: 0,
        }
    }

    /// Total work reported through the progress callback.
    pub fn total_work(&self, with_data: bool) -> u64 {
        self.samples
            + if with_data {
                self.confidence_samples
            } else {
                0
            }
    }
}

/// SMAA-2 results; vendors and criteria in input order, ranks from 1 (index 0).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SmaaResult {
    /// `N`.
    pub samples: u64,
    /// `acceptability[i][r - 1]` = `b_i^r`.
    pub acceptability: Vec<Vec<f64>>,
    /// Monte Carlo standard error of each `b_i^r`, `sqrt(b (1 - b) / N)`.
    pub acceptability_se: Vec<Vec<f64>>,
    /// `w_i^c`, or `None` when vendor `i` never ranks first.
    pub central_weights: Vec<Option<Vec<f64>>>,
    /// `p_i^c`, or `None` when there is no central weight vector (or the pass was skipped).
    pub confidence: Vec<Option<f64>>,
    /// Standard error of `p_i^c` (0 when exact, without data uncertainty).
    pub confidence_se: Vec<Option<f64>>,
    /// Iterations of the confidence pass (0: exact evaluation, or skipped).
    pub confidence_samples: u64,
    /// Iterations in which at least two vendors tied.
    pub tied_samples: u64,
    /// The weight sampler's pilot acceptance rate (1 for exact samplers).
    pub weight_acceptance: f64,
    /// How the weights were drawn.
    pub weight_proposal: Proposal,
}

impl SmaaResult {
    /// Probability that vendor `i` ranks in the top `k` (`Σ_{r <= k} b_i^r`).
    pub fn k_best(&self, i: usize, k: usize) -> f64 {
        self.acceptability[i].iter().take(k).sum()
    }
}

/// Runs SMAA-2. `progress` receives the number of iterations done so far (both passes,
/// see [`SmaaOptions::total_work`]); pass `&|_| {}` for none.
pub fn smaa(
    problem: &SmaaProblem,
    options: &SmaaOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<SmaaResult, SensitivityError> {
    let (m, n) = check_matrix(problem.matrix)?;
    let max = MAX_CHUNKS * CHUNK;
    for samples in [options.samples, options.confidence_samples] {
        if samples > max {
            return Err(SensitivityError::TooManySamples { samples, max });
        }
    }
    if options.samples == 0 {
        return Err(SensitivityError::ZeroSamples);
    }
    let sampler = WeightSampler::new(problem.weights, n)?;
    let mut base_terms = Vec::new();
    let linear = problem.scorer.linear_terms(problem.matrix, &mut base_terms);
    if linear {
        check_terms(&base_terms, m, n)?;
    }
    let scratch = || Scratch::new(problem.matrix, &base_terms);
    let done = Mutex::new(0u64);
    let (seed, threads) = (options.seed, options.threads);

    // Pass 0: rank acceptabilities and central weights.
    let fresh = || RankAcc::new(m, n);
    let work = |s: &mut Scratch, rng: &mut SmaaRng, count: u64, acc: &mut RankAcc| {
        for _ in 0..count {
            sampler.sample(rng, &mut s.weights)?;
            if let Some(data) = problem.data {
                draw(problem.scorer, data, linear, s, rng)?;
            }
            score(problem.scorer, linear, s, None)?;
            rank_once(s, acc);
        }
        Ok(())
    };
    let acc = engine::run(
        options.samples,
        seed,
        0,
        threads,
        &done,
        progress,
        &fresh,
        &scratch,
        &work,
    )?;
    let big_n = options.samples as f64;
    let acceptability: Vec<Vec<f64>> = acc
        .counts
        .chunks(m)
        .map(|row| row.iter().map(|c| c / big_n).collect())
        .collect();
    let acceptability_se = acceptability
        .iter()
        .map(|row| row.iter().map(|&b| se(b, big_n)).collect())
        .collect();
    let central_weights: Vec<Option<Vec<f64>>> = (0..m)
        .map(|i| {
            let first = acc.counts[i * m];
            (first > 0.0).then(|| {
                acc.weight_sums[i * n..(i + 1) * n]
                    .iter()
                    .map(|w| w / first)
                    .collect()
            })
        })
        .collect();

    // Pass 1: confidence factors under each vendor's central weights.
    let (confidence, confidence_se, confidence_samples) = match problem.data {
        None => {
            let mut s = scratch();
            let mut p = Vec::with_capacity(m);
            for (i, cw) in central_weights.iter().enumerate() {
                p.push(match cw {
                    Some(cw) => Some(first_place(problem.scorer, linear, &mut s, i, cw)?),
                    None => None,
                });
            }
            let se = p.iter().map(|x| x.map(|_| 0.0)).collect();
            (p, se, 0)
        }
        Some(_) if options.confidence_samples == 0 => (vec![None; m], vec![None; m], 0),
        Some(data) => {
            let fresh = || FirstAcc(vec![0.0; m]);
            let work = |s: &mut Scratch, rng: &mut SmaaRng, count: u64, acc: &mut FirstAcc| {
                for _ in 0..count {
                    draw(problem.scorer, data, linear, s, rng)?;
                    for (i, cw) in central_weights.iter().enumerate() {
                        if let Some(cw) = cw {
                            acc.0[i] += first_place(problem.scorer, linear, s, i, cw)?;
                        }
                    }
                }
                Ok(())
            };
            let k = options.confidence_samples;
            let acc = engine::run(
                k, seed, 1, threads, &done, progress, &fresh, &scratch, &work,
            )?;
            let k_f = k as f64;
            let p: Vec<Option<f64>> = (0..m)
                .map(|i| central_weights[i].as_ref().map(|_| acc.0[i] / k_f))
                .collect();
            let se = p.iter().map(|x| x.map(|p| se(p, k_f))).collect();
            (p, se, k)
        }
    };
    Ok(SmaaResult {
        samples: options.samples,
        acceptability,
        acceptability_se,
        central_weights,
        confidence,
        confidence_se,
        confidence_samples,
        tied_samples: acc.ties,
        weight_acceptance: sampler.acceptance_rate(),
        weight_proposal: sampler.proposal(),
    })
}

/// Standard error of a proportion `p` estimated from `n` iterations.
fn se(p: f64, n: f64) -> f64 {
    (p * (1.0 - p) / n).max(0.0).sqrt()
}
