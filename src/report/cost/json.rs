//! The cost table as JSON (`cost --format json`): the fleet and contract, then each
//! vendor's price, value for money and line items.

use serde::Serialize;

use super::CostTable;
use crate::cost::{LineKind, Quote};

/// The whole document.
#[derive(Serialize)]
pub struct CostJson<'a> {
    title: &'a str,
    currency: &'a str,
    horizon_months: u64,
    fleet: Fleet,
    addons: &'a [String],
    vendors: Vec<Vendor<'a>>,
}

#[derive(Serialize)]
struct Fleet {
    workstations: u64,
    servers: u64,
    domain_controllers: u64,
}

/// One vendor's price (amounts `null` without one, with `error` saying why).
#[derive(Serialize)]
struct Vendor<'a> {
    vendor: &'a str,
    name: &'a str,
    edition: Option<&'a str>,
    monthly: Option<f64>,
    subscriptions: Option<f64>,
    setup: Option<f64>,
    migration: Option<f64>,
    tco: Option<f64>,
    cost_per_endpoint_month: Option<f64>,
    all_in_per_endpoint_month: Option<f64>,
    rank: Option<usize>,
    score: Option<f64>,
    score_per_cost: Option<f64>,
    efficient: Option<bool>,
    dominated_by: Option<&'a str>,
    error: Option<&'a str>,
    lines: Vec<Line<'a>>,
}

/// A line item of a quote.
#[derive(Serialize)]
struct Line<'a> {
    /// `licence`, `addon`, `setup` or `migration`.
    kind: &'static str,
    description: &'a str,
    quantity: f64,
    unit_price: f64,
    months: u64,
    amount: f64,
}

impl<'a> CostJson<'a> {
    pub fn new(t: &'a CostTable) -> CostJson<'a> {
        let vendors = t
            .rows
            .iter()
            .map(|r| {
                let q = r.quote.as_ref().ok();
                let value = r.value.as_ref();
                Vendor {
                    vendor: &r.vendor,
                    name: &r.name,
                    edition: q.map(|q| q.edition.as_str()),
                    monthly: q.map(Quote::monthly),
                    subscriptions: q.map(Quote::subscriptions),
                    setup: q.map(Quote::setup),
                    migration: q.map(Quote::migration),
                    tco: q.map(Quote::tco),
                    cost_per_endpoint_month: q.map(Quote::per_endpoint_month),
                    all_in_per_endpoint_month: r.all_in,
                    rank: r.rank,
                    score: r.score,
                    score_per_cost: value.and_then(|v| v.score_per_cost),
                    efficient: value.map(|v| v.efficient),
                    dominated_by: value.and_then(|v| v.dominated_by.as_deref()),
                    error: r.quote.as_ref().err().map(String::as_str),
                    lines: q.map_or_else(Vec::new, |q| {
                        q.lines
                            .iter()
                            .map(|l| Line {
                                kind: match l.kind {
                                    LineKind::Licence => "licence",
                                    LineKind::Addon => "addon",
                                    LineKind::Setup => "setup",
                                    LineKind::Migration => "migration",
                                },
                                description: &l.description,
                                quantity: l.quantity,
                                unit_price: l.unit_price,
                                months: l.months,
                                amount: l.amount,
                            })
                            .collect()
                    }),
                }
            })
            .collect();
        CostJson {
            title: &t.title,
            currency: &t.currency,
            horizon_months: t.horizon_months,
            fleet: Fleet {
                workstations: t.fleet.workstations,
                servers: t.fleet.servers,
                domain_controllers: t.fleet.domain_controllers,
            },
            addons: &t.addons,
            vendors,
        }
    }
}
