//! Attribution: the changes between two runs cut into units, applied one at a time to the
//! old run in a fixed order, the ranking redone after each, and each unit credited with
//! the ranks that moved when it was applied. Each unit is also applied alone to the old
//! run; when that moves other vendors, or the same ones the other way, than it did in
//! its place in the sequence, the order matters for it, and the output says so.
//!
//! The order (docs/analysts.md): vendors added or changed; then `test_scores`,
//! `pilot_results`, `pricing`, `rmm_checks`, `fx_rates` and the inventories, each file's
//! rows in the new file's order; then the criteria file, the client profile, the method
//! and the seed; vendors removed last, so that a step never names a vendor the dataset
//! has not got yet. A file with more than [`ROWS_ONE_BY_ONE`] changed rows is replayed
//! vendor by vendor; a file added, removed, or whose columns changed, as a whole.

use super::rows::{FileDiff, Status};

/// The most changed rows of one file replayed one row at a time.
pub const ROWS_ONE_BY_ONE: usize = 20;

/// What one unit changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Rows of a file: the file's index and the indices of its changes.
    Rows {
        file: usize,
        rows: Vec<usize>,
    },
    /// A whole file: added, removed, or its columns changed.
    File {
        file: usize,
    },
    Criteria,
    Client,
    Method,
    Seed,
}

/// One step of the replay.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// In words: `test_scores.csv: changed row ...`.
    pub label: String,
    pub part: Part,
}

/// Which settings differ between the runs (each one unit).
#[derive(Debug, Clone, Copy, Default)]
pub struct SettingChanges {
    pub criteria: bool,
    pub client: bool,
    pub method: bool,
    pub seed: bool,
}

/// The files of the two runs and the units between them, in replay order.
pub struct Replay {
    pub files: Vec<FileDiff>,
    pub units: Vec<Unit>,
}

impl Replay {
    /// Cuts the differences into units, in the documented order.
    pub fn new(files: Vec<FileDiff>, settings: SettingChanges) -> Replay {
        let mut units = Vec::new();
        let mut removed_vendors = Vec::new();
        for (i, f) in files.iter().enumerate() {
            match f.status {
                Status::Same => {}
                Status::Rows if f.stem == "vendors" => {
                    for (k, c) in f.changes.iter().enumerate() {
                        let unit = row_unit(f, i, k);
                        if c.kind == "removed" {
                            removed_vendors.push(unit);
                        } else {
                            units.push(unit);
                        }
                    }
                }
                Status::Rows if f.changes.len() <= ROWS_ONE_BY_ONE => {
                    units.extend((0..f.changes.len()).map(|k| row_unit(f, i, k)));
                }
                Status::Rows => units.extend(vendor_units(f, i)),
                status => units.push(Unit {
                    label: format!(
                        "{}: {}",
                        f.name,
                        match status {
                            Status::Added => "file added",
                            Status::Removed => "file removed",
                            _ => "columns changed",
                        }
                    ),
                    part: Part::File { file: i },
                }),
            }
        }
        let named = [
            (settings.criteria, Part::Criteria, "criteria file"),
            (settings.client, Part::Client, "client profile"),
            (settings.method, Part::Method, "method"),
            (settings.seed, Part::Seed, "seed"),
        ];
        for (changed, part, label) in named {
            if changed {
                units.push(Unit {
                    label: label.to_string(),
                    part,
                });
            }
        }
        units.extend(removed_vendors);
        Replay { files, units }
    }

    /// Each file as it is with the units `applied` says: (stem, cells), absent files left out.
    pub fn tables(&self, applied: &[bool]) -> Vec<(String, super::rows::Cells)> {
        self.files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let whole = self.applied(applied, |p| *p == Part::File { file: i });
                let row = |k: usize| {
                    self.applied(applied, |p| match p {
                        Part::Rows { file, rows } => *file == i && rows.contains(&k),
                        _ => false,
                    })
                };
                f.at(whole, row).map(|c| (f.stem.clone(), c))
            })
            .collect()
    }

    /// Whether a unit whose part `is` matches is applied.
    pub fn applied(&self, applied: &[bool], is: impl Fn(&Part) -> bool) -> bool {
        self.units
            .iter()
            .zip(applied)
            .any(|(u, &on)| on && is(&u.part))
    }
}

/// The unit of one changed row.
fn row_unit(f: &FileDiff, file: usize, k: usize) -> Unit {
    Unit {
        label: f.changes[k].describe(&f.name, false),
        part: Part::Rows {
            file,
            rows: vec![k],
        },
    }
}

/// The units of a file with many changed rows: one a vendor, in order of first change.
fn vendor_units(f: &FileDiff, file: usize) -> Vec<Unit> {
    let mut groups: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for (k, c) in f.changes.iter().enumerate() {
        let v = c.vendor.as_deref();
        match groups.iter_mut().find(|(g, _)| *g == v) {
            Some((_, rows)) => rows.push(k),
            None => groups.push((v, vec![k])),
        }
    }
    groups
        .into_iter()
        .map(|(vendor, rows)| {
            let count = |kind: &str| rows.iter().filter(|&&k| f.changes[k].kind == kind).count();
            let counts: Vec<String> = ["changed", "added", "removed"]
                .iter()
                .map(|k| (k, count(k)))
                .filter(|(_, n)| *n > 0)
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            let whose = vendor.map_or(String::new(), |v| format!(" of `{v}`"));
            Unit {
                label: format!(
                    "{}: {} rows{whose} ({})",
                    f.name,
                    rows.len(),
                    counts.join(", ")
                ),
                part: Part::Rows { file, rows },
            }
        })
        .collect()
}
