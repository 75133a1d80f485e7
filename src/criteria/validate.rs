//! Checks a raw criteria file as a whole and builds a `Criteria` with normalised weights.
//!
//! Every problem is collected with its position; nothing stops at the first one.

use std::collections::HashSet;

use toml::Spanned;

use super::raw::{RawCriteria, RawCriterion, RawGate};
use super::validate_weights;
use super::weights::WeightProblem;
use super::*;
use crate::problem::{backticks, suggest};
use crate::score::promethee::PreferenceFunction;

const MISSING: [&str; 3] = ["error", "worst", "exclude-vendor"];
const AGGREGATES: [&str; 3] = ["mean", "latest", "min"];
const LEVELS: [&str; 3] = ["pass", "partial", "fail"];

pub(super) struct Ctx<'a> {
    pub(super) file: &'a str,
    text: &'a str,
    pub(super) problems: Vec<Problem>,
}

impl Ctx<'_> {
    pub(super) fn pos(&self, offset: usize) -> Pos {
        let (line, column) = crate::problem::line_column(self.text, offset);
        Pos { line, column }
    }

    pub(super) fn at<T>(&mut self, s: &Spanned<T>, message: String, hint: Option<String>) {
        let pos = self.pos(s.span().start);
        let mut p = Problem::at(self.file, pos.location(), message);
        p.hint = hint;
        self.problems.push(p);
    }

    /// A value from a fixed list, with a "did you mean" hint.
    pub(super) fn pick<'c>(
        &mut self,
        s: &Spanned<String>,
        key: &str,
        choices: &[&'c str],
    ) -> Option<&'c str> {
        let v = s.get_ref().as_str();
        let found = choices.iter().copied().find(|c| *c == v);
        if found.is_none() {
            let hint = suggest(v, choices.iter().copied())
                .unwrap_or_else(|| format!("expected one of {}", backticks(choices)));
            self.at(s, format!("unknown {key} `{v}`"), Some(hint));
        }
        found
    }

    fn weight(&mut self, w: &Spanned<f64>, what: &str) -> f64 {
        let v = *w.get_ref();
        if !v.is_finite() || v < 0.0 {
            self.at(
                w,
                format!("{what} weight is `{v}`"),
                Some("weights are relative and must be >= 0".into()),
            );
            0.0
        } else {
            v
        }
    }

    fn missing(&mut self, s: &Option<Spanned<String>>) -> Option<Missing> {
        let v = self.pick(s.as_ref()?, "missing policy", &MISSING)?;
        Some(match v {
            "error" => Missing::Error,
            "worst" => Missing::Worst,
            _ => Missing::ExcludeVendor,
        })
    }

    fn metric(
        &mut self,
        metric: &Spanned<String>,
        aggregate: &Option<Spanned<String>>,
    ) -> MetricRef {
        let name = metric.get_ref().trim().to_string();
        let aggregate = match aggregate {
            Some(a) if !name.starts_with("tests.") => {
                self.at(
                    a,
                    format!("`aggregate` applies to `tests.*` metrics only, not `{name}`"),
                    Some("remove `aggregate`; other metrics have one value per vendor".into()),
                );
                Aggregate::Mean
            }
            Some(a) => match self.pick(a, "aggregate", &AGGREGATES) {
                Some("latest") => Aggregate::Latest,
                Some("min") => Aggregate::Min,
                _ => Aggregate::Mean,
            },
            None => Aggregate::Mean,
        };
        if name.is_empty() {
            self.at(
                metric,
                "`metric` is empty".into(),
                Some("name a metric such as `pilot.detection_rate`; see docs/metrics.md".into()),
            );
        }
        MetricRef { name, aggregate }
    }
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
            let pos = cx.pos(e.span().map_or(0, |s| s.start));
            let msg = e.message().trim().to_lowercase();
            let hint = if msg.contains("unknown field") {
                "keys are listed in docs/criteria.md; a typo in a key is an error so it cannot be silently ignored"
            } else {
                "see docs/criteria.md and criteria/msp-default.toml for the format"
            };
            return Err(vec![Problem::at(file, pos.location(), msg).hint(hint)]);
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
    preferences(&mut cx, &raw, &mut criteria, method);
    validate_weights::normalisations(&mut cx, &raw, &mut criteria, method);
    let weighting = validate_weights::weighting(&mut cx, &raw, &mut criteria);
    let (weight_spec, weight_spec_pos) = sensitivity(&mut cx, &raw, &criteria);
    if cx.problems.is_empty() {
        Ok(Criteria {
            weighting,
            weight_spec,
            weight_spec_pos,
            file: file.to_string(),
            name: raw.name.into_inner(),
            description: raw.description,
            method,
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
            let min = g.min.as_ref().map(|m| *m.get_ref());
            let max = g.max.as_ref().map(|m| *m.get_ref());
            if let (Some(lo), Some(hi), Some(span)) = (min, max, &g.min) {
                if lo > hi {
                    cx.at(
                        span,
                        format!("`min` {lo} is above `max` {hi}"),
                        Some("no value could pass; swap them".into()),
                    );
                }
            }
            for (v, s) in [(min, &g.min), (max, &g.max)] {
                if let (Some(v), Some(s)) = (v, s) {
                    if !v.is_finite() {
                        cx.at(s, format!("bound `{v}` is not a finite number"), None);
                    }
                }
            }
            rules.push(Rule::Range { min, max });
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
            0 => cx.at(&g.id, format!("gate `{}` has no requirement", g.id.get_ref()), Some("give one of `rule` (`empty`, `present`), `min`/`max`, `in`, `not_in` or `at_least`".into())),
            _ => cx.at(&g.id, format!("gate `{}` has more than one kind of requirement", g.id.get_ref()), Some("split it into one gate per requirement (`min` and `max` together count as one)".into())),
        }
    }
    out
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

/// PROMETHEE II preference functions: `preference` with `q`, `p`, `s` as the function
/// takes them; refused with any other method.
fn preferences(cx: &mut Ctx, raw: &RawCriteria, criteria: &mut [Criterion], method: Method) {
    const FUNCTIONS: [&str; 6] = ["usual", "u-shape", "v-shape", "level", "linear", "gaussian"];
    for (rc, c) in raw.criterion.iter().zip(criteria.iter_mut()) {
        let rc = rc.get_ref();
        let Some(pref) = &rc.preference else {
            for (key, v) in [("q", &rc.q), ("p", &rc.p), ("s", &rc.s)] {
                if let Some(v) = v {
                    cx.at(v, format!("`{key}` needs a `preference` function (criterion `{}`)", c.id), Some("add `preference = \"linear\"` (or another PROMETHEE II function), or remove it".into()));
                }
            }
            continue;
        };
        if method != Method::Promethee2 {
            cx.at(
                pref,
                format!(
                    "`preference` applies to method `promethee2` only, not `{}`",
                    method.name()
                ),
                Some("remove it, or set `method = \"promethee2\"`".into()),
            );
            continue;
        }
        let Some(name) = cx.pick(pref, "preference function", &FUNCTIONS) else {
            continue;
        };
        let get = |v: &Option<Spanned<f64>>| v.as_ref().map(|s| *s.get_ref());
        let (q, p, s) = (get(&rc.q), get(&rc.p), get(&rc.s));
        let wants: &[&str] = match name {
            "usual" => &[],
            "u-shape" => &["q"],
            "v-shape" => &["p"],
            "level" | "linear" => &["q", "p"],
            _ => &["s"],
        };
        for (key, v) in [("q", &rc.q), ("p", &rc.p), ("s", &rc.s)] {
            match v {
                Some(v) if !wants.contains(&key) => cx.at(
                    v,
                    format!("preference `{name}` takes no `{key}`"),
                    Some(if wants.is_empty() {
                        "it takes no thresholds".to_string()
                    } else {
                        format!("it takes {}", backticks(wants))
                    }),
                ),
                None if wants.contains(&key) => cx.at(
                    pref,
                    format!("preference `{name}` needs `{key}` (criterion `{}`)", c.id),
                    Some(format!("give {}", backticks(wants))),
                ),
                _ => {}
            }
        }
        if let (Some(q), Some(p), Some(span)) = (q, p, &rc.q) {
            if q > p {
                cx.at(
                    span,
                    format!("`q` {q} is above `p` {p}"),
                    Some(
                        "the indifference threshold q must not exceed the preference threshold p"
                            .into(),
                    ),
                );
            }
        }
        for (key, v) in [("q", &rc.q), ("p", &rc.p), ("s", &rc.s)] {
            if let Some(v) = v {
                let x = *v.get_ref();
                if !x.is_finite() || x < 0.0 || (key != "q" && x == 0.0) {
                    cx.at(
                        v,
                        format!("`{key}` is `{x}`"),
                        Some(
                            if key == "q" {
                                "expected a number >= 0"
                            } else {
                                "expected a number > 0"
                            }
                            .into(),
                        ),
                    );
                }
            }
        }
        let (q, p, s) = (q.unwrap_or(0.0), p.unwrap_or(1.0), s.unwrap_or(1.0));
        c.preference = match name {
            "usual" => PreferenceFunction::Usual,
            "u-shape" => PreferenceFunction::UShape { q },
            "v-shape" => PreferenceFunction::VShape { p },
            "level" => PreferenceFunction::Level { q, p },
            "linear" => PreferenceFunction::Linear { q, p },
            _ => PreferenceFunction::Gaussian { s },
        };
    }
}

/// `[sensitivity]` ranges and orderings, by criterion id; feasibility is checked here too
/// (the same check SMAA makes before sampling).
fn sensitivity(
    cx: &mut Ctx,
    raw: &RawCriteria,
    criteria: &[Criterion],
) -> (crate::sensitivity::WeightSpec, Option<Pos>) {
    let mut spec = crate::sensitivity::WeightSpec::uniform();
    let Some(s) = &raw.sensitivity else {
        return (spec, None);
    };
    let pos = cx.pos(s.span().start);
    let ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
    let index = |cx: &mut Ctx, id: &str, at: &Spanned<Vec<String>>| -> Option<usize> {
        let i = ids.iter().position(|x| *x == id);
        if i.is_none() {
            cx.at(
                at,
                format!("`{id}` is not a criterion id"),
                suggest(id, ids.iter().copied()),
            );
        }
        i
    };
    let s = s.get_ref();
    if !s.ranges.is_empty() {
        spec.ranges = vec![None; criteria.len()];
    }
    for (id, r) in &s.ranges {
        let Some(i) = ids.iter().position(|x| x == id) else {
            cx.at(
                r,
                format!("`{id}` is not a criterion id"),
                suggest(id, ids.iter().copied()),
            );
            continue;
        };
        match r.get_ref().as_slice() {
            [lo, hi] if lo > hi => cx.at(
                r,
                format!("range of `{id}` has its lower bound {lo} above its upper bound {hi}"),
                Some("write `[low, high]`".into()),
            ),
            [lo, hi] if *lo < 0.0 || *hi > 1.0 => cx.at(
                r,
                format!("range of `{id}` is outside 0 to 1"),
                Some("ranges are shares of the total weight, e.g. `[0.1, 0.4]`".into()),
            ),
            [lo, hi] => spec.ranges[i] = Some((*lo, *hi)),
            _ => cx.at(
                r,
                format!("range of `{id}` needs two numbers"),
                Some("write `[low, high]`, e.g. `[0.1, 0.4]`".into()),
            ),
        }
    }
    for chain in &s.order {
        let members: Vec<usize> = chain
            .get_ref()
            .iter()
            .filter_map(|id| index(cx, id, chain))
            .collect();
        if members.len() == chain.get_ref().len() {
            spec.orderings.push(members);
        }
    }
    if cx.problems.is_empty() {
        if let Err(e) = crate::sensitivity::WeightSampler::new(&spec, criteria.len()) {
            let mut p = Problem::at(
                cx.file,
                pos.location(),
                format!("the `[sensitivity]` weights cannot be sampled: {e}"),
            );
            p.hint = Some(
                "widen the ranges or relax the ordering so some weighting satisfies them all"
                    .into(),
            );
            cx.problems.push(p);
        }
    }
    (spec, Some(pos))
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
