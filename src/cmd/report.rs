//! `vendorscore report`: write the ranking in every format into `--out`.

use super::{load_inputs, warnings, Outcome};
use crate::cli::ReportArgs;
use crate::{output, report, Error};

/// Ranks, renders all formats in memory, then writes them all at once.
pub fn run(a: &ReportArgs) -> Result<Outcome, Error> {
    let r = load_inputs(&a.input)?.rank()?;
    let mut files = vec![
        ("ranking.csv".to_string(), report::csv(&r)),
        ("ranking.json".to_string(), report::json(&r)),
        ("ranking.md".to_string(), report::markdown(&r).into_bytes()),
    ];
    files.extend(
        report::charts::ranking_charts(&r)
            .map_err(|e| Error::Usage(format!("cannot draw the charts: {e}")))?,
    );
    let written = output::write_all(&a.out, &files)?;
    let mut o = report::table(&r);
    o.push_str("\nwrote:\n");
    for p in written {
        o.push_str(&format!("  {}\n", p.display()));
    }
    Ok(Outcome {
        stdout: o.into_bytes(),
        stderr: warnings(&r.warnings),
    })
}
