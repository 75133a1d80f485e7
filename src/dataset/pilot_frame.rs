//! The fast path for `pilot_results`: polars reads the file with typed columns (lazily
//! and streaming for files on disk), checks every row with vectorised expressions, and
//! aggregates to one row per endpoint in the same pass.
//!
//! Any failure (a value polars cannot parse, a violated check, an unknown vendor or
//! role) returns `NeedsDiagnosis`: the caller then reads the file cell by cell to report
//! each problem with its line and column. Clean data never pays for that.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::PathBuf;
use std::sync::Arc;

use polars::prelude::*;

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

/// Incidents with the same times, counted: the times of one (vendor, client, role).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimeCount {
    pub vendor: usize,
    pub client: String,
    pub role: Option<Role>,
    pub mttd: Option<f64>,
    pub mttr: Option<f64>,
    pub count: u64,
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
const PAIRS: [(&str, &str); 2] = [
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
const TRUE: [&str; 6] = ["true", "True", "TRUE", "yes", "Yes", "1"];
const FALSE: [&str; 6] = ["false", "False", "FALSE", "no", "No", "0"];

/// Why the fast path gave up (the caller diagnoses cell by cell).
#[derive(Debug)]
pub struct NeedsDiagnosis(pub String);

/// What the fast path returns: rows read, per-endpoint aggregates, counted times.
pub type Aggregated = (u64, Vec<EndpointAgg>, Vec<TimeCount>);

/// Reads, checks and aggregates the pilot file; `header` is its column names.
///
/// Two streaming passes: the per-endpoint sums (with every row check), then the
/// incident times counted by value (a list aggregation would stop polars streaming).
pub fn aggregate(
    source: PilotSource,
    header: &[String],
    index: &VendorIndex,
) -> Result<Aggregated, NeedsDiagnosis> {
    let fail = |e: PolarsError| NeedsDiagnosis(e.to_string());
    let lf = with_all_columns(scan(&source, header).map_err(fail)?, header);
    let df = lf
        .clone()
        .group_by([col("vendor"), col("client"), col("endpoint"), col("role")])
        .agg(aggregations())
        .collect_with_engine(Engine::Streaming)
        .map_err(fail)?
        .unwrap_single();
    let violations = column_u64(&df, "violations").map_err(fail)?;
    if violations.iter().any(|v| *v > 0) {
        return Err(NeedsDiagnosis("a row breaks a check".into()));
    }
    let (rows, endpoints) = collect(&df, index).map_err(|e| match e {
        Collect::Polars(e) => NeedsDiagnosis(e.to_string()),
        Collect::Invalid(why) => NeedsDiagnosis(why),
    })?;
    let times = times(lf, index).map_err(fail)?;
    Ok((rows, endpoints, times))
}

fn times(lf: LazyFrame, index: &VendorIndex) -> PolarsResult<Vec<TimeCount>> {
    let df = lf
        .filter(
            col("mttd_minutes")
                .is_not_null()
                .or(col("mttr_minutes").is_not_null()),
        )
        .group_by([
            col("vendor"),
            col("client"),
            col("role"),
            col("mttd_minutes"),
            col("mttr_minutes"),
        ])
        .agg([len().cast(DataType::UInt64).alias("count")])
        .collect_with_engine(Engine::Streaming)?
        .unwrap_single();
    let opt_f64 = |name: &str| -> PolarsResult<Vec<Option<f64>>> {
        Ok(df
            .column(name)?
            .cast(&DataType::Float64)?
            .f64()?
            .iter()
            .collect())
    };
    let (vendors, clients, roles) = (
        column_str(&df, "vendor")?,
        column_str(&df, "client")?,
        column_str(&df, "role")?,
    );
    let (mttd, mttr, counts) = (
        opt_f64("mttd_minutes")?,
        opt_f64("mttr_minutes")?,
        column_u64(&df, "count")?,
    );
    let mut out: Vec<TimeCount> = (0..df.height())
        .filter_map(|i| {
            Some(TimeCount {
                vendor: *index.get(vendors[i].as_deref()?)?,
                client: clients[i].clone().unwrap_or_default(),
                role: roles[i].as_deref().and_then(Role::from_name),
                mttd: mttd[i],
                mttr: mttr[i],
                count: counts[i],
            })
        })
        .collect();
    // Polars groups in no fixed order; sort for byte-identical output (without
    // allocating in the comparison: there can be millions of counts).
    out.sort_by(|a, b| {
        a.vendor
            .cmp(&b.vendor)
            .then_with(|| a.client.cmp(&b.client))
            .then(a.role.cmp(&b.role))
            .then(
                a.mttd
                    .partial_cmp(&b.mttd)
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
            .then(
                a.mttr
                    .partial_cmp(&b.mttr)
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
    });
    Ok(out)
}

fn numeric_dtype(name: &str) -> Option<DataType> {
    (!TEXT.contains(&name) && (PILOT_REQUIRED.contains(&name) || PILOT_OPTIONAL.contains(&name)))
        .then_some(DataType::Float64)
}

fn scan(source: &PilotSource, header: &[String]) -> PolarsResult<LazyFrame> {
    let mut overwrite = Schema::default();
    for h in header {
        overwrite.with_column(
            h.as_str().into(),
            numeric_dtype(h).unwrap_or(DataType::String),
        );
    }
    let overwrite = Arc::new(overwrite);
    match source {
        PilotSource::CsvPath(p) => LazyCsvReader::new(PlRefPath::try_from_path(p)?)
            .with_has_header(true)
            .with_infer_schema_length(Some(0))
            .with_dtype_overwrite(Some(overwrite))
            .with_raise_if_empty(true)
            .finish(),
        PilotSource::CsvBytes(b) => Ok(CsvReadOptions::default()
            .with_has_header(true)
            .with_infer_schema_length(Some(0))
            .with_schema_overwrite(Some(overwrite))
            .into_reader_with_file_handle(Cursor::new(b.clone()))
            .finish()?
            .lazy()),
        PilotSource::ParquetPath(p) => {
            let lf =
                LazyFrame::scan_parquet(PlRefPath::try_from_path(p)?, ScanArgsParquet::default())?;
            let casts: Vec<Expr> = header
                .iter()
                .map(|h| col(h.as_str()).cast(numeric_dtype(h).unwrap_or(DataType::String)))
                .collect();
            Ok(lf.with_columns(casts))
        }
    }
}

/// Adds every optional column the file lacks as empty, and trims text columns.
fn with_all_columns(lf: LazyFrame, header: &[String]) -> LazyFrame {
    let missing: Vec<Expr> = PILOT_OPTIONAL
        .iter()
        .filter(|c| !header.iter().any(|h| h == *c))
        .map(|c| {
            lit(NULL)
                .cast(numeric_dtype(c).unwrap_or(DataType::String))
                .alias(*c)
        })
        .collect();
    if missing.is_empty() {
        lf
    } else {
        lf.with_columns(missing)
    }
}

fn any_of(column: &str, values: &[&str]) -> Expr {
    values
        .iter()
        .map(|v| col(column).eq(lit(*v)))
        .reduce(|a, b| a.or(b))
        .expect("values")
}

fn observed_days(column: &str) -> Expr {
    when(col(column).is_not_null())
        .then(col("days"))
        .otherwise(lit(0.0))
        .sum()
}

/// Row checks as 0/1 per row, summed per group: any non-zero sends the file to diagnosis.
fn violations() -> Expr {
    let bad_text = |c: &str| col(c).is_null().or(col(c).eq(lit("")));
    let mut checks = vec![
        bad_text("vendor"),
        bad_text("client"),
        bad_text("endpoint"),
        col("days")
            .is_null()
            .or(col("days").lt_eq(lit(0.0)))
            .or(col("days").is_nan()),
        col("role")
            .is_not_null()
            .and(any_of("role", &Role::NAMES).not()),
        col("install_ok").is_not_null().and(
            any_of("install_ok", &TRUE)
                .or(any_of("install_ok", &FALSE))
                .not(),
        ),
    ];
    for c in PAIRS.iter().flat_map(|(a, b)| [*a, *b]).chain(COUNTS) {
        checks.push(
            col(c)
                .lt(lit(0.0))
                .or(col(c)
                    .cast(DataType::Int64)
                    .cast(DataType::Float64)
                    .neq(col(c)))
                .or(col(c).is_nan()),
        );
    }
    for (part, whole) in PAIRS {
        checks.push(col(part).gt(col(whole)));
        checks.push(col(part).is_null().neq(col(whole).is_null()));
    }
    for c in GAUGES.iter().chain(&["mttd_minutes", "mttr_minutes"]) {
        checks.push(
            col(*c)
                .lt(lit(0.0))
                .or(col(*c).is_nan())
                .or(col(*c).is_infinite()),
        );
    }
    for c in ["cpu_overhead_pct", "telemetry_coverage_pct"] {
        checks.push(col(c).gt(lit(100.0)));
    }
    checks
        .into_iter()
        .map(|e| e.fill_null(lit(false)).cast(DataType::UInt32))
        .reduce(|a, b| a + b)
        .expect("checks")
        .sum()
        .cast(DataType::UInt64)
        .alias("violations")
}

fn aggregations() -> Vec<Expr> {
    let mut a = vec![
        len().cast(DataType::UInt64).alias("rows"),
        col("days").sum().alias("days"),
        violations(),
        any_of("install_ok", &FALSE)
            .fill_null(lit(false))
            .cast(DataType::UInt32)
            .sum()
            .alias("install_fail"),
        any_of("install_ok", &TRUE)
            .fill_null(lit(false))
            .cast(DataType::UInt32)
            .sum()
            .alias("install_pass"),
        col("date").min().alias("first_date"),
        col("date").max().alias("last_date"),
    ];
    for c in PAIRS.iter().flat_map(|(x, y)| [*x, *y]) {
        a.push(col(c).sum().alias(c));
    }
    for c in COUNTS {
        a.push(col(c).sum().alias(c));
        a.push(observed_days(c).alias(format!("{c}.days")));
    }
    for c in GAUGES {
        a.push((col(c) * col("days")).sum().alias(c));
        a.push(observed_days(c).alias(format!("{c}.days")));
    }
    a
}

enum Collect {
    Polars(PolarsError),
    Invalid(String),
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

fn collect(df: &DataFrame, index: &VendorIndex) -> Result<(u64, Vec<EndpointAgg>), Collect> {
    let vendors = column_str(df, "vendor")?;
    let clients = column_str(df, "client")?;
    let endpoints = column_str(df, "endpoint")?;
    let roles = column_str(df, "role")?;
    let rows = column_u64(df, "rows")?;
    let days = column_f64(df, "days")?;
    let (fail, pass) = (
        column_u64(df, "install_fail")?,
        column_u64(df, "install_pass")?,
    );
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
            install_ok: if fail[i] > 0 {
                Some(false)
            } else if pass[i] > 0 {
                Some(true)
            } else {
                None
            },
            first_date: first[i].clone(),
            last_date: last[i].clone(),
        });
    }
    // Polars groups in no fixed order; the rest of the program wants a stable one.
    out.sort_by(|a, b| {
        (a.vendor, &a.client, &a.endpoint, a.role).cmp(&(b.vendor, &b.client, &b.endpoint, b.role))
    });
    let total = rows.iter().sum();
    // Dates are checked at each endpoint's first and last (text order); a malformed date
    // in between is only caught by the cell-by-cell path (polars' `strings` feature,
    // which would check every row, is left out to keep the build lean).
    for a in &out {
        for d in [&a.first_date, &a.last_date].into_iter().flatten() {
            if super::cells::parse_date(d, false).is_none() {
                return Err(Collect::Invalid(format!("bad date `{d}`")));
            }
        }
    }
    check_endpoint_vendors(&out, index).map_err(Collect::Invalid)?;
    Ok((total, out))
}

/// An endpoint under two vendors in overlapping periods (or without dates) is an error.
fn check_endpoint_vendors(aggs: &[EndpointAgg], _index: &VendorIndex) -> Result<(), String> {
    let mut seen: HashMap<&str, &EndpointAgg> = HashMap::new();
    for a in aggs {
        if let Some(b) = seen.insert(&a.endpoint, a) {
            if b.vendor != a.vendor && overlaps(a, b) {
                return Err(format!(
                    "endpoint `{}` under two vendors in one period",
                    a.endpoint
                ));
            }
        }
    }
    Ok(())
}

/// Whether two endpoint groups' date ranges overlap (undated groups always do).
pub fn overlaps(a: &EndpointAgg, b: &EndpointAgg) -> bool {
    match (&a.first_date, &a.last_date, &b.first_date, &b.last_date) {
        (Some(a0), Some(a1), Some(b0), Some(b1)) => a0 <= b1 && b0 <= a1,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "vendor,client,endpoint,role,date,days,install_ok,cpu_overhead_pct,malware_samples,malware_detected,false_positives,mttd_minutes";

    fn run(body: &str) -> Result<Aggregated, NeedsDiagnosis> {
        let csv = format!("{HEAD}\n{body}");
        let header: Vec<String> = HEAD.split(',').map(str::to_string).collect();
        let index: VendorIndex = [("a".to_string(), 0), ("b".to_string(), 1)]
            .into_iter()
            .collect();
        aggregate(PilotSource::CsvBytes(csv.into_bytes()), &header, &index)
    }

    #[test]
    fn aggregates_rows_per_endpoint_skipping_empty_cells() {
        let (rows, aggs, times) = run("a,c,e1,workstation,2024-08-05,1,true,2,10,9,1,5\n\
                               a,c,e1,workstation,2024-08-06,3,yes,6,30,30,0,7\n\
                               a,c,e1,workstation,2024-08-07,2,,,,,,\n\
                               b,c,e2,server,2024-08-05,1,false,4,0,0,,\n")
        .unwrap();
        assert_eq!(rows, 4);
        assert_eq!(aggs.len(), 2);
        let e1 = &aggs[0];
        assert_eq!(
            (e1.vendor, e1.endpoint.as_str(), e1.role),
            (0, "e1", Some(Role::Workstation))
        );
        assert_eq!((e1.rows, e1.days), (3, 6.0));
        assert_eq!((e1.malware_samples, e1.malware_detected), (40, 39));
        // False positives observed on 1 + 3 days; CPU on the same 4 days, weighted by days.
        assert_eq!(e1.counts[0], (1, 4.0));
        assert_eq!(e1.gauges[0], (2.0 + 18.0, 4.0));
        assert_eq!(e1.install_ok, Some(true));
        let mttd: Vec<(Option<f64>, u64)> = times
            .iter()
            .filter(|t| t.vendor == 0)
            .map(|t| (t.mttd, t.count))
            .collect();
        assert_eq!(mttd, vec![(Some(5.0), 1), (Some(7.0), 1)]);
        assert_eq!(
            (e1.first_date.as_deref(), e1.last_date.as_deref()),
            (Some("2024-08-05"), Some("2024-08-07"))
        );
        assert_eq!(aggs[1].install_ok, Some(false));
        assert_eq!(aggs[1].counts[0], (0, 0.0));
    }

    #[test]
    fn bad_rows_send_the_file_to_diagnosis() {
        for body in [
            "a,c,e1,workstation,,1,true,2,10,11,0,\n", // detected > samples
            "a,c,e1,laptop,,1,true,2,10,9,0,\n",       // unknown role
            "a,c,e1,workstation,,0,true,2,10,9,0,\n",  // zero days
            "a,c,e1,workstation,,1,maybe,2,10,9,0,\n", // not a boolean
            "a,c,e1,workstation,,1,true,101,10,9,0,\n", // CPU over 100%
            "a,c,e1,workstation,,1,true,2,10,9,-1,\n", // negative count
            "a,c,e1,workstation,,1,true,2,10,9,1.5,\n", // fractional count
            "a,c,e1,workstation,,1,true,2,10,,0,\n",   // detected without samples... reversed
            "z,c,e1,workstation,,1,true,2,10,9,0,\n",  // unknown vendor
            "a,c,e1,workstation,,1,true,abc,10,9,0,\n", // text in a number column
            "a,c,e1,workstation,,1,true,2,10,9,0,\nb,c,e1,workstation,,1,true,2,10,9,0,\n", // one endpoint, two vendors
        ] {
            assert!(run(body).is_err(), "accepted: {body}");
        }
    }
}
