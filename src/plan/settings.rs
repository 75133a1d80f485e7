//! What a migration plan is planned with: the dates, the capacity, the calendar, the
//! risk rules and the wave order, each with its documented default (docs/plan.md).
//! A client profile's `[plan]` table and the command line fill them in.

use crate::dataset::{Date, Role};

/// The regulatory deadline: from 2024-09-29 the US Commerce Department (BIS, Final
/// Determination of 2024-06-20) prohibits Kaspersky's software and signature updates in
/// the US; new sales were prohibited from 2024-07-20.
pub const REGULATORY_DEADLINE: Date = Date {
    year: 2024,
    month: 9,
    day: 29,
};

/// The regulatory sales ban: new sales of Kaspersky software prohibited in the US from
/// 2024-07-20 (the same Final Determination).
pub const SALES_BAN: Date = Date {
    year: 2024,
    month: 7,
    day: 20,
};

/// How the regulatory deadline is described in outputs.
pub const REGULATORY_SOURCE: &str =
    "US BIS: Kaspersky software and signature updates prohibited from 2024-09-29 (new sales from 2024-07-20)";

/// The weekday names a profile uses, Monday first.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The order of the waves after the pilot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Order {
    /// High-value devices right after the pilot's soak: they are the most exposed once
    /// updates stop.
    RiskFirst,
    /// Standard workstations first, then high-value workstations, servers, and domain
    /// controllers last: a bad rollout hurts least early on.
    BlastRadiusFirst,
}

impl Order {
    /// The names accepted in a profile and on the command line.
    pub const NAMES: [&'static str; 2] = ["risk-first", "blast-radius-first"];

    /// Parses a name of [`Order::NAMES`].
    pub fn from_name(s: &str) -> Option<Order> {
        match s {
            "risk-first" => Some(Order::RiskFirst),
            "blast-radius-first" => Some(Order::BlastRadiusFirst),
            _ => None,
        }
    }

    /// The name as written.
    pub fn name(self) -> &'static str {
        match self {
            Order::RiskFirst => "risk-first",
            Order::BlastRadiusFirst => "blast-radius-first",
        }
    }
}

/// Where the start date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartFrom {
    /// `--start`.
    CommandLine,
    /// The client profile's `start`.
    Profile,
    /// Neither was given: today, so the plan changes from day to day.
    Today,
}

/// Everything a plan is made with.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSettings {
    pub start: Date,
    pub start_from: StartFrom,
    pub deadline: Date,
    /// Where the deadline comes from, in words.
    pub deadline_source: String,
    /// Technicians working on the migration at once (at least 1).
    pub technicians: u32,
    /// Hours a technician works on the migration on a working day.
    pub hours_per_day: f64,
    /// Hours a technician works in a server maintenance window.
    pub window_hours: f64,
    /// Working days, Monday first: workstations are swapped on these.
    pub working_days: [bool; 7],
    /// Maintenance window days, Monday first: servers and domain controllers are swapped
    /// only in these.
    pub window_days: [bool; 7],
    /// Days with no migration work at all.
    pub blackout: Vec<Date>,
    /// Calendar days of monitoring after each wave before the next starts.
    pub soak_days: u32,
    /// The share of the workstations in the pilot ring (0 to 1).
    pub pilot_share: f64,
    /// A device not seen for more than this many days before the start is stale.
    pub stale_days: u32,
    pub order: Order,
    /// Roles that make a device high value.
    pub high_value_roles: Vec<Role>,
    /// Tags that make a device high value (sensitive data, exposure).
    pub high_value_tags: Vec<String>,
    /// Hours to swap one managed device (deployment from the RMM, by its result).
    pub hours_per_device: f64,
    /// Multiplier of those hours for a device the RMM does not manage (hands on it).
    pub unmanaged_factor: f64,
    /// Hours to rebuild the exclusions and policies by hand, before the pilot.
    pub policy_hours: f64,
}

impl PlanSettings {
    /// The defaults of docs/plan.md, from `start`.
    pub fn new(start: Date, start_from: StartFrom) -> PlanSettings {
        PlanSettings {
            start,
            start_from,
            deadline: REGULATORY_DEADLINE,
            deadline_source: REGULATORY_SOURCE.to_string(),
            technicians: 1,
            hours_per_day: 6.0,
            window_hours: 4.0,
            working_days: [true, true, true, true, true, false, false],
            window_days: [false, false, false, false, false, true, false],
            blackout: Vec::new(),
            soak_days: 14,
            pilot_share: 0.1,
            stale_days: 30,
            order: Order::RiskFirst,
            high_value_roles: vec![Role::Server, Role::DomainController],
            high_value_tags: vec!["phi".into(), "pci".into(), "internet-facing".into()],
            hours_per_device: 0.25,
            unmanaged_factor: 3.0,
            policy_hours: 0.0,
        }
    }
}

/// Parses weekday names (`mon` ... `sun`, any letter case) into flags, Monday first;
/// the first unknown name is the error.
pub fn weekdays<S: AsRef<str>>(names: &[S]) -> Result<[bool; 7], String> {
    let mut out = [false; 7];
    for n in names {
        let n = n.as_ref();
        let lower = n.to_lowercase();
        let key = lower.get(..3).unwrap_or(&lower);
        match WEEKDAYS.iter().position(|w| *w == key) {
            Some(i) if lower.len() == 3 || full_name(i) == lower => out[i] = true,
            _ => return Err(n.to_string()),
        }
    }
    Ok(out)
}

fn full_name(i: usize) -> &'static str {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ][i]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_by_short_or_full_name() {
        assert_eq!(
            weekdays(&["Mon", "friday", "sat"]),
            Ok([true, false, false, false, true, true, false])
        );
        assert_eq!(weekdays(&["mo"]), Err("mo".to_string()));
        assert_eq!(weekdays(&["monday2"]), Err("monday2".to_string()));
        assert_eq!(weekdays::<&str>(&[]), Ok([false; 7]));
    }
}
