//! Checks a criteria file's metric names against a dataset: every criterion and gate
//! names a metric the dataset has (or says why not, with close names), and each metric
//! fits its use (criteria score numbers; a gate's rule fits its metric's kind).

use crate::criteria::{Criteria, Missing};
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
            }
        }
    }
    problems
}
