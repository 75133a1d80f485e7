//! Sell prices: each line of a cost-model quote marked up (or taken from the MSP's price
//! list) and rounded, in whole cents, so that every total the client reads adds up to the
//! cent.
//!
//! Rounding (docs/proposal.md): a licence or add-on line's price per seat-month is the
//! buying price times (1 + markup), rounded to the nearest multiple of `round_to`, halves
//! up; the line's monthly amount is its billed seats times that price, its contract amount
//! that times the months paid. A one-time line (setup fee, migration work) is its buying
//! amount times (1 + markup), rounded to the cent. Totals are sums of these integers.

use serde::Serialize;

use super::msp::Msp;
use crate::cost::{Line, LineKind, Quote};

/// One line of an option at its sell price.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SellLine {
    pub kind: &'static str,
    /// Seats billed (1 for a one-time line).
    pub seats: u64,
    /// Sell price per seat-month, in cents (0 for a one-time line).
    pub unit_cents: i64,
    /// Months paid (0 for a one-time line).
    pub months: u64,
    /// Over the contract, in cents.
    pub amount_cents: i64,
}

/// An option's sell prices, in cents.
#[derive(Debug, Clone, PartialEq)]
pub struct SellQuote {
    pub lines: Vec<SellLine>,
    /// Licences and add-ons per month.
    pub monthly_cents: i64,
    /// Licences and add-ons over the contract.
    pub subscription_cents: i64,
    /// Setup fees and migration work.
    pub one_time_cents: i64,
    /// Subscriptions plus one-time costs.
    pub total_cents: i64,
}

/// `cents` rounded to the nearest multiple of `step` cents, halves up. The nudge of
/// 1e-6 of a cent keeps a price that is a half in decimals (4.5 cents) from rounding down
/// because its binary value is a hair below.
pub fn round_to_step(cents: f64, step: i64) -> i64 {
    let step = step.max(1);
    ((cents / step as f64) + 1e-6 / step as f64).round() as i64 * step
}

/// The sell price per seat-month of a licence or add-on line, in cents.
pub fn unit_cents(line: &Line, edition: &str, msp: &Msp) -> i64 {
    match msp.price_list.get(&line.sku) {
        Some(&listed) => round_to_step(listed * 100.0, 1),
        None => {
            let factor = 1.0 + msp.markup.of(line.kind, edition) / 100.0;
            round_to_step(line.unit_price * factor * 100.0, msp.round_cents)
        }
    }
}

fn kind_name(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Licence => "licence",
        LineKind::Addon => "add-on",
        LineKind::Setup => "setup",
        LineKind::Migration => "migration",
    }
}

/// The sell prices of `quote` under `msp`.
pub fn sell(quote: &Quote, msp: &Msp) -> SellQuote {
    let mut lines = Vec::new();
    for l in &quote.lines {
        let kind = kind_name(l.kind);
        match l.kind {
            LineKind::Licence | LineKind::Addon => {
                let seats = l.quantity.round().max(0.0) as u64;
                let unit = unit_cents(l, &quote.edition, msp);
                lines.push(SellLine {
                    kind,
                    seats,
                    unit_cents: unit,
                    months: l.months,
                    amount_cents: unit * seats as i64 * l.months as i64,
                });
            }
            LineKind::Setup | LineKind::Migration => {
                let factor = 1.0 + msp.markup.of(l.kind, &quote.edition) / 100.0;
                lines.push(SellLine {
                    kind,
                    seats: 1,
                    unit_cents: 0,
                    months: 0,
                    amount_cents: round_to_step(l.amount * factor * 100.0, 1),
                });
            }
        }
    }
    let recurring = |l: &&SellLine| l.months > 0;
    let monthly_cents = lines
        .iter()
        .filter(recurring)
        .map(|l| l.unit_cents * l.seats as i64)
        .sum();
    let subscription_cents = lines.iter().filter(recurring).map(|l| l.amount_cents).sum();
    let one_time_cents: i64 = lines
        .iter()
        .filter(|l| l.months == 0)
        .map(|l| l.amount_cents)
        .sum();
    SellQuote {
        lines,
        monthly_cents,
        subscription_cents,
        one_time_cents,
        total_cents: subscription_cents + one_time_cents,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::msp::{Markup, Msp};

    fn msp(percent: f64, round_cents: i64) -> Msp {
        Msp {
            company: "A".into(),
            contact: "B".into(),
            currency: None,
            payment_terms: "net 30".into(),
            quote_valid_days: 30,
            round_cents,
            markup: Markup {
                percent,
                addon: None,
                setup: Some(0.0),
                migration: Some(20.0),
                editions: Default::default(),
            },
            price_list: Default::default(),
        }
    }

    fn line(kind: LineKind, quantity: f64, unit_price: f64, months: u64) -> Line {
        Line {
            kind,
            sku: "s".into(),
            description: String::new(),
            quantity,
            unit_price,
            months,
            amount: quantity * unit_price * months.max(1) as f64,
        }
    }

    #[test]
    fn rounding_is_to_the_step_halves_up() {
        assert_eq!(round_to_step(450.9, 5), 450);
        assert_eq!(round_to_step(452.5, 5), 455);
        assert_eq!(round_to_step(1298.7, 1), 1299);
        assert_eq!(round_to_step(1298.5, 1), 1299);
        assert_eq!(round_to_step(1297.4, 5), 1295);
    }

    /// 35 seats at $9.62 with 35%: 12.987 -> $12.99 a seat-month (to the cent);
    /// 35 x 1299 = 45,465 cents a month; x 36 = 1,636,740. Setup $250 at 0%: 25,000.
    /// Migration $2,256.25 at 20%: 2,707.50. Total 1,636,740 + 25,000 + 270,750.
    #[test]
    fn totals_add_up_in_cents() {
        let q = Quote {
            edition: "Business".into(),
            currency: "USD".into(),
            lines: vec![
                line(LineKind::Licence, 35.0, 9.62, 36),
                line(LineKind::Setup, 1.0, 250.0, 0),
                line(LineKind::Migration, 23.75, 95.0, 0),
            ],
            horizon_months: 36,
            endpoints: 35,
        };
        let s = sell(&q, &msp(35.0, 1));
        assert_eq!(s.lines[0].unit_cents, 1299);
        assert_eq!(s.monthly_cents, 45_465);
        assert_eq!(s.subscription_cents, 1_636_740);
        assert_eq!(s.one_time_cents, 25_000 + 270_750);
        assert_eq!(s.total_cents, 1_636_740 + 295_750);
    }

    #[test]
    fn a_price_list_replaces_the_markup() {
        let mut m = msp(35.0, 5);
        m.price_list.insert("s".into(), 11.0);
        let l = line(LineKind::Licence, 10.0, 9.62, 12);
        assert_eq!(unit_cents(&l, "Business", &m), 1100);
    }
}
