//! The cost table of `vendorscore cost`: each vendor's price for the fleet, its line
//! items, and value for money (score per unit of cost, the Pareto frontier).

use comfy_table::{presets::UTF8_BORDERS_ONLY, Cell, CellAlignment, Table};
use serde_json::{json, Value};

use super::csv_out::safe;
use crate::cost::value::{frontier, ValuePoint};
use crate::cost::{Billing, LineKind, Quote};
use crate::rank::Ranking;
use crate::Error;

/// One vendor's row.
pub struct CostRow {
    pub vendor: String,
    pub name: String,
    pub rank: Option<usize>,
    pub score: Option<f64>,
    pub quote: Result<Quote, String>,
    /// TCO / horizon / endpoints: the all-in cost per endpoint-month, migration included.
    pub all_in: Option<f64>,
    pub value: Option<ValuePoint>,
}

/// Everything `cost` shows.
pub struct CostTable {
    pub title: String,
    pub currency: String,
    pub horizon_months: u64,
    pub fleet: crate::cost::Fleet,
    pub billing: Billing,
    pub addons: Vec<String>,
    pub rows: Vec<CostRow>,
}

impl CostTable {
    /// Joins the ranking and the quotes; value for money among the ranked vendors.
    pub fn build(r: &Ranking, client: Option<&str>) -> Result<CostTable, Error> {
        if r.quotes.is_empty() {
            return Err(Error::NotInData(format!(
                "dataset {} has no pricing file, so there is nothing to price",
                r.dataset
            )));
        }
        let all_in = |q: &Quote| q.tco() / q.horizon_months as f64 / q.endpoints as f64;
        let points: Vec<(String, f64, f64)> = r
            .ranked
            .iter()
            .filter_map(|v| {
                let q = r
                    .quotes
                    .iter()
                    .find(|(id, _)| *id == v.vendor)?
                    .1
                    .as_ref()
                    .ok()?;
                Some((v.vendor.clone(), v.score, all_in(q)))
            })
            .collect();
        let values = frontier(&points);
        let rows = r
            .quotes
            .iter()
            .map(|(id, q)| {
                let ranked = r.ranked.iter().find(|v| &v.vendor == id);
                let name = ranked
                    .map(|v| v.name.clone())
                    .or_else(|| {
                        r.excluded
                            .iter()
                            .find(|x| &x.vendor == id)
                            .map(|x| x.name.clone())
                    })
                    .unwrap_or_default();
                CostRow {
                    vendor: id.clone(),
                    name,
                    rank: ranked.map(|v| v.rank),
                    score: ranked.map(|v| v.score),
                    all_in: q.as_ref().ok().map(all_in),
                    quote: q.clone(),
                    value: values.iter().find(|p| &p.vendor == id).cloned(),
                }
            })
            .collect();
        let currency = r
            .quotes
            .iter()
            .find_map(|(_, q)| q.as_ref().ok().map(|q| q.currency.clone()))
            .unwrap_or_default();
        let f = r.pricing.fleet;
        let title = match client {
            Some(c) => format!("Cost for {c}"),
            None => "Cost for the default fleet".to_string(),
        };
        Ok(CostTable {
            title,
            currency,
            horizon_months: r.pricing.horizon_months,
            fleet: f,
            billing: r.pricing.billing,
            addons: r.pricing.addons.clone(),
            rows,
        })
    }

    fn heading(&self) -> String {
        let f = &self.fleet;
        let addons = if self.addons.is_empty() {
            "no add-ons".to_string()
        } else {
            format!("add-ons {}", self.addons.join(", "))
        };
        format!(
            "{}: {}, {}, {} over {} months, {} billing, {addons}; amounts in {}",
            self.title,
            plural(f.workstations, "workstation", "workstations"),
            plural(f.servers, "server", "servers"),
            plural(
                f.domain_controllers,
                "domain controller",
                "domain controllers"
            ),
            self.horizon_months,
            match self.billing {
                Billing::Any => "the cheaper",
                Billing::Annual => "annual",
                Billing::Monthly => "monthly",
            },
            self.currency
        )
    }
}

fn money(x: f64) -> String {
    // `+ 0.0` turns the -0.0 of an empty float sum into 0.0.
    format!("{:.2}", x + 0.0)
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn opt(x: Option<f64>, digits: usize) -> String {
    x.map_or("-".into(), |x| format!("{x:.digits$}"))
}

/// Renders the cost table for a terminal; with `explain`, each vendor's line items.
pub fn table(t: &CostTable, explain: bool) -> String {
    let mut out = t.heading() + "\n\n";
    let mut tab = Table::new();
    tab.load_style(UTF8_BORDERS_ONLY);
    tab.set_header([
        "vendor",
        "edition",
        "per month",
        "subscriptions",
        "setup",
        "migration",
        "TCO",
        "all-in\nper endpoint-month",
        "score",
        "score per\nunit cost",
        "value",
    ]);
    for r in &t.rows {
        let mut row = vec![Cell::new(&r.vendor)];
        match &r.quote {
            Ok(q) => {
                row.push(Cell::new(&q.edition));
                for x in [
                    q.monthly(),
                    q.subscriptions(),
                    q.setup(),
                    q.migration(),
                    q.tco(),
                ] {
                    row.push(Cell::new(money(x)).set_alignment(CellAlignment::Right));
                }
                row.push(Cell::new(opt(r.all_in, 2)).set_alignment(CellAlignment::Right));
            }
            Err(_) => row.extend((0..7).map(|i| Cell::new(if i == 0 { "no price" } else { "-" }))),
        }
        row.push(
            Cell::new(r.score.map_or("excluded".into(), |s| format!("{s:.1}")))
                .set_alignment(CellAlignment::Right),
        );
        row.push(
            Cell::new(opt(r.value.as_ref().and_then(|v| v.score_per_cost), 2))
                .set_alignment(CellAlignment::Right),
        );
        row.push(Cell::new(value_words(r)));
        tab.add_row(row);
    }
    out.push_str(&tab.to_string());
    out.push_str("\n\nTCO = subscriptions + setup + migration over the horizon. \"efficient\": no other ranked vendor scores at least as high for at most the all-in cost.\n");
    for r in t
        .rows
        .iter()
        .filter_map(|r| r.quote.as_ref().err().map(|e| (r, e)))
    {
        out.push_str(&format!("no price for `{}`: {}\n", r.0.vendor, r.1));
    }
    if explain {
        for r in &t.rows {
            if let Ok(q) = &r.quote {
                out.push_str(&format!(
                    "\n{} ({}), edition `{}`:\n",
                    r.vendor, r.name, q.edition
                ));
                out.push_str(&explain_lines(q, &t.currency));
            }
        }
    }
    out
}

fn value_words(r: &CostRow) -> String {
    match &r.value {
        Some(v) if v.efficient => "efficient".into(),
        Some(v) => format!("beaten by {}", v.dominated_by.as_deref().unwrap_or("?")),
        None => "-".into(),
    }
}

/// The line items of a quote, one per line, with the arithmetic.
pub fn explain_lines(q: &Quote, currency: &str) -> String {
    let mut o = String::new();
    for l in &q.lines {
        let sum = match l.kind {
            LineKind::Licence | LineKind::Addon => format!(
                "{} x {} x {} months",
                l.quantity,
                money(l.unit_price),
                l.months
            ),
            LineKind::Setup => "one-off".to_string(),
            LineKind::Migration => format!("{:.2} h x {}", l.quantity, money(l.unit_price)),
        };
        let kind = match l.kind {
            LineKind::Licence => "licence",
            LineKind::Addon => "add-on",
            LineKind::Setup => "setup",
            LineKind::Migration => "migration",
        };
        o.push_str(&format!(
            "  {kind:<9} {}: {sum} = {} {currency}\n",
            l.description,
            money(l.amount)
        ));
    }
    o.push_str(&format!(
        "  total     {} {currency} over {} months; {} per endpoint-month for the product\n",
        money(q.tco()),
        q.horizon_months,
        money(q.per_endpoint_month())
    ));
    o
}

/// Markdown: the same table, and line items with `explain`.
pub fn markdown(t: &CostTable, explain: bool) -> String {
    let mut o = format!("# {}\n\n{}\n\n| vendor | edition | per month | TCO | all-in per endpoint-month | score | value |\n|---|---|---:|---:|---:|---:|---|\n", t.title, t.heading());
    for r in &t.rows {
        let (edition, monthly, tco) = match &r.quote {
            Ok(q) => (q.edition.clone(), money(q.monthly()), money(q.tco())),
            Err(_) => ("no price".into(), "-".into(), "-".into()),
        };
        o.push_str(&format!(
            "| {} | {edition} | {monthly} | {tco} | {} | {} | {} |\n",
            r.vendor,
            opt(r.all_in, 2),
            opt(r.score, 1),
            value_words(r)
        ));
    }
    if explain {
        for r in &t.rows {
            if let Ok(q) = &r.quote {
                o.push_str(&format!(
                    "\n## {}\n\n```text\n{}```\n",
                    r.vendor,
                    explain_lines(q, &t.currency)
                ));
            }
        }
    }
    o
}

/// CSV: one row per vendor.
pub fn csv(t: &CostTable) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "vendor",
        "name",
        "edition",
        "currency",
        "monthly",
        "subscriptions",
        "setup",
        "migration",
        "tco",
        "all_in_per_endpoint_month",
        "rank",
        "score",
        "score_per_cost",
        "efficient",
        "error",
    ])
    .expect("memory");
    for r in &t.rows {
        let n = |x: f64| format!("{x:.4}");
        let (e, m, s, st, mi, tc) = match &r.quote {
            Ok(q) => (
                q.edition.clone(),
                n(q.monthly()),
                n(q.subscriptions()),
                n(q.setup()),
                n(q.migration()),
                n(q.tco()),
            ),
            Err(_) => Default::default(),
        };
        let err = r.quote.as_ref().err().cloned().unwrap_or_default();
        let v = r.value.as_ref();
        w.write_record([
            safe(&r.vendor),
            safe(&r.name),
            safe(&e),
            t.currency.clone(),
            m,
            s,
            st,
            mi,
            tc,
            r.all_in.map(n).unwrap_or_default(),
            r.rank.map(|x| x.to_string()).unwrap_or_default(),
            r.score.map(n).unwrap_or_default(),
            v.and_then(|v| v.score_per_cost).map(n).unwrap_or_default(),
            v.map(|v| v.efficient.to_string()).unwrap_or_default(),
            safe(&err),
        ])
        .expect("memory");
    }
    w.into_inner().expect("memory")
}

/// JSON: the table with line items; the data for a score-against-cost frontier chart.
pub fn json(t: &CostTable) -> Vec<u8> {
    let rows: Vec<Value> = t
        .rows
        .iter()
        .map(|r| {
            let lines: Vec<Value> = r.quote.as_ref().map(|q| q.lines.iter().map(|l| json!({"kind": format!("{:?}", l.kind).to_lowercase(), "description": l.description, "quantity": l.quantity, "unit_price": l.unit_price, "months": l.months, "amount": l.amount})).collect()).unwrap_or_default();
            let q = r.quote.as_ref().ok();
            json!({
                "vendor": r.vendor, "name": r.name,
                "edition": q.map(|q| q.edition.clone()),
                "monthly": q.map(Quote::monthly), "subscriptions": q.map(Quote::subscriptions), "setup": q.map(Quote::setup),
                "migration": q.map(Quote::migration), "tco": q.map(Quote::tco),
                "cost_per_endpoint_month": q.map(Quote::per_endpoint_month), "all_in_per_endpoint_month": r.all_in,
                "rank": r.rank, "score": r.score,
                "score_per_cost": r.value.as_ref().and_then(|v| v.score_per_cost),
                "efficient": r.value.as_ref().map(|v| v.efficient),
                "dominated_by": r.value.as_ref().and_then(|v| v.dominated_by.clone()),
                "error": r.quote.as_ref().err(),
                "lines": lines,
            })
        })
        .collect();
    let f = &t.fleet;
    let doc = json!({"title": t.title, "currency": t.currency, "horizon_months": t.horizon_months,
        "fleet": {"workstations": f.workstations, "servers": f.servers, "domain_controllers": f.domain_controllers},
        "addons": t.addons, "vendors": rows});
    let mut b = serde_json::to_vec_pretty(&doc).expect("plain values");
    b.push(b'\n');
    b
}
