//! `vendorscore compare-methods`: rank with every method and compare.

use super::{load_inputs, render, warnings, Outcome};
use crate::cli::CompareArgs;
use crate::decision::Method;
use crate::report::compare::Comparison;
use crate::report::export::terminal::Width;
use crate::Error;

/// Ranks once per method on the same inputs, then renders the side-by-side table.
pub fn run(a: &CompareArgs, width: Width) -> Result<Outcome, Error> {
    let inputs = load_inputs(&a.input)?;
    let mut rankings = Vec::new();
    let mut skipped = Vec::new();
    for name in Method::NAMES {
        let mut criteria = inputs.criteria.clone();
        if criteria.method.name() != name {
            criteria.method = Method::from_name(name).expect("known name");
        }
        match crate::rank::rank(&inputs.dataset, &criteria, &inputs.pricing, inputs.seed) {
            Ok(r) => rankings.push(r),
            // A method that cannot score this data (the weighted product and a 0) is
            // left out with its reason; a problem every method shares stops here.
            Err(crate::rank::RankError::Invalid { problems }) if name != "weighted-sum" => skipped
                .push((
                    name,
                    problems
                        .first()
                        .map(|p| p.message.clone())
                        .unwrap_or_default(),
                )),
            Err(e) => return Err(e.into()),
        }
    }
    let mut cmp = Comparison::build(rankings)?;
    cmp.skipped = skipped;
    Ok(Outcome {
        stdout: render(&cmp, a.format, width),
        stderr: warnings(&cmp.rankings[0]),
    })
}
