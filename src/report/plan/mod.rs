//! The migration plan as a document, built once from a [`Plan`]: the inputs, what must
//! move, each wave's dates and hours, the deadline verdict, the checklist for the weeks of
//! the migration (`checklist.rs`) and one row a device. Every format (`render.rs`) and the
//! per-device CSV read this; JSON is its serialisation.

pub mod checklist;
mod progress;
mod render;

use serde::Serialize;

use crate::dataset::Role;
use crate::inventory::{Device, Inventory, Products};
use crate::plan::census::{high_value, role_index};
use crate::plan::{Plan, StartFrom, Window};

pub use progress::ProgressReport;
pub use render::{checklist_lines, device_csv, verdict, waves_table};

/// What the plan is for: the names the document shows.
pub struct PlanInputs<'a> {
    pub client: &'a str,
    pub inventory: &'a Inventory,
    pub products: &'a Products,
    /// The replacement product's name, when known.
    pub vendor: Option<&'a str>,
}

/// The plan as a document.
#[derive(Debug, Serialize)]
pub struct PlanReport {
    pub client: String,
    pub inventory: String,
    pub mapping: Option<String>,
    pub vendor: Option<String>,
    pub start: String,
    /// Where the start date comes from: `--start`, the profile, or today.
    pub start_from: &'static str,
    pub deadline: String,
    pub deadline_source: String,
    pub technicians: u32,
    pub hours_per_day: f64,
    pub window_hours: f64,
    pub hours_per_device: f64,
    pub soak_days: u32,
    pub order: &'static str,
    pub counts: Counts,
    pub waves: Vec<WaveRow>,
    pub check: Check,
    pub devices: Vec<DeviceRow>,
    /// Kaspersky devices not planned because they were not seen recently.
    pub stale: Vec<Apart>,
    /// Devices with no antivirus.
    pub no_antivirus: Vec<Apart>,
    /// The compensating controls and the fallback, tailored to the devices.
    pub checklist: Vec<checklist::Item>,
}

/// What the inventory holds.
#[derive(Debug, Serialize)]
pub struct Counts {
    pub devices: usize,
    pub kaspersky: usize,
    pub to_move: usize,
    pub stale: usize,
    pub unmanaged: usize,
    pub no_antivirus: usize,
    pub other_antivirus: usize,
    pub workstations: usize,
    pub servers: usize,
    pub domain_controllers: usize,
    pub by_client: Vec<(String, usize)>,
    pub by_site: Vec<(String, String, usize)>,
    pub by_product: Vec<(String, usize)>,
}

/// One wave.
#[derive(Debug, Serialize)]
pub struct WaveRow {
    pub wave: usize,
    pub name: String,
    pub devices: usize,
    pub workstations: usize,
    pub servers: usize,
    pub domain_controllers: usize,
    pub hours: f64,
    pub first_day: String,
    pub last_day: String,
    pub soak_until: String,
}

/// The deadline verdict.
#[derive(Debug, Serialize)]
pub struct Check {
    /// The day of the last visit (the start when nothing moves).
    pub finish: String,
    /// Days to spare before the deadline; negative: days late.
    pub margin_days: i64,
    pub meets: bool,
    pub technicians_needed: Option<u32>,
    pub soak_that_meets: Option<u32>,
    /// The latest start date that meets the deadline, when it is missed.
    pub latest_start: Option<String>,
    /// Calendar days between that start and the plan's start.
    pub start_days_earlier: Option<i64>,
    pub nothing_to_migrate: bool,
}

/// One device's visit: what the per-device CSV holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeviceRow {
    pub device: String,
    pub client: String,
    pub site: String,
    pub role: String,
    pub risk: String,
    pub wave: usize,
    pub wave_name: String,
    pub date: String,
    pub window: String,
    pub hours: f64,
    pub steps: String,
}

/// A device kept out of the waves.
#[derive(Debug, Serialize)]
pub struct Apart {
    pub device: String,
    pub client: String,
    pub site: String,
    pub last_seen: Option<String>,
}

fn role_name(r: Role) -> &'static str {
    Role::NAMES[role_index(r)]
}

fn hours(minutes: u64) -> f64 {
    minutes as f64 / 60.0
}

fn apart(d: &Device) -> Apart {
    Apart {
        device: d.hostname.clone(),
        client: d.client.clone(),
        site: d.site.clone(),
        last_seen: d.last_seen.map(|s| s.to_string()),
    }
}

impl PlanReport {
    /// Builds the document.
    pub fn build(plan: &Plan, inputs: &PlanInputs) -> PlanReport {
        let s = &plan.settings;
        let c = &plan.census;
        let devices = &inputs.inventory.devices;
        let mut waves = Vec::new();
        for (k, (w, dates)) in plan.waves.iter().zip(&plan.schedule.waves).enumerate() {
            let mut by_role = [0; 3];
            for i in &w.devices {
                by_role[role_index(devices[*i].role)] += 1;
            }
            waves.push(WaveRow {
                wave: k,
                name: w.name.clone(),
                devices: w.devices.len(),
                workstations: by_role[0],
                servers: by_role[1],
                domain_controllers: by_role[2],
                hours: hours(dates.minutes),
                first_day: dates.first.to_string(),
                last_day: dates.last.to_string(),
                soak_until: dates.soak_until.to_string(),
            });
        }
        let vendor = inputs.vendor.unwrap_or("the new product");
        let rows = plan
            .schedule
            .visits
            .iter()
            .map(|v| {
                let d = &devices[v.device];
                let family = d
                    .av_product
                    .as_deref()
                    .and_then(|p| inputs.products.family(p))
                    .unwrap_or("Kaspersky");
                let (window, extra) = match v.window {
                    Window::Working => ("working day", ""),
                    Window::Maintenance => ("maintenance window", "; on Windows Server re-enable Defender by hand if the install fails"),
                };
                DeviceRow {
                    device: d.hostname.clone(),
                    client: d.client.clone(),
                    site: d.site.clone(),
                    role: role_name(d.role).to_string(),
                    risk: if high_value(d, s) { "high" } else { "standard" }.to_string(),
                    wave: v.wave,
                    wave_name: plan.waves[v.wave].name.clone(),
                    date: v.day.to_string(),
                    window: window.to_string(),
                    hours: hours(v.minutes),
                    steps: format!("uninstall {family}; Defender covers the gap; install {vendor}; verify it reports to the console{extra}"),
                }
            })
            .collect();
        PlanReport {
            client: inputs.client.to_string(),
            inventory: inputs.inventory.file.clone(),
            mapping: inputs.inventory.mapping.clone(),
            vendor: inputs.vendor.map(str::to_string),
            start: s.start.to_string(),
            start_from: match s.start_from {
                StartFrom::CommandLine => "--start",
                StartFrom::Profile => "client profile",
                StartFrom::Today => "today (no start given)",
            },
            deadline: s.deadline.to_string(),
            deadline_source: s.deadline_source.clone(),
            technicians: s.technicians,
            hours_per_day: s.hours_per_day,
            window_hours: s.window_hours,
            hours_per_device: s.hours_per_device,
            soak_days: s.soak_days,
            order: s.order.name(),
            counts: Counts {
                devices: c.devices,
                kaspersky: c.to_move.len() + c.stale.len(),
                to_move: c.to_move.len(),
                stale: c.stale.len(),
                unmanaged: c.unmanaged.len(),
                no_antivirus: c.no_antivirus.len(),
                other_antivirus: c.other_antivirus,
                workstations: c.by_role[0],
                servers: c.by_role[1],
                domain_controllers: c.by_role[2],
                by_client: c.by_client.iter().map(|(k, v)| (k.clone(), *v)).collect(),
                by_site: c
                    .by_site
                    .iter()
                    .map(|((a, b), v)| (a.clone(), b.clone(), *v))
                    .collect(),
                by_product: c.by_family.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            },
            waves,
            check: Check {
                finish: plan.schedule.finish.to_string(),
                margin_days: plan.deadline.margin,
                meets: plan.deadline.meets(),
                technicians_needed: plan.deadline.technicians_needed,
                soak_that_meets: plan.deadline.soak_that_meets,
                latest_start: plan.deadline.latest_start.map(|d| d.to_string()),
                start_days_earlier: plan
                    .deadline
                    .latest_start
                    .map(|d| s.start.days() - d.days()),
                nothing_to_migrate: plan.nothing_to_move(),
            },
            devices: rows,
            stale: c.stale.iter().map(|i| apart(&devices[*i])).collect(),
            no_antivirus: c.no_antivirus.iter().map(|i| apart(&devices[*i])).collect(),
            checklist: checklist::checklist(
                &checklist::built_in(),
                &checklist::tally(plan, devices),
            ),
        }
    }
}
