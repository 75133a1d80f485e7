//! `vendorscore diff`: what changed between two runs and why the ranking moved.
//!
//! - `rows.rs` compares each evidence file row by row, by its natural key;
//! - `replay.rs` cuts the changes into units in a documented order;
//! - `attribution.rs` replays them one at a time from the old run and credits each with
//!   the ranks it moved;
//! - this file puts the two rankings side by side (places, scores, gates, weights,
//!   Kendall's tau-b) and `render.rs` writes it as text, Markdown or JSON.
//!
//! Loading and ranking a state of the replay is the caller's (`cmd/diff.rs`).

pub mod attribution;
mod render;
pub mod replay;
pub mod rows;

use serde::Serialize;

use crate::rank::Ranking;
use crate::report::tables::tidy;
use crate::score::consensus::kendall_tau_b;
use attribution::{place_of, standings, Place, Replayed, Step};
use replay::Replay;
use rows::{RowChange, Status};

/// One side of the comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// What was given: a report folder or a dataset folder.
    pub given: String,
    pub dataset: String,
    pub criteria: String,
    pub client: Option<String>,
    pub method: String,
    pub seed: u64,
    /// The inputs' fingerprint, as the report's manifest gives it.
    pub fingerprint: Option<String>,
    pub winner: Option<String>,
    /// The robustness verdict's word and sentence (as `report` gives it).
    pub robustness: Option<String>,
    pub robustness_sentence: Option<String>,
}

/// A file of the two runs.
#[derive(Debug, Clone, Serialize)]
pub struct FileChange {
    pub file: String,
    pub status: Status,
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub rows: Vec<RowChange>,
}

/// A setting that differs: the criteria file, the client profile, the method or the seed.
#[derive(Debug, Clone, Serialize)]
pub struct Setting {
    pub what: String,
    pub old: String,
    pub new: String,
}

/// A criterion's effective weight in each run (`None`: not a criterion of that run).
#[derive(Debug, Clone, Serialize)]
pub struct WeightChange {
    pub criterion: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

/// A vendor in each run.
#[derive(Debug, Clone, Serialize)]
pub struct VendorChange {
    pub vendor: String,
    pub old: Place,
    pub new: Place,
    pub old_score: Option<f64>,
    pub new_score: Option<f64>,
    /// Why a gate excluded it, in each run (empty when it passed or is absent).
    pub old_reasons: Vec<String>,
    pub new_reasons: Vec<String>,
}

impl VendorChange {
    /// Its place or its score moved.
    pub fn moved(&self) -> bool {
        self.old != self.new || self.old_score != self.new_score
    }

    /// It passed the gates in one run and not in the other.
    pub fn gate_flipped(&self) -> bool {
        let ranked = |p: Place| matches!(p, Place::Rank(_));
        (self.old == Place::Excluded && ranked(self.new))
            || (ranked(self.old) && self.new == Place::Excluded)
    }
}

/// The comparison of two runs.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    pub old: Side,
    pub new: Side,
    pub files: Vec<FileChange>,
    pub settings: Vec<Setting>,
    pub weights: Vec<WeightChange>,
    pub vendors: Vec<VendorChange>,
    pub winner_changed: bool,
    /// Kendall's tau-b between the two rankings' ranks, over the vendors ranked in both.
    pub kendall_tau_b: Option<f64>,
    pub ranked_in_both: usize,
    /// The replay, unit by unit, in its order.
    pub steps: Vec<Step>,
    /// Some unit moves other ranks alone than in its place in the sequence.
    pub order_matters: bool,
    /// What the reader should know about the replay.
    pub notes: Vec<String>,
}

impl DiffReport {
    /// Puts two runs side by side with the replay between them.
    pub fn new(
        sides: (Side, Side),
        rankings: (&Ranking, &Ranking),
        settings: Vec<Setting>,
        replay: &Replay,
        replayed: Replayed,
    ) -> DiffReport {
        let (old, new) = rankings;
        let vendors = vendor_changes(old, new);
        let both: Vec<&VendorChange> = vendors
            .iter()
            .filter(|v| matches!((v.old, v.new), (Place::Rank(_), Place::Rank(_))))
            .collect();
        let rank = |p: Place| match p {
            Place::Rank(n) => n as f64,
            _ => f64::NAN,
        };
        let a: Vec<f64> = both.iter().map(|v| rank(v.old)).collect();
        let b: Vec<f64> = both.iter().map(|v| rank(v.new)).collect();
        let tau = kendall_tau_b(&a, &b).ok().flatten().map(tidy);
        let ranked_in_both = both.len();
        let mut notes = Vec::new();
        if replayed.start.as_ref() != Some(&standings(old)) {
            notes.push("The replay's starting point does not rank as the old run does, so the moves credited below are approximate.".to_string());
        }
        if replayed.end.as_ref() != Some(&standings(new)) && !replay.units.is_empty() {
            notes.push("The replay with every change applied does not rank as the new run does, so the moves credited below are approximate.".to_string());
        }
        if replayed.steps.iter().any(|s| s.error.is_some()) {
            notes.push("A state that cannot be ranked (for example rows of a vendor the dataset does not have yet) credits its moves to the next step that can.".to_string());
        }
        let order_matters = replayed.steps.iter().any(|s| s.order_matters);
        DiffReport {
            old: sides.0,
            new: sides.1,
            files: replay.files.iter().map(file_change).collect(),
            settings,
            weights: weight_changes(old, new),
            winner_changed: old.ranked.first().map(|r| &r.vendor)
                != new.ranked.first().map(|r| &r.vendor),
            vendors,
            kendall_tau_b: tau,
            ranked_in_both,
            steps: replayed.steps,
            order_matters,
            notes,
        }
    }
}

fn file_change(f: &rows::FileDiff) -> FileChange {
    let count = |kind: &str| f.changes.iter().filter(|c| c.kind == kind).count();
    FileChange {
        file: f.name.clone(),
        status: f.status,
        added: count("added"),
        removed: count("removed"),
        changed: count("changed"),
        rows: f.changes.clone(),
    }
}

/// Every criterion of either run, the new run's order first.
fn weight_changes(old: &Ranking, new: &Ranking) -> Vec<WeightChange> {
    let weight = |r: &Ranking, id: &str| {
        r.criteria
            .iter()
            .find(|c| c.id == id)
            .map(|c| tidy(c.weight))
    };
    let mut ids: Vec<&str> = new.criteria.iter().map(|c| c.id.as_str()).collect();
    ids.extend(
        old.criteria
            .iter()
            .map(|c| c.id.as_str())
            .filter(|id| !new.criteria.iter().any(|c| c.id == *id)),
    );
    ids.into_iter()
        .map(|id| WeightChange {
            criterion: id.to_string(),
            old: weight(old, id),
            new: weight(new, id),
        })
        .collect()
}

/// Every vendor of either run, the new run's order first.
fn vendor_changes(old: &Ranking, new: &Ranking) -> Vec<VendorChange> {
    let (so, sn) = (standings(old), standings(new));
    let score = |r: &Ranking, v: &str| {
        r.ranked
            .iter()
            .find(|x| x.vendor == v)
            .map(|x| tidy(x.score))
    };
    let reasons = |r: &Ranking, v: &str| {
        r.excluded
            .iter()
            .find(|x| x.vendor == v)
            .map_or_else(Vec::new, |x| {
                x.reasons.iter().map(|r| r.text.clone()).collect()
            })
    };
    let mut all: Vec<String> = sn.iter().map(|(v, _)| v.clone()).collect();
    all.extend(
        so.iter()
            .map(|(v, _)| v.clone())
            .filter(|v| !sn.iter().any(|(x, _)| x == v)),
    );
    let mut out: Vec<VendorChange> = all
        .into_iter()
        .map(|v| VendorChange {
            old: place_of(&so, &v),
            new: place_of(&sn, &v),
            old_score: score(old, &v),
            new_score: score(new, &v),
            old_reasons: reasons(old, &v),
            new_reasons: reasons(new, &v),
            vendor: v,
        })
        .collect();
    // The new ranking's order, then the excluded, then the vendors the new run lacks.
    out.sort_by_key(|v| (v.new.order(), v.old.order()));
    out
}
