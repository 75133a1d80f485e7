//! Hard requirements: each gate either lets a vendor through or excludes it with a reason
//! in words, before any scoring.

use crate::criteria::{Gate, Rule};
use crate::metrics::{Metrics, Value};
use crate::problem::backticks;

/// Why a vendor was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// The gate or criterion id that excluded it.
    pub by: String,
    /// The reason in words, user values in backticks.
    pub text: String,
}

/// The reasons `vendor` fails the gates (empty when it passes them all), looking each
/// gate's metric up in `metrics`.
pub fn check(gates: &[Gate], metrics: &Metrics, vendor: usize) -> Vec<Reason> {
    check_values(gates, &values(gates, metrics, vendor))
}

/// Each gate's metric value for `vendor` (`None`: no value), in gate order, on the
/// gate's scale: a ratio (0..1) under a gate written in percent is a percentage.
pub fn values(gates: &[Gate], metrics: &Metrics, vendor: usize) -> Vec<Option<Value>> {
    gates
        .iter()
        .map(|g| {
            let value = metrics.value(vendor, &g.metric);
            match (value, &g.rule) {
                (Some(Value::Number(x)), Rule::Range { percent: true, .. })
                    if metrics.unit(&g.metric.name) == "ratio" =>
                {
                    Some(Value::Number(x * 100.0))
                }
                (value, _) => value,
            }
        })
        .collect()
}

/// The reasons a vendor whose gate metrics are `values` (one per gate) fails the gates.
pub fn check_values(gates: &[Gate], values: &[Option<Value>]) -> Vec<Reason> {
    gates
        .iter()
        .zip(values)
        .filter_map(|(g, value)| {
            fail(g, value.clone()).map(|text| Reason {
                by: g.id.clone(),
                text,
            })
        })
        .collect()
}

/// Why a value fails a gate, or `None` when it passes.
fn fail(g: &Gate, value: Option<Value>) -> Option<String> {
    let m = &g.metric.name;
    let Some(value) = value else {
        return (!g.pass_if_missing)
            .then(|| format!("no value for `{m}`, which gate `{}` requires", g.id));
    };
    match (&g.rule, &value) {
        (Rule::Present, _) => None,
        (Rule::Empty, Value::List(items)) if items.is_empty() => None,
        (Rule::Empty, Value::List(items)) if m == "vendor.restrictions" => {
            Some(format!("restricted ({})", backticks(items)))
        }
        (Rule::Empty, Value::List(items)) => {
            Some(format!("`{m}` is not empty ({})", backticks(items)))
        }
        (Rule::Empty, Value::Text(t)) => Some(format!("`{m}` is `{t}`, not empty")),
        (Rule::Range { min, max, percent }, Value::Number(x)) => {
            let num = |v: f64| bound(v, *percent);
            if let Some(lo) = min.filter(|lo| x < lo) {
                Some(format!(
                    "`{m}` is {}, below the minimum {}",
                    num(*x),
                    num(lo)
                ))
            } else {
                max.filter(|hi| x > hi)
                    .map(|hi| format!("`{m}` is {}, above the maximum {}", num(*x), num(hi)))
            }
        }
        (Rule::AtLeast { level, score }, Value::Number(x)) => (x < score).then(|| {
            let got = if *x >= 1.0 {
                "pass"
            } else if *x >= 0.5 {
                "partial"
            } else {
                "fail"
            };
            format!("`{m}` is `{got}`, not at least `{level}`")
        }),
        (Rule::In(allowed), Value::Text(t)) => (!allowed.contains(t))
            .then(|| format!("`{m}` is `{t}`, not one of {}", backticks(allowed))),
        (Rule::NotIn(banned), Value::Text(t)) => banned
            .contains(t)
            .then(|| format!("`{m}` is `{t}`, which is excluded")),
        (Rule::In(allowed), Value::List(items)) => {
            let bad: Vec<&String> = items.iter().filter(|i| !allowed.contains(i)).collect();
            (!bad.is_empty()).then(|| {
                format!(
                    "`{m}` has {}, not among {}",
                    backticks(&bad),
                    backticks(allowed)
                )
            })
        }
        (Rule::NotIn(banned), Value::List(items)) => {
            let bad: Vec<&String> = items.iter().filter(|i| banned.contains(i)).collect();
            (!bad.is_empty()).then(|| format!("`{m}` has {}, which is excluded", backticks(&bad)))
        }
        _ => Some(format!(
            "`{m}` cannot be checked by gate `{}` (wrong kind of value)",
            g.id
        )),
    }
}

/// A passing value against its requirement, in words, e.g. "`x` is 0.97 (minimum 0.95)".
pub fn describe(g: &Gate, value: Option<&Value>) -> String {
    let m = &g.metric.name;
    let percent = matches!(g.rule, Rule::Range { percent: true, .. });
    let shown = match value {
        None => return format!("no value for `{m}` (the gate lets it pass)"),
        Some(Value::Number(x)) => bound(*x, percent),
        Some(Value::Text(t)) => format!("`{t}`"),
        Some(Value::List(l)) if l.is_empty() => "empty".to_string(),
        Some(Value::List(l)) => backticks(l),
    };
    let need = requirement(&g.rule);
    format!("`{m}` is {shown} ({need})")
}

/// A gate's rule in words, e.g. "minimum 0.95" or "one of `pass`, `partial`".
pub fn requirement(rule: &Rule) -> String {
    match rule {
        Rule::Empty => "must be empty".to_string(),
        Rule::Present => "must be present".to_string(),
        Rule::Range {
            min: Some(lo),
            max: Some(hi),
            percent,
        } => format!("range {} to {}", bound(*lo, *percent), bound(*hi, *percent)),
        Rule::Range {
            min: Some(lo),
            percent,
            ..
        } => format!("minimum {}", bound(*lo, *percent)),
        Rule::Range {
            max: Some(hi),
            percent,
            ..
        } => format!("maximum {}", bound(*hi, *percent)),
        Rule::Range { .. } => "any".to_string(),
        Rule::In(v) => format!("one of {}", backticks(v)),
        Rule::NotIn(v) => format!("none of {}", backticks(v)),
        Rule::AtLeast { level, .. } => format!("at least `{level}`"),
    }
}

/// A gate's number as [`fmt_num`] writes it, with `%` when the gate is in percent.
fn bound(x: f64, percent: bool) -> String {
    if percent {
        format!("{}%", fmt_num(x))
    } else {
        fmt_num(x)
    }
}

/// A number with up to four significant decimals, without trailing zeros.
pub fn fmt_num(x: f64) -> String {
    let s = if x.abs() >= 100.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.4}")
    };
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Whether a gate's rule fits the kind of value a metric has ("list", "text" or a number unit).
pub fn rule_fits(rule: &Rule, unit: &str) -> bool {
    match rule {
        Rule::Present => true,
        Rule::Empty => unit == "list",
        Rule::In(_) | Rule::NotIn(_) => unit == "list" || unit == "text",
        Rule::Range { .. } | Rule::AtLeast { .. } => unit != "list" && unit != "text",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::{Aggregate, MetricRef, Pos};

    fn gate(metric: &str, rule: Rule) -> Gate {
        Gate {
            id: "g".into(),
            description: None,
            metric: MetricRef {
                name: metric.into(),
                aggregate: Aggregate::Mean,
            },
            rule,
            pass_if_missing: false,
            metric_pos: Pos { line: 1, column: 1 },
            defined_in: None,
        }
    }

    #[test]
    fn restriction_reason_names_the_restrictions() {
        let g = gate("vendor.restrictions", Rule::Empty);
        let v = Value::List(vec!["us-bis-2024".into(), "fcc-covered-list".into()]);
        assert_eq!(
            fail(&g, Some(v)).unwrap(),
            "restricted (`us-bis-2024`, `fcc-covered-list`)"
        );
        assert_eq!(fail(&g, Some(Value::List(vec![]))), None);
    }

    #[test]
    fn bounds_are_inclusive_and_missing_fails() {
        let g = gate(
            "pilot.detection_rate.lower95",
            Rule::Range {
                min: Some(0.95),
                max: None,
                percent: false,
            },
        );
        assert_eq!(fail(&g, Some(Value::Number(0.95))), None);
        let why = fail(&g, Some(Value::Number(0.9412))).unwrap();
        assert_eq!(
            why,
            "`pilot.detection_rate.lower95` is 0.9412, below the minimum 0.95"
        );
        assert!(fail(&g, None).unwrap().starts_with("no value"));
        let mut lenient = g.clone();
        lenient.pass_if_missing = true;
        assert_eq!(fail(&lenient, None), None);
    }

    #[test]
    fn at_least_partial() {
        let g = gate(
            "rmm.deploy",
            Rule::AtLeast {
                level: "partial".into(),
                score: 0.5,
            },
        );
        assert_eq!(fail(&g, Some(Value::Number(0.5))), None);
        assert_eq!(
            fail(&g, Some(Value::Number(0.0))).unwrap(),
            "`rmm.deploy` is `fail`, not at least `partial`"
        );
    }

    #[test]
    fn in_and_not_in_on_text() {
        let g = gate(
            "vendor.hq_country",
            Rule::NotIn(vec!["RU".into(), "CN".into()]),
        );
        assert!(fail(&g, Some(Value::Text("RU".into()))).is_some());
        assert!(fail(&g, Some(Value::Text("US".into()))).is_none());
    }
}
