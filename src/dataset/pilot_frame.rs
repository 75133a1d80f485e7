//! The fast path for `pilot_results`: polars reads the file with typed columns (Parquet
//! streaming, CSV in parts: see [`in_parts`]), checks every row, and aggregates to one
//! row per endpoint in the same single pass; the row checks also file each batch's
//! incident times by (vendor, client, role) (`pilot_times.rs`).
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
use super::pilot_checks;
use super::pilot_times::{TimeGroup, TimeSink};
use super::rows::{VendorIndex, PILOT_OPTIONAL, PILOT_REQUIRED};
use super::types::Role;

/// Where the pilot file is.
pub enum PilotSource {
    CsvPath(PathBuf),
    CsvBytes(Vec<u8>),
    ParquetPath(PathBuf),
}

/// One endpoint's pilot rows, aggregated. Sums skip empty cells; each count keeps the
/// days on which it was observed, each gauge the sum of value x days and its days.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EndpointAgg {
    pub vendor: usize,
    pub client: String,
    pub endpoint: String,
    pub role: Option<Role>,
    pub rows: u64,
    pub days: f64,
    pub malware_samples: u64,
    pub malware_detected: u64,
    pub phishing_sims: u64,
    pub phishing_blocked: u64,
    /// (events, days observed): false positives, app breakages, tickets.
    pub counts: [(u64, f64); 3],
    /// (sum of value x days, days observed): CPU, memory, boot delay, scan time, telemetry.
    pub gauges: [(f64, f64); 5],
    /// `Some(false)` when any row says the install failed, `Some(true)` when rows say it
    /// succeeded and none failed, `None` when no row says.
    pub install_ok: Option<bool>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// The columns of each kind.
pub const COUNTS: [&str; 3] = ["false_positives", "app_breakages", "tickets"];
pub const GAUGES: [&str; 5] = [
    "cpu_overhead_pct",
    "memory_mb",
    "boot_delay_s",
    "scan_minutes",
    "telemetry_coverage_pct",
];
pub const TIMES: [&str; 2] = ["mttd_minutes", "mttr_minutes"];
pub const PAIRS: [(&str, &str); 2] = [
    ("malware_detected", "malware_samples"),
    ("phishing_blocked", "phishing_sims"),
];
const TEXT: [&str; 7] = [
    "vendor",
    "client",
    "endpoint",
    "role",
    "os",
    "date",
    "install_ok",
];
use super::cells::{FALSE, TRUE};

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
        let aggs = aggregations(Install::Text, Arc::clone(&times));
        in_parts(parts, header, |lf| group(lf, Install::Text, &aggs), &aggs)
    };
    let df = match source {
        PilotSource::ParquetPath(p) => {
            let (lf, install) = scan_parquet(p, header).map_err(fail)?;
            group(lf, install, &aggregations(install, Arc::clone(&times)))
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

/// How the file holds `install_ok`: as text (`true`, `yes`, `1`, ...) or, in Parquet, as
/// a boolean column, which is used as it is rather than converted through text.
#[derive(Clone, Copy, PartialEq)]
pub enum Install {
    Text,
    Boolean,
}

impl Install {
    /// 0 when the row says the install failed, 1 when it succeeded, null when it does not
    /// say (or says something else, which `bad` catches).
    fn state(self) -> Expr {
        match self {
            Install::Boolean => col("install_ok").cast(DataType::UInt32),
            // One pass over the text (as fourteen comparisons joined by `or`, it cost
            // several passes).
            Install::Text => col("install_ok").map(
                |c: Column| {
                    let state: UInt32Chunked = c
                        .str()?
                        .iter()
                        .map(|t| {
                            let t = t?;
                            if FALSE.contains(&t) {
                                Some(0)
                            } else {
                                TRUE.contains(&t).then_some(1)
                            }
                        })
                        .collect();
                    Ok(state.with_name(c.name().clone()).into_column())
                },
                |_: &Schema, f: &Field| Ok(Field::new(f.name().clone(), DataType::UInt32)),
            ),
        }
    }
}

/// The type the fast path reads a pilot column as: `Float64` for the number columns,
/// `None` for the others (text).
pub fn numeric_dtype(name: &str) -> Option<DataType> {
    (!TEXT.contains(&name) && (PILOT_REQUIRED.contains(&name) || PILOT_OPTIONAL.contains(&name)))
        .then_some(DataType::Float64)
}

/// The type the fast path reads a column as: a number column's, else text.
fn read_dtype(name: &str) -> DataType {
    numeric_dtype(name).unwrap_or(DataType::String)
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

fn observed_days(column: &str) -> Expr {
    when(col(column).is_not_null())
        .then(col("days"))
        .otherwise(lit(0.0))
        .sum()
}

/// One per-endpoint aggregation: its column, its expression, and how the results of
/// several parts of a file combine (by the same kind of reduction, over the parts).
struct Agg {
    name: String,
    expr: Expr,
    merge: Merge,
}

#[derive(Clone, Copy)]
enum Merge {
    Sum,
    Min,
    Max,
    Any,
}

impl Agg {
    fn new(name: impl Into<String>, expr: Expr, merge: Merge) -> Self {
        Agg {
            name: name.into(),
            expr,
            merge,
        }
    }

    /// The aggregation over rows.
    fn expr(&self) -> Expr {
        self.expr.clone().alias(self.name.as_str())
    }

    /// The aggregation over the parts' results.
    fn merged(&self) -> Expr {
        let c = col(self.name.as_str());
        match self.merge {
            Merge::Sum => c.sum(),
            Merge::Min => c.min(),
            Merge::Max => c.max(),
            Merge::Any => c.any(true),
        }
    }
}

fn aggregations(install: Install, times: Arc<TimeSink>) -> Vec<Agg> {
    use Merge::*;
    let mut a = vec![
        Agg::new("rows", len().cast(DataType::UInt64), Sum),
        Agg::new("days", col("days").sum(), Sum),
        // 0 when any row says the install failed, else 1 when any says it succeeded.
        Agg::new("install_state", col("install_state").min(), Min),
        Agg::new("first_date", col("date").min(), Min),
        Agg::new("last_date", col("date").max(), Max),
    ];
    for c in PAIRS.iter().flat_map(|(x, y)| [*x, *y]) {
        a.push(Agg::new(c, col(c).sum(), Sum));
    }
    for c in COUNTS {
        a.push(Agg::new(c, col(c).sum(), Sum));
        a.push(Agg::new(format!("{c}.days"), observed_days(c), Sum));
    }
    for c in GAUGES {
        a.push(Agg::new(c, (col(c) * col("days")).sum(), Sum));
        a.push(Agg::new(format!("{c}.days"), observed_days(c), Sum));
    }
    a.push(Agg::new(
        "bad",
        pilot_checks::bad_rows(install, times).any(true),
        Any,
    ));
    a
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
        if let Some(why) = pilot_checks::bad_key(key[0], key[1], key[2], key[3]) {
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
        let clashing = pilot_checks::clashing_endpoints(&out);
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
#[path = "pilot_frame_tests.rs"]
mod tests;
