//! The deadline check: the day of the last visit against the deadline, the margin in
//! days, and when the plan misses, what makes it, found by planning again (not
//! estimated): the fewest technicians, and the longest soak that would do with the
//! technicians as they are.
//!
//! The deadline is the first day a device still on Kaspersky is out of compliance (for
//! the regulatory deadline, the first day without updates), so the last visit must be
//! the day before it at the latest. Margin = deadline - last visit - 1 days: 0 just
//! meets, -1 misses by one day.

use super::error::PlanError;
use super::schedule::{schedule, Schedule};
use super::settings::PlanSettings;
use super::waves::Wave;
use crate::inventory::Device;

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
        });
    }
    Ok(DeadlineCheck {
        margin,
        technicians_needed: fewest_technicians(devices, waves, s)?,
        soak_that_meets: longest_soak(devices, waves, s)?,
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
