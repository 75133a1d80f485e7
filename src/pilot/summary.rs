//! Every pilot metric of each vendor with its sample size and 95% interval, from the
//! pilot's per-vendor totals, and the groups of a breakdown by role or client.
//!
//! Units of analysis: rates pool the samples, counts are per endpoint-day, gauges take
//! each endpoint's day-weighted mean as one observation, MTTD and MTTR each reported
//! incident (see the module docs of `pilot` and docs/statistics.md).

use crate::dataset::{EndpointAgg, Pilot, Role};
use crate::stats::interval::{garwood, wilson, Interval};
use crate::stats::{binomial::clopper_pearson, location};

const LEVEL: f64 = 0.95;
/// Bootstrap resamples for median intervals, and the size above which the distribution-
/// free order-statistic interval replaces the bootstrap.
const RESAMPLES: usize = 2000;
const BOOTSTRAP_LIMIT: usize = 20_000;

/// How a metric is estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A proportion of trials.
    Rate,
    /// Events per endpoint-day.
    PerDay,
    /// A gauge averaged over endpoints.
    Gauge,
    /// A median time over incidents.
    Time,
}

/// One metric of one vendor.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRow {
    /// The metric name, e.g. `pilot.detection_rate`.
    pub metric: &'static str,
    pub kind: Kind,
    /// The point value; `None` when not observed.
    pub value: Option<f64>,
    /// The sample size, in `unit`.
    pub n: f64,
    /// What `n` counts: samples, endpoint-days, endpoints, incidents.
    pub unit: &'static str,
    /// Events or successes behind a rate (0 for gauges and times).
    pub events: u64,
    /// The median of the endpoint means (gauges only).
    pub median: Option<f64>,
    /// Named 95% intervals: `wilson`, `clopper-pearson`, `garwood`, `t`, `bootstrap`, `order-statistic`.
    pub intervals: Vec<(&'static str, Interval)>,
}

/// One vendor's metrics in one group (all endpoints, or one role or client).
#[derive(Debug, Clone, PartialEq)]
pub struct VendorPilot {
    pub vendor: usize,
    pub endpoints: usize,
    pub endpoint_days: f64,
    pub metrics: Vec<MetricRow>,
}

/// Per-vendor raw observations kept for pairwise tests, each list sorted ascending
/// ([`totals`] sorts them), so medians and order statistics are read off by position and
/// rank tests merge instead of sorting again.
#[derive(Debug, Clone, Default)]
pub struct Observations {
    /// Per gauge: each endpoint's day-weighted mean.
    pub gauges: [Vec<f64>; 5],
    pub mttd: Vec<f64>,
    pub mttr: Vec<f64>,
}

/// Rates: (metric, successes, trials) taken from an endpoint.
pub const RATES: [&str; 3] = [
    "pilot.detection_rate",
    "pilot.phishing_block_rate",
    "pilot.install_success_rate",
];
/// Counts per endpoint-day.
pub const PER_DAY: [&str; 3] = [
    "pilot.false_positives_per_endpoint_day",
    "pilot.app_breakages_per_endpoint_day",
    "pilot.tickets_per_endpoint_day",
];
/// Gauges, in `EndpointAgg::gauges` order.
pub const GAUGES: [&str; 5] = [
    "pilot.cpu_overhead_pct",
    "pilot.memory_mb",
    "pilot.boot_delay_s",
    "pilot.scan_minutes",
    "pilot.telemetry_coverage_pct",
];
/// The range each gauge's values may take (the pilot file's checks enforce it): the
/// percentages 0 to 100, the others at least 0. A gauge's t interval is cut to it.
const GAUGE_RANGES: [(f64, f64); 5] = [
    (0.0, 100.0),
    (0.0, f64::INFINITY),
    (0.0, f64::INFINITY),
    (0.0, f64::INFINITY),
    (0.0, 100.0),
];
/// Times.
pub const TIMES: [&str; 2] = ["pilot.mttd_minutes", "pilot.mttr_minutes"];

/// A vendor's totals over a set of endpoints.
#[derive(Debug, Clone, Default)]
pub struct Totals {
    pub endpoints: usize,
    pub days: f64,
    /// (successes, trials) per rate.
    pub rates: [(u64, u64); 3],
    /// (events, endpoint-days) per count.
    pub counts: [(u64, f64); 3],
    pub obs: Observations,
}

/// Adds up the endpoints and incidents of each vendor (those `keep` accepts, by client
/// and role).
pub fn totals(
    pilot: &Pilot,
    vendors: usize,
    keep: &dyn Fn(&str, Option<Role>) -> bool,
) -> Vec<Totals> {
    let mut t: Vec<Totals> = (0..vendors).map(|_| Totals::default()).collect();
    for c in pilot.times.iter().filter(|c| keep(&c.client, c.role)) {
        let v = &mut t[c.vendor];
        v.obs.mttd.extend_from_slice(&c.mttd);
        v.obs.mttr.extend_from_slice(&c.mttr);
    }
    for e in pilot.endpoints.iter().filter(|e| keep(&e.client, e.role)) {
        let v = &mut t[e.vendor];
        v.endpoints += 1;
        v.days += e.days;
        v.rates[0].0 += e.malware_detected;
        v.rates[0].1 += e.malware_samples;
        v.rates[1].0 += e.phishing_blocked;
        v.rates[1].1 += e.phishing_sims;
        if let Some(ok) = e.install_ok {
            v.rates[2].0 += u64::from(ok);
            v.rates[2].1 += 1;
        }
        for (slot, c) in v.counts.iter_mut().zip(e.counts) {
            slot.0 += c.0;
            slot.1 += c.1;
        }
        for (k, g) in e.gauges.iter().enumerate() {
            if g.1 > 0.0 {
                v.obs.gauges[k].push(g.0 / g.1);
            }
        }
    }
    // The times arrive as sorted runs (one per client and role), which the stable sort
    // finds and merges.
    let lists = t
        .iter_mut()
        .flat_map(|v| {
            let o = &mut v.obs;
            o.gauges.iter_mut().chain([&mut o.mttd, &mut o.mttr])
        })
        .collect();
    crate::dataset::sort_on_two_threads(lists, |l| l.sort_by(f64::total_cmp));
    t
}

/// Every pilot metric of one vendor's totals, with intervals; `seed` drives the bootstrap.
pub fn metrics(t: &Totals, seed: u64) -> Vec<MetricRow> {
    let mut out = Vec::new();
    for (k, name) in RATES.iter().enumerate() {
        let (x, n) = t.rates[k];
        let mut intervals = Vec::new();
        intervals.extend(wilson(x, n, LEVEL).map(|i| ("wilson", i)));
        intervals.extend(
            clopper_pearson(x, n, LEVEL)
                .ok()
                .map(|i| ("clopper-pearson", i)),
        );
        let unit = if k == 2 { "endpoints" } else { "samples" };
        out.push(MetricRow {
            metric: name,
            kind: Kind::Rate,
            value: (n > 0).then(|| x as f64 / n as f64),
            n: n as f64,
            unit,
            events: x,
            median: None,
            intervals,
        });
    }
    for (k, name) in PER_DAY.iter().enumerate() {
        let (x, d) = t.counts[k];
        let intervals = garwood(x, d, LEVEL)
            .map(|i| vec![("garwood", i)])
            .unwrap_or_default();
        out.push(MetricRow {
            metric: name,
            kind: Kind::PerDay,
            value: (d > 0.0).then(|| x as f64 / d),
            n: d,
            unit: "endpoint-days",
            events: x,
            median: None,
            intervals,
        });
    }
    for (k, name) in GAUGES.iter().enumerate() {
        let vals = &t.obs.gauges[k];
        let mean = (!vals.is_empty()).then(|| vals.iter().sum::<f64>() / vals.len() as f64);
        // The mean lies in the values' range, so the cut interval covers it whenever the
        // t interval does: 97.5 +- 6.35 % is reported as 91.15 to 100 %.
        let (low, high) = GAUGE_RANGES[k];
        let cut = |i: Interval| Interval {
            lower: i.lower.clamp(low, high),
            upper: i.upper.clamp(low, high),
        };
        let intervals = location::t_interval(vals, LEVEL)
            .ok()
            .map(|e| vec![("t", cut(e.interval))])
            .unwrap_or_default();
        out.push(MetricRow {
            metric: name,
            kind: Kind::Gauge,
            value: mean,
            n: vals.len() as f64,
            unit: "endpoints",
            events: 0,
            median: location::median_sorted(vals),
            intervals,
        });
    }
    for (k, (name, vals)) in TIMES.iter().zip([&t.obs.mttd, &t.obs.mttr]).enumerate() {
        out.push(MetricRow {
            metric: name,
            kind: Kind::Time,
            value: location::median_sorted(vals),
            n: vals.len() as f64,
            unit: "incidents",
            events: 0,
            median: None,
            intervals: median_interval(vals, seed.wrapping_add(k as u64)),
        });
    }
    out
}

/// A 95% interval for the median of sorted values: the seeded percentile bootstrap for
/// up to 20,000 values, the distribution-free order-statistic interval above that
/// (cheaper, and the two agree closely at such sizes).
fn median_interval(v: &[f64], seed: u64) -> Vec<(&'static str, Interval)> {
    if v.is_empty() {
        return Vec::new();
    }
    if v.len() <= BOOTSTRAP_LIMIT {
        return location::bootstrap(v, location::Statistic::Median, LEVEL, RESAMPLES, seed)
            .ok()
            .map(|e| vec![("bootstrap", e.interval)])
            .unwrap_or_default();
    }
    debug_assert!(v.is_sorted());
    let n = v.len() as f64;
    let z = crate::stats::interval::z_two_sided(LEVEL);
    let lo = ((n / 2.0 - z * n.sqrt() / 2.0).floor() as usize).clamp(1, v.len()) - 1;
    let hi = ((n / 2.0 + z * n.sqrt() / 2.0).ceil() as usize).clamp(1, v.len()) - 1;
    vec![(
        "order-statistic",
        Interval {
            lower: v[lo],
            upper: v[hi],
        },
    )]
}

/// Which endpoints belong to a group.
pub type Filter = Box<dyn Fn(&str, Option<Role>) -> bool>;

/// A breakdown of the pilot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    All,
    Role,
    Client,
}

/// The groups of a breakdown: (label, filter).
pub fn groups(aggs: &[EndpointAgg], by: By) -> Vec<(String, Filter)> {
    match by {
        By::All => vec![(
            "all endpoints".into(),
            Box::new(|_: &str, _: Option<Role>| true),
        )],
        By::Role => {
            let mut out: Vec<(String, Filter)> = Vec::new();
            for (name, role) in
                Role::NAMES
                    .iter()
                    .zip([Role::Workstation, Role::Server, Role::DomainController])
            {
                if aggs.iter().any(|e| e.role == Some(role)) {
                    out.push((
                        format!("role {name}"),
                        Box::new(move |_: &str, r: Option<Role>| r == Some(role)),
                    ));
                }
            }
            if aggs.iter().any(|e| e.role.is_none()) {
                out.push((
                    "role not given".into(),
                    Box::new(|_: &str, r: Option<Role>| r.is_none()),
                ));
            }
            out
        }
        By::Client => {
            let mut clients: Vec<String> = aggs.iter().map(|e| e.client.clone()).collect();
            clients.sort();
            clients.dedup();
            clients
                .into_iter()
                .map(|c| {
                    (
                        format!("client {c}"),
                        Box::new(move |client: &str, _: Option<Role>| client == c) as Filter,
                    )
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The t interval of one gauge's endpoint means, as the pilot report gives it.
    fn t_of(gauge: usize, vals: &[f64]) -> Interval {
        let mut t = Totals::default();
        t.obs.gauges[gauge] = vals.to_vec();
        let rows = metrics(&t, 1);
        let row = rows.iter().find(|r| r.metric == GAUGES[gauge]).unwrap();
        row.intervals[0].1
    }

    #[test]
    fn a_percentage_interval_stops_at_100_and_keeps_its_lower_end() {
        // Two endpoints at 95 and 100 %: mean 97.5, s = 3.5355, t(1) = 12.706, so the t
        // interval is 97.5 +- 31.766 (65.734 to 129.266).
        let i = t_of(4, &[95.0, 100.0]);
        assert!((i.lower - 65.734_488).abs() < 1e-5, "{i:?}");
        assert_eq!(i.upper, 100.0);
    }

    #[test]
    fn a_nonnegative_gauge_stops_at_0_and_an_interval_inside_is_kept() {
        // Memory at 1 and 30 MB: 15.5 +- 184.2 would go below 0.
        let i = t_of(1, &[1.0, 30.0]);
        assert_eq!(i.lower, 0.0);
        assert!(i.upper > 100.0, "{i:?}");
        // Well inside its range, the interval is the plain t interval.
        let vals = [40.0, 42.0, 44.0];
        let plain = location::t_interval(&vals, LEVEL).unwrap().interval;
        assert_eq!(t_of(4, &vals), plain);
    }
}
