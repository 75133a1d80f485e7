//! Aggregates pilot rows into per-vendor metrics: counts summed, gauges as the mean of the
//! endpoints' day-weighted means (the estimate `pilot` reports and the evidence check redraws
//! around), times as medians, rates with their 95% intervals.

use std::collections::{BTreeMap, BTreeSet};

use super::catalog::Value;
use super::spread::{self, Spread};
use crate::dataset::{EndpointAgg, TimeGroup};
use crate::stats::interval::{garwood, wilson, Interval};

const LEVEL: f64 = 0.95;

#[derive(Default)]
struct Acc {
    detected: u64,
    samples: u64,
    blocked: u64,
    sims: u64,
    counts: [(u64, f64); 3],
    mttd: Vec<f64>,
    mttr: Vec<f64>,
    days: f64,
    install_ok: u64,
    install_known: u64,
    endpoints: BTreeSet<String>,
    /// Per gauge, each endpoint's day-weighted mean.
    gauge_means: [Vec<f64>; 5],
}

/// Adds every pilot metric of every vendor to `out` (one column per metric name), from
/// the per-endpoint aggregates and the incident times.
pub fn add(
    aggs: &[EndpointAgg],
    times: &[TimeGroup],
    vendors: usize,
    out: &mut BTreeMap<String, Vec<Option<Value>>>,
    spreads: &mut BTreeMap<String, Vec<Option<Spread>>>,
) {
    let mut acc: Vec<Acc> = (0..vendors).map(|_| Acc::default()).collect();
    for t in times {
        let a = &mut acc[t.vendor];
        a.mttd.extend_from_slice(&t.mttd);
        a.mttr.extend_from_slice(&t.mttr);
    }
    for e in aggs {
        let a = &mut acc[e.vendor];
        a.days += e.days;
        a.endpoints.insert(e.endpoint.clone());
        a.detected += e.malware_detected;
        a.samples += e.malware_samples;
        a.blocked += e.phishing_blocked;
        a.sims += e.phishing_sims;
        for (slot, v) in a.counts.iter_mut().zip(e.counts) {
            slot.0 += v.0;
            slot.1 += v.1;
        }
        for (k, v) in e.gauges.iter().enumerate() {
            if v.1 > 0.0 {
                a.gauge_means[k].push(v.0 / v.1);
            }
        }
        if let Some(ok) = e.install_ok {
            a.install_known += 1;
            a.install_ok += u64::from(ok);
        }
    }
    let spread_of = |f: &dyn Fn(&Acc) -> Option<Spread>| acc.iter().map(f).collect::<Vec<_>>();
    spreads.insert(
        "pilot.detection_rate".into(),
        spread_of(&|a| spread::proportion(a.detected, a.samples)),
    );
    spreads.insert(
        "pilot.phishing_block_rate".into(),
        spread_of(&|a| spread::proportion(a.blocked, a.sims)),
    );
    spreads.insert(
        "pilot.install_success_rate".into(),
        spread_of(&|a| spread::proportion(a.install_ok, a.install_known)),
    );
    for (k, name) in [
        "pilot.false_positives_per_endpoint_day",
        "pilot.app_breakages_per_endpoint_day",
        "pilot.tickets_per_endpoint_day",
    ]
    .iter()
    .enumerate()
    {
        spreads.insert(
            name.to_string(),
            spread_of(&|a| spread::rate(a.counts[k].0, a.counts[k].1)),
        );
    }
    for (k, name) in [
        "pilot.cpu_overhead_pct",
        "pilot.memory_mb",
        "pilot.boot_delay_s",
        "pilot.scan_minutes",
        "pilot.telemetry_coverage_pct",
    ]
    .iter()
    .enumerate()
    {
        spreads.insert(
            name.to_string(),
            spread_of(&|a| spread::mean_of(&a.gauge_means[k])),
        );
    }
    let mut put = |name: &str, vals: Vec<Option<f64>>| {
        out.insert(
            name.to_string(),
            vals.into_iter().map(|v| v.map(Value::Number)).collect(),
        );
    };
    let prop = |x: u64, n: u64| (n > 0).then(|| (x as f64 / n as f64, wilson(x, n, LEVEL)));
    let rate = |x: u64, days: f64| (days > 0.0).then(|| (x as f64 / days, garwood(x, days, LEVEL)));
    type Rate = Option<(f64, Option<Interval>)>;
    let rates: [(&str, Vec<Rate>); 6] = [
        (
            "pilot.detection_rate",
            acc.iter().map(|a| prop(a.detected, a.samples)).collect(),
        ),
        (
            "pilot.phishing_block_rate",
            acc.iter().map(|a| prop(a.blocked, a.sims)).collect(),
        ),
        (
            "pilot.install_success_rate",
            acc.iter()
                .map(|a| prop(a.install_ok, a.install_known))
                .collect(),
        ),
        (
            "pilot.false_positives_per_endpoint_day",
            acc.iter()
                .map(|a| rate(a.counts[0].0, a.counts[0].1))
                .collect(),
        ),
        (
            "pilot.app_breakages_per_endpoint_day",
            acc.iter()
                .map(|a| rate(a.counts[1].0, a.counts[1].1))
                .collect(),
        ),
        (
            "pilot.tickets_per_endpoint_day",
            acc.iter()
                .map(|a| rate(a.counts[2].0, a.counts[2].1))
                .collect(),
        ),
    ];
    for (name, vals) in rates {
        put(name, vals.iter().map(|v| v.map(|x| x.0)).collect());
        put(
            &format!("{name}.lower95"),
            vals.iter()
                .map(|v| v.and_then(|x| x.1).map(|i| i.lower))
                .collect(),
        );
        put(
            &format!("{name}.upper95"),
            vals.iter()
                .map(|v| v.and_then(|x| x.1).map(|i| i.upper))
                .collect(),
        );
    }
    let gauges = [
        "pilot.cpu_overhead_pct",
        "pilot.memory_mb",
        "pilot.boot_delay_s",
        "pilot.scan_minutes",
        "pilot.telemetry_coverage_pct",
    ];
    for (i, name) in gauges.iter().enumerate() {
        put(
            name,
            acc.iter()
                .map(|a| {
                    let m = &a.gauge_means[i];
                    (!m.is_empty()).then(|| m.iter().sum::<f64>() / m.len() as f64)
                })
                .collect(),
        );
    }
    put(
        "pilot.mttd_minutes",
        acc.iter_mut().map(|a| median(&mut a.mttd)).collect(),
    );
    put(
        "pilot.mttr_minutes",
        acc.iter_mut().map(|a| median(&mut a.mttr)).collect(),
    );
    put(
        "pilot.endpoints",
        acc.iter()
            .map(|a| (a.days > 0.0).then_some(a.endpoints.len() as f64))
            .collect(),
    );
    put(
        "pilot.endpoint_days",
        acc.iter()
            .map(|a| (a.days > 0.0).then_some(a.days))
            .collect(),
    );
    put(
        "pilot.malware_samples",
        acc.iter()
            .map(|a| (a.days > 0.0).then_some(a.samples as f64))
            .collect(),
    );
}

/// The median (mean of the middle two for an even count); `None` when empty. Reorders
/// `v` (a selection: the times of a large pilot run to millions).
pub fn median(v: &mut [f64]) -> Option<f64> {
    (!v.is_empty()).then(|| crate::stats::location::median_in_place(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(out: &BTreeMap<String, Vec<Option<Value>>>, name: &str, v: usize) -> Option<f64> {
        match &out[name][v] {
            Some(Value::Number(x)) => Some(*x),
            _ => None,
        }
    }

    /// Two endpoints of vendor 0: e1 (1 day) and e2 (3 + 2 days, the last 2 days with no
    /// counts or gauges observed). The aggregation of rows into endpoints is tested in
    /// dataset::pilot::frame; here endpoints combine into vendor metrics.
    #[test]
    fn sums_counts_weights_gauges_and_takes_medians() {
        let e1 = EndpointAgg {
            vendor: 0,
            endpoint: "e1".into(),
            days: 1.0,
            malware_samples: 10,
            malware_detected: 9,
            counts: [(1, 1.0), (0, 0.0), (0, 0.0)],
            gauges: [(2.0, 1.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0)],
            install_ok: Some(true),
            ..EndpointAgg::default()
        };
        let e2 = EndpointAgg {
            vendor: 0,
            endpoint: "e2".into(),
            days: 5.0,
            malware_samples: 30,
            malware_detected: 30,
            counts: [(0, 3.0), (0, 0.0), (0, 0.0)],
            gauges: [(18.0, 3.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0)],
            install_ok: Some(false),
            ..EndpointAgg::default()
        };
        let mut out = BTreeMap::new();
        let times = TimeGroup {
            mttd: vec![5.0, 7.0, 100.0],
            ..TimeGroup::default()
        };
        add(&[e1, e2], &[times], 2, &mut out, &mut BTreeMap::new());
        assert_eq!(num(&out, "pilot.detection_rate", 0), Some(39.0 / 40.0));
        // Each endpoint counts once: e1's mean 2, e2's 18 / 3 = 6 (not 20 / 4 by days).
        assert_eq!(
            num(&out, "pilot.cpu_overhead_pct", 0),
            Some((2.0 + 6.0) / 2.0)
        );
        assert_eq!(
            num(&out, "pilot.false_positives_per_endpoint_day", 0),
            Some(1.0 / 4.0)
        );
        assert_eq!(num(&out, "pilot.mttd_minutes", 0), Some(7.0));
        assert_eq!(num(&out, "pilot.install_success_rate", 0), Some(0.5));
        assert_eq!(num(&out, "pilot.endpoints", 0), Some(2.0));
        assert_eq!(num(&out, "pilot.endpoint_days", 0), Some(6.0));
        let lo = num(&out, "pilot.detection_rate.lower95", 0).unwrap();
        assert!(lo < 39.0 / 40.0 && lo > 0.8);
        // The second vendor has no rows: nothing observed, never zero.
        assert_eq!(num(&out, "pilot.detection_rate", 1), None);
        assert_eq!(num(&out, "pilot.endpoints", 1), None);
    }

    #[test]
    fn median_even_and_odd() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }
}
