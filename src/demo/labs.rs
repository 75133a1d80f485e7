//! `test_scores.csv`: results of two fictional labs, in long format. Each vendor enters each
//! round unless it skips it; one fictional vendor never entered one of the labs.

use std::io::Write;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::common::{binomial, f1, normal, poisson, rng_for, Section, SHARED};
use super::options::DemoOptions;
use super::profiles::{Entry, Profile};
use super::sink::Sink;

/// Columns of `test_scores.csv`.
pub(super) const HEADER: &str =
    "lab,test,period_start,period_end,vendor,metric,value,unit,samples,source";

/// A fictional lab: its name, its test and the periods of its rounds.
struct Lab {
    name: &'static str,
    test: &'static str,
    periods: &'static [(&'static str, &'static str)],
}

/// The two labs; their names appear in the README.
const LABS: [Lab; 2] = [
    Lab {
        name: "Demo Lab North",
        test: "Business Protection Test",
        periods: &[
            ("2024-09", "2024-09"),
            ("2025-03", "2025-03"),
            ("2025-09", "2025-09"),
        ],
    },
    Lab {
        name: "Demo Lab South",
        test: "Endpoint Protection and Performance Test",
        periods: &[("2025-01", "2025-02"), ("2025-07", "2025-08")],
    },
];

/// Chance that a vendor is missing from one lab's period (it did not enter that round).
const LAB_SKIP: f64 = 0.08;

/// Three metrics per vendor per lab round, unless the vendor skipped the round.
pub(super) fn test_score_rows<W: Write>(opts: &DemoOptions, roster: &[Entry], out: &mut Sink<W>) {
    let seed = opts.seed;
    let mut shared = rng_for(seed, Section::Labs, SHARED);
    // One fictional vendor never entered one of the labs.
    let absent = (
        shared.random_range(1..roster.len()),
        shared.random_range(0..LABS.len()),
    );
    for (l, lab) in LABS.iter().enumerate() {
        for (t, &(start, end)) in lab.periods.iter().enumerate() {
            let samples = shared.random_range(500..=1200_u64);
            for (v, entry) in roster.iter().enumerate() {
                let stream = entry.index | ((l as u64) << 8) | ((t as u64) << 16);
                let mut rng = rng_for(seed, Section::Labs, stream);
                if (v, l) == absent || rng.random_bool(LAB_SKIP) {
                    continue;
                }
                let cells = lab_cells(&mut rng, entry.profile, samples);
                for (metric, value, unit, samples) in &cells {
                    let lead = [lab.name, lab.test, start, end, entry.slug(), metric];
                    out.push(
                        lead.into_iter()
                            .chain([&**value, unit, samples, "synthetic"]),
                    );
                }
            }
        }
    }
}

/// The three lab metrics of one vendor in one round: (metric, value, unit, samples).
fn lab_cells(
    rng: &mut ChaCha8Rng,
    p: &Profile,
    samples: u64,
) -> [(&'static str, String, &'static str, String); 3] {
    // Labs use harder samples than a pilot, but miss a little less than the field miss rate.
    let compromised = binomial(rng, samples, (1.0 - p.detection) * 0.9);
    let protection = (100.0 * (samples - compromised) as f64 / samples as f64).max(96.0);
    // AV-TEST convention: 6 points = no measurable slowdown; half-point steps.
    let performance = normal(rng, 6.0 - (p.cpu - 1.5) * 0.55, 0.3).clamp(0.0, 6.0);
    let performance = (performance * 2.0).round() / 2.0;
    let fps = poisson(rng, p.fp * 300.0).to_string();
    [
        (
            "malware_protection_rate",
            f1(protection),
            "percent",
            samples.to_string(),
        ),
        (
            "false_positives_business_software",
            fps,
            "count",
            String::new(),
        ),
        (
            "performance_impact_score",
            f1(performance),
            "score_0_6",
            String::new(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::generate;
    use crate::demo::testkit::{count, num, opts, rows};
    use std::collections::BTreeSet;

    #[test]
    fn lab_scores_cover_vendors_and_stay_in_range() {
        let files = generate(&opts(42, 5, 1, 1)).unwrap();
        let vendors: BTreeSet<_> = rows(&files, "vendors.csv")
            .iter()
            .map(|r| r["vendor"].clone())
            .collect();
        let mut tested = BTreeSet::new();
        for r in rows(&files, "test_scores.csv") {
            let value = num(&r, "value").unwrap();
            match (r["metric"].as_str(), r["unit"].as_str()) {
                ("malware_protection_rate", "percent") => {
                    assert!((96.0..=100.0).contains(&value));
                    assert!((500..=1200).contains(&count(&r, "samples").unwrap()));
                }
                ("false_positives_business_software", "count") => {
                    assert!(count(&r, "samples").is_none())
                }
                ("performance_impact_score", "score_0_6") => assert!((0.0..=6.0).contains(&value)),
                other => panic!("unexpected metric {other:?}"),
            }
            assert_eq!(r["source"], "synthetic");
            tested.insert((r["lab"].clone(), r["vendor"].clone()));
        }
        let missing: Vec<_> = LABS
            .iter()
            .flat_map(|lab| {
                vendors
                    .iter()
                    .map(move |v| (lab.name.to_string(), v.clone()))
            })
            .filter(|pair| !tested.contains(pair))
            .collect();
        assert_eq!(
            missing.len(),
            1,
            "exactly one vendor skips one lab: {missing:?}"
        );
        assert_ne!(missing[0].1, "kaspersky");
    }
}
