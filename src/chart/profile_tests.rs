//! Tests of the profile heat map: what it draws in both layouts and the input it refuses.

use super::*;
use crate::chart::wrap::holds;
use crate::chart::{samples, testutil};

fn texts(svg: &str) -> Vec<String> {
    testutil::svg_texts(svg)
}

#[test]
fn every_label_shows_in_full_in_both_layouts() {
    let mut input = samples::profile();
    input.criteria[3].label = "False positives per endpoint-day over the pilot".into();
    let chart = profile(&input).unwrap();
    testutil::check(&chart, &input.title);
    for svg in [&chart.svg, &chart.narrow] {
        let t = texts(svg);
        for c in &input.criteria {
            assert!(
                holds(&t, &c.label),
                "criterion `{}` not whole in {t:?}",
                c.label
            );
        }
        for v in input.rows.iter().map(|r| &r.vendor) {
            let style = input.vendors.iter().find(|s| &s.id == v).unwrap();
            let label = style::vendor_label(style);
            assert!(t.contains(&label), "vendor `{label}` not whole in {t:?}");
        }
    }
    assert!(texts(&chart.svg)
        .iter()
        .any(|t| t == "<script>alert(1)</script>"));
    testutil::save("profile", &chart);
    testutil::save_narrow("profile", &chart);
}

#[test]
fn values_follow_the_precision_rule_per_criterion() {
    let mut input = samples::profile();
    for (i, r) in input.rows.iter_mut().enumerate() {
        r.shown[0] = [98.44, 95.0, 90.123, 97.0, 99.0, 91.0, 92.0][i];
        r.shown[3] = [4.2, 12.5, 3.0, 5.0, 6.0, 7.26, 8.0][i];
    }
    let chart = profile(&input).unwrap();
    for svg in [&chart.svg, &chart.narrow] {
        let t = texts(svg);
        // 98.44 sets one decimal for its column: 95.0, not 95 or 95.00.
        for want in ["98.4", "95.0", "90.1", "4.2", "12.5", "3.0", "7.3"] {
            assert!(t.iter().any(|x| x == want), "{want} missing from {t:?}");
        }
        assert!(!t.iter().any(|x| x == "95" || x == "90.123"), "{t:?}");
        // The sample's NaN: not available.
        assert!(t.iter().any(|x| x == "n/a"), "{t:?}");
    }
}

#[test]
fn narrow_is_narrow_and_both_are_deterministic() {
    let input = samples::profile();
    let a = profile(&input).unwrap();
    assert_eq!(a, profile(&input).unwrap());
    assert_eq!((a.width, a.narrow_width), (900, 380));
    assert!(a.narrow_height > a.height / 2);
}

#[test]
fn one_criterion_one_vendor() {
    let mut input = samples::profile();
    input.criteria.truncate(1);
    input.rows.truncate(1);
    input.rows[0].values.truncate(1);
    input.rows[0].shown.truncate(1);
    let chart = profile(&input).unwrap();
    testutil::check(&chart, &input.title);
}

#[test]
fn rejects_out_of_range_and_empty() {
    let mut input = samples::profile();
    input.rows[0].values[0] = 1.5;
    assert!(matches!(profile(&input), Err(ChartError::Value { .. })));
    input.rows[0].values[0] = f64::INFINITY;
    assert!(matches!(profile(&input), Err(ChartError::Value { .. })));
    let mut input = samples::profile();
    input.rows[0].shown.pop();
    assert!(matches!(profile(&input), Err(ChartError::Length { .. })));
    let mut input = samples::profile();
    input.rows.clear();
    assert!(matches!(profile(&input), Err(ChartError::Empty { .. })));
    let mut input = samples::profile();
    input.criteria.clear();
    assert!(matches!(profile(&input), Err(ChartError::Empty { .. })));
}
