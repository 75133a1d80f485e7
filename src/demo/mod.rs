//! Synthetic demo dataset for `vendorscore demo-data`.
//!
//! Builds a complete evidence folder in the formats of docs/data-formats.md:
//! `vendors.csv`, `test_scores.csv`, `pilot_results.csv`, `pricing.csv`, `rmm_checks.csv` and a
//! `README.md` that says the data are synthetic. The replacement vendors are fictional and built
//! with deliberate trade-offs (see the `profiles` part), so that no vendor wins on everything; the
//! incumbent `kaspersky` carries its real US restrictions.
//!
//! Every draw comes from a ChaCha8 generator seeded with `seed_from_u64(seed)`, one stream per
//! file and vendor, so a seed gives the same bytes on every machine, and adding vendors leaves the
//! rows of the vendors already there unchanged.
//!
//! Two entry points share one generator: [`generate`] returns the files as bytes (fine for the
//! default dataset), [`write_to_dir`] streams them to disk row by row, so its memory does not grow
//! with the number of pilot rows (the 10-million-row benchmark dataset). Both give the same bytes.
//!
//! It also writes `inventory-<client>.csv`, a device inventory for each shipped client profile
//! (`inventory`), which `vendorscore plan` reads.
//!
//! Layout: `profiles` (vendors and `vendors.csv`), `labs`, `pilot` and `observe`
//! (`pilot_results.csv`), `pricing`, `rmm`, `readme`, `sink` (CSV writing), `target` (memory or
//! folder), `common` (random streams, formatting, dates), `options` (the options, files and
//! errors every part shares).

mod common;
mod inventory;
mod labs;
mod observe;
mod options;
mod pilot;
mod pricing;
mod profiles;
mod readme;
mod rmm;
mod sink;
mod target;

use std::io::Write;
use std::path::{Path, PathBuf};

pub use options::{DemoError, DemoFile, DemoOptions};

use profiles::{roster, Entry, PROFILES};
use sink::Sink;
use target::{Folder, Memory, Target};

/// Generates the synthetic demo dataset in memory: vendors.csv, test_scores.csv,
/// pilot_results.csv, pricing.csv, rmm_checks.csv, README.md, in that order.
///
/// A pilot of millions of rows takes about 130 bytes a row here; use [`write_to_dir`] for those.
pub fn generate(opts: &DemoOptions) -> Result<Vec<DemoFile>, DemoError> {
    let mut memory = Memory::default();
    emit(opts, &mut memory)?;
    Ok(memory.files)
}

/// Writes the same files as [`generate`], byte for byte, into `dir` (created if missing), and
/// returns each file's path and size in bytes, in the same order.
///
/// Rows are streamed through a buffered writer, so memory stays flat however many pilot rows
/// there are. Every file goes to a temporary name in `dir` first; they are renamed into place only
/// when all of them are complete, so a failure leaves no half-written file behind.
pub fn write_to_dir(
    opts: &DemoOptions,
    dir: &Path,
    force: bool,
) -> Result<Vec<(PathBuf, u64)>, DemoError> {
    validate(opts)?;
    if !force {
        target::refuse_occupied(dir, &file_names())?;
    }
    let mut folder = Folder::new(dir)?;
    emit(opts, &mut folder)?;
    folder.commit()
}

/// Largest number of endpoints per vendor.
const MAX_ENDPOINTS: usize = 50_000;
/// Largest number of pilot days.
const MAX_DAYS: usize = 366;
/// Largest number of rows of `pilot_results.csv` (room for 20,000 x 90 x 6 and more).
const MAX_PILOT_ROWS: usize = 20_000_000;

/// Checks the options against the limits above, before anything is generated.
fn validate(opts: &DemoOptions) -> Result<(), DemoError> {
    if !(1..=PROFILES.len()).contains(&opts.vendors) {
        return Err(DemoError::Vendors {
            got: opts.vendors,
            max: PROFILES.len(),
        });
    }
    if !(1..=MAX_ENDPOINTS).contains(&opts.endpoints) {
        return Err(DemoError::Endpoints {
            got: opts.endpoints,
            max: MAX_ENDPOINTS,
        });
    }
    if !(1..=MAX_DAYS).contains(&opts.days) {
        return Err(DemoError::Days {
            got: opts.days,
            max: MAX_DAYS,
        });
    }
    let rows = (opts.vendors + 1) * opts.endpoints * opts.days;
    if rows > MAX_PILOT_ROWS {
        return Err(DemoError::TooManyRows {
            rows,
            max: MAX_PILOT_ROWS,
        });
    }
    Ok(())
}

/// Writes the rows of one table; every CSV file is filled by one of these.
type Fill<W> = fn(&DemoOptions, &[Entry], &mut Sink<W>);

/// The CSV files in output order: name, header, and the function that fills it.
fn tables<W: Write>() -> [(&'static str, &'static str, Fill<W>); 8] {
    [
        ("vendors.csv", profiles::HEADER, profiles::vendor_rows),
        ("test_scores.csv", labs::HEADER, labs::test_score_rows),
        ("pilot_results.csv", pilot::HEADER, pilot::pilot_rows),
        ("pricing.csv", pricing::HEADER, pricing::pricing_rows),
        ("rmm_checks.csv", rmm::HEADER, rmm::rmm_rows),
        (
            "inventory-dental-35.csv",
            inventory::HEADER,
            inventory::dental,
        ),
        (
            "inventory-federal-contractor.csv",
            inventory::HEADER,
            inventory::federal,
        ),
        (
            "inventory-msp-client-350.csv",
            inventory::HEADER,
            inventory::msp,
        ),
    ]
}

/// Every file the generator writes, README last.
fn file_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = tables::<Vec<u8>>().iter().map(|t| t.0).collect();
    names.push("README.md");
    names
}

/// Generates every file into `target`, one after the other; the README comes last because it
/// quotes the other files' row counts.
fn emit<T: Target>(opts: &DemoOptions, target: &mut T) -> Result<(), DemoError> {
    validate(opts)?;
    let roster = roster(opts.vendors);
    let mut counts = Vec::with_capacity(8);
    for (name, header, fill) in tables::<T::Out>() {
        let mut sink = Sink::new(header, target.open(name)?);
        fill(opts, &roster, &mut sink);
        let (out, rows) = sink.finish().map_err(|e| target.csv_error(name, e))?;
        target.close(name, out)?;
        counts.push((name, rows));
    }
    let name = "README.md";
    let mut out = target.open(name)?;
    let text = readme::readme(opts, &roster, &counts);
    out.write_all(text.as_bytes())
        .map_err(|e| target.csv_error(name, e.into()))?;
    target.close(name, out)
}

/// Helpers shared by the unit tests of every part.
#[cfg(test)]
mod testkit {
    use super::{DemoFile, DemoOptions};
    use std::collections::BTreeMap;

    pub fn opts(seed: u64, vendors: usize, endpoints: usize, days: usize) -> DemoOptions {
        DemoOptions {
            seed,
            vendors,
            endpoints,
            days,
        }
    }

    pub fn file<'a>(files: &'a [DemoFile], name: &str) -> &'a [u8] {
        &files
            .iter()
            .find(|f| f.name == name)
            .expect("file generated")
            .bytes
    }

    /// The data rows of a CSV file as maps from column name to value.
    pub fn rows(files: &[DemoFile], name: &str) -> Vec<BTreeMap<String, String>> {
        let mut reader = csv::Reader::from_reader(file(files, name));
        let header = reader.headers().expect("header").clone();
        reader
            .records()
            .map(|r| {
                let r = r.expect("valid record");
                assert_eq!(r.len(), header.len(), "{name}: ragged row");
                header
                    .iter()
                    .zip(r.iter())
                    .map(|(h, v)| (h.to_string(), v.to_string()))
                    .collect()
            })
            .collect()
    }

    pub fn num(row: &BTreeMap<String, String>, col: &str) -> Option<f64> {
        let v = &row[col];
        (!v.is_empty()).then(|| {
            v.parse()
                .unwrap_or_else(|_| panic!("{col}: `{v}` not a number"))
        })
    }

    pub fn count(row: &BTreeMap<String, String>, col: &str) -> Option<u64> {
        let v = &row[col];
        (!v.is_empty()).then(|| {
            v.parse()
                .unwrap_or_else(|_| panic!("{col}: `{v}` not a count"))
        })
    }
}

#[cfg(test)]
mod tests;
