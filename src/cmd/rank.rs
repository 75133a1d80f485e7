//! `vendorscore rank`: rank and print in the chosen format, or write the scorecard
//! workbook (`--format xlsx --out FILE`).

use std::path::Path;

use super::{input_files, load_inputs, render, warnings, Outcome};
use crate::cli::{OutputFormat, RankArgs, RankFormat};
use crate::report::export::terminal::Width;
use crate::report::export::xlsx;
use crate::Error;

/// Ranks and renders to stdout, or writes the workbook to `--out`.
pub fn run(a: &RankArgs, width: Width) -> Result<Outcome, Error> {
    let format = match a.format {
        RankFormat::Table => OutputFormat::Table,
        RankFormat::Csv => OutputFormat::Csv,
        RankFormat::Json => OutputFormat::Json,
        RankFormat::Md => OutputFormat::Md,
        RankFormat::Xlsx => return workbook(a),
    };
    if let Some(out) = &a.out {
        return Err(Error::Usage(format!("--out `{}` is for --format xlsx\n  hint: the other formats print; redirect them: `vendorscore rank --format csv > ranking.csv`", out.display())));
    }
    let r = load_inputs(&a.input)?.rank()?;
    Ok(Outcome {
        stdout: render(&r, format, width),
        stderr: warnings(&r),
    })
}

/// `--format xlsx`: the scorecard written to `--out`.
fn workbook(a: &RankArgs) -> Result<Outcome, Error> {
    let Some(out) = &a.out else {
        return Err(Error::Usage("--format xlsx writes a workbook, not text: pass the file to write\n  hint: vendorscore rank --format xlsx --out scorecard.xlsx".into()));
    };
    let name = match out.file_name() {
        Some(n) if !out.is_dir() => n.to_string_lossy().into_owned(),
        _ => {
            return Err(Error::Usage(format!(
                "--out `{}` is a folder; --format xlsx writes one file\n  hint: name the file, e.g. `--out scorecard.xlsx`",
                out.display()
            )))
        }
    };
    let inputs = load_inputs(&a.input)?;
    let r = inputs.rank()?;
    let bytes =
        xlsx::scorecard(&r, &inputs.criteria, &[]).map_err(|e| Error::Table(e.to_string()))?;
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    crate::output::write_all(dir, &[(name, bytes)], &input_files(&a.input))?;
    Ok(Outcome {
        stdout: format!("wrote {}\n", out.display()).into_bytes(),
        stderr: warnings(&r),
    })
}
