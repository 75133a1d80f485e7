//! The fixed metric names, their units and meaning (docs/metrics.md says the same, with
//! formulas), and the value a metric takes for one vendor.
//!
//! `tests.<metric>`, `rmm.<platform>.<check>` and `rmm.<check>` are added per dataset from
//! the names found in its files.

/// A metric value of one vendor.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
    List(Vec<String>),
}

/// One fixed metric.
pub struct MetricDef {
    pub name: &'static str,
    /// The evidence file it comes from.
    pub file: &'static str,
    pub unit: &'static str,
    pub about: &'static str,
}

const fn m(
    name: &'static str,
    file: &'static str,
    unit: &'static str,
    about: &'static str,
) -> MetricDef {
    MetricDef {
        name,
        file,
        unit,
        about,
    }
}

/// Rates that also have `.lower95` and `.upper95` (Wilson for proportions, Garwood for counts).
pub const WITH_INTERVAL: [&str; 6] = [
    "pilot.detection_rate",
    "pilot.phishing_block_rate",
    "pilot.install_success_rate",
    "pilot.false_positives_per_endpoint_day",
    "pilot.app_breakages_per_endpoint_day",
    "pilot.tickets_per_endpoint_day",
];

/// Every fixed metric.
pub const FIXED: [MetricDef; 25] = [
    m("vendor.restrictions", "vendors", "list", "restriction ids from `restrictions`; empty when none"),
    m("vendor.hq_country", "vendors", "text", "ISO 3166 alpha-2 code of the headquarters"),
    m("pilot.detection_rate", "pilot_results", "ratio", "sum of malware_detected / sum of malware_samples"),
    m("pilot.phishing_block_rate", "pilot_results", "ratio", "sum of phishing_blocked / sum of phishing_sims"),
    m("pilot.install_success_rate", "pilot_results", "ratio", "endpoints whose install never failed / endpoints with an install result"),
    m("pilot.false_positives_per_endpoint_day", "pilot_results", "per endpoint-day", "sum of false_positives / endpoint-days observed"),
    m("pilot.app_breakages_per_endpoint_day", "pilot_results", "per endpoint-day", "sum of app_breakages / endpoint-days observed"),
    m("pilot.tickets_per_endpoint_day", "pilot_results", "per endpoint-day", "sum of tickets / endpoint-days observed"),
    m("pilot.cpu_overhead_pct", "pilot_results", "percent", "CPU overhead, mean over endpoints"),
    m("pilot.memory_mb", "pilot_results", "MB", "memory use, mean over endpoints"),
    m("pilot.boot_delay_s", "pilot_results", "seconds", "boot delay, mean over endpoints"),
    m("pilot.scan_minutes", "pilot_results", "minutes", "full-scan time, mean over endpoints"),
    m("pilot.telemetry_coverage_pct", "pilot_results", "percent", "telemetry coverage, mean over endpoints"),
    m("pilot.mttd_minutes", "pilot_results", "minutes", "median time to detect over the rows that report one"),
    m("pilot.mttr_minutes", "pilot_results", "minutes", "median time to respond over the rows that report one"),
    m("pilot.endpoints", "pilot_results", "count", "distinct endpoints in the pilot"),
    m("pilot.endpoint_days", "pilot_results", "endpoint-days", "sum of days over all rows"),
    m("pilot.malware_samples", "pilot_results", "count", "sum of malware_samples"),
    m("pricing.cost_per_endpoint_month", "pricing", "currency per endpoint-month", "(subscriptions + setup fees) over the horizon / horizon / endpoints, cheapest complete edition"),
    m("pricing.fleet_cost_month", "pricing", "currency per month", "the recurring monthly cost of licences and add-ons for the whole fleet"),
    m("pricing.tco", "pricing", "currency over the horizon", "subscriptions + setup fees + migration labour over the horizon"),
    m("pricing.migration_cost", "pricing", "currency, one-off", "migration labour: deployment (by RMM result) and rebuilding exclusions"),
    m("rmm.coverage", "rmm_checks", "ratio", "mean score over every platform/check pair in the dataset (pass 1, partial 0.5, fail, untested or absent 0)"),
    m("rmm.platforms", "rmm_checks", "count", "platforms with at least one check passed or partly passed"),
    m("rmm.checks_passed", "rmm_checks", "count", "platform/check pairs with the result pass"),
];

/// The definition of a fixed metric, also for its `.lower95`/`.upper95` forms.
pub fn fixed(name: &str) -> Option<&'static MetricDef> {
    let base = name
        .strip_suffix(".lower95")
        .or_else(|| name.strip_suffix(".upper95"))
        .filter(|b| WITH_INTERVAL.contains(b))
        .unwrap_or(name);
    FIXED.iter().find(|d| d.name == base)
}
