//! The plan in every format: the terminal view, Markdown, CSV (the waves) and JSON (the
//! whole document); and the per-device CSV that `plan --out` writes, one row a visit,
//! ready to import into a PSA as tickets.

use super::checklist::Group;
use super::PlanReport;
use crate::report::doc::Table;
use crate::report::export::{csv, json, markdown, terminal, Render};

/// The verdict in one sentence.
pub fn verdict(r: &PlanReport) -> String {
    let c = &r.check;
    let n = &r.counts;
    if c.nothing_to_migrate {
        return format!(
            "nothing to migrate: no device to plan runs a Kaspersky product ({} devices: {} on another antivirus, {} with none, {} stale on Kaspersky)",
            n.devices, n.other_antivirus, n.no_antivirus, n.stale
        );
    }
    if c.meets {
        let days = if c.margin_days == 1 { "day" } else { "days" };
        return format!(
            "deadline met: the last device is done on {}, {} {days} to spare before {}",
            c.finish, c.margin_days, r.deadline
        );
    }
    let late = -c.margin_days;
    let days = if late == 1 { "day" } else { "days" };
    let mut s = format!(
        "deadline missed by {late} {days}: the last device is done on {}, and the deadline is {}",
        c.finish, r.deadline
    );
    match c.technicians_needed {
        Some(t) => s.push_str(&format!(
            "; {t} technicians instead of {} meet it",
            r.technicians
        )),
        None => s.push_str("; no number of technicians meets it (the soaks alone run past it)"),
    }
    if let Some(soak) = c.soak_that_meets {
        s.push_str(&format!(
            "; so does a soak of {soak} days instead of {}",
            r.soak_days
        ));
    }
    if let (Some(start), Some(earlier)) = (&c.latest_start, c.start_days_earlier) {
        let days = if earlier == 1 { "day" } else { "days" };
        s.push_str(&format!(
            "; so does starting on {start} at the latest, {earlier} {days} before {}",
            r.start
        ));
    }
    s
}

fn heading(r: &PlanReport) -> Vec<String> {
    let mut lines = vec![
        format!(
            "Migration plan for {}: {} devices in {}{}",
            r.client,
            r.counts.devices,
            r.inventory,
            r.mapping
                .as_ref()
                .map_or(String::new(), |m| format!(" (mapping {m})"))
        ),
        format!("start {} ({})", r.start, r.start_from),
        format!("deadline {} ({})", r.deadline, r.deadline_source),
        format!(
            "{} technician{}, {} h a working day, {} h a maintenance window, {} h a device, soak {} days, order {}{}",
            r.technicians,
            if r.technicians == 1 { "" } else { "s" },
            r.hours_per_day,
            r.window_hours,
            r.hours_per_device,
            r.soak_days,
            r.order,
            r.vendor
                .as_ref()
                .map_or(String::new(), |v| format!(", replacing with {v}"))
        ),
    ];
    let n = &r.counts;
    lines.push(format!(
        "on Kaspersky: {} (workstations {}, servers {}, domain controllers {}); to move now: {}; stale (not planned): {}; unmanaged: {}; no antivirus: {}; other antivirus: {}",
        n.kaspersky, n.workstations, n.servers, n.domain_controllers, n.to_move, n.stale, n.unmanaged, n.no_antivirus, n.other_antivirus
    ));
    let sites: Vec<String> = n
        .by_site
        .iter()
        .map(|(c, s, k)| match s.as_str() {
            "" => format!("{c}: {k}"),
            _ => format!("{c}/{s}: {k}"),
        })
        .collect();
    if !sites.is_empty() {
        lines.push(format!("by site: {}", sites.join(", ")));
    }
    lines
}

/// The waves with their devices by role, hours and dates.
pub fn waves_table(r: &PlanReport) -> Table {
    let mut t = Table::new(
        &[
            "wave",
            "name",
            "devices",
            "workstations",
            "servers",
            "domain controllers",
            "hours",
            "first day",
            "last day",
            "soak until",
        ],
        &[
            true, false, true, true, true, true, true, false, false, false,
        ],
    );
    for w in &r.waves {
        t.rows.push(vec![
            w.wave.to_string(),
            w.name.clone(),
            w.devices.to_string(),
            w.workstations.to_string(),
            w.servers.to_string(),
            w.domain_controllers.to_string(),
            format!("{:.2}", w.hours),
            w.first_day.clone(),
            w.last_day.clone(),
            w.soak_until.clone(),
        ]);
    }
    t
}

/// The checklist by group: each group's heading and its items, groups without an item
/// left out.
pub fn checklist_lines(r: &PlanReport) -> Vec<(&'static str, Vec<String>)> {
    [Group::Controls, Group::Fallback]
        .into_iter()
        .map(|g| {
            let items = r.checklist.iter().filter(|i| i.group == g);
            (
                g.heading(),
                items.map(|i| i.text.clone()).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, items)| !items.is_empty())
        .collect()
}

/// Devices of one kind a terminal lists before it says how many more there are.
const APART_SHOWN: usize = 5;

/// The devices left out of the waves, a line each: the stale ones, then those with no
/// antivirus. With `cut`, each kind stops after [`APART_SHOWN`] lines and a last line says
/// how many more there are and where they are (the terminal; a document lists all).
fn apart_lines(r: &PlanReport, cut: bool) -> Vec<String> {
    let stale = r.stale.iter().map(|a| {
        format!(
            "stale, not planned: {} ({}{}), last seen {}: check it still exists",
            a.device,
            a.client,
            if a.site.is_empty() {
                String::new()
            } else {
                format!("/{}", a.site)
            },
            a.last_seen.as_deref().unwrap_or("never")
        )
    });
    let bare = r.no_antivirus.iter().map(|a| {
        format!(
            "no antivirus: {} ({}): protect it with the new product too",
            a.device, a.client
        )
    });
    let mut out = Vec::new();
    let kinds: [(Vec<String>, &str, &str); 2] = [
        (stale.collect(), "stale device", "stale devices"),
        (
            bare.collect(),
            "device with no antivirus",
            "devices with no antivirus",
        ),
    ];
    for (lines, one, many) in kinds {
        let shown = if cut { APART_SHOWN } else { lines.len() };
        let hidden = lines.len().saturating_sub(shown);
        out.extend(lines.into_iter().take(shown));
        if hidden > 0 {
            let place = "`--format md` and `--format json`";
            out.push(crate::report::limits::more(hidden, one, many, place));
        }
    }
    out
}

impl Render for PlanReport {
    fn terminal(&self, width: terminal::Width) -> String {
        let mut out = heading(self).join("\n") + "\n\n";
        if !self.waves.is_empty() {
            let t = waves_table(self);
            // Wave, name and the days always show; the role counts, the hours and the
            // end of the soak give way first.
            let fit = terminal::Fit::new(&t).leave_out([5, 4, 3, 6, 9]).wrap([1]);
            out.push_str(&terminal::fitted_table(&t, &fit, width));
            out.push('\n');
        }
        out.push_str(&verdict(self));
        out.push('\n');
        for l in apart_lines(self, true) {
            out.push_str(&l);
            out.push('\n');
        }
        for (heading, items) in checklist_lines(self) {
            out.push_str(&format!("\n{heading}:\n"));
            for item in items {
                out.push_str(&format!("[ ] {item}\n"));
            }
        }
        terminal::clean(&terminal::wrap_prose(&out, width)).into_owned()
    }

    fn markdown(&self) -> String {
        let mut out = format!(
            "# {}\n\n",
            markdown::inline(&format!("Migration plan: {}", self.client))
        );
        for l in heading(self).iter().skip(1) {
            out.push_str(&format!("- {}\n", markdown::inline(l)));
        }
        if !self.waves.is_empty() {
            out.push('\n');
            out.push_str(&markdown::table(&waves_table(self)));
        }
        out.push_str(&format!("\n**{}**\n", markdown::inline(&verdict(self))));
        let apart = apart_lines(self, false);
        if !apart.is_empty() {
            out.push('\n');
            for l in apart {
                out.push_str(&format!("- {}\n", markdown::inline(&l)));
            }
        }
        for (heading, items) in checklist_lines(self) {
            out.push_str(&format!("\n## {}\n\n", markdown::inline(heading)));
            for item in items {
                out.push_str(&format!("- [ ] {}\n", markdown::inline(&item)));
            }
        }
        out
    }

    fn csv(&self) -> Vec<u8> {
        csv::table(&waves_table(self))
    }

    fn json(&self) -> Vec<u8> {
        json::to_bytes(self)
    }
}

/// The per-device CSV: one row a visit (device, client, site, role, risk, wave,
/// wave_name, date, window, hours, steps).
pub fn device_csv(r: &PlanReport) -> Vec<u8> {
    let header: Vec<String> = [
        "device",
        "client",
        "site",
        "role",
        "risk",
        "wave",
        "wave_name",
        "date",
        "window",
        "hours",
        "steps",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let numeric = [
        false, false, false, false, false, true, false, false, false, true, false,
    ];
    let rows = r.devices.iter().map(|d| {
        vec![
            d.device.clone(),
            d.client.clone(),
            d.site.clone(),
            d.role.clone(),
            d.risk.clone(),
            d.wave.to_string(),
            d.wave_name.clone(),
            d.date.clone(),
            d.window.clone(),
            format!("{}", d.hours),
            d.steps.clone(),
        ]
    });
    csv::records(&header, &numeric, rows)
}
