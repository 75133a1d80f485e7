//! The deadline check: the day of the last visit against the deadline, the margin in
//! days, and when the plan misses, what makes it, found by planning again (not
//! estimated): the fewest technicians, the longest soak that would do with the
//! technicians as they are, and the latest start date that would have made it.
//!
//! The deadline is the first day a device still on Kaspersky is out of compliance (for
//! the regulatory deadline, the first day without updates), so the last visit must be
//! the day before it at the latest. Margin = deadline - last visit - 1 days: 0 just
//! meets, -1 misses by one day.

use super::error::PlanError;
use super::schedule::{schedule, Schedule};
use super::settings::PlanSettings;
use super::waves::Wave;
use crate::dataset::Date;
use crate::inventory::Device;

/// How far back the search for a start date goes: ten years of days, the scheduler's
/// own limit.
const MAX_EARLIER: i64 = 3660;

/// The verdict of the deadline check.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineCheck {
    /// Days to spare (negative: days late).
    pub margin: i64,
    /// The fewest technicians that meet the deadline, when it is missed; `None` when no
    /// number does (the soaks alone run past it).
    pub technicians_needed: Option<u32>,
    /// The longest soak that meets the deadline with the technicians as they are, when
    /// it is missed; `None` when even no soak does.
    pub soak_that_meets: Option<u32>,
    /// The latest start that meets the deadline with the same devices, waves and
    /// settings, when it is missed; `None` when no start in the ten years before does.
    pub latest_start: Option<Date>,
}

impl DeadlineCheck {
    /// Whether the last visit is before the deadline.
    pub fn meets(&self) -> bool {
        self.margin >= 0
    }
}

/// Days to spare between a plan's last visit and the deadline.
pub fn margin(plan: &Schedule, s: &PlanSettings) -> i64 {
    s.deadline.days() - plan.finish.days() - 1
}

/// Checks `plan` against the deadline and, when it misses, plans again to find what
/// makes it.
pub fn check(
    devices: &[Device],
    waves: &[Wave],
    plan: &Schedule,
    s: &PlanSettings,
) -> Result<DeadlineCheck, PlanError> {
    let margin = margin(plan, s);
    if margin >= 0 {
        return Ok(DeadlineCheck {
            margin,
            technicians_needed: None,
            soak_that_meets: None,
            latest_start: None,
        });
    }
    Ok(DeadlineCheck {
        margin,
        technicians_needed: fewest_technicians(devices, waves, s)?,
        soak_that_meets: longest_soak(devices, waves, s)?,
        latest_start: latest_start(devices, waves, s)?,
    })
}

/// The fewest technicians that meet the deadline. More technicians than devices cannot
/// do more in a day than one each, so the search stops there.
fn fewest_technicians(
    devices: &[Device],
    waves: &[Wave],
    s: &PlanSettings,
) -> Result<Option<u32>, PlanError> {
    let most = s
        .technicians
        .saturating_add(devices.len().min(100_000) as u32);
    let mut t = s.technicians;
    while t < most {
        t += 1;
        let mut more = s.clone();
        more.technicians = t;
        if margin(&schedule(devices, waves, &more)?, &more) >= 0 {
            return Ok(Some(t));
        }
    }
    Ok(None)
}

/// The longest soak below the one asked for that meets the deadline.
fn longest_soak(
    devices: &[Device],
    waves: &[Wave],
    s: &PlanSettings,
) -> Result<Option<u32>, PlanError> {
    for soak in (0..s.soak_days).rev() {
        let mut shorter = s.clone();
        shorter.soak_days = soak;
        if margin(&schedule(devices, waves, &shorter)?, &shorter) >= 0 {
            return Ok(Some(soak));
        }
    }
    Ok(None)
}

/// The latest start before the one asked for that meets the deadline, found by planning
/// from each earlier day in turn (the day before, two days before, ...) with the real
/// calendar: working days, windows and blackouts. The devices and waves stay as they
/// are; only the dates move.
fn latest_start(
    devices: &[Device],
    waves: &[Wave],
    s: &PlanSettings,
) -> Result<Option<Date>, PlanError> {
    for back in 1..=MAX_EARLIER {
        let mut earlier = s.clone();
        earlier.start = s.start.plus(-back);
        if margin(&schedule(devices, waves, &earlier)?, &earlier) >= 0 {
            return Ok(Some(earlier.start));
        }
    }
    Ok(None)
}
