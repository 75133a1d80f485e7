//! The migration plan's Gantt chart: each wave from its first to its last working day,
//! its soak, the deadline as a line, and the devices kept out of the waves; for
//! `plan --out` (`gantt.svg|png`) and the report's "Migration plan" section
//! (`charts/gantt.svg|png`).

use super::Figure;
use crate::chart::{self, ChartError, GanttApart, GanttBar, GanttInput, GanttTick};
use crate::dataset::Date;
use crate::plan::Plan;
use crate::report::plan::PlanReport;

/// The file stem of the chart, under `charts/` in the report.
pub const GANTT: &str = "gantt";

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The plan's waves against the deadline; `None` when nothing moves (no wave to draw).
pub fn gantt_chart(plan: &Plan, report: &PlanReport) -> Result<Option<Figure>, ChartError> {
    if plan.waves.is_empty() {
        return Ok(None);
    }
    let s = &plan.settings;
    let bars: Vec<GanttBar> = plan
        .waves
        .iter()
        .zip(&plan.schedule.waves)
        .map(|(w, d)| GanttBar {
            name: w.name.clone(),
            devices: w.devices.len(),
            first: d.first.days(),
            last: d.last.days(),
            soak_until: d.soak_until.days(),
        })
        .collect();
    let first = bars.iter().map(|b| b.first).min().unwrap_or(s.start.days());
    let first = Date::from_days(first.min(s.deadline.days()));
    let end = bars
        .iter()
        .map(|b| b.soak_until)
        .max()
        .unwrap_or(first.days());
    let end = Date::from_days(end.max(s.deadline.days()));
    let mut apart = Vec::new();
    let c = &plan.census;
    if !c.stale.is_empty() {
        apart.push(GanttApart {
            label: "stale, not planned".into(),
            devices: c.stale.len(),
            reason: format!(
                "on Kaspersky but not seen for more than {} days before the start: check they still exist",
                s.stale_days
            ),
        });
    }
    if !c.no_antivirus.is_empty() {
        apart.push(GanttApart {
            label: "no antivirus".into(),
            devices: c.no_antivirus.len(),
            reason: "not on Kaspersky, so in no wave: protect them with the new product too".into(),
        });
    }
    let years = if first.year == end.year {
        first.year.to_string()
    } else {
        format!("{} to {}", first.year, end.year)
    };
    let input = GanttInput {
        title: format!("Migration plan: {}", report.client),
        axis: format!("date ({years})"),
        bars,
        deadline: s.deadline.days(),
        deadline_label: format!("deadline {}", s.deadline),
        ticks: ticks(first, end),
        apart,
    };
    let mut caption = format!(
        "Each wave from its first to its last working day, then its soak of {} days of monitoring (lighter); the line is the deadline, {} ({}).",
        s.soak_days, s.deadline, s.deadline_source,
    );
    let mut kept = Vec::new();
    let (stale, none) = (c.stale.len(), c.no_antivirus.len());
    if stale > 0 {
        kept.push(format!("{stale} stale Kaspersky device{}", plural(stale)));
    }
    if none > 0 {
        kept.push(format!("{none} device{} with no antivirus", plural(none)));
    }
    if !kept.is_empty() {
        caption.push_str(&format!(" Not in the waves: {}.", kept.join(" and ")));
    }
    if !report.check.meets {
        caption.push_str(" Work past the deadline is drawn in vermillion.");
    }
    Ok(Some(Figure {
        name: GANTT.into(),
        caption,
        chart: chart::gantt(&input)?,
    }))
}

/// The 1st and 15th of every month from `first`'s month to the month after `end`.
fn ticks(first: Date, end: Date) -> Vec<GanttTick> {
    let mut out = Vec::new();
    let (mut year, mut month) = (first.year, first.month);
    let stop = end.days() + 31;
    loop {
        for day in [1, 15] {
            let d = Date { year, month, day };
            out.push(GanttTick {
                day: d.days(),
                label: format!("{} {day}", MONTHS[(month - 1) as usize]),
            });
        }
        if out.last().is_some_and(|t| t.day > stop) {
            return out;
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
}

/// "s" for a count other than 1.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_the_1st_and_15th_of_each_month_across_a_new_year() {
        let d = |y, m, day| Date {
            year: y,
            month: m,
            day,
        };
        let t = ticks(d(2024, 11, 20), d(2025, 1, 3));
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Nov 1", "Nov 15", "Dec 1", "Dec 15", "Jan 1", "Jan 15", "Feb 1", "Feb 15"]
        );
        assert_eq!(t[4].day, d(2025, 1, 1).days());
        assert!(t.windows(2).all(|p| p[0].day < p[1].day));
    }
}
