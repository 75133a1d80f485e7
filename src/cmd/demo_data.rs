//! `vendorscore demo-data`: generate the synthetic dataset and write it.

use super::Outcome;
use crate::cli::DemoArgs;
use crate::demo::{generate, DemoOptions};
use crate::{output, Error};

/// Generates the files in memory, then writes them all at once.
pub fn run(a: &DemoArgs) -> Result<Outcome, Error> {
    let opts = DemoOptions {
        seed: a.seed,
        vendors: a.vendors,
        endpoints: a.endpoints,
        days: a.days,
    };
    let files: Vec<(String, Vec<u8>)> = generate(&opts)?
        .into_iter()
        .map(|f| (f.name.to_string(), f.bytes))
        .collect();
    let written = output::write_all(&a.out, &files)?;
    let mut o = format!(
        "wrote a synthetic dataset (seed {}) to {}:\n",
        a.seed,
        a.out.display()
    );
    for (p, (_, bytes)) in written.iter().zip(&files) {
        o.push_str(&format!("  {} ({} bytes)\n", p.display(), bytes.len()));
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
