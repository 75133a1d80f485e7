//! `vendorscore check`: validate without ranking, and say what was found.

use super::{load_inputs, warnings, Outcome};
use crate::cli::InputArgs;
use crate::report::pct;
use crate::Error;

/// Loads, validates and runs the pipeline up to the ranking; prints a summary.
pub fn run(a: &InputArgs) -> Result<Outcome, Error> {
    let inputs = load_inputs(a)?;
    let ranking = inputs.rank()?;
    let (ds, cr) = (&inputs.dataset, &inputs.criteria);
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
    Ok(Outcome {
        stdout: o.into_bytes(),
        stderr: warnings(&ranking.warnings),
    })
}
