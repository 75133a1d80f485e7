//! A profile's `[plan]` table checked into [`PlanProfile`]: the migration plan's start,
//! deadline, technicians, calendar and rules, each problem with its line and column.
//! Keys left out keep the plan's defaults (docs/plan.md).

use toml::Spanned;

use super::raw::RawPlan;
use crate::dataset::{parse_date, Date, Role};
use crate::plan::settings::{weekdays, Order, WEEKDAYS};
use crate::problem::{backticks, line_column, Location, Problem};

/// The most technicians or days a profile may give.
const MAX_PLAN_COUNT: i64 = 10_000;

/// A profile's `[plan]`, every key optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanProfile {
    pub start: Option<Date>,
    pub deadline: Option<Date>,
    pub technicians: Option<u32>,
    pub hours_per_day: Option<f64>,
    pub window_hours: Option<f64>,
    pub working_days: Option<[bool; 7]>,
    pub window_days: Option<[bool; 7]>,
    pub blackout: Vec<Date>,
    pub soak_days: Option<u32>,
    pub pilot_share: Option<f64>,
    pub stale_days: Option<u32>,
    pub order: Option<Order>,
    pub high_value_roles: Option<Vec<Role>>,
    pub high_value_tags: Option<Vec<String>>,
    pub mapping: Option<String>,
}

struct Check<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Check<'_> {
    fn at<T>(&mut self, v: &Spanned<T>, message: String, hint: &str) {
        let (line, column) = line_column(self.text, v.span().start);
        let at = Location::Line {
            line,
            column: Some(column),
        };
        self.problems
            .push(Problem::at(self.file, at, message).hint(hint));
    }

    fn date(&mut self, v: &Option<Spanned<String>>, key: &str) -> Option<Date> {
        let v = v.as_ref()?;
        let d = parse_date(v.get_ref(), false);
        if d.is_none() {
            self.at(
                v,
                format!("`{key}` is `{}`, not a date", v.get_ref()),
                "expected `YYYY-MM-DD`, e.g. `2024-07-01`",
            );
        }
        d
    }

    fn count(&mut self, v: &Option<Spanned<i64>>, key: &str, min: i64) -> Option<u32> {
        let v = v.as_ref()?;
        let n = *v.get_ref();
        if !(min..=MAX_PLAN_COUNT).contains(&n) {
            self.at(
                v,
                format!("`{key}` is {n}"),
                &format!("expected a whole number from {min} to {MAX_PLAN_COUNT}"),
            );
            return None;
        }
        Some(n as u32)
    }

    fn hours(&mut self, v: &Option<Spanned<f64>>, key: &str, max: f64) -> Option<f64> {
        let v = v.as_ref()?;
        let x = *v.get_ref();
        if !(x > 0.0 && x <= max) {
            self.at(
                v,
                format!("`{key}` is {x}"),
                &format!("expected a number above 0 and at most {max}"),
            );
            return None;
        }
        Some(x)
    }

    fn days(&mut self, v: &Option<Spanned<Vec<String>>>, key: &str) -> Option<[bool; 7]> {
        let v = v.as_ref()?;
        match weekdays(v.get_ref()) {
            Ok(d) => Some(d),
            Err(bad) => {
                self.at(
                    v,
                    format!("`{key}` has `{bad}`, not a day of the week"),
                    &format!("expected day names such as {}", backticks(&WEEKDAYS)),
                );
                None
            }
        }
    }
}

/// Checks `[plan]`; `file` and `text` place the problems.
pub fn parse(file: &str, text: &str, raw: &RawPlan) -> (PlanProfile, Vec<Problem>) {
    let mut c = Check {
        file,
        text,
        problems: Vec::new(),
    };
    let technicians = c.count(&raw.technicians, "technicians", 1);
    if let Some(t) = raw.technicians.as_ref().filter(|t| *t.get_ref() == 0) {
        c.problems.pop();
        c.at(
            t,
            "`technicians` is 0: nobody would do the work".into(),
            "at least 1 technician",
        );
    }
    let order = raw.order.as_ref().and_then(|o| {
        let found = Order::from_name(o.get_ref());
        if found.is_none() {
            c.at(
                o,
                format!("unknown order `{}`", o.get_ref()),
                &format!("expected {}", backticks(&Order::NAMES)),
            );
        }
        found
    });
    let roles = raw.high_value_roles.as_ref().map(|rs| {
        rs.iter()
            .filter_map(|r| {
                let role = Role::from_name(r.get_ref());
                if role.is_none() {
                    c.at(
                        r,
                        format!("unknown role `{}`", r.get_ref()),
                        &format!("expected {}", backticks(&Role::NAMES)),
                    );
                }
                role
            })
            .collect()
    });
    let share = raw.pilot_share.as_ref().and_then(|v| {
        let x = *v.get_ref();
        if !(0.0..=1.0).contains(&x) {
            c.at(
                v,
                format!("`pilot_share` is {x}"),
                "expected a share from 0 to 1, e.g. `0.1` for 10%",
            );
            return None;
        }
        Some(x)
    });
    let blackout = raw
        .blackout
        .iter()
        .filter_map(|b| c.date(&Some(b.clone()), "blackout"))
        .collect();
    let plan = PlanProfile {
        start: c.date(&raw.start, "start"),
        deadline: c.date(&raw.deadline, "deadline"),
        technicians,
        hours_per_day: c.hours(&raw.hours_per_day, "hours_per_day", 24.0),
        window_hours: c.hours(&raw.window_hours, "window_hours", 24.0),
        working_days: c.days(&raw.working_days, "working_days"),
        window_days: c.days(&raw.window_days, "window_days"),
        blackout,
        soak_days: c.count(&raw.soak_days, "soak_days", 0),
        pilot_share: share,
        stale_days: c.count(&raw.stale_days, "stale_days", 0),
        order,
        high_value_roles: roles,
        high_value_tags: raw
            .high_value_tags
            .as_ref()
            .map(|t| t.iter().map(|t| t.trim().to_lowercase()).collect()),
        mapping: raw.mapping.clone(),
    };
    (plan, c.problems)
}

#[cfg(test)]
mod tests {
    use crate::client::parse;

    const HEAD: &str = "name = \"x\"\n[fleet]\nworkstations = 1\n[plan]\n";

    #[test]
    fn a_plan_table_reads_every_key() {
        let text = format!("{HEAD}start = \"2024-07-01\"\ndeadline = \"2024-09-15\"\ntechnicians = 3\nworking_days = [\"mon\", \"Tuesday\"]\nblackout = [\"2024-07-04\"]\norder = \"blast-radius-first\"\nhigh_value_roles = [\"domain_controller\"]\nhigh_value_tags = [\"PHI\"]\nmapping = \"ninjaone\"\n");
        let p = parse("c.toml", &text).unwrap().plan;
        assert_eq!(p.start.unwrap().to_string(), "2024-07-01");
        assert_eq!(p.deadline.unwrap().to_string(), "2024-09-15");
        assert_eq!(p.technicians, Some(3));
        assert_eq!(
            p.working_days,
            Some([true, true, false, false, false, false, false])
        );
        assert_eq!(p.blackout.len(), 1);
        assert_eq!(p.order, Some(crate::plan::Order::BlastRadiusFirst));
        assert_eq!(
            p.high_value_roles,
            Some(vec![crate::dataset::Role::DomainController])
        );
        assert_eq!(p.high_value_tags, Some(vec!["phi".to_string()]));
        assert_eq!(p.mapping.as_deref(), Some("ninjaone"));
    }

    #[test]
    fn every_bad_key_is_a_problem_at_its_place() {
        let text = format!("{HEAD}start = \"2024-02-30\"\ntechnicians = 0\nwindow_days = [\"someday\"]\norder = \"random\"\npilot_share = 1.5\nhours_per_day = 0.0\n");
        let problems = parse("c.toml", &text).unwrap_err();
        let lines: Vec<String> = problems
            .iter()
            .map(|p| p.to_string().lines().next().unwrap().to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "c.toml:6:15: `technicians` is 0: nobody would do the work",
                "c.toml:8:9: unknown order `random`",
                "c.toml:9:15: `pilot_share` is 1.5",
                "c.toml:5:9: `start` is `2024-02-30`, not a date",
                "c.toml:10:17: `hours_per_day` is 0",
                "c.toml:7:15: `window_days` has `someday`, not a day of the week",
            ]
        );
    }
}
