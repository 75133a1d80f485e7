//! Sample inputs for every chart, shared by the unit tests and the stress tests: realistic
//! vendor names, one long and one hostile (`<script>`), and an excluded vendor or two.

use super::data::*;
use super::testutil::{self, NAMES};

/// A sample input of the `ranking` chart.
pub fn ranking() -> RankingInput {
    let mut vendors = testutil::vendors(&NAMES);
    vendors[6].excluded = true;
    vendors[7].excluded = true;
    let criteria = [
        "Protection",
        "False positives",
        "Performance impact",
        "Price",
        "RMM integration",
        "Vendor trust",
    ];
    let pts = [
        [24.0, 15.5, 12.0, 10.2, 9.0, 6.1],
        [22.1, 14.0, 13.3, 8.0, 7.5, 5.0],
        [20.0, 12.0, 9.8, 12.5, 8.0, 4.4],
        [18.2, 13.1, 8.4, 9.0, 6.2, 5.5],
        [15.0, 9.0, 10.1, 11.8, 4.9, 3.0],
        [12.3, 8.8, 7.0, 6.0, 2.0, 2.2],
    ];
    RankingInput {
        title: "Ranking: MSP default criteria, TOPSIS".into(),
        criteria: criteria
            .iter()
            .map(|c| CriterionLabel {
                id: c.to_lowercase(),
                label: (*c).into(),
            })
            .collect(),
        rows: pts
            .iter()
            .enumerate()
            .map(|(i, p)| RankingRow {
                vendor: format!("v{i}"),
                points: p.to_vec(),
            })
            .collect(),
        excluded: vec![
            Exclusion {
                vendor: "v6".into(),
                reason: "gate `pilot-detection`: lower 95% bound 0.931 < 0.95".into(),
            },
            Exclusion {
                vendor: "v7".into(),
                reason: "gate `not-restricted`: restriction `us-commerce-2024`".into(),
            },
        ],
        vendors,
    }
}

/// A sample input of the `profile` chart.
pub fn profile() -> ProfileInput {
    let mut vendors = testutil::vendors(&NAMES);
    vendors[6].excluded = true;
    let criteria = [
        "Protection",
        "False positives",
        "Performance impact",
        "Price per endpoint",
        "RMM integration",
        "Vendor trust",
    ];
    let vals = [
        [1.0, 0.9, 0.7, 0.4, 1.0, 0.8],
        [0.92, 1.0, 0.85, 0.3, 0.6, 0.7],
        [0.8, 0.6, 1.0, 0.9, 0.7, 0.5],
        [0.7, 0.75, 0.4, 0.6, f64::NAN, 0.9],
        [0.5, 0.3, 0.55, 1.0, 0.3, 0.4],
        [0.3, 0.2, 0.1, 0.2, 0.0, 0.0],
        [0.0, 0.0, 0.3, 0.0, 0.5, 1.0],
    ];
    ProfileInput {
        title: "Vendor profiles, MSP default".into(),
        criteria: criteria
            .iter()
            .map(|c| CriterionLabel {
                id: c.to_lowercase(),
                label: (*c).into(),
            })
            .collect(),
        rows: vals
            .iter()
            .enumerate()
            .map(|(i, v)| ProfileRow {
                vendor: format!("v{i}"),
                values: v.to_vec(),
                // As shown: a rate in %, a count, a price; the normalised value elsewhere.
                shown: v
                    .iter()
                    .enumerate()
                    .map(|(j, &x)| match j {
                        0 => 90.0 + 10.0 * x,
                        1 => 40.0 * (1.0 - x),
                        3 => 2.5 + 6.0 * (1.0 - x),
                        _ => x,
                    })
                    .collect(),
            })
            .collect(),
        vendors,
    }
}

/// A sample input of the `forest` chart.
pub fn forest() -> ForestInput {
    let mut vendors = testutil::vendors(&NAMES);
    vendors[6].excluded = true;
    let est = [
        (0.991, 0.975, 0.998),
        (0.984, 0.962, 0.995),
        (0.97, 0.948, 0.985),
        (0.962, 0.931, 0.981),
        (0.955, 0.93, 0.973),
        (0.978, 0.941, 0.995),
        (0.921, 0.88, 0.952),
    ];
    ForestInput {
        title: "Pilot detection rate with 95% Clopper-Pearson intervals".into(),
        metric: "pilot detection rate".into(),
        unit: "share of malware samples detected".into(),
        level: 0.95,
        rows: est
            .iter()
            .enumerate()
            .map(|(i, &(e, a, b))| ForestRow {
                vendor: format!("v{i}"),
                estimate: e,
                interval: Some(Interval { lower: a, upper: b }),
            })
            .collect(),
        threshold: Some(Threshold {
            value: 0.95,
            label: "gate `pilot-detection` minimum".into(),
        }),
        vendors,
    }
}

/// A sample input of the `tornado` chart.
pub fn tornado() -> TornadoInput {
    let bars = [
        ("Protection", 0.1, 0.4, 69.0, 81.5),
        ("Price per endpoint-month", 0.05, 0.35, 79.2, 70.1),
        ("False positives", 0.05, 0.3, 75.9, 77.6),
        (
            "RMM integration with ConnectWise Automate & NinjaOne",
            0.0,
            0.2,
            76.3,
            77.1,
        ),
        ("Vendor trust", 0.0, 0.15, 76.6, 76.9),
        ("Performance impact", 0.05, 0.25, 74.0, 79.0),
    ];
    TornadoInput {
        title: "How the leader's score moves with each weight".into(),
        subject: "score of Acme EDR".into(),
        unit: "points, 0-100".into(),
        baseline: 76.8,
        bars: bars
            .iter()
            .map(|&(c, wl, wh, vl, vh)| TornadoBar {
                criterion: c.into(),
                weight_low: wl,
                weight_high: wh,
                value_low: vl,
                value_high: vh,
            })
            .collect(),
    }
}

/// A sample input of the `weight_sweep` chart.
pub fn weight_sweep() -> WeightSweepInput {
    let vendors = testutil::vendors(&NAMES);
    let weights: Vec<f64> = (0..=20).map(|i| f64::from(i) / 20.0).collect();
    let lines = [
        (70.0, 85.0),
        (78.0, 60.0),
        (66.0, 72.0),
        (72.0, 50.0),
        (60.0, 65.0),
        (55.0, 40.0),
    ];
    let series = lines
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| SweepSeries {
            vendor: format!("v{i}"),
            scores: weights.iter().map(|w| a + (b - a) * w).collect(),
        })
        .collect();
    WeightSweepInput {
        title: "Scores as the weight of protection changes".into(),
        criterion: "protection".into(),
        score_unit: "points, 0-100".into(),
        vendors,
        weights,
        series,
        current_weight: 0.25,
        break_even: vec![
            BreakEven {
                weight: 0.2424,
                label: "Acme EDR overtakes Bitdefender".into(),
            },
            BreakEven {
                weight: 0.2,
                label: "Acme EDR overtakes <script>".into(),
            },
            BreakEven {
                weight: 0.6,
                label: "ESET overtakes Bitdefender".into(),
            },
        ],
    }
}

/// A sample input of the `rank_heatmap` chart.
pub fn rank_heatmap(n: usize) -> RankHeatmapInput {
    let vendors = testutil::vendors(&NAMES);
    // A banded matrix: vendor i mostly at rank i, some spill to neighbours.
    let rows = (0..n)
        .map(|i| {
            let mut a = vec![0.0; n];
            a[i] = 0.6;
            if i > 0 {
                a[i - 1] = 0.25;
            } else {
                a[i] += 0.25;
            }
            if i + 1 < n {
                a[i + 1] = 0.149;
            } else {
                a[i] += 0.149;
            }
            a[(i + 2) % n] += 0.001;
            RankRow {
                vendor: format!("v{i}"),
                acceptability: a,
            }
        })
        .collect();
    RankHeatmapInput {
        title: "Rank acceptability, 10 000 weight draws".into(),
        vendors,
        rows,
    }
}

/// A sample input of the `frontier` chart.
pub fn frontier() -> FrontierInput {
    let mut vendors = testutil::vendors(&NAMES);
    vendors[7].excluded = true;
    let pts = [
        (4.1, 76.8),
        (3.2, 69.9),
        (2.4, 66.7),
        (2.9, 60.4),
        (1.8, 53.8),
        (2.5, 38.3),
        (3.6, 58.0),
        (1.5, 71.0),
    ];
    FrontierInput {
        title: "Score against cost, fleet of 250 endpoints".into(),
        currency: "USD".into(),
        score_unit: "points, 0-100".into(),
        points: pts
            .iter()
            .enumerate()
            .map(|(i, &(c, s))| FrontierPoint {
                vendor: format!("v{i}"),
                cost: c,
                score: s,
            })
            .collect(),
        vendors,
    }
}

/// A sample input of the `gantt` chart: a pilot and two waves that meet a deadline, with
/// stale devices and devices without antivirus apart. Day 19905 is Monday 2024-07-01.
pub fn gantt() -> GanttInput {
    let bar = |name: &str, devices, first, last, soak_until| GanttBar {
        name: name.into(),
        devices,
        first,
        last,
        soak_until,
    };
    let months = [
        ("Jul", 19905),
        ("Aug", 19936),
        ("Sep", 19967),
        ("Oct", 19997),
    ];
    GanttInput {
        title: "Migration plan: <script>alert(1)</script> & Co".into(),
        axis: "date (2024)".into(),
        bars: vec![
            bar("pilot", 13, 19905, 19906, 19920),
            bar("high value", 41, 19921, 19927, 19941),
            bar(
                "standard workstations at every site",
                250,
                19942,
                19966,
                19980,
            ),
        ],
        deadline: 19995,
        deadline_label: "deadline 2024-09-29".into(),
        ticks: months
            .iter()
            .flat_map(|(m, d)| {
                [
                    GanttTick {
                        day: *d,
                        label: format!("{m} 1"),
                    },
                    GanttTick {
                        day: d + 14,
                        label: format!("{m} 15"),
                    },
                ]
            })
            .collect(),
        apart: vec![
            GanttApart {
                label: "stale, not planned".into(),
                devices: 6,
                reason: "on Kaspersky but not seen for more than 30 days: check they still exist"
                    .into(),
            },
            GanttApart {
                label: "no antivirus".into(),
                devices: 1,
                reason: "not on Kaspersky, so in no wave: protect them too".into(),
            },
        ],
    }
}
