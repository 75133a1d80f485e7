//! Pairwise comparisons between vendors, metric by metric, with Holm's correction over
//! the pairs of each metric, and the tiers of vendors the evidence cannot separate.
//!
//! Rates: Fisher's exact test on (successes, failures). Counts per endpoint-day: the
//! exact conditional rate-ratio test. Gauges: Mann-Whitney on the endpoint means.
//! Times: Mann-Whitney on the incidents.

use super::summary::{Totals, GAUGES, PER_DAY, RATES, TIMES};
use crate::stats::common::{Alternative, Better};
use crate::stats::mann_whitney::{mann_whitney_sorted, MwMethod};
use crate::stats::multiple::Pairwise;
use crate::stats::rate_ratio::rate_ratio_test;
use crate::stats::ties::{tiers_by_p_values, Tier};
use crate::stats::two_proportions::fisher_exact;

/// Significance level for comparisons and ties.
pub const ALPHA: f64 = 0.05;

/// One pairwise test.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub metric: &'static str,
    /// Vendor indices (into the dataset).
    pub a: usize,
    pub b: usize,
    pub test: &'static str,
    pub p: f64,
    /// Holm-adjusted over the pairs of this metric.
    pub p_adjusted: f64,
}

/// The tiers of one metric, vendors as dataset indices.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricTiers {
    pub metric: &'static str,
    pub better: Better,
    /// Each tier's members, best first, as dataset vendor indices.
    pub tiers: Vec<Vec<usize>>,
}

fn better(metric: &str) -> Better {
    if metric.ends_with("_rate") || metric == "pilot.telemetry_coverage_pct" {
        Better::Higher
    } else {
        Better::Lower
    }
}

/// A vendor's value of a metric.
type ValueOf = Box<dyn Fn(&Totals) -> Option<f64>>;
/// The p-value of a test between two vendors.
type Test = Box<dyn Fn(&Totals, &Totals) -> Option<f64>>;
/// (metric, test name, value, test)
type Family = (&'static str, &'static str, ValueOf, Test);

fn tests() -> Vec<Family> {
    let mut v: Vec<Family> = Vec::new();
    for (k, m) in RATES.iter().enumerate() {
        v.push((
            m,
            "fisher",
            Box::new(move |t: &Totals| {
                (t.rates[k].1 > 0).then(|| t.rates[k].0 as f64 / t.rates[k].1 as f64)
            }),
            Box::new(move |a: &Totals, b: &Totals| {
                let ((x1, n1), (x2, n2)) = (a.rates[k], b.rates[k]);
                (n1 > 0 && n2 > 0)
                    .then(|| fisher_exact(x1, n1 - x1, x2, n2 - x2, Alternative::TwoSided).p_value)
            }),
        ));
    }
    for (k, m) in PER_DAY.iter().enumerate() {
        v.push((
            m,
            "rate-ratio",
            Box::new(move |t: &Totals| {
                (t.counts[k].1 > 0.0).then(|| t.counts[k].0 as f64 / t.counts[k].1)
            }),
            Box::new(move |a: &Totals, b: &Totals| {
                let ((x1, t1), (x2, t2)) = (a.counts[k], b.counts[k]);
                rate_ratio_test(x1, t1, x2, t2, Alternative::TwoSided, 0.95)
                    .ok()
                    .map(|r| r.p_value)
            }),
        ));
    }
    for (k, m) in GAUGES.iter().enumerate() {
        v.push((
            m,
            "mann-whitney",
            Box::new(move |t: &Totals| crate::stats::location::median_sorted(&t.obs.gauges[k])),
            Box::new(move |a: &Totals, b: &Totals| {
                mann_whitney_sorted(
                    &a.obs.gauges[k],
                    &b.obs.gauges[k],
                    Alternative::TwoSided,
                    MwMethod::Auto,
                )
                .ok()
                .map(|r| r.p_value)
            }),
        ));
    }
    for (k, m) in TIMES.iter().enumerate() {
        fn pick(t: &Totals, k: usize) -> &[f64] {
            if k == 0 {
                &t.obs.mttd
            } else {
                &t.obs.mttr
            }
        }
        v.push((
            m,
            "mann-whitney",
            Box::new(move |t: &Totals| crate::stats::location::median_sorted(pick(t, k))),
            Box::new(move |a: &Totals, b: &Totals| {
                mann_whitney_sorted(
                    pick(a, k),
                    pick(b, k),
                    Alternative::TwoSided,
                    MwMethod::Auto,
                )
                .ok()
                .map(|r| r.p_value)
            }),
        ));
    }
    v
}

/// Every pairwise comparison of the vendors with data, and the tiers per metric. The
/// observations must be sorted, as [`super::summary::totals`] leaves them (a rank test on
/// unsorted ones fails and counts as no difference).
pub fn compare(totals: &[Totals]) -> (Vec<Comparison>, Vec<MetricTiers>) {
    let mut comparisons = Vec::new();
    let mut all_tiers = Vec::new();
    for (metric, test, value, pvalue) in tests() {
        // Vendors with a value for this metric, and their values.
        let with: Vec<(usize, f64)> = totals
            .iter()
            .enumerate()
            .filter_map(|(v, t)| value(t).map(|x| (v, x)))
            .collect();
        if with.len() < 2 {
            continue;
        }
        let mut raw = Pairwise::new(with.len());
        for i in 0..with.len() {
            for j in i + 1..with.len() {
                let p = pvalue(&totals[with[i].0], &totals[with[j].0]).unwrap_or(1.0);
                raw.set(i, j, p.clamp(0.0, 1.0))
                    .expect("p in range, indices in range");
            }
        }
        let adjusted = raw.holm();
        for (i, j) in raw.pairs() {
            comparisons.push(Comparison {
                metric,
                a: with[i].0,
                b: with[j].0,
                test,
                p: raw.get(i, j),
                p_adjusted: adjusted.get(i, j),
            });
        }
        let scores: Vec<f64> = with.iter().map(|w| w.1).collect();
        let b = better(metric);
        if let Ok(tiers) = tiers_by_p_values(&scores, b, &adjusted, ALPHA) {
            let tiers = tiers
                .into_iter()
                .map(|t: Tier| t.members.iter().map(|&m| with[m].0).collect())
                .collect();
            all_tiers.push(MetricTiers {
                metric,
                better: b,
                tiers,
            });
        }
    }
    (comparisons, all_tiers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate_totals(x: u64, n: u64) -> Totals {
        let mut t = Totals::default();
        t.rates[0] = (x, n);
        t.endpoints = 1;
        t
    }

    /// 990/1000 against 995/1000 detected cannot be told apart (Fisher p is about 0.3);
    /// 990/1000 against 900/1000 can.
    #[test]
    fn close_rates_tie_and_distant_rates_do_not() {
        let (cmp, tiers) = compare(&[
            rate_totals(990, 1000),
            rate_totals(995, 1000),
            rate_totals(900, 1000),
        ]);
        let det = tiers
            .iter()
            .find(|t| t.metric == "pilot.detection_rate")
            .unwrap();
        assert_eq!(det.tiers, vec![vec![1, 0], vec![2]]);
        let p01 = cmp
            .iter()
            .find(|c| c.metric == "pilot.detection_rate" && c.a == 0 && c.b == 1)
            .unwrap();
        assert!(p01.p > 0.05 && p01.p_adjusted >= p01.p, "{p01:?}");
        let p02 = cmp
            .iter()
            .find(|c| c.metric == "pilot.detection_rate" && c.a == 0 && c.b == 2)
            .unwrap();
        assert!(p02.p_adjusted < 0.001, "{p02:?}");
    }
}
