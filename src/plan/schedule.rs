//! Dates and capacity: each wave's devices placed on days, one visit a device.
//!
//! Time is counted in whole minutes so that every sum is exact. A day offers each
//! technician `hours_per_day` on a working day (workstations) and `window_hours` in a
//! maintenance window (servers and domain controllers); a blackout day offers nothing.
//! A device is swapped in one visit by one technician (uninstall, install, verify), so it
//! goes to the first technician with enough time left that day, else to the next day;
//! devices keep their order in the wave. Before the pilot, the exclusions and policies
//! are rebuilt by hand (`policy_hours`, shared out across technicians and days). A wave
//! starts on the day after the previous wave's last visit plus `soak_days`.

use super::error::PlanError;
use super::settings::PlanSettings;
use super::waves::Wave;
use crate::dataset::{Date, Role};
use crate::inventory::Device;

/// The longest plan worked out: ten years of days from the start.
const MAX_DAYS: i64 = 3660;

/// Where a visit happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// A working day (workstations).
    Working,
    /// A maintenance window (servers, domain controllers).
    Maintenance,
}

/// One device's visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    /// Index into the inventory's devices.
    pub device: usize,
    /// Index into the waves.
    pub wave: usize,
    pub day: Date,
    pub window: Window,
    pub minutes: u64,
}

/// A wave's dates and hours.
#[derive(Debug, Clone, PartialEq)]
pub struct WaveDates {
    pub first: Date,
    pub last: Date,
    /// The last day of monitoring after the wave.
    pub soak_until: Date,
    /// Minutes of work in the wave (the policy rebuild included in the first).
    pub minutes: u64,
}

/// Every visit and each wave's dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub visits: Vec<Visit>,
    pub waves: Vec<WaveDates>,
    /// The day of the last visit.
    pub finish: Date,
}

/// Minutes of `hours`, rounded to the nearest minute.
pub fn minutes(hours: f64) -> u64 {
    (hours * 60.0).round().max(0.0) as u64
}

/// Minutes to swap one device.
pub fn device_minutes(d: &Device, s: &PlanSettings) -> u64 {
    let factor = if d.managed == Some(false) {
        s.unmanaged_factor
    } else {
        1.0
    };
    minutes(s.hours_per_device * factor).max(1)
}

/// Places every wave's devices on days.
pub fn schedule(
    devices: &[Device],
    waves: &[Wave],
    s: &PlanSettings,
) -> Result<Schedule, PlanError> {
    check_windows(devices, waves, s)?;
    let mut day = s.start;
    let mut policy = minutes(s.policy_hours);
    let mut out = Schedule {
        visits: Vec::new(),
        waves: Vec::new(),
        finish: s.start,
    };
    for (k, wave) in waves.iter().enumerate() {
        let (ws, srv): (Vec<usize>, Vec<usize>) = wave
            .devices
            .iter()
            .partition(|i| devices[**i].role == Role::Workstation);
        let mut queues = [ws.as_slice(), srv.as_slice()];
        let mut first = None;
        let mut last = day;
        let mut spent = 0;
        while policy > 0 || queues.iter().any(|q| !q.is_empty()) {
            if day.days() - s.start.days() > MAX_DAYS {
                return Err(PlanError::TooLong { start: s.start });
            }
            let worked = work_day(
                day,
                devices,
                &mut queues,
                &mut policy,
                k,
                s,
                &mut out.visits,
            );
            if worked > 0 {
                first.get_or_insert(day);
                last = day;
                spent += worked;
            }
            day = day.plus(1);
        }
        let soak_until = last.plus(i64::from(s.soak_days));
        out.waves.push(WaveDates {
            first: first.unwrap_or(last),
            last,
            soak_until,
            minutes: spent,
        });
        out.finish = last;
        day = soak_until.plus(1);
    }
    Ok(out)
}

/// One day's work: the policy rebuild, then workstations on a working day, then servers
/// in a maintenance window. Returns the minutes worked.
fn work_day(
    day: Date,
    devices: &[Device],
    queues: &mut [&[usize]; 2],
    policy: &mut u64,
    wave: usize,
    s: &PlanSettings,
    visits: &mut Vec<Visit>,
) -> u64 {
    if s.blackout.contains(&day) {
        return 0;
    }
    let weekday = day.weekday() as usize;
    let mut worked = 0;
    let teams = [
        (s.working_days[weekday], s.hours_per_day, Window::Working),
        (s.window_days[weekday], s.window_hours, Window::Maintenance),
    ];
    for (q, (open, hours, window)) in teams.into_iter().enumerate() {
        if !open {
            continue;
        }
        let mut left = vec![minutes(hours); s.technicians as usize];
        if window == Window::Working && *policy > 0 {
            for t in &mut left {
                let used = (*t).min(*policy);
                *t -= used;
                *policy -= used;
                worked += used;
            }
        }
        while let Some((&i, rest)) = queues[q].split_first() {
            let m = device_minutes(&devices[i], s);
            let Some(t) = left.iter_mut().find(|t| **t >= m) else {
                break;
            };
            *t -= m;
            worked += m;
            visits.push(Visit {
                device: i,
                wave,
                day,
                window,
                minutes: m,
            });
            queues[q] = rest;
        }
    }
    worked
}

/// The errors no calendar fixes: a kind of device with no day to be swapped on, or a
/// device that takes longer than a technician's day or window.
fn check_windows(devices: &[Device], waves: &[Wave], s: &PlanSettings) -> Result<(), PlanError> {
    let all = waves.iter().flat_map(|w| &w.devices).map(|i| &devices[*i]);
    for d in all {
        let (open, hours, what) = if d.role == Role::Workstation {
            (&s.working_days, s.hours_per_day, "a working day")
        } else {
            (&s.window_days, s.window_hours, "a maintenance window")
        };
        let needed = device_minutes(d, s);
        if !open.contains(&true) || minutes(hours) == 0 {
            return Err(PlanError::NeverOpens {
                what: what.to_string(),
                device: d.hostname.clone(),
            });
        }
        if needed > minutes(hours) {
            return Err(PlanError::DoesNotFit {
                device: d.hostname.clone(),
                hours: needed as f64 / 60.0,
                what: what.to_string(),
                available: hours,
            });
        }
    }
    if s.policy_hours > 0.0 && (!s.working_days.contains(&true) || minutes(s.hours_per_day) == 0) {
        return Err(PlanError::NeverOpens {
            what: "a working day".into(),
            device: "the policy rebuild".into(),
        });
    }
    Ok(())
}
