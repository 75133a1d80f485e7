//! The cost table in every format: the terminal table (with line items on `--explain`),
//! Markdown, CSV and JSON. The terminal shows amounts with their currency symbol
//! (`$14,627.45`); Markdown and CSV keep plain numbers.

use super::{CostRow, CostTable};
use crate::cost::{LineKind, Quote};
use crate::report::doc::Table;
use crate::report::export::terminal::{self, fitted_table, Fit, Width};
use crate::report::export::{json, markdown, Render};

/// The cost table as `cost` prints it: with each vendor's line items when `explain`.
pub struct CostView<'a> {
    pub table: &'a CostTable,
    pub explain: bool,
}

fn money(x: f64) -> String {
    // `+ 0.0` turns the -0.0 of an empty float sum into 0.0.
    format!("{:.2}", x + 0.0)
}

fn opt(x: Option<f64>, digits: usize) -> String {
    x.map_or("-".into(), |x| format!("{x:.digits$}"))
}

fn value_words(r: &CostRow) -> String {
    match &r.value {
        Some(v) if v.efficient => "efficient".into(),
        Some(v) => format!("beaten by {}", v.dominated_by.as_deref().unwrap_or("?")),
        None => "-".into(),
    }
}

/// The line items of a quote, one per line, with the arithmetic. For a terminal
/// (`for_terminal`) amounts carry the currency's symbol (`$831.25`); otherwise they are
/// plain numbers, totals followed by the currency code (`831.25 USD`).
pub fn explain_lines(q: &Quote, currency: &str, for_terminal: bool) -> String {
    let price = |x: f64| {
        if for_terminal {
            terminal::money(x, currency)
        } else {
            money(x)
        }
    };
    let amount = |x: f64| {
        if for_terminal {
            terminal::money(x, currency)
        } else {
            format!("{} {currency}", money(x))
        }
    };
    let mut o = String::new();
    for l in &q.lines {
        let sum = match l.kind {
            LineKind::Licence | LineKind::Addon => format!(
                "{} x {} x {} months",
                l.quantity,
                price(l.unit_price),
                l.months
            ),
            LineKind::Setup => "one-off".to_string(),
            LineKind::Migration => format!("{:.2} h x {}", l.quantity, price(l.unit_price)),
        };
        let kind = match l.kind {
            LineKind::Licence => "licence",
            LineKind::Addon => "add-on",
            LineKind::Setup => "setup",
            LineKind::Migration => "migration",
        };
        o.push_str(&format!(
            "  {kind:<9} {}: {sum} = {}\n",
            l.description,
            amount(l.amount)
        ));
    }
    o.push_str(&format!(
        "  total     {} over {} months; {} per endpoint-month for the product\n",
        amount(q.tco()),
        q.horizon_months,
        price(q.per_endpoint_month())
    ));
    o
}

/// The cost table's columns, left out in this order when the terminal is too narrow:
/// vendor, TCO and score always stay.
const TERMINAL_LEAVE_OUT: [usize; 8] = [9, 3, 4, 5, 1, 2, 7, 10];

/// The cost table for a terminal: amounts with their currency, one row per vendor,
/// ranked vendors first.
fn terminal_table(t: &CostTable) -> Table {
    let mut tab = Table::new(
        &[
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
        ],
        &[
            false, false, true, true, true, true, true, true, true, true, false,
        ],
    );
    let amount = |x: f64| terminal::money(x, &t.currency);
    for r in &t.rows {
        let mut row = vec![r.vendor.clone()];
        match &r.quote {
            Ok(q) => {
                row.push(q.edition.clone());
                for x in [
                    q.monthly(),
                    q.subscriptions(),
                    q.setup(),
                    q.migration(),
                    q.tco(),
                ] {
                    row.push(amount(x));
                }
                row.push(r.all_in.map_or("-".into(), amount));
            }
            Err(_) => {
                row.push("no price".into());
                row.extend(std::iter::repeat_n("-".to_string(), 6));
            }
        }
        row.push(r.score.map_or("excluded".into(), |s| format!("{s:.1}")));
        row.push(opt(r.value.as_ref().and_then(|v| v.score_per_cost), 2));
        row.push(value_words(r));
        tab.rows.push(row);
    }
    tab
}

impl Render for CostView<'_> {
    /// The terminal table fitted to `width`; with `explain`, each vendor's line items.
    fn terminal(&self, width: Width) -> String {
        let t = self.table;
        let mut out = t.heading() + "\n\n";
        let tab = terminal_table(t);
        let fit = Fit::new(&tab).leave_out(TERMINAL_LEAVE_OUT).wrap([10]);
        out.push_str(&fitted_table(&tab, &fit, width));
        out.push_str("\n\nTCO = subscriptions + setup + migration over the horizon. \"efficient\": no other ranked vendor scores at least as high for at most the all-in cost.\n");
        for r in t
            .rows
            .iter()
            .filter_map(|r| r.quote.as_ref().err().map(|e| (r, e)))
        {
            out.push_str(&format!("no price for `{}`: {}\n", r.0.vendor, r.1));
        }
        if self.explain {
            for r in &t.rows {
                if let Ok(q) = &r.quote {
                    out.push_str(&format!(
                        "\n{} ({}), edition `{}`:\n",
                        r.vendor, r.name, q.edition
                    ));
                    out.push_str(&explain_lines(q, &t.currency, true));
                }
            }
        }
        out
    }

    /// Markdown: the same table, and line items with `explain`.
    fn markdown(&self) -> String {
        let t = self.table;
        let mut tab = Table::new(
            &[
                "vendor",
                "edition",
                "per month",
                "TCO",
                "all-in per endpoint-month",
                "score",
                "value",
            ],
            &[false, false, true, true, true, true, false],
        );
        for r in &t.rows {
            let (edition, monthly, tco) = match &r.quote {
                Ok(q) => (q.edition.clone(), money(q.monthly()), money(q.tco())),
                Err(_) => ("no price".into(), "-".into(), "-".into()),
            };
            tab.rows.push(vec![
                r.vendor.clone(),
                edition,
                monthly,
                tco,
                opt(r.all_in, 2),
                opt(r.score, 1),
                value_words(r),
            ]);
        }
        let mut o = format!(
            "# {}\n\n{}\n\n{}",
            markdown::inline(&t.title),
            markdown::inline(&t.heading()),
            markdown::table(&tab)
        );
        if self.explain {
            for r in &t.rows {
                if let Ok(q) = &r.quote {
                    o.push_str(&format!(
                        "\n## {}\n\n{}",
                        markdown::inline(&r.vendor),
                        markdown::code_block("text", &explain_lines(q, &t.currency, false))
                    ));
                }
            }
        }
        o
    }

    /// CSV: the cost table, one row per vendor.
    fn csv(&self) -> Vec<u8> {
        crate::report::tables::csv(&super::table(self.table))
    }

    /// JSON: the table with line items; the data for a score-against-cost frontier chart.
    fn json(&self) -> Vec<u8> {
        json::to_bytes(&super::json::CostJson::new(self.table))
    }
}
