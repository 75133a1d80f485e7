//! Stress tests across every chart: many vendors with long, hostile names (markup, quotes,
//! control characters), many criteria with long labels, and degenerate values. Each must
//! render valid SVG with the text intact and a PNG of the stated size, never panic.

use super::data::*;
use super::testutil;
use super::*;

fn hostile_vendors(n: usize) -> Vec<VendorStyle> {
    let names = [
        "<script>alert(1)</script>",
        "Sophos & Co \"Intercept\" X 'Advanced' with an extremely long edition name",
        "Ctrl\u{7}char\u{1b}[31m vendor",
        "]]><!-- cdata -->",
        "Émoji 🛡️ Sécurité GmbH",
    ];
    (0..n)
        .map(|i| VendorStyle {
            id: format!("v{i}"),
            label: if i < names.len() {
                names[i].to_string()
            } else {
                format!("Vendor number {i} with a rather long product and edition name")
            },
            colour: i,
            excluded: i % 5 == 4,
        })
        .collect()
}

fn criteria(m: usize) -> Vec<CriterionLabel> {
    (0..m)
        .map(|j| CriterionLabel {
            id: format!("c{j}"),
            label: format!("Criterion {j} with a long descriptive label & <b>markup</b>"),
        })
        .collect()
}

fn all_charts(
    n: usize,
    m: usize,
    value: impl Fn(usize, usize) -> f64,
) -> Vec<(&'static str, Chart)> {
    let vendors = hostile_vendors(n);
    let ids: Vec<String> = vendors.iter().map(|v| v.id.clone()).collect();
    let ranked: Vec<&String> = vendors
        .iter()
        .filter(|v| !v.excluded)
        .map(|v| &v.id)
        .collect();
    let mut out = Vec::new();
    let ranking = RankingInput {
        title: "Stress ranking".into(),
        vendors: vendors.clone(),
        criteria: criteria(m),
        rows: ranked
            .iter()
            .enumerate()
            .map(|(i, id)| RankingRow {
                vendor: (*id).clone(),
                points: (0..m).map(|j| value(i, j) * 100.0 / m as f64).collect(),
            })
            .collect(),
        excluded: vendors
            .iter()
            .filter(|v| v.excluded)
            .map(|v| Exclusion {
                vendor: v.id.clone(),
                reason: format!("gate <b>`x`</b> failed & {}", "very long reason ".repeat(8)),
            })
            .collect(),
    };
    out.push(("ranking", ranking_contributions(&ranking).unwrap()));
    let profile_in = ProfileInput {
        title: "Stress profile".into(),
        vendors: vendors.clone(),
        criteria: criteria(m),
        rows: ids
            .iter()
            .enumerate()
            .map(|(i, id)| ProfileRow {
                vendor: id.clone(),
                values: (0..m).map(|j| value(i, j)).collect(),
                shown: (0..m).map(|j| value(i, j) * 1234.5).collect(),
            })
            .collect(),
    };
    out.push(("profile", profile(&profile_in).unwrap()));
    let forest_in = ForestInput {
        title: "Stress forest".into(),
        metric: "false positives <per> endpoint-day".into(),
        unit: "count & ratio".into(),
        level: 0.9,
        vendors: vendors.clone(),
        rows: ids
            .iter()
            .enumerate()
            .map(|(i, id)| ForestRow {
                vendor: id.clone(),
                estimate: value(i, 0),
                interval: Some(Interval {
                    lower: value(i, 0) * 0.9,
                    upper: value(i, 0) * 1.1,
                }),
            })
            .collect(),
        threshold: Some(Threshold {
            value: 0.5,
            label: "<limit>".into(),
        }),
    };
    out.push(("forest", forest(&forest_in).unwrap()));
    let tornado_in = TornadoInput {
        title: "Stress tornado".into(),
        subject: "score of <script>".into(),
        unit: "points".into(),
        baseline: 50.0,
        bars: (0..m)
            .map(|j| TornadoBar {
                criterion: criteria(m)[j].label.clone(),
                weight_low: 0.0,
                weight_high: 1.0,
                value_low: 50.0 - value(0, j) * 10.0,
                value_high: 50.0 + value(1 % n, j) * 10.0,
            })
            .collect(),
    };
    out.push(("tornado", tornado(&tornado_in).unwrap()));
    let weights: Vec<f64> = (0..=10).map(|k| f64::from(k) / 10.0).collect();
    let sweep_in = WeightSweepInput {
        title: "Stress sweep".into(),
        criterion: "<i>price</i>".into(),
        score_unit: "points".into(),
        vendors: vendors.clone(),
        series: ids
            .iter()
            .enumerate()
            .map(|(i, id)| SweepSeries {
                vendor: id.clone(),
                scores: weights
                    .iter()
                    .map(|w| value(i, 0) * 100.0 * (1.0 - w) + value(i, 1 % m) * 100.0 * w)
                    .collect(),
            })
            .collect(),
        weights,
        current_weight: 0.3,
        break_even: (0..6)
            .map(|k| BreakEven {
                weight: 0.1 + 0.05 * f64::from(k),
                label: format!("<b>{k}</b> & a long break-even label"),
            })
            .collect(),
    };
    out.push(("sweep", weight_sweep(&sweep_in).unwrap()));
    let heat_in = RankHeatmapInput {
        title: "Stress heatmap".into(),
        vendors: vendors.clone(),
        rows: ids
            .iter()
            .enumerate()
            .map(|(i, id)| RankRow {
                vendor: id.clone(),
                acceptability: (0..n).map(|j| value(i, j % m)).collect(),
            })
            .collect(),
    };
    out.push(("heatmap", rank_heatmap(&heat_in).unwrap()));
    let frontier_in = FrontierInput {
        title: "Stress frontier".into(),
        currency: "€ & <EUR>".into(),
        score_unit: "points".into(),
        vendors,
        points: ids
            .iter()
            .enumerate()
            .map(|(i, id)| FrontierPoint {
                vendor: id.clone(),
                cost: 1.0 + value(i, 0),
                score: value(i, 1 % m) * 100.0,
            })
            .collect(),
    };
    out.push(("frontier", frontier(&frontier_in).unwrap()));
    out
}

#[test]
fn many_vendors_long_hostile_names() {
    for (name, chart) in all_charts(16, 11, |i, j| ((i * 7 + j * 3) % 10) as f64 / 10.0) {
        testutil::check(&chart, &format!("Stress {name}"));
        let texts = testutil::svg_texts(&chart.svg).join("\n");
        let expected = if name == "tornado" {
            "score of <script>"
        } else {
            "<script>alert(1)</script>"
        };
        assert!(texts.contains(expected), "{name}: markup should be text");
        assert!(
            !chart.svg.contains('\u{7}') && !chart.svg.contains('\u{1b}'),
            "{name}: control characters kept"
        );
        testutil::save(&format!("stress-{name}"), &chart);
    }
}

#[test]
fn all_values_equal() {
    for (name, chart) in all_charts(3, 2, |_, _| 0.5) {
        testutil::check(&chart, &format!("Stress {name}"));
        testutil::save(&format!("equal-{name}"), &chart);
    }
}

#[test]
fn one_vendor_one_criterion() {
    for (name, chart) in all_charts(1, 1, |_, _| 1.0) {
        testutil::check(&chart, &format!("Stress {name}"));
        testutil::save(&format!("single-{name}"), &chart);
    }
}

#[test]
fn all_zero() {
    for (name, chart) in all_charts(2, 3, |_, _| 0.0) {
        testutil::check(&chart, &format!("Stress {name}"));
    }
}

#[test]
fn rendering_is_deterministic() {
    let a = all_charts(4, 3, |i, j| ((i + j) % 3) as f64 / 2.0);
    let b = all_charts(4, 3, |i, j| ((i + j) % 3) as f64 / 2.0);
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert_eq!(x, y, "{name} differs between two runs");
    }
}
