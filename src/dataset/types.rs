//! Typed rows of the five evidence files, after validation.
//!
//! Vendors are referred to by their index in `Dataset::vendors`; every other string
//! has been checked against the formats in docs/data-formats.md.

use super::dates::Date;

/// A row of `vendors`.
#[derive(Debug, Clone, PartialEq)]
pub struct Vendor {
    pub id: String,
    pub name: String,
    pub hq_country: Option<String>,
    /// Restriction ids (empty cell: none); `None` when the file has no `restrictions`
    /// column, so a gate on them cannot be evaluated and fails closed.
    pub restrictions: Option<Vec<String>>,
    pub notes: Option<String>,
}

/// A row of `test_scores`: one lab result for one vendor and metric.
#[derive(Debug, Clone, PartialEq)]
pub struct TestScore {
    pub lab: String,
    pub test: String,
    pub period_start: Date,
    pub period_end: Date,
    pub vendor: usize,
    pub metric: String,
    pub value: f64,
    pub unit: String,
    pub samples: Option<u64>,
    pub source: Option<String>,
}

/// The role of an endpoint in a pilot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Workstation,
    Server,
    DomainController,
}

impl Role {
    /// The names accepted in files.
    pub const NAMES: [&'static str; 3] = ["workstation", "server", "domain_controller"];

    /// Parses a name from `NAMES`.
    pub fn from_name(s: &str) -> Option<Role> {
        match s {
            "workstation" => Some(Role::Workstation),
            "server" => Some(Role::Server),
            "domain_controller" => Some(Role::DomainController),
            _ => None,
        }
    }
}

/// A row of `pilot_results`: one endpoint over one period (a day, or the whole pilot).
/// `None` means not observed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PilotRow {
    pub vendor: usize,
    pub client: String,
    pub endpoint: String,
    pub role: Option<Role>,
    pub os: Option<String>,
    pub date: Option<Date>,
    pub days: f64,
    pub install_ok: Option<bool>,
    pub cpu_overhead_pct: Option<f64>,
    pub memory_mb: Option<f64>,
    pub boot_delay_s: Option<f64>,
    pub scan_minutes: Option<f64>,
    pub malware_samples: Option<u64>,
    pub malware_detected: Option<u64>,
    pub phishing_sims: Option<u64>,
    pub phishing_blocked: Option<u64>,
    pub false_positives: Option<u64>,
    pub mttd_minutes: Option<f64>,
    pub mttr_minutes: Option<f64>,
    pub app_breakages: Option<u64>,
    pub tickets: Option<u64>,
    pub telemetry_coverage_pct: Option<f64>,
}

/// What a price row applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AppliesTo {
    Workstation,
    Server,
    All,
}

/// A row of `pricing`: one tier band of one SKU.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceRow {
    pub vendor: usize,
    pub sku: String,
    pub edition: String,
    pub applies_to: AppliesTo,
    pub min_seats: u64,
    /// `None` is an open band.
    pub max_seats: Option<u64>,
    pub price_per_seat_month: f64,
    pub currency: String,
    pub annual: bool,
    pub term_months: u64,
    pub min_commit_seats: u64,
    pub setup_fee: f64,
    /// `None` for the base product; an add-on id otherwise.
    pub addon: Option<String>,
}

/// The result of one RMM/PSA integration check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CheckResult {
    Fail,
    Partial,
    Pass,
    Untested,
}

impl CheckResult {
    /// The names accepted in files.
    pub const NAMES: [&'static str; 4] = ["pass", "partial", "fail", "untested"];

    /// The score of a tested result: pass 1, partial 0.5, fail 0; untested has none.
    pub fn score(self) -> Option<f64> {
        match self {
            CheckResult::Pass => Some(1.0),
            CheckResult::Partial => Some(0.5),
            CheckResult::Fail => Some(0.0),
            CheckResult::Untested => None,
        }
    }
}

/// A row of `rmm_checks`.
#[derive(Debug, Clone, PartialEq)]
pub struct RmmCheck {
    pub vendor: usize,
    pub platform: String,
    pub check: String,
    pub result: CheckResult,
    pub evidence: Option<String>,
    pub checked_on: Option<Date>,
}
