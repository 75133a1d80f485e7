//! Effective weights from relative ones: group share x share within the group.
//!
//! Used when a criteria file is validated and again when a client profile overrides
//! weights, so both follow one rule and report the same problems.

use std::collections::HashMap;

use super::validated::{Criterion, Group};

/// The largest relative weight a criteria file or client profile may give: weights are
/// relative, so `1` to `100` say everything; the bound keeps any sum of them finite.
pub const MAX_WEIGHT: f64 = 1e6;

/// Why weights cannot be shared out.
#[derive(Debug, Clone, PartialEq)]
pub enum WeightProblem {
    /// No groups, and every criterion weighs 0.
    AllCriteriaZero,
    /// A group no criterion names.
    GroupEmpty(String),
    /// A group with weight whose criteria all weigh 0.
    GroupCriteriaZero(String, f64),
    /// Every group that has criteria weighs 0.
    AllGroupsZero,
}

impl WeightProblem {
    /// The message and a hint, in the house style.
    pub fn describe(&self) -> (String, String) {
        match self {
            WeightProblem::AllCriteriaZero => ("all criterion weights are zero".into(), "give at least one criterion a positive weight".into()),
            WeightProblem::GroupEmpty(g) => (format!("group `{g}` has no criteria"), "add criteria with this group, or remove the group".into()),
            WeightProblem::GroupCriteriaZero(g, w) => (
                format!("the criteria of group `{g}` all have weight 0, so its weight {w} cannot be shared"),
                "give one of its criteria a positive weight, or set the group's weight to 0".into(),
            ),
            WeightProblem::AllGroupsZero => ("all group weights are zero".into(), "give at least one group a positive weight".into()),
        }
    }
}

/// Sets `Group::weight` and `Criterion::weight` from the raw weights. Without groups a
/// criterion's weight is its share of the total; with groups it is the group's share of
/// the groups' total times its share within the group. Effective weights sum to 1.
pub fn normalise(groups: &mut [Group], criteria: &mut [Criterion]) -> Vec<WeightProblem> {
    let mut within: HashMap<Option<String>, f64> = HashMap::new();
    for c in criteria.iter() {
        *within.entry(c.group.clone()).or_default() += c.raw_weight;
    }
    if groups.is_empty() {
        let total = within.get(&None).copied().unwrap_or(0.0);
        if total <= 0.0 {
            return vec![WeightProblem::AllCriteriaZero];
        }
        for c in criteria.iter_mut() {
            c.weight = c.raw_weight / total;
        }
        return Vec::new();
    }
    let mut problems = Vec::new();
    let mut live_total = 0.0;
    for g in groups.iter() {
        match within.get(&Some(g.id.clone())) {
            None => problems.push(WeightProblem::GroupEmpty(g.id.clone())),
            Some(&w) if w <= 0.0 && g.raw_weight > 0.0 => {
                problems.push(WeightProblem::GroupCriteriaZero(g.id.clone(), g.raw_weight))
            }
            Some(_) => live_total += g.raw_weight,
        }
    }
    if live_total <= 0.0 && problems.is_empty() {
        problems.push(WeightProblem::AllGroupsZero);
    }
    if !problems.is_empty() {
        return problems;
    }
    for g in groups.iter_mut() {
        g.weight = g.raw_weight / live_total;
    }
    let shares: HashMap<&str, f64> = groups.iter().map(|g| (g.id.as_str(), g.weight)).collect();
    for c in criteria.iter_mut() {
        let Some(gid) = c.group.clone() else { continue };
        let share = shares.get(gid.as_str()).copied().unwrap_or(0.0);
        let total = within.get(&Some(gid)).copied().unwrap_or(0.0);
        c.weight = if total > 0.0 {
            share * c.raw_weight / total
        } else {
            0.0
        };
    }
    Vec::new()
}
