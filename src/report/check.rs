//! What `vendorscore check` found: the dataset's files, the criteria and their effective
//! weights, and how many vendors pass the gates.

use super::pct;
use crate::criteria::Criteria;
use crate::dataset::Dataset;
use crate::rank::Ranking;

/// The summary of a clean check, one finding per line.
pub fn summary(ds: &Dataset, cr: &Criteria, ranking: &Ranking) -> String {
    let mut o = format!(
        "ok: dataset {} has {} vendors\n",
        ds.label,
        ds.vendors.len()
    );
    let files = [
        ("test_scores", ds.test_scores.as_ref().map(Vec::len)),
        ("pilot_results", ds.pilot.as_ref().map(|p| p.rows as usize)),
        ("pricing", ds.pricing.as_ref().map(Vec::len)),
        ("rmm_checks", ds.rmm.as_ref().map(Vec::len)),
    ];
    for (name, rows) in files {
        match rows {
            Some(n) => o.push_str(&format!("  {name}: {n} rows\n")),
            None => o.push_str(&format!("  {name}: absent\n")),
        }
    }
    o.push_str(&format!(
        "ok: criteria {} (`{}`): {} criteria, {} gates, method {}\n",
        cr.file,
        cr.name,
        cr.criteria.len(),
        cr.gates.len(),
        cr.method.name()
    ));
    for c in &ranking.criteria {
        o.push_str(&format!("  {:<7} {} ({})\n", pct(c.weight), c.id, c.metric));
    }
    if let Some(note) = ranking.weights.note(ranking.ranked.len()) {
        o.push_str(&format!("  {note}\n"));
    }
    o.push_str(&format!(
        "ok: {} vendors pass the gates, {} excluded\n",
        ranking.ranked.len(),
        ranking.excluded.len()
    ));
    o
}
