//! The pilot summary behind `vendorscore pilot`: every pilot metric per vendor with its
//! sample size and 95% intervals, optionally broken down by role or client.
//!
//! Units of analysis: rates pool the samples (a malware sample, a phishing simulation,
//! an endpoint's install); counts are per endpoint-day; gauges take each endpoint's
//! day-weighted mean as one observation (rows of one endpoint are not independent);
//! MTTD and MTTR take each reported incident. See docs/statistics.md.
//!
//! `summary` computes the per-vendor metrics and groups, `compare` the pairwise tests
//! between vendors; this file assembles them with the go/no-go checklist.

mod compare;
mod summary;

pub use compare::{compare, Comparison, MetricTiers};
pub use summary::{
    groups, metrics, totals, By, Filter, Kind, MetricRow, Observations, Totals, VendorPilot,
    GAUGES, PER_DAY, RATES, TIMES,
};

/// One line of the go/no-go checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct GateLine {
    pub gate: String,
    pub go: bool,
    /// The value against the requirement, or why it fails.
    pub text: String,
}

/// Everything `vendorscore pilot` shows.
#[derive(Debug, Clone)]
pub struct PilotReport {
    pub dataset: String,
    pub vendor_ids: Vec<String>,
    /// (group label, vendors with pilot data in it).
    pub groups: Vec<(String, Vec<VendorPilot>)>,
    /// Over all endpoints.
    pub comparisons: Vec<Comparison>,
    pub tiers: Vec<MetricTiers>,
    /// Per vendor (dataset order): the criteria file's gates.
    pub checklist: Vec<(usize, Vec<GateLine>)>,
}

/// Builds the pilot report; `None` when the dataset has no pilot file.
pub fn report(
    ds: &crate::dataset::Dataset,
    cr: &crate::criteria::Criteria,
    pricing: &crate::cost::PricingContext,
    by: By,
    seed: u64,
) -> Option<PilotReport> {
    let pilot = ds.pilot.as_ref()?;
    let n = ds.vendors.len();
    let all = totals(pilot, n, &|_, _| true);
    let per_group = || -> Vec<(String, Vec<VendorPilot>)> {
        groups(&pilot.endpoints, by)
            .into_iter()
            .map(|(label, keep)| {
                let own;
                let t = match by {
                    By::All => &all,
                    _ => {
                        own = totals(pilot, n, keep.as_ref());
                        &own
                    }
                };
                let vendors = t
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.endpoints > 0)
                    .map(|(v, t)| VendorPilot {
                        vendor: v,
                        endpoints: t.endpoints,
                        endpoint_days: t.days,
                        metrics: metrics(t, seed),
                    })
                    .collect();
                (label, vendors)
            })
            .collect()
    };
    // The summaries, the pairwise tests and the ranking metrics are independent: on a
    // large pilot each takes a noticeable share, so they run side by side.
    let ((groups, m), (comparisons, tiers)) = std::thread::scope(|s| {
        let tests = s.spawn(|| compare(&all));
        let rest = (per_group(), crate::metrics::Metrics::compute(ds, pricing));
        (rest, tests.join().expect("pairwise tests"))
    });
    let checklist = (0..n)
        .filter(|&v| all[v].endpoints > 0)
        .map(|v| {
            (
                v,
                cr.gates
                    .iter()
                    .map(|g| {
                        let value = crate::gates::values(std::slice::from_ref(g), &m, v)
                            .pop()
                            .flatten();
                        let failure = crate::gates::check(std::slice::from_ref(g), &m, v).pop();
                        GateLine {
                            gate: g.id.clone(),
                            go: failure.is_none(),
                            text: failure.map_or_else(
                                || crate::gates::describe(g, value.as_ref()),
                                |r| r.text,
                            ),
                        }
                    })
                    .collect(),
            )
        })
        .collect();
    Some(PilotReport {
        dataset: ds.label.clone(),
        vendor_ids: ds.vendors.iter().map(|v| v.id.clone()).collect(),
        groups,
        comparisons,
        tiers,
        checklist,
    })
}
