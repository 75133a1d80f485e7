//! The MSP profile (`msp.toml`, docs/proposal.md): who sends the proposal, how buying
//! prices become sell prices (a markup per line kind or per edition, or a price list per
//! SKU), how sell prices are rounded, the currency, the payment terms and how long a
//! quote is valid. Parsed once into an [`Msp`]; every problem carries its line and column.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::cost::LineKind;
use crate::problem::{line_column, number, Location, Problem};

/// The most a markup may add, in percent: ten times the buying price.
const MAX_MARKUP: f64 = 1000.0;

/// `msp.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMsp {
    company: Spanned<String>,
    contact: Spanned<String>,
    currency: Option<Spanned<String>>,
    payment_terms: Spanned<String>,
    quote_valid_days: Spanned<i64>,
    round_to: Option<Spanned<f64>>,
    markup: RawMarkup,
    #[serde(default)]
    price_list: BTreeMap<String, Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMarkup {
    percent: Spanned<f64>,
    addon: Option<Spanned<f64>>,
    setup: Option<Spanned<f64>>,
    migration: Option<Spanned<f64>>,
    #[serde(default)]
    editions: BTreeMap<String, Spanned<f64>>,
}

/// A validated MSP profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Msp {
    pub company: String,
    pub contact: String,
    /// The currency to quote in when the client profile names none.
    pub currency: Option<String>,
    pub payment_terms: String,
    pub quote_valid_days: u32,
    /// Sell prices per device-month are rounded to a multiple of this many cents.
    pub round_cents: i64,
    pub markup: Markup,
    /// SKU -> sell price per seat-month, instead of a markup.
    pub price_list: BTreeMap<String, f64>,
}

/// Markups in percent over the buying price.
#[derive(Debug, Clone, PartialEq)]
pub struct Markup {
    pub percent: f64,
    pub addon: Option<f64>,
    pub setup: Option<f64>,
    pub migration: Option<f64>,
    /// Edition name -> markup of its licences.
    pub editions: BTreeMap<String, f64>,
}

impl Markup {
    /// The markup of a line of `kind` for `edition`, in percent.
    pub fn of(&self, kind: LineKind, edition: &str) -> f64 {
        match kind {
            LineKind::Licence => self.editions.get(edition).copied(),
            LineKind::Addon => self.addon,
            LineKind::Setup => self.setup,
            LineKind::Migration => self.migration,
        }
        .unwrap_or(self.percent)
    }
}

/// Parses and checks an MSP profile's text; `file` names it in problems.
pub fn parse(file: &str, text: &str) -> Result<Msp, Vec<Problem>> {
    let raw: RawMsp = toml::from_str(text).map_err(|e| {
        vec![crate::problem::toml_problem(
            file,
            text,
            &e,
            "see docs/proposal.md and msp/*.toml for the format",
        )]
    })?;
    let mut problems = Vec::new();
    let mut at = |span: std::ops::Range<usize>, message: String, hint: &str| {
        let (line, column) = line_column(text, span.start);
        let location = Location::Line {
            line,
            column: Some(column),
        };
        problems.push(Problem::at(file, location, message).hint(hint));
    };
    let mut markup = |v: &Spanned<f64>, what: &str| {
        let x = *v.get_ref();
        if !(0.0..=MAX_MARKUP).contains(&x) {
            at(
                v.span(),
                format!("`{what}` is `{}`", number(x)),
                &format!("a markup in percent over the buying price, from 0 to {MAX_MARKUP}"),
            );
        }
        x
    };
    let m = &raw.markup;
    let markup = Markup {
        percent: markup(&m.percent, "percent"),
        addon: m.addon.as_ref().map(|v| markup(v, "addon")),
        setup: m.setup.as_ref().map(|v| markup(v, "setup")),
        migration: m.migration.as_ref().map(|v| markup(v, "migration")),
        editions: m
            .editions
            .iter()
            .map(|(k, v)| (k.clone(), markup(v, k)))
            .collect(),
    };
    let days = *raw.quote_valid_days.get_ref();
    if !(1..=366).contains(&days) {
        at(
            raw.quote_valid_days.span(),
            format!("`quote_valid_days` is `{days}`"),
            "a whole number of days from 1 to 366",
        );
    }
    let round = raw.round_to.as_ref().map_or(0.01, |r| *r.get_ref());
    let round_cents = (round * 100.0).round();
    if !(1.0..=10_000.0).contains(&round_cents) || (round * 100.0 - round_cents).abs() > 1e-6 {
        let span = raw.round_to.as_ref().map_or(0..0, |r| r.span());
        at(
            span,
            format!("`round_to` is `{}`", number(round)),
            "a whole number of cents from 0.01 to 100, such as `0.05`",
        );
    }
    if let Some(c) = &raw.currency {
        let v = c.get_ref();
        if v.len() != 3 || !v.bytes().all(|b| b.is_ascii_uppercase()) {
            at(
                c.span(),
                format!("`currency` is `{v}`, not an ISO 4217 code"),
                "expected three upper-case letters such as `USD`",
            );
        }
    }
    for (name, v) in [("company", &raw.company), ("contact", &raw.contact)] {
        if v.get_ref().trim().is_empty() {
            at(
                v.span(),
                format!("`{name}` is empty"),
                "the client reads it on the proposal",
            );
        }
    }
    let mut price_list = BTreeMap::new();
    for (sku, v) in &raw.price_list {
        let x = *v.get_ref();
        if !(x.is_finite() && x > 0.0 && x <= crate::dataset::MAX_VALUE) {
            at(
                v.span(),
                format!("the price of `{sku}` is `{}`", number(x)),
                "a sell price per seat and month, greater than 0",
            );
        }
        price_list.insert(sku.clone(), x);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Msp {
        company: raw.company.into_inner(),
        contact: raw.contact.into_inner(),
        currency: raw.currency.map(Spanned::into_inner),
        payment_terms: raw.payment_terms.into_inner(),
        quote_valid_days: days as u32,
        round_cents: round_cents as i64,
        markup,
        price_list,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "company = \"A\"\ncontact = \"B\"\npayment_terms = \"net 30\"\nquote_valid_days = 30\nround_to = 0.05\n[markup]\npercent = 35\naddon = 40\n[markup.editions]\nAdvanced = 30\n";

    #[test]
    fn markups_fall_back_to_the_percent() {
        let m = parse("msp.toml", GOOD).unwrap();
        assert_eq!(m.round_cents, 5);
        assert_eq!(m.markup.of(LineKind::Licence, "Core"), 35.0);
        assert_eq!(m.markup.of(LineKind::Licence, "Advanced"), 30.0);
        assert_eq!(m.markup.of(LineKind::Addon, "Core"), 40.0);
        assert_eq!(m.markup.of(LineKind::Setup, "Core"), 35.0);
    }

    #[test]
    fn problems_name_the_line_and_column() {
        let text = GOOD.replace("quote_valid_days = 30", "quote_valid_days = 0");
        let p = parse("msp.toml", &text).unwrap_err();
        assert_eq!(p.len(), 1);
        let shown = p[0].to_string();
        assert!(shown.contains("msp.toml:4:"), "{shown}");
        assert!(shown.contains("`quote_valid_days` is `0`"), "{shown}");
        let p = parse("msp.toml", &format!("colour = 1\n{GOOD}")).unwrap_err();
        assert!(p[0].to_string().contains("colour"), "{}", p[0]);
    }

    #[test]
    fn a_rounding_that_is_not_whole_cents_is_refused() {
        let text = GOOD.replace("round_to = 0.05", "round_to = 0.005");
        assert!(parse("msp.toml", &text).is_err());
    }
}
