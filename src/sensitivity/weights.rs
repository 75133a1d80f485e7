//! Weight distributions for SMAA: uniform on the simplex, uniform within per-criterion ranges,
//! uniform subject to orderings (`w_a >= w_b >= ...`), or ranges and orderings together.
//!
//! - **Simplex**: `n` independent Exp(1) draws `E_k` (ziggurat, `rand_distr::Exp1`), then
//!   `w_k = E_k / Σ E`: uniform on the simplex (normalised exponential spacings are distributed
//!   as uniform spacings; Devroye 1986, *Non-Uniform Random Variate Generation*, ch. V; the
//!   sorted-uniforms form is described for SMAA by Tervonen and Lahdelma 2007, *EJOR*
//!   178(2):500-513). Exact, no rejection.
//! - **Ordering only**: a uniform simplex draw whose entries at each chain's criteria are sorted
//!   in decreasing order along the chain. The uniform distribution on the simplex is
//!   exchangeable, so sorting maps it onto the uniform distribution on the ordered region
//!   (each of the k! orderings is an equal-volume mirror image). Exact, no rejection. Chains
//!   must be disjoint.
//! - **Ranges** (possibly with orderings): the ranges are first tightened along each chain
//!   (`lo_a >= lo_b` and `hi_b <= hi_a` when `a` must weigh at least `b`), then a proposal
//!   uniform on a region containing the feasible set is drawn and rejected until it is
//!   feasible, which yields the uniform distribution on the feasible set. Proposals:
//!   [`Proposal::Shifted`], `w = lo + (1 - Σ lo) u` with `u` uniform on the simplex over the
//!   criteria whose range is not a single point (uniform on `{w >= lo}`), and
//!   [`Proposal::Sorted`], the ordering draw above (only with an ordering). A fixed-seed pilot
//!   of [`PILOT_PROPOSALS`] draws measures each proposal's acceptance rate; the better one is
//!   used, and below [`MIN_ACCEPTANCE`] the constraints are reported as too tight to sample.
//!
//! Feasibility is checked exactly before sampling: for disjoint chains and box bounds,
//! feasible weights exist iff no tightened range is empty and `Σ lo' <= 1 <= Σ hi'`.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::Exp1;
use serde::Serialize;

use super::SensitivityError;
use crate::decision::WeightSpec;

/// Proposals drawn by the pilot that measures the rejection sampler's acceptance rate.
pub const PILOT_PROPOSALS: u64 = 50_000;
/// The lowest acceptance rate sampled; below it the constraints are reported as too tight.
pub const MIN_ACCEPTANCE: f64 = 1e-3;
/// The pilot's fixed seed (the proposal choice does not depend on the user's seed).
const PILOT_SEED: u64 = 0x05EE_D5AA_2001;
/// Gives up on one sample after this many rejected proposals (never reached in practice:
/// with an acceptance rate of at least `MIN_ACCEPTANCE` the chance is below e^-1000).
const MAX_ATTEMPTS: u64 = 1_000_000;
/// Tolerance of the feasibility checks on sums of bounds.
const SUM_TOLERANCE: f64 = 1e-12;

/// How a [`WeightSampler`] draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Proposal {
    /// Uniform on the simplex, exact.
    Simplex,
    /// Sorted along the chains; exact without ranges, else rejected against the ranges.
    Sorted,
    /// Shifted by the lower bounds, rejected against the upper bounds and the orderings.
    Shifted,
}

/// A validated weight distribution that draws weight vectors (see the module docs).
#[derive(Debug, Clone, PartialEq)]
pub struct WeightSampler {
    n: usize,
    lo: Vec<f64>,
    hi: Vec<f64>,
    chains: Vec<Vec<usize>>,
    /// Criteria whose tightened range has positive width.
    free: Vec<usize>,
    /// `1 - Σ lo`.
    mass: f64,
    has_ranges: bool,
    proposal: Proposal,
    acceptance: f64,
}

impl WeightSampler {
    /// Validates `spec` for `n` criteria and picks the proposal.
    pub fn new(spec: &WeightSpec, n: usize) -> Result<Self, SensitivityError> {
        Self::build(spec, n, None)
    }

    /// The sampler with a given proposal (tests compare the two rejection proposals).
    pub(crate) fn build(
        spec: &WeightSpec,
        n: usize,
        force: Option<Proposal>,
    ) -> Result<Self, SensitivityError> {
        if n == 0 {
            return Err(SensitivityError::NoCriteria);
        }
        let chains = check_chains(&spec.orderings, n)?;
        let has_ranges = !spec.ranges.is_empty();
        let (mut lo, mut hi) = (vec![0.0; n], vec![1.0; n]);
        if has_ranges {
            if spec.ranges.len() != n {
                return Err(SensitivityError::SizeMismatch {
                    what: "weight ranges",
                    len: spec.ranges.len(),
                    expected: n,
                });
            }
            for (criterion, r) in spec.ranges.iter().enumerate() {
                let Some((l, h)) = *r else { continue };
                if !(0.0..=1.0).contains(&l) || !(0.0..=1.0).contains(&h) {
                    return Err(SensitivityError::RangeOutOfBounds {
                        criterion,
                        lo: l,
                        hi: h,
                    });
                }
                if l > h {
                    return Err(SensitivityError::RangeInverted {
                        criterion,
                        lo: l,
                        hi: h,
                    });
                }
                (lo[criterion], hi[criterion]) = (l, h);
            }
            let (lo_sum, hi_sum) = (lo.iter().sum::<f64>(), hi.iter().sum::<f64>());
            if lo_sum > 1.0 + SUM_TOLERANCE || hi_sum < 1.0 - SUM_TOLERANCE {
                return Err(SensitivityError::NoFeasibleWeights { lo_sum, hi_sum });
            }
        }
        tighten(&chains, &mut lo, &mut hi)?;
        let (lo_sum, hi_sum) = (lo.iter().sum::<f64>(), hi.iter().sum::<f64>());
        if lo_sum > 1.0 + SUM_TOLERANCE || hi_sum < 1.0 - SUM_TOLERANCE {
            return Err(SensitivityError::OrderingInfeasible { lo_sum, hi_sum });
        }
        let free: Vec<usize> = (0..n).filter(|&k| hi[k] > lo[k]).collect();
        let mut s = WeightSampler {
            n,
            mass: (1.0 - lo_sum).max(0.0),
            lo,
            hi,
            chains,
            free,
            has_ranges,
            proposal: Proposal::Simplex,
            acceptance: 1.0,
        };
        let mut pilot = None;
        s.proposal = match (has_ranges, s.chains.is_empty(), force) {
            (_, _, Some(p)) => p,
            (false, true, None) => Proposal::Simplex,
            (false, false, None) => Proposal::Sorted,
            (true, true, None) => Proposal::Shifted,
            (true, false, None) => {
                let sorted = s.pilot(Proposal::Sorted);
                let shifted = s.pilot(Proposal::Shifted);
                let (p, r) = if sorted.0 > shifted.0 {
                    (Proposal::Sorted, sorted)
                } else {
                    (Proposal::Shifted, shifted)
                };
                pilot = Some(r);
                p
            }
        };
        if s.rejects() {
            let (accepted, proposals) = pilot.unwrap_or_else(|| s.pilot(s.proposal));
            let rate = accepted as f64 / proposals as f64;
            if rate < MIN_ACCEPTANCE {
                return Err(SensitivityError::AcceptanceTooLow {
                    accepted,
                    proposals,
                    rate,
                    min_rate: MIN_ACCEPTANCE,
                });
            }
            s.acceptance = rate;
        }
        Ok(s)
    }

    /// Number of criteria.
    pub fn criteria(&self) -> usize {
        self.n
    }

    /// The proposal in use.
    pub fn proposal(&self) -> Proposal {
        self.proposal
    }

    /// The pilot's acceptance rate (1 for the exact samplers).
    pub fn acceptance_rate(&self) -> f64 {
        self.acceptance
    }

    /// The ranges after tightening along the orderings, `(lo, hi)` per criterion.
    pub fn bounds(&self) -> (&[f64], &[f64]) {
        (&self.lo, &self.hi)
    }

    fn rejects(&self) -> bool {
        self.has_ranges || self.proposal == Proposal::Shifted
    }

    /// (accepted, proposals) of a fixed-seed pilot.
    fn pilot(&self, proposal: Proposal) -> (u64, u64) {
        let mut rng = ChaCha8Rng::seed_from_u64(PILOT_SEED);
        let mut w = vec![0.0; self.n];
        let accepted = (0..PILOT_PROPOSALS)
            .filter(|_| {
                self.propose(proposal, &mut rng, &mut w);
                self.feasible(&w)
            })
            .count() as u64;
        (accepted, PILOT_PROPOSALS)
    }

    /// Draws one weight vector into `out` (length = criteria).
    pub fn sample<R: Rng + ?Sized>(
        &self,
        rng: &mut R,
        out: &mut [f64],
    ) -> Result<(), SensitivityError> {
        if !self.rejects() {
            self.propose(self.proposal, rng, out);
            return Ok(());
        }
        for _ in 0..MAX_ATTEMPTS {
            self.propose(self.proposal, rng, out);
            if self.feasible(out) {
                return Ok(());
            }
        }
        Err(SensitivityError::AcceptanceTooLow {
            accepted: 0,
            proposals: MAX_ATTEMPTS,
            rate: 0.0,
            min_rate: MIN_ACCEPTANCE,
        })
    }

    fn propose<R: Rng + ?Sized>(&self, proposal: Proposal, rng: &mut R, out: &mut [f64]) {
        match proposal {
            Proposal::Simplex => simplex(rng, out),
            Proposal::Sorted => {
                simplex(rng, out);
                for chain in &self.chains {
                    sort_chain(chain, out);
                }
            }
            Proposal::Shifted => {
                out.copy_from_slice(&self.lo);
                if self.free.is_empty() {
                    return;
                }
                let mut total = 0.0;
                for &k in &self.free {
                    let e: f64 = rng.sample(Exp1);
                    out[k] = e;
                    total += e;
                }
                for &k in &self.free {
                    out[k] = self.lo[k] + self.mass * (out[k] / total);
                }
            }
        }
    }

    /// Within the ranges and the orderings.
    fn feasible(&self, w: &[f64]) -> bool {
        w.iter()
            .zip(self.lo.iter().zip(&self.hi))
            .all(|(x, (l, h))| *x >= *l && *x <= *h)
            && self
                .chains
                .iter()
                .all(|c| c.windows(2).all(|p| w[p[0]] >= w[p[1]]))
    }
}

/// Uniform on the simplex: normalised Exp(1) draws.
#[inline]
pub(crate) fn simplex<R: Rng + ?Sized>(rng: &mut R, out: &mut [f64]) {
    let mut total = 0.0;
    for o in out.iter_mut() {
        let e: f64 = rng.sample(Exp1);
        *o = e;
        total += e;
    }
    for o in out.iter_mut() {
        *o /= total;
    }
}

/// Sorts the entries at `chain`'s positions in decreasing order along the chain.
fn sort_chain(chain: &[usize], w: &mut [f64]) {
    // Insertion sort on the positions; chains are short.
    for i in 1..chain.len() {
        let mut k = i;
        while k > 0 && w[chain[k - 1]] < w[chain[k]] {
            w.swap(chain[k - 1], chain[k]);
            k -= 1;
        }
    }
}

fn check_chains(orderings: &[Vec<usize>], n: usize) -> Result<Vec<Vec<usize>>, SensitivityError> {
    let mut seen = vec![false; n];
    let mut chains = Vec::new();
    for chain in orderings {
        for &k in chain {
            if k >= n {
                return Err(SensitivityError::NoSuchCriterion {
                    criterion: k,
                    criteria: n,
                });
            }
            if std::mem::replace(&mut seen[k], true) {
                return Err(SensitivityError::OrderingRepeats { criterion: k });
            }
        }
        if chain.len() > 1 {
            chains.push(chain.clone());
        }
    }
    Ok(chains)
}

/// Tightens the ranges along each chain; an emptied range is a contradiction.
fn tighten(chains: &[Vec<usize>], lo: &mut [f64], hi: &mut [f64]) -> Result<(), SensitivityError> {
    for chain in chains {
        // Name the first contradicting pair: `a` above `b` in the chain with hi_a < lo_b.
        for (i, &a) in chain.iter().enumerate() {
            if let Some(&b) = chain[i + 1..].iter().find(|&&b| lo[b] > hi[a]) {
                return Err(SensitivityError::OrderingContradictsRanges {
                    higher: a,
                    lower: b,
                    hi: hi[a],
                    lo: lo[b],
                });
            }
        }
        for i in (0..chain.len() - 1).rev() {
            lo[chain[i]] = lo[chain[i]].max(lo[chain[i + 1]]);
        }
        for i in 1..chain.len() {
            hi[chain[i]] = hi[chain[i]].min(hi[chain[i - 1]]);
        }
    }
    Ok(())
}
