//! Tests of the weight-sweep chart: what it draws in both layouts and the input it refuses.

use super::*;
use crate::chart::{samples, testutil};

#[test]
fn renders_sample() {
    let input = samples::weight_sweep();
    let chart = weight_sweep(&input).unwrap();
    testutil::check(&chart, &input.title);
    assert!(testutil::svg_texts(&chart.svg)
        .iter()
        .any(|t| t.starts_with("Acme EDR overtakes <script>")));
    testutil::save("weight-sweep", &chart);
}

#[test]
fn single_point_and_flat_lines() {
    let mut input = samples::weight_sweep();
    input.weights = vec![0.25];
    for s in &mut input.series {
        s.scores = vec![50.0];
    }
    input.break_even.clear();
    let chart = weight_sweep(&input).unwrap();
    testutil::check(&chart, &input.title);
}

#[test]
fn rejects_bad_input() {
    let mut input = samples::weight_sweep();
    input.weights.swap(1, 2);
    assert!(matches!(
        weight_sweep(&input),
        Err(ChartError::Value { .. })
    ));
    let mut input = samples::weight_sweep();
    input.series[0].scores[3] = f64::NAN;
    assert!(matches!(
        weight_sweep(&input),
        Err(ChartError::Value { .. })
    ));
    let mut input = samples::weight_sweep();
    input.series[0].scores.pop();
    assert!(matches!(
        weight_sweep(&input),
        Err(ChartError::Length { .. })
    ));
    let mut input = samples::weight_sweep();
    input.current_weight = 1.5;
    assert!(matches!(
        weight_sweep(&input),
        Err(ChartError::Value { .. })
    ));
    let mut input = samples::weight_sweep();
    input.series.clear();
    assert!(matches!(
        weight_sweep(&input),
        Err(ChartError::Empty { .. })
    ));
}
