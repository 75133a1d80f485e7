//! Checks a criteria file's metric names against a dataset: every criterion and gate
//! names a metric the dataset has (or says why not, with close names), and each metric
//! fits its use (criteria score numbers; a gate's rule fits its metric's kind).

use crate::criteria::{Criteria, Gate, Missing, Rule};
use crate::gates;
use crate::metrics::{Lookup, Metrics};
use crate::problem::{suggest, Problem};

/// Every criterion and gate metric must exist in this dataset and fit its use: the
/// problems (none when all do); a criterion whose file is absent but scores as worst only
/// adds a warning.
pub(super) fn check_names(
    cr: &Criteria,
    metrics: &Metrics,
    warnings: &mut Vec<String>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let names = metrics.names();
    let unknown = |name: &str, at: &dyn Fn(String) -> Problem| {
        let mut p = at(format!("unknown metric `{name}`"));
        p.hint = Some(suggest(name, names.iter().copied()).map_or(
            "metric names are listed in docs/metrics.md".to_string(),
            |s| format!("{s} (all metrics: docs/metrics.md)"),
        ));
        p
    };
    for c in &cr.criteria {
        match metrics.lookup(&c.metric.name) {
            Lookup::Unknown => problems.push(unknown(&c.metric.name, &|m| cr.problem_at(c.metric_pos, m))),
            Lookup::AbsentFile(file) => match c.missing {
                Missing::Worst => warnings.push(format!("criterion `{}` has no data: the dataset has no `{file}` file, so `{}` adds the same (nothing) to every vendor", c.id, c.metric.name)),
                _ => problems.push(cr.problem_at(c.metric_pos, format!("metric `{}` comes from `{file}`, which the dataset does not have (criterion `{}`)", c.metric.name, c.id))
                    .hint(format!("add {file}.csv to the dataset, remove the criterion, or set `missing = \"worst\"`"))),
            },
            Lookup::Known => {
                let unit = metrics.unit(&c.metric.name);
                if unit == "list" || unit == "text" {
                    problems.push(cr.problem_at(c.metric_pos, format!("metric `{}` is a {unit}, not a number (criterion `{}`)", c.metric.name, c.id))
                        .hint("criteria score numbers; use a gate for lists and text"));
                }
            }
        }
    }
    for g in &cr.gates {
        match metrics.lookup(&g.metric.name) {
            Lookup::Unknown => problems.push(unknown(&g.metric.name, &|m| cr.gate_problem(g, m))),
            Lookup::AbsentFile(file) if !g.pass_if_missing => problems.push(
                cr.gate_problem(
                    g,
                    format!(
                        "gate `{}` needs `{}` from `{file}`, which the dataset does not have",
                        g.id, g.metric.name
                    ),
                )
                .hint(format!(
                    "add {file}.csv, remove the gate, or set `if_missing = \"pass\"` on it"
                )),
            ),
            Lookup::AbsentFile(_) => {}
            Lookup::Known => {
                let unit = metrics.unit(&g.metric.name);
                if !gates::rule_fits(&g.rule, &unit) {
                    problems.push(cr.gate_problem(g, format!("gate `{}`'s rule does not fit `{}`, a {} metric", g.id, g.metric.name, if unit == "list" || unit == "text" { unit.as_str() } else { "numeric" }))
                        .hint("`rule = \"empty\"` is for lists, `in`/`not_in` for text and lists, `min`/`max`/`at_least` for numbers"));
                }
                problems.extend(off_scale(cr, g, &unit));
            }
        }
    }
    problems
}

/// A `min` or `max` a rate's scale makes meaningless: outside what the metric can be, or
/// on the other scale (lab rates are percent, 0 to 100; pilot rates are ratios, 0 to 1).
/// `min = 95` on a ratio would exclude every vendor, `min = 0.99` on a percent pass every
/// one, without a word.
fn off_scale(cr: &Criteria, g: &Gate, unit: &str) -> Option<Problem> {
    let Rule::Range { min, max, percent } = &g.rule else {
        return None;
    };
    let bounds = [("min", *min), ("max", *max)];
    if *percent {
        return percent_off(cr, g, unit, &bounds);
    }
    let (key, x, fix) = bounds.iter().find_map(|&(key, x)| {
        let x = x?;
        let fix = match unit {
            "ratio" if x > 1.0 && x <= 100.0 => Some(x / 100.0),
            "ratio" if !(0.0..=1.0).contains(&x) => None,
            "percent" if key == "min" && x > 0.0 && x <= 1.0 => Some(x * 100.0),
            "percent" if !(0.0..=100.0).contains(&x) => None,
            _ => return None,
        };
        Some((key, x, fix))
    })?;
    let scale = if unit == "ratio" {
        "a ratio from 0 to 1"
    } else {
        "a percentage from 0 to 100"
    };
    let message = format!(
        "gate `{}` has `{key} = {}`, but `{}` is {scale}",
        g.id,
        crate::problem::number(x),
        g.metric.name
    );
    let hint = match fix {
        Some(f) => format!(
            "did you mean `{key} = {}`? (lab rates are percentages, pilot rates ratios: docs/metrics.md)",
            crate::problem::number((f * 1e9).round() / 1e9)
        ),
        None => format!("no value of `{}` can be beyond that range; see docs/metrics.md", g.metric.name),
    };
    Some(cr.gate_problem(g, message).hint(hint))
}

/// A bound written as a percentage (`"95%"`) fits a rate (a ratio or a percentage) and
/// lies from 0% to 100%.
fn percent_off(
    cr: &Criteria,
    g: &Gate,
    unit: &str,
    bounds: &[(&str, Option<f64>)],
) -> Option<Problem> {
    if unit != "ratio" && unit != "percent" {
        let unit = if unit.is_empty() { "a number" } else { unit };
        return Some(
            cr.gate_problem(g, format!("gate `{}` is written as a percentage, but `{}` is not a rate (it is in {unit})", g.id, g.metric.name))
                .hint("write the bound as a number on the metric's own scale (docs/metrics.md lists each unit)"),
        );
    }
    let (key, x) = bounds
        .iter()
        .find_map(|&(key, x)| x.filter(|x| !(0.0..=100.0).contains(x)).map(|x| (key, x)))?;
    Some(
        cr.gate_problem(
            g,
            format!(
                "gate `{}` has `{key} = \"{}%\"`, but a rate lies from 0% to 100%",
                g.id,
                crate::problem::number(x)
            ),
        )
        .hint("write a percentage from \"0%\" to \"100%\""),
    )
}
