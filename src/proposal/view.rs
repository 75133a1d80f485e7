//! Everything the proposal's wording may use, gathered into one serialisable
//! [`Proposal`]: names, dates in words, the options at their sell prices formatted as
//! money, and the migration waves. The templates see exactly these fields (documented in
//! docs/proposal.md) and nothing else: no buying price, markup, labour rate or internal
//! statistic reaches them.

use serde::Serialize;

use super::long_date;
use super::msp::Msp;
use super::options::PricedOption;
use crate::cost::Fleet;
use crate::dataset::{parse_date, Date};
use crate::plan::settings::{REGULATORY_DEADLINE, SALES_BAN};
use crate::rank::Ranking;
use crate::report::export::terminal::money;
use crate::report::plan::PlanReport;

/// What a proposal is made from.
pub struct Facts<'a> {
    pub client: &'a str,
    pub msp: &'a Msp,
    pub ranking: &'a Ranking,
    pub options: &'a [PricedOption],
    pub fleet: Fleet,
    pub horizon_months: u64,
    /// The proposal's date: `--date`, else the plan's start.
    pub date: Date,
    /// The migration plan, when the client's devices are known.
    pub plan: Option<&'a PlanReport>,
    /// The recommendation chart, as inline SVG (HTML only).
    pub chart_svg: Option<String>,
}

/// The proposal as the templates see it.
#[derive(Debug, Serialize)]
pub struct Proposal {
    pub client: String,
    pub company: String,
    pub contact: String,
    pub payment_terms: String,
    pub date: String,
    pub valid_until: String,
    pub valid_days: u32,
    pub sales_ban: String,
    pub cutoff: String,
    /// The date the client must be off Kaspersky: the plan's deadline, else the cut-off.
    pub deadline: String,
    pub currency: String,
    pub horizon_months: u64,
    pub devices: u64,
    pub workstations: u64,
    /// Servers and domain controllers.
    pub servers: u64,
    /// The recommended product's name.
    pub vendor: String,
    /// How many products met the client's requirements and were compared.
    pub compared: usize,
    pub lab_tests: bool,
    pub pilot: bool,
    /// The product the evidence cannot tell apart from the recommended one, if any.
    pub tied_with: Option<String>,
    pub options: Vec<OptionView>,
    pub recommended: Option<OptionView>,
    pub timeline: Option<Timeline>,
    pub chart_svg: Option<String>,
}

/// One option at its sell prices.
#[derive(Debug, Clone, Serialize)]
pub struct OptionView {
    pub label: String,
    pub vendor: String,
    pub edition: String,
    /// The add-ons included, by name.
    pub addons: Vec<String>,
    pub recommended: bool,
    pub alternative: bool,
    /// The monthly total divided by the devices, to the cent.
    pub per_device: String,
    pub monthly: String,
    pub one_time: String,
    pub subscription: String,
    pub total: String,
    /// Months of subscription in the total (a whole term can be longer than the contract).
    pub months: u64,
}

/// The migration waves with their dates.
#[derive(Debug, Serialize)]
pub struct Timeline {
    pub start: String,
    pub finish: String,
    pub margin_days: i64,
    pub meets: bool,
    pub devices: usize,
    pub waves: Vec<WaveView>,
    /// The time planned for one workstation, in minutes: the median of the plan's, rounded
    /// to 5 minutes (at least 5).
    pub visit_minutes: u64,
    /// The days of the week servers are swapped on, in words ("Saturdays"); `None` when
    /// the plan moves no server.
    pub server_days: Option<String>,
}

/// One wave of the migration.
#[derive(Debug, Serialize)]
pub struct WaveView {
    pub number: usize,
    pub name: String,
    pub devices: usize,
    pub workstations: usize,
    pub servers: usize,
    pub first_day: String,
    pub last_day: String,
    pub watched_until: String,
}

/// A `YYYY-MM-DD` of the plan's document in words.
fn words(day: &str) -> String {
    parse_date(day, false).map_or(day.to_string(), long_date)
}

impl Proposal {
    /// Gathers the proposal's values.
    pub fn build(f: &Facts) -> Proposal {
        let currency = f
            .options
            .first()
            .map_or(String::new(), |o| o.buy.currency.clone());
        let devices = f.fleet.endpoints();
        let cash = |cents: i64| money(cents as f64 / 100.0, &currency);
        let options: Vec<OptionView> = f
            .options
            .iter()
            .map(|o| OptionView {
                label: o.label.to_string(),
                vendor: o.vendor_name.clone(),
                edition: o.edition.clone(),
                addons: o.addons.clone(),
                recommended: o.recommended,
                alternative: o.alternative,
                per_device: cash(super::price::round_to_step(
                    o.sell.monthly_cents as f64 / devices.max(1) as f64,
                    1,
                )),
                monthly: cash(o.sell.monthly_cents),
                one_time: cash(o.sell.one_time_cents),
                subscription: cash(o.sell.subscription_cents),
                total: cash(o.sell.total_cents),
                months: o
                    .sell
                    .lines
                    .iter()
                    .map(|l| l.months)
                    .max()
                    .unwrap_or(f.horizon_months),
            })
            .collect();
        let r = f.ranking;
        let uses = |prefix: &str| r.criteria.iter().any(|c| c.metric.starts_with(prefix));
        let deadline = f
            .plan
            .and_then(|p| parse_date(&p.deadline, false))
            .unwrap_or(REGULATORY_DEADLINE);
        Proposal {
            client: f.client.to_string(),
            company: f.msp.company.clone(),
            contact: f.msp.contact.clone(),
            payment_terms: f.msp.payment_terms.clone(),
            date: long_date(f.date),
            valid_until: long_date(f.date.plus(i64::from(f.msp.quote_valid_days))),
            valid_days: f.msp.quote_valid_days,
            sales_ban: long_date(SALES_BAN),
            cutoff: long_date(REGULATORY_DEADLINE),
            deadline: long_date(deadline),
            currency,
            horizon_months: f.horizon_months,
            devices,
            workstations: f.fleet.workstations,
            servers: f.fleet.servers + f.fleet.domain_controllers,
            vendor: options.first().map_or(String::new(), |o| o.vendor.clone()),
            compared: r.ranked.len(),
            lab_tests: uses("tests."),
            pilot: uses("pilot."),
            tied_with: options
                .iter()
                .find(|o| o.alternative)
                .map(|o| o.vendor.clone()),
            recommended: options.iter().find(|o| o.recommended).cloned(),
            options,
            timeline: f.plan.filter(|p| !p.waves.is_empty()).map(timeline),
            chart_svg: f.chart_svg.clone(),
        }
    }
}

fn timeline(p: &PlanReport) -> Timeline {
    Timeline {
        start: words(&p.start),
        finish: words(&p.check.finish),
        margin_days: p.check.margin_days,
        meets: p.check.meets,
        devices: p.counts.to_move,
        waves: p
            .waves
            .iter()
            .map(|w| WaveView {
                number: w.wave,
                name: w.name.clone(),
                devices: w.devices,
                workstations: w.workstations,
                servers: w.servers + w.domain_controllers,
                first_day: words(&w.first_day),
                last_day: words(&w.last_day),
                watched_until: words(&w.soak_until),
            })
            .collect(),
        visit_minutes: visit_minutes(p),
        server_days: server_days(p),
    }
}

/// The median time planned for a workstation, in minutes rounded to 5 (at least 5).
fn visit_minutes(p: &PlanReport) -> u64 {
    let mut hours: Vec<f64> = p
        .devices
        .iter()
        .filter(|d| d.role == "workstation")
        .map(|d| d.hours)
        .collect();
    hours.sort_by(f64::total_cmp);
    let median = crate::stats::location::median_sorted(&hours).unwrap_or(p.hours_per_device);
    ((median * 60.0 / 5.0).round() as u64 * 5).max(5)
}

/// The weekdays of the plan's server visits in words: "Saturdays", "Saturdays and
/// Sundays".
fn server_days(p: &PlanReport) -> Option<String> {
    const NAMES: [&str; 7] = [
        "Mondays",
        "Tuesdays",
        "Wednesdays",
        "Thursdays",
        "Fridays",
        "Saturdays",
        "Sundays",
    ];
    let mut used = [false; 7];
    for d in p.devices.iter().filter(|d| d.role != "workstation") {
        if let Some(day) = parse_date(&d.date, false) {
            used[day.weekday() as usize] = true;
        }
    }
    let days: Vec<&str> = (0..7).filter(|&k| used[k]).map(|k| NAMES[k]).collect();
    match days.as_slice() {
        [] => None,
        [one] => Some(one.to_string()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}
