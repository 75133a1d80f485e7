//! What a pilot file holds and how the fast path aggregates it: the column lists (each
//! kind of column by name), the types the columns are read as, the per-endpoint
//! aggregate ([`EndpointAgg`]) and the aggregations that make it, and the rule for an
//! endpoint under two vendors that the fast path and the cell checks share.
//!
//! The row checks (`row_checks.rs`), the fast path (`frame.rs`), the diagnosis and the
//! cell checks all read the columns from here.

use polars::prelude::*;

use crate::dataset::cells::{FALSE, TRUE};
use crate::dataset::types::Role;

/// The pilot file's columns, required first.
pub const PILOT_REQUIRED: [&str; 4] = ["vendor", "client", "endpoint", "days"];

/// The fewest days a row may cover (about a minute and a half): a row over a shorter time
/// turns a single event into a rate no pilot can mean.
pub const MIN_DAYS: f64 = 0.001;
/// The most days a row may cover: ten years.
pub const MAX_DAYS: f64 = 3660.0;
/// Optional pilot columns.
pub const PILOT_OPTIONAL: [&str; 18] = [
    "role",
    "os",
    "date",
    "install_ok",
    "cpu_overhead_pct",
    "memory_mb",
    "boot_delay_s",
    "scan_minutes",
    "malware_samples",
    "malware_detected",
    "phishing_sims",
    "phishing_blocked",
    "false_positives",
    "mttd_minutes",
    "mttr_minutes",
    "app_breakages",
    "tickets",
    "telemetry_coverage_pct",
];

/// Counts of events: summed per endpoint, with the days on which they were observed.
pub const COUNTS: [&str; 3] = ["false_positives", "app_breakages", "tickets"];
/// Gauges: summed per endpoint as value x days, with the days on which they were observed.
pub const GAUGES: [&str; 5] = [
    "cpu_overhead_pct",
    "memory_mb",
    "boot_delay_s",
    "scan_minutes",
    "telemetry_coverage_pct",
];
/// Incident times: checked per row and filed per (vendor, client, role) by `times.rs`,
/// not part of the per-endpoint aggregate.
pub const TIMES: [&str; 2] = ["mttd_minutes", "mttr_minutes"];
/// Counts that pair as (part, whole), the part at most the whole: a rate's two terms.
pub const PAIRS: [(&str, &str); 2] = [
    ("malware_detected", "malware_samples"),
    ("phishing_blocked", "phishing_sims"),
];
/// The columns read as text.
const TEXT: [&str; 7] = [
    "vendor",
    "client",
    "endpoint",
    "role",
    "os",
    "date",
    "install_ok",
];

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
    pub fn state(self) -> Expr {
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
pub fn read_dtype(name: &str) -> DataType {
    numeric_dtype(name).unwrap_or(DataType::String)
}

fn observed_days(column: &str) -> Expr {
    when(col(column).is_not_null())
        .then(col("days"))
        .otherwise(lit(0.0))
        .sum()
}

/// One per-endpoint aggregation: its column, its expression, and how the results of
/// several parts of a file combine (by the same kind of reduction, over the parts).
pub struct Agg {
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
    pub fn expr(&self) -> Expr {
        self.expr.clone().alias(self.name.as_str())
    }

    /// The aggregation over the parts' results.
    pub fn merged(&self) -> Expr {
        let c = col(self.name.as_str());
        match self.merge {
            Merge::Sum => c.sum(),
            Merge::Min => c.min(),
            Merge::Max => c.max(),
            Merge::Any => c.any(true),
        }
    }
}

/// The per-endpoint aggregations, the sums of [`EndpointAgg`] and, last, `bad`: whether
/// any of the endpoint's rows breaks a check, as `bad_rows` (the row checks) marks them.
pub fn aggregations(bad_rows: Expr) -> Vec<Agg> {
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
    a.push(Agg::new("bad", bad_rows.any(true), Any));
    a
}

/// Whether two (first, last) periods overlap; an undated one (`None`) overlaps any. The
/// rule both the fast path (`row_checks::clashing_endpoints`) and the cell checks
/// (`cell_checks.rs`) use for an endpoint under two vendors.
pub fn overlaps<T: PartialOrd>(a: Option<(T, T)>, b: Option<(T, T)>) -> bool {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => true,
    }
}
