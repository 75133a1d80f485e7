//! The optional conversion table `fx_rates` (`from`, `to`, `rate`, `as_of`, `source`):
//! one unit of `from` is worth `rate` units of `to`. With it a dataset may price in
//! several currencies; amounts are converted to the client's currency when priced.

use std::collections::BTreeMap;

use super::cells::{Cells, MAX_VALUE};
use super::table::TextTable;
use crate::problem::Problem;

/// Exchange rates, looked up in either direction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fx {
    rates: BTreeMap<(String, String), f64>,
}

impl Fx {
    /// Adds a rate: one `from` is worth `rate` of `to`.
    pub fn insert(&mut self, from: &str, to: &str, rate: f64) {
        self.rates.insert((from.to_string(), to.to_string()), rate);
    }

    /// Units of `to` for one unit of `from`: 1 for the same currency, the rate given, or
    /// the inverse of the opposite rate; `None` when the table has neither.
    pub fn rate(&self, from: &str, to: &str) -> Option<f64> {
        if from == to {
            return Some(1.0);
        }
        self.rates
            .get(&(from.to_string(), to.to_string()))
            .copied()
            .or_else(|| {
                self.rates
                    .get(&(to.to_string(), from.to_string()))
                    .map(|r| 1.0 / r)
            })
    }
}

fn is_currency(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Reads `fx_rates`.
pub fn read(t: &TextTable) -> Result<Fx, Vec<Problem>> {
    let mut c = Cells::new(t, &["from", "to", "rate"], &["as_of", "source"])?;
    let mut fx = Fx::default();
    let mut first_row = BTreeMap::new();
    for r in 0..t.len() {
        let code = |c: &mut Cells, col: &'static str| {
            let v = c.required(r, col)?;
            if is_currency(v) {
                Some(v.to_string())
            } else {
                c.problem(
                    r,
                    col,
                    format!("`{col}` is `{v}`, not an ISO 4217 code"),
                    Some("expected three upper-case letters such as `EUR`".into()),
                );
                None
            }
        };
        let (from, to) = (code(&mut c, "from"), code(&mut c, "to"));
        let rate = c.number(r, "rate", 1.0 / MAX_VALUE, MAX_VALUE);
        if rate.is_none() && c.text(r, "rate").is_none() {
            c.problem(
                r,
                "rate",
                "`rate` is empty".into(),
                Some("units of `to` for one unit of `from`, e.g. `1.08`".into()),
            );
        }
        c.date(r, "as_of", false);
        let (Some(from), Some(to), Some(rate)) = (from, to, rate) else {
            continue;
        };
        if from == to {
            c.problem(
                r,
                "to",
                format!("a rate from `{from}` to itself"),
                Some("remove the row; a currency converts to itself at 1".into()),
            );
            continue;
        }
        let key = if from < to {
            (from.clone(), to.clone())
        } else {
            (to.clone(), from.clone())
        };
        if let Some(first) = first_row.insert(key, r) {
            let first = t.describe_row(first);
            c.problem(
                r,
                "from",
                format!("a second rate between `{from}` and `{to}` (first on {first})"),
                Some("keep one rate per pair of currencies; the inverse is derived".into()),
            );
            continue;
        }
        fx.rates.insert((from, to), rate);
    }
    if c.problems.is_empty() {
        Ok(fx)
    } else {
        Err(c.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_work_both_ways() {
        let mut fx = Fx::default();
        fx.rates.insert(("EUR".into(), "USD".into()), 1.25);
        assert_eq!(fx.rate("EUR", "USD"), Some(1.25));
        assert_eq!(fx.rate("USD", "EUR"), Some(0.8));
        assert_eq!(fx.rate("GBP", "GBP"), Some(1.0));
        assert_eq!(fx.rate("GBP", "USD"), None);
    }
}
