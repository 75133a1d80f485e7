//! A validated client profile, the names a profile may use (RMM and PSA platforms,
//! constraints, countries of concern), and how a profile applies to a criteria file:
//! constraint gates are added and weight overrides replace the file's weights.

use crate::cost::PricingContext;
use crate::criteria::{weights, Criteria, Gate, Pos};
use crate::problem::{suggest, Problem};

/// RMM platforms known by name (a dataset may add more through `rmm_checks`).
pub const KNOWN_RMM: [&str; 12] = [
    "connectwise-automate",
    "ninjaone",
    "datto-rmm",
    "kaseya-vsa",
    "n-able-n-central",
    "n-able-n-sight",
    "syncro",
    "atera",
    "pulseway",
    "action1",
    "level",
    "tactical-rmm",
];
/// PSA platforms known by name.
pub const KNOWN_PSA: [&str; 8] = [
    "connectwise-psa",
    "autotask",
    "halopsa",
    "kaseya-bms",
    "syncro",
    "atera",
    "freshservice",
    "servicenow",
];
/// Constraints a profile may name, each adding gates.
pub const CONSTRAINTS: [&str; 3] = ["federal-contractor", "rmm-deploy", "psa-ticketing"];
/// Countries of concern for the `federal-contractor` constraint (an example list, not legal advice).
pub const COUNTRIES_OF_CONCERN: [&str; 5] = ["RU", "CN", "IR", "KP", "BY"];

/// A validated client profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub file: String,
    pub name: String,
    pub description: Option<String>,
    pub pricing: PricingContext,
    pub psa: Option<String>,
    /// `[plan]`: the migration plan's settings (docs/plan.md).
    pub plan: super::plan::PlanProfile,
    /// Gates the constraints add.
    pub gates: Vec<Gate>,
    /// (criterion id, weight, where)
    pub weights: Vec<(String, f64, Pos)>,
    /// (group id, weight, where)
    pub group_weights: Vec<(String, f64, Pos)>,
}

impl Profile {
    /// Applies the profile to a criteria file: constraint gates are added, weight
    /// overrides replace raw weights, and effective weights are recomputed.
    pub fn apply(&self, cr: &mut Criteria) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        let at = |pos: Pos, msg: String, hint: Option<String>| {
            let mut p = Problem::at(&self.file, pos.location(), msg);
            p.hint = hint;
            p
        };
        if cr.weighting.ahp.is_some() {
            if let Some((id, _, pos)) = self.weights.first() {
                problems.push(at(
                    *pos,
                    format!("`{}` takes its weights from an AHP matrix, so the weight of `{id}` cannot be overridden", cr.file),
                    Some("change the judgements in the criteria file's `[weights]` matrix, or use a criteria file with direct weights".into()),
                ));
                return Err(problems);
            }
        }
        for (id, w, pos) in &self.weights {
            match cr.criteria.iter_mut().find(|c| &c.id == id) {
                Some(c) => c.raw_weight = *w,
                None => problems.push(at(
                    *pos,
                    format!("`{}` has no criterion `{id}`", cr.file),
                    suggest(id, cr.criteria.iter().map(|c| c.id.as_str())),
                )),
            }
        }
        for (id, w, pos) in &self.group_weights {
            match cr.groups.iter_mut().find(|g| &g.id == id) {
                Some(g) => g.raw_weight = *w,
                None => problems.push(at(
                    *pos,
                    format!("`{}` has no group `{id}`", cr.file),
                    suggest(id, cr.groups.iter().map(|g| g.id.as_str())),
                )),
            }
        }
        if problems.is_empty() {
            let first = self
                .weights
                .iter()
                .chain(&self.group_weights)
                .map(|w| w.2)
                .next()
                .unwrap_or(Pos { line: 1, column: 1 });
            for p in weights::normalise(&mut cr.groups, &mut cr.criteria) {
                let (msg, hint) = p.describe();
                problems.push(at(
                    first,
                    format!("with this profile's weights, {msg}"),
                    Some(hint),
                ));
            }
        }
        cr.gates.extend(self.gates.iter().cloned());
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}
