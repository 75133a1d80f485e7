//! Tests of the ranking chart: what it draws in both layouts and the input it refuses.

use super::*;
use crate::chart::{samples, testutil};

#[test]
fn renders_sample() {
    let input = samples::ranking();
    let chart = ranking_contributions(&input).unwrap();
    testutil::check(&chart, &input.title);
    let texts = testutil::svg_texts(&chart.svg);
    assert!(
        texts.iter().any(|t| t == "4. <script>alert(1)</script>"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("Sophos & Co")));
    assert!(texts
        .iter()
        .any(|t| t.starts_with("WithSecure Elements: gate")));
    testutil::save("ranking", &chart);
}

#[test]
fn all_excluded_still_draws() {
    let mut input = samples::ranking();
    input.rows.clear();
    let chart = ranking_contributions(&input).unwrap();
    testutil::check(&chart, &input.title);
    testutil::save("ranking-all-excluded", &chart);
}

#[test]
fn one_vendor_and_default_title() {
    let mut input = samples::ranking();
    input.rows.truncate(1);
    input.excluded.clear();
    input.title.clear();
    let chart = ranking_contributions(&input).unwrap();
    testutil::check(&chart, "Ranking: points each criterion adds to the score");
}

#[test]
fn rejects_bad_input() {
    let mut input = samples::ranking();
    input.rows[0].points[2] = f64::NAN;
    assert!(matches!(
        ranking_contributions(&input),
        Err(ChartError::Value { .. })
    ));
    let mut input = samples::ranking();
    input.rows[0].points.pop();
    assert!(matches!(
        ranking_contributions(&input),
        Err(ChartError::Length { .. })
    ));
    let mut input = samples::ranking();
    input.rows[0].vendor = "nobody".into();
    let err = ranking_contributions(&input).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the `ranking` chart refers to vendor `nobody`, which has no style entry"
    );
    let mut input = samples::ranking();
    input.rows.clear();
    input.excluded.clear();
    assert!(matches!(
        ranking_contributions(&input),
        Err(ChartError::Empty { .. })
    ));
}
