//! `vendorscore demo-data`: generate the synthetic dataset straight to disk.

use super::Outcome;
use crate::cli::DemoArgs;
use crate::demo::{write_to_dir, DemoOptions};
use crate::Error;

/// Streams the files into `--out` (temporary names, renamed when all are complete).
pub fn run(a: &DemoArgs) -> Result<Outcome, Error> {
    let opts = DemoOptions {
        seed: a.seed,
        vendors: a.vendors,
        endpoints: a.endpoints,
        days: a.days,
    };
    let written = write_to_dir(&opts, &a.out, a.force)?;
    let mut o = format!(
        "wrote a synthetic dataset (seed {}) to {}:\n",
        a.seed,
        a.out.display()
    );
    for (p, bytes) in &written {
        o.push_str(&format!("  {} ({bytes} bytes)\n", p.display()));
    }
    o.push_str(&format!(
        "rank it with: vendorscore rank --data {}\n",
        a.out.display()
    ));
    Ok(Outcome {
        stdout: o.into_bytes(),
        stderr: String::new(),
    })
}
