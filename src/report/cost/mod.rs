//! The cost table of `vendorscore cost`: each vendor's price for the fleet, its line
//! items, and value for money (score per unit of cost, the Pareto frontier). This file
//! builds the table; `render` shows it in every format, `json` is its JSON, `data` its
//! export table (CSV and the report's `tables/cost.*`).

mod data;
mod json;
mod render;

pub use data::table;
pub use render::{explain_lines, CostView};

use crate::cost::value::{frontier, ValuePoint};
use crate::cost::{Billing, Quote};
use crate::rank::Ranking;

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
    /// Joins the ranking and the quotes; value for money among the ranked vendors. The
    /// error (for `Error::NotInData`) says why there is nothing to price.
    pub fn build(r: &Ranking, client: Option<&str>) -> Result<CostTable, String> {
        if r.quotes.is_empty() {
            return Err(format!(
                "dataset {} has no pricing file, so there is nothing to price",
                r.dataset
            ));
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
        // Ranked vendors in rank order, then the excluded ones in dataset order.
        let mut rows: Vec<CostRow> = r
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
        rows.sort_by_key(|row| row.rank.unwrap_or(usize::MAX));
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

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
