//! The fast path for `pilot_results`: polars reads the file with typed columns (Parquet
//! streaming, CSV in parts: see [`in_parts`]), checks every row, and aggregates to one
//! row per endpoint in the same single pass; the row checks also file each batch's
//! incident times by (vendor, client, role) (`times.rs`). The columns and the
//! aggregations are in `schema.rs`, the row checks in `row_checks.rs`.
//!
//! Any failure (a value polars cannot parse, a violated check, an unknown vendor or
//! role) returns `NeedsDiagnosis`: the caller then reads the file cell by cell to report
//! each problem with its line and column. Clean data never pays for that.

use std::io::Cursor;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use polars::prelude::*;
use polars_buffer::Buffer;

use super::csv_split::Parts;
use super::row_checks::{bad_key, bad_rows, clashing_endpoints};
use super::schema::{
    aggregations, numeric_dtype, read_dtype, Agg, EndpointAgg, Install, COUNTS, GAUGES, PAIRS,
    PILOT_OPTIONAL,
};
use super::times::{TimeGroup, TimeSink};
use crate::dataset::types::Role;
use crate::dataset::vendors::VendorIndex;

/// Where the pilot file is.
pub enum PilotSource {
    CsvPath(PathBuf),
    CsvBytes(Vec<u8>),
    ParquetPath(PathBuf),
}

/// Why the fast path gave up (the caller diagnoses cell by cell), and the endpoints it
/// found under two vendors in one period.
#[derive(Debug, Default)]
pub struct NeedsDiagnosis {
    pub why: String,
    pub clashing_endpoints: Vec<String>,
}

impl NeedsDiagnosis {
    fn new(why: impl Into<String>) -> Self {
        NeedsDiagnosis {
            why: why.into(),
            clashing_endpoints: Vec::new(),
        }
    }
}

/// What the fast path returns: rows read, per-endpoint aggregates, incident times.
pub type Aggregated = (u64, Vec<EndpointAgg>, Vec<TimeGroup>);

/// Reads, checks and aggregates the pilot file; `header` is its column names.
///
/// One pass: a group per endpoint with its sums and whether any of its rows breaks a
/// check; the check function also hands each batch's incident times to a [`TimeSink`].
pub fn aggregate(
    source: &PilotSource,
    header: &[String],
    index: &VendorIndex,
) -> Result<Aggregated, NeedsDiagnosis> {
    aggregate_in_parts(source, header, index, PART_BYTES)
}

/// A CSV file is read in parts of about this size (see [`in_parts`]).
const PART_BYTES: usize = 64 << 20;

/// The group keys: one group per endpoint.
const KEYS: [&str; 4] = ["vendor", "client", "endpoint", "role"];

/// [`aggregate`], with CSV read in parts of about `part_bytes`.
fn aggregate_in_parts(
    source: &PilotSource,
    header: &[String],
    index: &VendorIndex,
    part_bytes: usize,
) -> Result<Aggregated, NeedsDiagnosis> {
    let fail = |e: PolarsError| NeedsDiagnosis::new(e.to_string());
    let times = Arc::new(TimeSink::default());
    let group = |lf: LazyFrame, install: Install, aggs: &[Agg]| {
        with_all_columns(lf, header, read_dtype)
            .with_column(install.state().alias("install_state"))
            .group_by(KEYS.map(col))
            .agg(aggs.iter().map(Agg::expr).collect::<Vec<_>>())
    };
    let csv = |parts: Parts| {
        let aggs = aggregations(bad_rows(Install::Text, Arc::clone(&times)));
        in_parts(parts, header, |lf| group(lf, Install::Text, &aggs), &aggs)
    };
    let df = match source {
        PilotSource::ParquetPath(p) => {
            let (lf, install) = scan_parquet(p, header).map_err(fail)?;
            group(
                lf,
                install,
                &aggregations(bad_rows(install, Arc::clone(&times))),
            )
            .collect_with_engine(Engine::Streaming)
            .map_err(fail)?
            .unwrap_single()
        }
        PilotSource::CsvPath(p) => {
            csv(Parts::of_file(p, part_bytes).map_err(fail)?).map_err(fail)?
        }
        PilotSource::CsvBytes(b) => {
            csv(Parts::of_bytes(Buffer::from_vec(b.clone()), part_bytes)).map_err(fail)?
        }
    };
    if df.column("bad").map_err(fail)?.bool().map_err(fail)?.any() {
        return Err(NeedsDiagnosis::new("a row breaks a check"));
    }
    collect(&df, index, &times).map_err(|e| match e {
        Collect::Polars(e) => NeedsDiagnosis::new(e.to_string()),
        Collect::Invalid(why) => NeedsDiagnosis::new(why),
        Collect::Clash(endpoints) => NeedsDiagnosis {
            why: format!(
                "endpoint `{}` is under two vendors in overlapping periods",
                endpoints[0]
            ),
            clashing_endpoints: endpoints,
        },
    })
}

/// CSV through polars' parallel (eager) reader, a part at a time, each part's groups
/// aggregated by `group`, then the groups of all parts combined as `aggs` say.
///
/// Polars' streaming CSV reader would stream the file whole, but it first finds where
/// rows end in one serial pass (quote-aware line counting, scalar code on stable Rust)
/// that took a quarter of the CPU of loading a large pilot. The eager reader finds row
/// ends more cheaply and parses in parallel; read a part at a time, it never holds more
/// than a few parts in memory. The next part is read while the last one is aggregated.
/// A part with a row that breaks a check ends the reading: its groups are returned.
fn in_parts(
    parts: Parts,
    header: &[String],
    group: impl Fn(LazyFrame) -> LazyFrame,
    aggs: &[Agg],
) -> PolarsResult<DataFrame> {
    let mut schema = Schema::default();
    for h in header {
        schema.with_column(h.as_str().into(), read_dtype(h));
    }
    // Every column is parsed, `os` and the user's own too: polars checks that no row
    // has more fields than the header only when it reads them all.
    let read = CsvReadOptions::default()
        .with_has_header(false)
        .with_schema(Some(Arc::new(schema)))
        .with_raise_if_empty(false);
    let partials: PolarsResult<ControlFlow<DataFrame, Vec<LazyFrame>>> = std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        s.spawn(move || {
            for part in parts {
                let df = read
                    .clone()
                    .into_reader_with_file_handle(Cursor::new(part))
                    .finish();
                if tx.send(df).is_err() {
                    break; // the aggregation gave up
                }
            }
        });
        let mut partials = Vec::new();
        for df in rx {
            let partial = group(df?.lazy())
                .collect_with_engine(Engine::Streaming)?
                .unwrap_single();
            if partial.column("bad")?.bool()?.any() {
                // The file goes to diagnosis: the other parts need not be read.
                return Ok(ControlFlow::Break(partial));
            }
            partials.push(partial.lazy());
        }
        Ok(ControlFlow::Continue(partials))
    });
    let partials = match partials? {
        ControlFlow::Continue(partials) => partials,
        ControlFlow::Break(bad) => return Ok(bad),
    };
    concat(partials, UnionArgs::default())?
        .group_by(KEYS.map(col))
        .agg(aggs.iter().map(Agg::merged).collect::<Vec<_>>())
        .collect()
}

/// Scans a Parquet file, casting the columns that are not of the types the checks read.
fn scan_parquet(p: &Path, header: &[String]) -> PolarsResult<(LazyFrame, Install)> {
    let mut lf = LazyFrame::scan_parquet(PlRefPath::try_from_path(p)?, ScanArgsParquet::default())?;
    let schema = lf.collect_schema()?;
    let install = match schema.get("install_ok") {
        Some(DataType::Boolean) => Install::Boolean,
        _ => Install::Text,
    };
    // Only columns of another type are cast (a no-op cast still costs a pass).
    let casts: Vec<Expr> = header
        .iter()
        .filter_map(|h| {
            let want = match numeric_dtype(h) {
                Some(t) => t,
                None if h == "install_ok" && install == Install::Boolean => return None,
                None => DataType::String,
            };
            (schema.get(h.as_str()) != Some(&want)).then(|| col(h.as_str()).cast(want))
        })
        .collect();
    Ok((
        if casts.is_empty() {
            lf
        } else {
            lf.with_columns(casts)
        },
        install,
    ))
}

/// Adds every optional column the file lacks, empty, of the type `dtype` gives it.
pub fn with_all_columns(
    lf: LazyFrame,
    header: &[String],
    dtype: impl Fn(&str) -> DataType,
) -> LazyFrame {
    let missing: Vec<Expr> = PILOT_OPTIONAL
        .iter()
        .filter(|c| !header.iter().any(|h| h == *c))
        .map(|c| lit(NULL).cast(dtype(c)).alias(*c))
        .collect();
    if missing.is_empty() {
        lf
    } else {
        lf.with_columns(missing)
    }
}

enum Collect {
    Polars(PolarsError),
    Invalid(String),
    /// Endpoints under two vendors in one period.
    Clash(Vec<String>),
}

impl From<PolarsError> for Collect {
    fn from(e: PolarsError) -> Self {
        Collect::Polars(e)
    }
}

fn column_u64(df: &DataFrame, name: &str) -> PolarsResult<Vec<u64>> {
    Ok(df
        .column(name)?
        .cast(&DataType::UInt64)?
        .u64()?
        .iter()
        .map(|v| v.unwrap_or(0))
        .collect())
}

fn column_f64(df: &DataFrame, name: &str) -> PolarsResult<Vec<f64>> {
    Ok(df
        .column(name)?
        .cast(&DataType::Float64)?
        .f64()?
        .iter()
        .map(|v| v.unwrap_or(0.0))
        .collect())
}

fn column_str(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
    Ok(df
        .column(name)?
        .str()?
        .iter()
        .map(|v| v.map(|s| s.trim().to_string()))
        .collect())
}

fn collect(df: &DataFrame, index: &VendorIndex, times: &TimeSink) -> Result<Aggregated, Collect> {
    let vendors = column_str(df, "vendor")?;
    let clients = column_str(df, "client")?;
    let endpoints = column_str(df, "endpoint")?;
    let roles = column_str(df, "role")?;
    let rows = column_u64(df, "rows")?;
    let days = column_f64(df, "days")?;
    let install: Vec<Option<u32>> = df
        .column("install_state")?
        .cast(&DataType::UInt32)?
        .u32()?
        .iter()
        .collect();
    let (first, last) = (column_str(df, "first_date")?, column_str(df, "last_date")?);
    let pair: Vec<Vec<u64>> = PAIRS
        .iter()
        .flat_map(|(x, y)| [*x, *y])
        .map(|c| column_u64(df, c))
        .collect::<PolarsResult<_>>()?;
    let counts: Vec<(Vec<u64>, Vec<f64>)> = COUNTS
        .iter()
        .map(|c| Ok((column_u64(df, c)?, column_f64(df, &format!("{c}.days"))?)))
        .collect::<PolarsResult<_>>()?;
    let gauges: Vec<(Vec<f64>, Vec<f64>)> = GAUGES
        .iter()
        .map(|c| Ok((column_f64(df, c)?, column_f64(df, &format!("{c}.days"))?)))
        .collect::<PolarsResult<_>>()?;
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let key = [&vendors[i], &clients[i], &endpoints[i], &roles[i]].map(|k| k.as_deref());
        if let Some(why) = bad_key(key[0], key[1], key[2], key[3]) {
            return Err(Collect::Invalid(why));
        }
        let id = vendors[i].clone().unwrap_or_default();
        let vendor = *index
            .get(&id)
            .ok_or_else(|| Collect::Invalid(format!("unknown vendor `{id}`")))?;
        out.push(EndpointAgg {
            vendor,
            client: clients[i].clone().unwrap_or_default(),
            endpoint: endpoints[i].clone().unwrap_or_default(),
            role: roles[i].as_deref().and_then(Role::from_name),
            rows: rows[i],
            days: days[i],
            malware_detected: pair[0][i],
            malware_samples: pair[1][i],
            phishing_blocked: pair[2][i],
            phishing_sims: pair[3][i],
            counts: std::array::from_fn(|k| (counts[k].0[i], counts[k].1[i])),
            gauges: std::array::from_fn(|k| (gauges[k].0[i], gauges[k].1[i])),
            install_ok: install[i].map(|s| s > 0),
            first_date: first[i].clone(),
            last_date: last[i].clone(),
        });
    }
    let total = rows.iter().sum();
    // The incident times are filed on another thread meanwhile.
    let (times, clashing) = std::thread::scope(|s| {
        let times = s.spawn(|| times.finish(index, total));
        // Polars groups in no fixed order; the rest of the program wants a stable one.
        out.sort_unstable_by(|a, b| {
            (a.vendor, &a.client, &a.endpoint, a.role).cmp(&(
                b.vendor,
                &b.client,
                &b.endpoint,
                b.role,
            ))
        });
        let clashing = clashing_endpoints(&out);
        let times = times
            .join()
            .unwrap_or_else(|_| Err("filing the incident times failed".to_string()));
        (times, clashing)
    });
    let times = times.map_err(Collect::Invalid)?;
    if !clashing.is_empty() {
        return Err(Collect::Clash(clashing));
    }
    Ok((total, out, times))
}

#[cfg(test)]
#[path = "frame_tests.rs"]
mod tests;
