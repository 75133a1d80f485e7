//! `vendorscore verify OUT`: reads the manifest `report` wrote into OUT, reruns its command
//! into a temporary folder, and compares inputs and outputs by SHA-256 (`audit::verify`).

use std::path::Path;

use clap::Parser;

use super::Outcome;
use crate::audit::manifest::{sha256, Recorded, FILE};
use crate::audit::verify::{compare, describe};
use crate::cli::{Cli, Command, VerifyArgs};
use crate::report::export::terminal::Width;
use crate::Error;

/// Verifies the report folder `a.dir`.
pub fn run(a: &VerifyArgs, width: Width) -> Result<Outcome, Error> {
    let dir = &a.dir;
    let old = read_manifest(&dir.join(FILE)).map_err(|e| match e {
        None => Error::Usage(format!(
            "`{}` holds no {FILE}: it is not a folder `vendorscore report` wrote\n  hint: give the --out folder of a report, e.g. `vendorscore verify out`",
            dir.display()
        )),
        Some(e) => e,
    })?;
    let shown = old.command.join(" ");
    let cli =
        Cli::try_parse_from(std::iter::once("vendorscore".to_string()).chain(old.command.clone()))
            .map_err(|e| {
                Error::Verify(format!(
                    "the manifest's command `{shown}` cannot be run again: {}",
                    first_line(&e.to_string())
                ))
            })?;
    let Command::Report(mut args) = cli.command else {
        return Err(Error::Verify(format!(
            "the manifest's command `{shown}` is not a `report`\n  hint: only folders written by `vendorscore report` can be verified"
        )));
    };
    let scratch = tempfile::tempdir().map_err(|source| Error::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    args.out = scratch.path().join("out");
    super::report::run(&args, width).map_err(|e| {
        Error::Verify(format!(
            "the rerun of `{shown}` failed: {e}\n  hint: run verify from the folder the report was made in; the manifest gives the inputs' paths as they were given"
        ))
    })?;
    let new = read_manifest(&args.out.join(FILE))
        .map_err(|e| e.unwrap_or_else(|| Error::Verify("the rerun wrote no manifest".into())))?;
    let now: Vec<(String, Option<String>)> = old
        .outputs
        .iter()
        .map(|o| {
            let bytes = std::fs::read(dir.join(&o.path)).ok();
            (o.path.clone(), bytes.map(|b| sha256(&b)))
        })
        .collect();
    let v = compare(&old, &new, &now);
    let text = describe(&v, &old);
    if v.holds() {
        Ok(Outcome {
            stdout: text.into_bytes(),
            stderr: String::new(),
        })
    } else {
        Err(Error::Verify(text.trim_end().to_string()))
    }
}

/// The manifest at `path`; `Err(None)` when there is no such file.
fn read_manifest(path: &Path) -> Result<Recorded, Option<Error>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(None),
        Err(source) => {
            return Err(Some(Error::Io {
                path: path.to_path_buf(),
                source,
            }))
        }
    };
    serde_json::from_slice(&bytes).map_err(|e| {
        Some(Error::Verify(format!(
            "{}:{}:{}: not a manifest vendorscore wrote: {e}\n  hint: rerun `vendorscore report` to write a new one",
            path.display(),
            e.line(),
            e.column()
        )))
    })
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}
