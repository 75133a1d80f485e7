//! The run's input files as the manifest lists them (`manifest.json`, written by
//! `report`): each evidence file of the dataset, the criteria file and the client profile,
//! on disk or built in, with its bytes and, for evidence tables, its rows; and the
//! client's device inventory when the report has a migration plan.

use std::path::Path;

use super::client_plan::ClientPlan;
use crate::audit::manifest::{Input, Manifest, Weight};
use crate::cli::InputArgs;
use crate::dataset::{self, Data, Dataset};
use crate::rank::Ranking;
use crate::{client, embedded, Error};

/// A file read for the manifest: (role, path as shown, bytes, rows).
pub type RunFile = (&'static str, String, Vec<u8>, Option<u64>);

/// The manifest's view of the files a run read.
fn as_inputs(files: &[RunFile]) -> Vec<Input<'_>> {
    files
        .iter()
        .map(|(role, path, bytes, rows)| Input {
            role,
            path: path.clone(),
            bytes,
            rows: *rows,
        })
        .collect()
}

/// The inputs' fingerprint, as the manifest of a run that read `files` gives it.
pub fn fingerprint(files: &[RunFile]) -> String {
    crate::audit::manifest::fingerprint(&as_inputs(files))
}

/// The manifest of a `report` run that read `files` (from [`run_files`]) and writes
/// `outputs`.
pub fn build(
    input: &InputArgs,
    files: &[RunFile],
    r: &Ranking,
    outputs: &[(String, Vec<u8>)],
) -> Vec<u8> {
    let inputs = as_inputs(files);
    let weights = r
        .criteria
        .iter()
        .map(|c| Weight {
            criterion: c.id.clone(),
            weight: c.weight,
        })
        .collect();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let command = std::env::args().skip(1).collect();
    Manifest::new(command, input.seed, &inputs, weights, outputs, now).to_json()
}

/// The input files of a run, in a fixed order: the dataset's evidence files (in the order
/// of `dataset::FILES`), the criteria file, the client profile.
pub fn run_files(input: &InputArgs, ds: &Dataset) -> Result<Vec<RunFile>, Error> {
    let rows = |stem: &str| -> Option<u64> {
        let n = match stem {
            "vendors" => ds.vendors.len(),
            "test_scores" => ds.test_scores.as_ref()?.len(),
            "pilot_results" => return ds.pilot.as_ref().map(|p| p.rows),
            "pricing" => ds.pricing.as_ref()?.len(),
            "rmm_checks" => ds.rmm.as_ref()?.len(),
            _ => return None,
        };
        Some(n as u64)
    };
    let mut out = Vec::new();
    let found = dataset::evidence_files(&embedded::data_source(input.data.as_deref()))?;
    for (stem, f) in dataset::FILES.iter().zip(found) {
        if let Some(f) = f {
            let bytes = match f.data {
                Data::Path(p) => read(&p)?,
                Data::Bytes(b) => b,
            };
            out.push(("dataset", f.shown, bytes, rows(stem)));
        }
    }
    let given = input.criteria.as_deref();
    match embedded::criteria_path(given) {
        Some(p) => out.push(("criteria", shown(&p), read(&p)?, None)),
        None => {
            let (label, text) = embedded::built_in_criteria(given);
            out.push((
                "criteria",
                label.to_string(),
                text.as_bytes().to_vec(),
                None,
            ));
        }
    }
    if let Some(given) = input.client.as_deref() {
        match client::find(given) {
            Some(p) => out.push(("client", shown(&p), read(&p)?, None)),
            None => {
                if let Some(f) = embedded::client_file(given) {
                    out.push((
                        "client",
                        f.label.to_string(),
                        f.text.as_bytes().to_vec(),
                        None,
                    ));
                }
            }
        }
    }
    Ok(out)
}

/// The device inventory a plan read, as it read it (on disk, or built into the binary),
/// with its devices as rows.
pub fn inventory_file(input: &InputArgs, p: &ClientPlan) -> Result<RunFile, Error> {
    let bytes = match (
        &p.inventory_path,
        embedded::data_source(input.data.as_deref()),
    ) {
        (Some(path), _) => read(path)?,
        (None, dataset::Source::Embedded { label, files }) => files
            .iter()
            .find(|(n, _)| p.inventory.file == format!("{label}/{n}"))
            .map_or_else(Vec::new, |(_, b)| b.to_vec()),
        (None, dataset::Source::Dir(_)) => Vec::new(),
    };
    let rows = Some(p.inventory.devices.len() as u64);
    Ok(("inventory", p.inventory.file.clone(), bytes, rows))
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

fn read(p: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(p).map_err(|source| Error::Io {
        path: p.to_path_buf(),
        source,
    })
}
