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
    /// The metric's name for people, as tables and charts show it ("CPU overhead").
    pub label: &'static str,
    /// The evidence file it comes from.
    pub file: &'static str,
    pub unit: &'static str,
    pub about: &'static str,
}

const fn m(
    name: &'static str,
    label: &'static str,
    file: &'static str,
    unit: &'static str,
    about: &'static str,
) -> MetricDef {
    MetricDef {
        name,
        label,
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
    m("vendor.restrictions", "Restrictions", "vendors", "list", "restriction ids from `restrictions`; empty when none"),
    m("vendor.hq_country", "Headquarters country", "vendors", "text", "ISO 3166 alpha-2 code of the headquarters"),
    m("pilot.detection_rate", "Detection rate", "pilot_results", "ratio", "sum of malware_detected / sum of malware_samples"),
    m("pilot.phishing_block_rate", "Phishing block rate", "pilot_results", "ratio", "sum of phishing_blocked / sum of phishing_sims"),
    m("pilot.install_success_rate", "Install success rate", "pilot_results", "ratio", "endpoints whose install never failed / endpoints with an install result"),
    m("pilot.false_positives_per_endpoint_day", "False positives per endpoint-day", "pilot_results", "per endpoint-day", "sum of false_positives / endpoint-days observed"),
    m("pilot.app_breakages_per_endpoint_day", "App breakages per endpoint-day", "pilot_results", "per endpoint-day", "sum of app_breakages / endpoint-days observed"),
    m("pilot.tickets_per_endpoint_day", "Tickets per endpoint-day", "pilot_results", "per endpoint-day", "sum of tickets / endpoint-days observed"),
    m("pilot.cpu_overhead_pct", "CPU overhead", "pilot_results", "percent", "CPU overhead, mean over endpoints"),
    m("pilot.memory_mb", "Memory use", "pilot_results", "MB", "memory use, mean over endpoints"),
    m("pilot.boot_delay_s", "Boot delay", "pilot_results", "seconds", "boot delay, mean over endpoints"),
    m("pilot.scan_minutes", "Full-scan time", "pilot_results", "minutes", "full-scan time, mean over endpoints"),
    m("pilot.telemetry_coverage_pct", "Telemetry coverage", "pilot_results", "percent", "telemetry coverage, mean over endpoints"),
    m("pilot.mttd_minutes", "Time to detect", "pilot_results", "minutes", "median time to detect over the rows that report one"),
    m("pilot.mttr_minutes", "Time to respond", "pilot_results", "minutes", "median time to respond over the rows that report one"),
    m("pilot.endpoints", "Pilot endpoints", "pilot_results", "count", "distinct endpoints in the pilot"),
    m("pilot.endpoint_days", "Pilot endpoint-days", "pilot_results", "endpoint-days", "sum of days over all rows"),
    m("pilot.malware_samples", "Malware samples", "pilot_results", "count", "sum of malware_samples"),
    m("pricing.cost_per_endpoint_month", "Cost per endpoint-month", "pricing", "currency per endpoint-month", "(subscriptions + setup fees) over the horizon / horizon / endpoints, cheapest complete edition"),
    m("pricing.fleet_cost_month", "Fleet cost per month", "pricing", "currency per month", "the recurring monthly cost of licences and add-ons for the whole fleet"),
    m("pricing.tco", "Total cost of ownership", "pricing", "currency over the horizon", "subscriptions + setup fees + migration labour over the horizon"),
    m("pricing.migration_cost", "Migration cost", "pricing", "currency, one-off", "migration labour: deployment (by RMM result) and rebuilding exclusions"),
    m("rmm.coverage", "RMM coverage", "rmm_checks", "ratio", "mean score over every platform/check pair in the dataset (pass 1, partial 0.5, fail, untested or absent 0)"),
    m("rmm.platforms", "RMM platforms", "rmm_checks", "count", "platforms with at least one check passed or partly passed"),
    m("rmm.checks_passed", "RMM checks passed", "rmm_checks", "count", "platform/check pairs with the result pass"),
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

/// A metric's name for people: the catalog's label, with the interval bound said in words
/// for `.lower95`/`.upper95`; a lab metric (`tests.malware_protection_rate`) and an RMM
/// check in words ("Lab malware protection rate"); any other name as written.
pub fn label(name: &str) -> String {
    let bound = if name.ends_with(".lower95") {
        " (lower 95% bound)"
    } else if name.ends_with(".upper95") {
        " (upper 95% bound)"
    } else {
        ""
    };
    if let Some(d) = fixed(name) {
        return format!("{}{bound}", d.label);
    }
    let words = |s: &str| s.replace(['_', '.'], " ");
    if let Some(rest) = name.strip_prefix("tests.") {
        return format!("Lab {}", words(rest));
    }
    if let Some(rest) = name.strip_prefix("rmm.") {
        return format!("RMM {}", words(rest));
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixed_metric_has_a_label_without_its_id() {
        for d in &FIXED {
            assert!(!d.label.is_empty() && !d.label.contains('_'), "{}", d.name);
            assert_ne!(d.label, d.name);
        }
    }

    #[test]
    fn labels_say_bounds_and_kinds_in_words() {
        assert_eq!(label("pilot.cpu_overhead_pct"), "CPU overhead");
        assert_eq!(
            label("pilot.detection_rate.lower95"),
            "Detection rate (lower 95% bound)"
        );
        assert_eq!(
            label("tests.malware_protection_rate"),
            "Lab malware protection rate"
        );
        assert_eq!(label("rmm.ninjaone.deploy"), "RMM ninjaone deploy");
        assert_eq!(label("something.else"), "something.else");
    }
}
