//! The progress report (`plan --progress`) as a document, built once from a
//! [`Progress`], and its formats: the terminal view and Markdown (the counts, the
//! devices that need attention, the replan's waves and verdict), CSV (one row a device
//! that needs attention, with its status) and JSON (the whole document).

use serde::Serialize;

use super::render::verdict;
use super::{role_name, PlanInputs, PlanReport, WaveRow};
use crate::plan::progress::{Progress, Status};
use crate::plan::Plan;
use crate::report::doc::Table;
use crate::report::export::{csv, json, markdown, terminal, Render};

/// The progress of a migration as a document.
#[derive(Debug, Serialize)]
pub struct ProgressReport {
    pub client: String,
    /// The inventory the plan was made from.
    pub inventory: String,
    /// The later export.
    pub export: String,
    pub as_of: String,
    /// Where the as-of date comes from: `--as-of`, or the export's latest `last_seen`.
    pub as_of_from: &'static str,
    pub deadline: String,
    /// The original plan's last visit and margin.
    pub planned_finish: String,
    pub planned_margin_days: i64,
    /// Devices by status, most urgent first (every status, zeros too).
    pub counts: Vec<(&'static str, usize)>,
    /// New devices that run Kaspersky.
    pub new_on_kaspersky: usize,
    pub devices: Vec<ProgressRow>,
    /// The devices still on Kaspersky, planned again from the as-of date.
    pub replan_start: String,
    pub replan_waves: Vec<WaveRow>,
    pub replan_check: super::Check,
    /// The replan's deadline verdict in one sentence.
    pub verdict: String,
}

/// One device of the later export (or, gone, of the original inventory).
#[derive(Debug, Serialize)]
pub struct ProgressRow {
    pub device: String,
    pub client: String,
    pub site: String,
    pub role: &'static str,
    pub status: &'static str,
    pub needs_attention: bool,
    pub kaspersky: bool,
    pub av_product: Option<String>,
    pub last_seen: Option<String>,
    /// The wave it was planned in (0 is the pilot), when planned.
    pub wave: Option<usize>,
    pub wave_last_day: Option<String>,
}

impl ProgressReport {
    /// Builds the document; `export` is the later export as the replan read it.
    pub fn build(
        original: &Plan,
        p: &Progress,
        plan_doc: &PlanReport,
        export: &PlanInputs,
        as_of_given: bool,
    ) -> ProgressReport {
        let replan = PlanReport::build(&p.replan, export);
        let count = |s: Status| p.devices.iter().filter(|t| t.status == s).count();
        let devices = p
            .devices
            .iter()
            .map(|t| ProgressRow {
                device: t.device.hostname.clone(),
                client: t.device.client.clone(),
                site: t.device.site.clone(),
                role: role_name(t.device.role),
                status: t.status.name(),
                needs_attention: t.status.needs_attention(),
                kaspersky: t.kaspersky,
                av_product: t.device.av_product.clone(),
                last_seen: t.device.last_seen.map(|d| d.to_string()),
                wave: t.wave,
                wave_last_day: t.wave_last.map(|d| d.to_string()),
            })
            .collect();
        ProgressReport {
            client: plan_doc.client.clone(),
            inventory: plan_doc.inventory.clone(),
            export: export.inventory.file.clone(),
            as_of: p.as_of.to_string(),
            as_of_from: if as_of_given {
                "--as-of"
            } else {
                "the export's latest last_seen"
            },
            deadline: plan_doc.deadline.clone(),
            planned_finish: original.schedule.finish.to_string(),
            planned_margin_days: original.deadline.margin,
            counts: Status::ALL.iter().map(|s| (s.name(), count(*s))).collect(),
            new_on_kaspersky: p
                .devices
                .iter()
                .filter(|t| t.status == Status::New && t.kaspersky)
                .count(),
            devices,
            replan_start: replan.start.clone(),
            verdict: verdict(&replan),
            replan_waves: replan.waves,
            replan_check: replan.check,
        }
    }

    fn heading(&self) -> Vec<String> {
        let counts: Vec<String> = self
            .counts
            .iter()
            .map(|(s, n)| match *s {
                "new" => format!("{s} {n} ({} on Kaspersky)", self.new_on_kaspersky),
                _ => format!("{s} {n}"),
            })
            .collect();
        vec![
            format!(
                "Migration progress for {}: {} as of {} ({})",
                self.client, self.export, self.as_of, self.as_of_from
            ),
            format!(
                "the plan from {}: last device on {}, {} days' margin before {}",
                self.inventory, self.planned_finish, self.planned_margin_days, self.deadline
            ),
            counts.join(", "),
        ]
    }

    fn attention_table(&self) -> Table {
        let mut t = Table::new(
            &[
                "device",
                "status",
                "client",
                "site",
                "role",
                "antivirus",
                "last seen",
                "wave",
                "wave's last day",
            ],
            &[false, false, false, false, false, false, false, true, false],
        );
        for d in self.devices.iter().filter(|d| d.needs_attention) {
            t.rows.push(vec![
                d.device.clone(),
                d.status.to_string(),
                d.client.clone(),
                d.site.clone(),
                d.role.to_string(),
                d.av_product.clone().unwrap_or_else(|| "none".into()),
                d.last_seen.clone().unwrap_or_default(),
                d.wave.map(|w| w.to_string()).unwrap_or_default(),
                d.wave_last_day.clone().unwrap_or_default(),
            ]);
        }
        t
    }

    fn replan_table(&self) -> Table {
        let mut t = Table::new(
            &[
                "wave",
                "name",
                "devices",
                "hours",
                "first day",
                "last day",
                "soak until",
            ],
            &[true, false, true, true, false, false, false],
        );
        for w in &self.replan_waves {
            t.rows.push(vec![
                w.wave.to_string(),
                w.name.clone(),
                w.devices.to_string(),
                format!("{:.2}", w.hours),
                w.first_day.clone(),
                w.last_day.clone(),
                w.soak_until.clone(),
            ]);
        }
        t
    }

    fn replan_line(&self) -> String {
        format!(
            "Still on Kaspersky, planned again from {} with the same settings:",
            self.replan_start
        )
    }
}

impl Render for ProgressReport {
    fn terminal(&self, width: terminal::Width) -> String {
        let mut out = self.heading().join("\n") + "\n\n";
        let t = self.attention_table();
        if t.rows.is_empty() {
            out.push_str("no device needs attention\n\n");
        } else {
            out.push_str("Devices that need attention:\n");
            let fit = terminal::Fit::new(&t).leave_out([8, 2, 3, 7, 6]);
            out.push_str(&terminal::fitted_table(&t, &fit, width));
            out.push('\n');
        }
        if !self.replan_waves.is_empty() {
            out.push_str(&self.replan_line());
            out.push('\n');
            let t = self.replan_table();
            let fit = terminal::Fit::new(&t).leave_out([6, 3]).wrap([1]);
            out.push_str(&terminal::fitted_table(&t, &fit, width));
            out.push('\n');
        }
        out.push_str(&self.verdict);
        out.push('\n');
        terminal::clean(&terminal::wrap_prose(&out, width)).into_owned()
    }

    fn markdown(&self) -> String {
        let mut out = format!(
            "# {}\n\n",
            markdown::inline(&format!("Migration progress: {}", self.client))
        );
        for l in self.heading().iter().skip(1) {
            out.push_str(&format!("- {}\n", markdown::inline(l)));
        }
        out.push_str(&format!(
            "- {}\n",
            markdown::inline(&format!(
                "as of {} ({}), export {}",
                self.as_of, self.as_of_from, self.export
            ))
        ));
        let t = self.attention_table();
        if !t.rows.is_empty() {
            out.push_str("\n## Devices that need attention\n\n");
            out.push_str(&markdown::table(&t));
        }
        out.push_str(&format!(
            "\n## {}\n\n",
            markdown::inline(&self.replan_line())
        ));
        if !self.replan_waves.is_empty() {
            out.push_str(&markdown::table(&self.replan_table()));
        }
        out.push_str(&format!("\n**{}**\n", markdown::inline(&self.verdict)));
        out
    }

    /// One row a device that needs attention, with its status.
    fn csv(&self) -> Vec<u8> {
        csv::table(&self.attention_table())
    }

    fn json(&self) -> Vec<u8> {
        json::to_bytes(self)
    }
}
