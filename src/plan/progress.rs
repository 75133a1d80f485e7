//! Progress against a plan: a later export of the same client's devices read against
//! the plan made from the original inventory, as of one date, each device given one
//! status, and the devices still on Kaspersky planned again from that date with the same
//! settings (the same `plan` function, so the same scheduler and deadline check).
//!
//! A device is the same device in both files when its client and hostname match,
//! ignoring letter case. The statuses, first match wins (docs/plan.md):
//!
//! 1. `unprotected`: in the export with no antivirus at all;
//! 2. `stale`: on Kaspersky but not seen for more than `stale_days` before the as-of
//!    date (is it still there?);
//! 3. planned devices: `missed` when still on Kaspersky after the last day of their wave,
//!    `pending` when their wave is not over, `migrated` when on another product;
//! 4. devices not planned: `new` when not in the original inventory or now on Kaspersky
//!    (with whether they run Kaspersky), else `other` (another product, nothing to do);
//! 5. `gone`: in the original inventory, absent from the export.

use std::collections::HashMap;

use super::error::PlanError;
use super::{plan, Plan};
use crate::dataset::Date;
use crate::inventory::{Device, Inventory, Products};

/// What a device's state is at the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Unprotected,
    Missed,
    Stale,
    New,
    Gone,
    Pending,
    Migrated,
    Other,
}

impl Status {
    /// Every status, most urgent first.
    pub const ALL: [Status; 8] = [
        Status::Unprotected,
        Status::Missed,
        Status::Stale,
        Status::New,
        Status::Gone,
        Status::Pending,
        Status::Migrated,
        Status::Other,
    ];

    /// The status as written in outputs.
    pub fn name(self) -> &'static str {
        match self {
            Status::Unprotected => "unprotected",
            Status::Missed => "missed",
            Status::Stale => "stale",
            Status::New => "new",
            Status::Gone => "gone",
            Status::Pending => "pending",
            Status::Migrated => "migrated",
            Status::Other => "other",
        }
    }

    /// Whether a device of this status needs someone to act.
    pub fn needs_attention(self) -> bool {
        matches!(
            self,
            Status::Unprotected | Status::Missed | Status::Stale | Status::New | Status::Gone
        )
    }
}

/// One device's place in the progress report.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracked {
    pub status: Status,
    /// The device as the export has it, else (gone) as the original inventory had it.
    pub device: Device,
    /// The wave it was planned in, when it was planned.
    pub wave: Option<usize>,
    /// That wave's last day.
    pub wave_last: Option<Date>,
    /// Whether the export shows a Kaspersky product on it.
    pub kaspersky: bool,
}

/// The progress of a migration at one date.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub as_of: Date,
    /// Devices in status order (most urgent first), then in the export's order.
    pub devices: Vec<Tracked>,
    /// The devices still on Kaspersky, planned again from the as-of date.
    pub replan: Plan,
}

/// The same-device key: client and hostname, ignoring letter case.
fn key(d: &Device) -> (String, String) {
    (d.client.to_lowercase(), d.hostname.to_lowercase())
}

/// Reads `after` against `before` (the plan's inventory) and `original`, as of `as_of`.
pub fn progress(
    original: &Plan,
    before: &[Device],
    after: &Inventory,
    products: &Products,
    as_of: Date,
) -> Result<Progress, PlanError> {
    let s = &original.settings;
    let mut planned: HashMap<(String, String), usize> = HashMap::new();
    for v in &original.schedule.visits {
        planned.insert(key(&before[v.device]), v.wave);
    }
    let known: HashMap<(String, String), usize> = before
        .iter()
        .enumerate()
        .map(|(i, d)| (key(d), i))
        .collect();
    let stale_before = as_of.days() - i64::from(s.stale_days);
    let mut devices = Vec::new();
    let mut seen = vec![false; before.len()];
    for d in &after.devices {
        let k = key(d);
        if let Some(&i) = known.get(&k) {
            seen[i] = true;
        }
        let wave = planned.get(&k).copied();
        let wave_last = wave.map(|w| original.schedule.waves[w].last);
        let kaspersky = d
            .av_product
            .as_deref()
            .is_some_and(|p| products.family(p).is_some());
        let status = match (d.av_product.is_some(), kaspersky, wave_last) {
            (false, _, _) => Status::Unprotected,
            (_, true, _) if d.last_seen.is_some_and(|l| l.days() < stale_before) => Status::Stale,
            (_, true, Some(last)) if as_of > last => Status::Missed,
            (_, true, Some(_)) => Status::Pending,
            (_, false, Some(_)) => Status::Migrated,
            _ if kaspersky || !known.contains_key(&k) => Status::New,
            _ => Status::Other,
        };
        devices.push(Tracked {
            status,
            device: d.clone(),
            wave,
            wave_last,
            kaspersky,
        });
    }
    for (d, _) in before.iter().zip(&seen).filter(|(_, seen)| !**seen) {
        let wave = planned.get(&key(d)).copied();
        devices.push(Tracked {
            status: Status::Gone,
            device: d.clone(),
            wave,
            wave_last: wave.map(|w| original.schedule.waves[w].last),
            kaspersky: d
                .av_product
                .as_deref()
                .is_some_and(|p| products.family(p).is_some()),
        });
    }
    devices.sort_by_key(|t| t.status);
    Ok(Progress {
        as_of,
        devices,
        replan: plan(after, products, replan_settings(original, as_of))?,
    })
}

/// The settings of the replan: the original's, from the as-of date; once the pilot's
/// wave is over the pilot and the policy rebuild are done and are not planned again.
pub fn replan_settings(original: &Plan, as_of: Date) -> super::PlanSettings {
    let mut s = original.settings.clone();
    s.start = as_of;
    let pilot_over = original
        .waves
        .first()
        .zip(original.schedule.waves.first())
        .is_some_and(|(w, d)| w.name == "pilot" && d.last < as_of);
    if pilot_over {
        s.pilot_share = 0.0;
        s.policy_hours = 0.0;
    }
    s
}

/// The as-of date of an export: the latest `last_seen` in it.
pub fn latest_seen(after: &Inventory) -> Option<Date> {
    after.devices.iter().filter_map(|d| d.last_seen).max()
}
