//! The "Migration plan" section, when the report is for a client with a device inventory:
//! the migration off Kaspersky to the ranking's winner, its waves with their dates and
//! hours, the deadline verdict with its margin, the Gantt chart and the checklist for the
//! weeks of the migration. The plan is built by `cmd` (`client_plan`), as `plan` builds it.

use super::inputs::{figure, Inputs};
use crate::report::charts::Figure;
use crate::report::doc::{Block, Section, Tone};
use crate::report::limits::count;
use crate::report::plan::{checklist_lines, verdict, waves_table, PlanReport};

/// The section's anchor in the HTML page.
pub const ID: &str = "migration-plan";

/// The section; empty (and so left out) without a plan.
pub(super) fn plan_section(i: &Inputs, gantt: Option<&Figure>) -> Section {
    let mut blocks = Vec::new();
    if let Some(p) = i.plan.map(|p| p.report) {
        blocks.extend(blocks_of(p, gantt));
    }
    Section {
        id: ID,
        title: "Migration plan".into(),
        blocks,
    }
}

fn blocks_of(p: &PlanReport, gantt: Option<&Figure>) -> Vec<Block> {
    let n = &p.counts;
    let mut blocks = vec![Block::Paragraph(format!(
        "The migration of {} off Kaspersky{}: {} devices in `{}`, {} on Kaspersky, {} to move now. Starting {} ({}), with {} technician{}, {} h a working day, {} h a device, a soak of {} days after each wave, order `{}`.",
        p.client,
        p.vendor
            .as_deref()
            .map_or(String::new(), |v| format!(" to {v}, the ranking's first")),
        count(n.devices),
        p.inventory,
        count(n.kaspersky),
        count(n.to_move),
        p.start,
        p.start_from,
        p.technicians,
        if p.technicians == 1 { "" } else { "s" },
        p.hours_per_day,
        p.hours_per_device,
        p.soak_days,
        p.order,
    ))];
    let tone = if p.check.meets && !p.check.nothing_to_migrate {
        Tone::Good
    } else {
        Tone::Caution
    };
    let mut sentence = verdict(p);
    sentence[..1].make_ascii_uppercase();
    blocks.push(Block::Callout(tone, format!("{sentence}.")));
    if !p.waves.is_empty() {
        blocks.push(Block::Table(waves_table(p)));
    }
    if let Some(f) = gantt {
        blocks.push(figure(f));
    }
    for (heading, items) in checklist_lines(p) {
        blocks.push(Block::Heading(format!(
            "Checklist: {}",
            heading.to_lowercase()
        )));
        blocks.push(Block::List(items));
    }
    blocks.push(Block::Paragraph(
        "One row a device, to import into a PSA as tickets: `vendorscore plan --client <client> --out <folder>` writes `devices.csv`.".into(),
    ));
    blocks
}
