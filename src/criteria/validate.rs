//! Checks a raw criteria file as a whole and builds a `Criteria` with normalised weights.
//!
//! Every problem is collected with its position; nothing stops at the first one.

use std::collections::HashSet;

use toml::Spanned;

use super::context::Ctx;
use super::raw::{RawBound, RawCriteria, RawCriterion, RawGate};
use super::validated::*;
use super::weights::WeightProblem;
use super::{validate_scoring, validate_weights};
use crate::decision::{Direction, Method, Normalisation, PreferenceFunction};
use crate::problem::{suggest, Problem};

const LEVELS: [&str; 3] = ["pass", "partial", "fail"];

/// Whether a TOML text is a client profile: a `[fleet]` table, which criteria never have.
fn looks_like_a_client_profile(text: &str) -> bool {
    text.lines().any(|l| l.trim() == "[fleet]")
}

/// Parses and validates a criteria file's text; `file` is how it is shown in messages.
pub fn parse(file: &str, text: &str) -> Result<Criteria, Vec<Problem>> {
    let mut cx = Ctx {
        file,
        text,
        problems: Vec::new(),
    };
    let raw: RawCriteria = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            if looks_like_a_client_profile(text) {
                return Err(vec![Problem::file(file, "this is a client profile (it has `[fleet]`), not a criteria file")
                    .hint("pass it with --client, and a criteria file with --criteria (shipped ones are in criteria/)")]);
            }
            let hint = if e.message().contains("unknown field") {
                "keys are listed in docs/criteria.md; a typo in a key is an error so it cannot be silently ignored"
            } else {
                "see docs/criteria.md and criteria/msp-default.toml for the format"
            };
            return Err(vec![crate::problem::toml_problem(file, text, &e, hint)]);
        }
    };
    let mut method = match &raw.method {
        None => Method::WeightedSum,
        Some(m) => cx
            .pick(m, "method", &Method::NAMES)
            .and_then(Method::from_name)
            .unwrap_or(Method::WeightedSum),
    };
    match (&mut method, &raw.vikor_v) {
        (Method::Vikor { v }, Some(s)) => {
            *v = *s.get_ref();
            if !(0.0..=1.0).contains(v) {
                cx.at(
                    s,
                    format!("`vikor_v` is `{v}`"),
                    Some("VIKOR's strategy weight is from 0 to 1 (0.5 by default)".into()),
                );
            }
        }
        (_, Some(s)) => cx.at(
            s,
            format!(
                "`vikor_v` applies to method `vikor` only, not `{}`",
                method.name()
            ),
            Some("remove it, or set `method = \"vikor\"`".into()),
        ),
        _ => {}
    }
    let missing = cx.missing(&raw.missing).unwrap_or(Missing::Error);
    let gates = gates(&mut cx, &raw.gate);
    let (groups, mut criteria) = weights(&mut cx, &raw, missing);
    validate_scoring::preferences(&mut cx, &raw, &mut criteria, method);
    validate_scoring::normalisations(&mut cx, &raw, &mut criteria, method);
    let weighting = validate_weights::weighting(&mut cx, &raw, &mut criteria);
    let (weight_spec, weight_spec_pos) = validate_weights::sensitivity(&mut cx, &raw, &criteria);
    if cx.problems.is_empty() {
        Ok(Criteria {
            weighting,
            weight_spec,
            weight_spec_pos,
            file: file.to_string(),
            name: raw.name.into_inner(),
            description: raw.description,
            method,
            file_method: None,
            missing,
            gates,
            groups,
            criteria,
        })
    } else {
        Err(cx.problems)
    }
}

fn gates(cx: &mut Ctx, raw: &[Spanned<RawGate>]) -> Vec<Gate> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for g in raw {
        let g = g.get_ref();
        cx.id(&g.id, "gate");
        if !ids.insert(g.id.get_ref().clone()) {
            cx.at(
                &g.id,
                format!("duplicate gate id `{}`", g.id.get_ref()),
                None,
            );
        }
        let metric = cx.metric(&g.metric, &g.aggregate);
        let mut rules = Vec::new();
        if let Some(r) = &g.rule {
            match r.get_ref().as_str() {
                "empty" => rules.push(Rule::Empty),
                "present" => rules.push(Rule::Present),
                _ => {
                    cx.pick(r, "rule", &["empty", "present"]);
                }
            }
        }
        if g.min.is_some() || g.max.is_some() {
            rules.extend(range(cx, g));
        }
        if let Some(list) = &g.in_ {
            rules.push(Rule::In(list.get_ref().clone()));
        }
        if let Some(list) = &g.not_in {
            rules.push(Rule::NotIn(list.get_ref().clone()));
        }
        if let Some(level) = &g.at_least {
            if let Some(l) = cx.pick(level, "level", &LEVELS) {
                let score = crate::dataset::CheckResult::NAMES
                    .iter()
                    .position(|n| *n == l)
                    .map(|i| [1.0, 0.5, 0.0][i])
                    .unwrap_or(0.0);
                rules.push(Rule::AtLeast {
                    level: l.to_string(),
                    score,
                });
            }
        }
        let pass_if_missing = match &g.if_missing {
            Some(s) => cx.pick(s, "`if_missing`", &["fail", "pass"]) == Some("pass"),
            None => false,
        };
        let pos = cx.pos(g.metric.span().start);
        match rules.len() {
            1 => out.push(Gate {
                id: g.id.get_ref().clone(),
                description: g.description.clone(),
                metric,
                rule: rules.remove(0),
                pass_if_missing,
                metric_pos: pos,
                defined_in: None,
            }),
            // A `min` or `max` that could not be read is reported already.
            0 if g.min.is_some() || g.max.is_some() => {}
            0 => cx.at(&g.id, format!("gate `{}` has no requirement", g.id.get_ref()), Some("give one of `rule` (`empty`, `present`), `min`/`max`, `in`, `not_in` or `at_least`".into())),
            _ => cx.at(&g.id, format!("gate `{}` has more than one kind of requirement", g.id.get_ref()), Some("split it into one gate per requirement (`min` and `max` together count as one)".into())),
        }
    }
    out
}

/// A gate's `min`/`max` as a rule: numbers on the metric's scale, or both percentages
/// (`"95%"`); `None` after reporting a bound that is neither, or a mix of the two.
fn range(cx: &mut Ctx, g: &RawGate) -> Option<Rule> {
    let mut bound = |b: &Option<Spanned<RawBound>>| -> Option<Option<(f64, bool)>> {
        let Some(s) = b else { return Some(None) };
        let (x, percent) = match s.get_ref() {
            RawBound::Number(x) => (*x, false),
            RawBound::Text(t) => {
                match t.trim().strip_suffix('%').map(|n| n.trim().parse::<f64>()) {
                    Some(Ok(x)) => (x, true),
                    _ => {
                        cx.at(s, format!("`{t}` is not a number or a percentage"), Some("write a number on the metric's scale, such as `0.95`, or a percentage in quotes, such as `\"95%\"`".into()));
                        return None;
                    }
                }
            }
        };
        if !x.is_finite() {
            cx.at(s, format!("bound `{x}` is not a finite number"), None);
            return None;
        }
        Some(Some((x, percent)))
    };
    let (min, max) = (bound(&g.min)?, bound(&g.max)?);
    let percent = min.or(max).is_some_and(|(_, p)| p);
    if let (Some((lo, p)), Some((hi, q)), Some(span)) = (min, max, &g.min) {
        if p != q {
            cx.at(
                span,
                "`min` and `max` are written differently, one as a percentage and one as a number"
                    .to_string(),
                Some("write both the same way, e.g. `min = \"90%\"` and `max = \"99%\"`".into()),
            );
            return None;
        }
        if lo > hi {
            cx.at(
                span,
                format!("`min` {lo} is above `max` {hi}"),
                Some("no value could pass; swap them".into()),
            );
        }
    }
    Some(Rule::Range {
        min: min.map(|b| b.0),
        max: max.map(|b| b.0),
        percent,
    })
}

fn weights(cx: &mut Ctx, raw: &RawCriteria, missing: Missing) -> (Vec<Group>, Vec<Criterion>) {
    let mut groups: Vec<Group> = raw
        .group
        .iter()
        .map(|(id, g)| Group {
            id: id.clone(),
            label: g.get_ref().label.clone().unwrap_or_else(|| id.clone()),
            description: g.get_ref().description.clone(),
            raw_weight: cx.weight(&g.get_ref().weight, &format!("group `{id}`")),
            weight: 0.0,
        })
        .collect();
    let mut criteria = Vec::new();
    let mut ids = HashSet::new();
    let ahp = validate_weights::uses_ahp(raw);
    for c in &raw.criterion {
        let c: &RawCriterion = c.get_ref();
        cx.id(&c.id, "criterion");
        if !ids.insert(c.id.get_ref().clone()) {
            cx.at(
                &c.id,
                format!("duplicate criterion id `{}`", c.id.get_ref()),
                Some("each criterion needs its own id".into()),
            );
        }
        let metric = cx.metric(&c.metric, &c.aggregate);
        let direction = match cx.pick(&c.direction, "direction", &["max", "min"]) {
            Some("min") => Direction::Min,
            _ => Direction::Max,
        };
        let group = match (&c.group, groups.is_empty()) {
            (Some(g), true) => {
                cx.at(
                    g,
                    format!("group `{}` is not defined", g.get_ref()),
                    Some(format!(
                        "add a `[group.{}]` table with a weight, or remove `group`",
                        g.get_ref()
                    )),
                );
                None
            }
            (Some(g), false) => {
                let known: Vec<&str> = groups.iter().map(|x| x.id.as_str()).collect();
                if !known.contains(&g.get_ref().as_str()) {
                    cx.at(
                        g,
                        format!("group `{}` is not defined", g.get_ref()),
                        suggest(g.get_ref(), known.iter().copied()),
                    );
                }
                Some(g.get_ref().clone())
            }
            (None, false) => {
                cx.at(&c.id, format!("criterion `{}` has no group", c.id.get_ref()), Some("when the file has groups, every criterion names one with `group = \"...\"`".into()));
                None
            }
            (None, true) => None,
        };
        criteria.push(Criterion {
            id: c.id.get_ref().clone(),
            label: c.label.clone().unwrap_or_else(|| c.id.get_ref().clone()),
            description: c.description.clone(),
            group,
            metric,
            direction,
            raw_weight: match (&c.weight, ahp) {
                (Some(w), false) => cx.weight(w, &format!("criterion `{}`", c.id.get_ref())),
                (None, false) => {
                    cx.at(&c.id, format!("criterion `{}` has no `weight`", c.id.get_ref()), Some("give it a relative weight such as `weight = 1`, or take the weights from an AHP matrix (`[weights] method = \"ahp\"`)".into()));
                    0.0
                }
                (Some(w), true) => {
                    cx.at(w, format!("criterion `{}` has a `weight`, but the weights come from the AHP matrix", c.id.get_ref()), Some("remove `weight` (the matrix in `[weights]` decides), or use direct weights".into()));
                    0.0
                }
                (None, true) => 0.0, // set from the matrix
            },
            weight: 0.0,
            missing: cx.missing(&c.missing).unwrap_or(missing),
            preference: PreferenceFunction::Usual,
            normalisation: Normalisation::MinMax,
            metric_pos: cx.pos(c.metric.span().start),
        });
    }
    if criteria.is_empty() {
        cx.at(
            &raw.name,
            "the file has no `[[criterion]]`".into(),
            Some("add at least one criterion; see criteria/msp-default.toml".into()),
        );
        return (groups, criteria);
    }
    if !ahp {
        normalise(cx, raw, &mut groups, &mut criteria);
    }
    (groups, criteria)
}

/// Effective weights (see `weights.rs`); each problem is reported where it can be fixed.
fn normalise(cx: &mut Ctx, raw: &RawCriteria, groups: &mut [Group], criteria: &mut [Criterion]) {
    if !cx.problems.is_empty() {
        return;
    }
    for p in super::weights::normalise(groups, criteria) {
        let (msg, hint) = p.describe();
        match &p {
            WeightProblem::AllCriteriaZero => match &raw.criterion[0].get_ref().weight {
                Some(w) => cx.at(w, msg, Some(hint)),
                None => cx.at(&raw.criterion[0].get_ref().id, msg, Some(hint)),
            },
            WeightProblem::GroupEmpty(g) | WeightProblem::GroupCriteriaZero(g, _) => {
                cx.at(&raw.group[g], msg, Some(hint))
            }
            WeightProblem::AllGroupsZero => cx.at(&raw.name, msg, Some(hint)),
        }
    }
}
