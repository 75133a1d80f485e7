//! Where each vendor stands in a ranking, what moved between two rankings, and the
//! replay that credits each unit of change with the moves it made (`replay.rs` cuts the
//! units).

use serde::{Serialize, Serializer};

use crate::rank::Ranking;

/// Where a vendor stands in one run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    Rank(usize),
    /// Left out by a gate (or a missing value the criteria exclude on).
    Excluded,
    /// Not in the run's dataset.
    Absent,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Rank(n) => write!(f, "{n}"),
            Place::Excluded => f.write_str("excluded"),
            Place::Absent => f.write_str("absent"),
        }
    }
}

impl Place {
    /// Sorts places best first: ranks in order, then excluded, then absent.
    pub fn order(self) -> usize {
        match self {
            Place::Rank(n) => n,
            Place::Excluded => usize::MAX - 1,
            Place::Absent => usize::MAX,
        }
    }
}

impl Serialize for Place {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Place::Rank(n) => s.serialize_u64(*n as u64),
            other => s.serialize_str(&other.to_string()),
        }
    }
}

/// Every vendor of a run with its place, in dataset order.
pub type Standings = Vec<(String, Place)>;

/// The standings of a ranking.
pub fn standings(r: &Ranking) -> Standings {
    r.all_vendors
        .iter()
        .map(|(v, _)| {
            let place = match r.ranked.iter().find(|x| x.vendor == *v) {
                Some(x) => Place::Rank(x.rank),
                None if r.excluded.iter().any(|x| x.vendor == *v) => Place::Excluded,
                None => Place::Absent,
            };
            (v.clone(), place)
        })
        .collect()
}

/// Where `vendor` stands in `s` (absent when `s` lacks it).
pub fn place_of(s: &Standings, vendor: &str) -> Place {
    s.iter()
        .find(|(v, _)| v == vendor)
        .map_or(Place::Absent, |(_, p)| *p)
}

/// A vendor whose place changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Move {
    pub vendor: String,
    pub before: Place,
    pub after: Place,
}

/// The vendors whose place differs from `a` to `b`: `b`'s vendors in order, then those
/// only `a` has.
pub fn moves(a: &Standings, b: &Standings) -> Vec<Move> {
    let mut vendors: Vec<&str> = b.iter().map(|(v, _)| v.as_str()).collect();
    vendors.extend(
        a.iter()
            .map(|(v, _)| v.as_str())
            .filter(|v| !b.iter().any(|(x, _)| x == v)),
    );
    let mut out: Vec<Move> = vendors
        .into_iter()
        .map(|v| Move {
            vendor: v.to_string(),
            before: place_of(a, v),
            after: place_of(b, v),
        })
        .filter(|m| m.before != m.after)
        .collect();
    // Best new place first, then those that left the ranking.
    out.sort_by_key(|m| m.after.order());
    out
}

/// Which way a move goes, to compare a unit's moves in and out of sequence.
fn way(m: &Move) -> (String, i8) {
    let w = match (m.before, m.after) {
        (Place::Rank(a), Place::Rank(b)) => {
            if b < a {
                1
            } else {
                -1
            }
        }
        (_, Place::Rank(_)) => 2,
        (Place::Rank(_), _) => -2,
        _ => 0,
    };
    (m.vendor.clone(), w)
}

/// One unit's effect.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub label: String,
    /// What moved when it was applied in its place in the sequence.
    pub moves: Vec<Move>,
    /// What moved when it was applied alone to the old run (`None`: that state could
    /// not be ranked).
    pub alone: Option<Vec<Move>>,
    /// Why the state after this step could not be ranked; its moves are then credited
    /// to the next step that can be.
    pub error: Option<String>,
    /// The unit moves other vendors, or the same ones another way, alone than in its place.
    pub order_matters: bool,
}

/// The replay's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Replayed {
    pub steps: Vec<Step>,
    /// Where the replay started (no unit applied) and ended (every unit applied).
    pub start: Option<Standings>,
    pub end: Option<Standings>,
}

/// Applies `labels.len()` units one at a time from none to all, and each alone;
/// `rank(applied)` ranks the state with the units `applied` marks.
pub fn replay(
    labels: &[String],
    rank: &mut dyn FnMut(&[bool]) -> Result<Standings, String>,
) -> Replayed {
    let n = labels.len();
    let start = rank(&vec![false; n]).ok();
    let mut last = start.clone();
    let mut applied = vec![false; n];
    let mut steps = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        applied[i] = true;
        let (moved, error) = match rank(&applied) {
            Ok(s) => {
                let m = last.as_ref().map_or_else(Vec::new, |l| moves(l, &s));
                last = Some(s);
                (m, None)
            }
            Err(e) => (Vec::new(), Some(e)),
        };
        let mut one = vec![false; n];
        one[i] = true;
        let alone = match (&start, rank(&one)) {
            (Some(s), Ok(a)) => Some(moves(s, &a)),
            _ => None,
        };
        let order_matters = error.is_none()
            && alone.as_ref().is_some_and(|a| {
                let mut x: Vec<_> = a.iter().map(way).collect();
                let mut y: Vec<_> = moved.iter().map(way).collect();
                x.sort();
                y.sort();
                x != y
            });
        steps.push(Step {
            label: label.clone(),
            moves: moved,
            alone,
            error,
            order_matters,
        });
    }
    let end = if steps.last().is_some_and(|s| s.error.is_none()) || n == 0 {
        last
    } else {
        None
    };
    Replayed { steps, start, end }
}
