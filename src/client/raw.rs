//! A client profile as written: serde types mirroring the TOML, with spans.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// `clients/<name>.toml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProfile {
    pub name: Spanned<String>,
    pub description: Option<String>,
    /// ISO 4217 code to quote in (needs `fx_rates` when prices are in another).
    pub currency: Option<Spanned<String>>,
    #[serde(default)]
    pub constraints: Vec<Spanned<String>>,
    pub fleet: Spanned<RawFleet>,
    #[serde(default)]
    pub tools: RawTools,
    #[serde(default)]
    pub contract: RawContract,
    pub migration: Option<RawMigration>,
    /// `[plan]`: the migration plan's dates, capacity, calendar and rules.
    pub plan: Option<RawPlan>,
    /// Criterion id -> new relative weight.
    #[serde(default)]
    pub weights: BTreeMap<String, Spanned<f64>>,
    /// Group id -> new relative weight.
    #[serde(default)]
    pub group_weights: BTreeMap<String, Spanned<f64>>,
}

/// `[fleet]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFleet {
    pub workstations: Option<Spanned<i64>>,
    pub servers: Option<Spanned<i64>>,
    pub domain_controllers: Option<Spanned<i64>>,
}

/// `[tools]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTools {
    pub rmm: Option<Spanned<String>>,
    pub psa: Option<Spanned<String>>,
}

/// `[contract]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContract {
    pub horizon_months: Option<Spanned<i64>>,
    pub billing: Option<Spanned<String>>,
    #[serde(default)]
    pub addons: Vec<Spanned<String>>,
}

/// `[migration]`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMigration {
    pub labour_rate: Spanned<f64>,
    pub hours_per_endpoint: Spanned<f64>,
    pub hours_per_exclusion: Option<Spanned<f64>>,
    pub exclusions: Option<Spanned<i64>>,
    pub partial_deploy_factor: Option<Spanned<f64>>,
    pub manual_deploy_factor: Option<Spanned<f64>>,
}

/// `[plan]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    pub start: Option<Spanned<String>>,
    pub deadline: Option<Spanned<String>>,
    pub technicians: Option<Spanned<i64>>,
    pub hours_per_day: Option<Spanned<f64>>,
    pub window_hours: Option<Spanned<f64>>,
    pub working_days: Option<Spanned<Vec<String>>>,
    pub window_days: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub blackout: Vec<Spanned<String>>,
    pub soak_days: Option<Spanned<i64>>,
    pub pilot_share: Option<Spanned<f64>>,
    pub stale_days: Option<Spanned<i64>>,
    pub order: Option<Spanned<String>>,
    pub high_value_roles: Option<Vec<Spanned<String>>>,
    pub high_value_tags: Option<Vec<String>>,
    /// A column mapping: a file, or a built-in mapping's name.
    pub mapping: Option<String>,
}
