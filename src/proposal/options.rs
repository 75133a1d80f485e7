//! The options a proposal offers: good / better / best from the recommended vendor's
//! editions and add-ons in the pricing file, plus the runner-up the evidence cannot
//! separate from it. Each is a cost-model quote ([`crate::cost::quote`]) for the client's
//! fleet and contract, then sold at the MSP's prices ([`super::price`]).
//!
//! Good is the cost model's own quote (the vendor's cheapest complete edition with the
//! client's add-ons; what `cost --explain` shows) and is the one recommended. Better is
//! the vendor's dearest edition, when it has another; best is that edition with every
//! add-on the vendor offers. Migration work is the same for every edition of a vendor,
//! so its lines are taken from the cost model's quote.

use super::msp::Msp;
use super::price::{sell, SellQuote};
use crate::cost::{quote, Currency, LineKind, PricingContext, Quote};
use crate::dataset::Dataset;
use crate::rank::Ranking;

/// One priced option.
#[derive(Debug, Clone)]
pub struct PricedOption {
    /// `Good`, `Better`, `Best` or `Alternative`.
    pub label: &'static str,
    pub vendor: String,
    pub vendor_name: String,
    pub edition: String,
    /// The names of the add-ons included (as the pricing file spells them).
    pub addons: Vec<String>,
    pub recommended: bool,
    /// The runner-up the evidence cannot separate from the recommended vendor.
    pub alternative: bool,
    pub buy: Quote,
    pub sell: SellQuote,
}

/// Builds the options for the ranking's leader (and its tied runner-up). `None` when
/// nothing can be recommended with a price.
pub fn build(
    ds: &Dataset,
    r: &Ranking,
    ctx: &PricingContext,
    msp: &Msp,
) -> Option<Vec<PricedOption>> {
    let leader = r.ranked.first()?;
    let base = quote_of(r, &leader.vendor)?;
    let rows = ds.pricing.as_deref()?;
    let v = ds.vendor_index(&leader.vendor)?;
    let cur = Currency {
        target: &base.currency,
        fx: ds.fx.as_ref(),
    };
    let migration: Vec<_> = base
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Migration)
        .cloned()
        .collect();
    let no_labour = PricingContext {
        migration: None,
        ..ctx.clone()
    };
    let edition_quote = |edition: &str, c: &PricingContext| {
        let mine: Vec<_> = rows
            .iter()
            .filter(|p| p.vendor == v && (p.edition == edition || p.addon.is_some()))
            .cloned()
            .collect();
        quote(&mine, v, c, None, cur).ok().map(|mut q| {
            q.lines.extend(migration.iter().cloned());
            q
        })
    };
    let mut editions: Vec<Quote> = rows
        .iter()
        .filter(|p| p.vendor == v && p.addon.is_none())
        .map(|p| p.edition.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter_map(|e| edition_quote(e, &no_labour))
        .collect();
    editions.sort_by(|a, b| a.tco().total_cmp(&b.tco()));
    let mut quotes = vec![(base.clone(), ctx.addons.clone())];
    if let Some(top) = editions.last().filter(|q| q.edition != base.edition) {
        quotes.push((top.clone(), ctx.addons.clone()));
    }
    let top_edition = quotes.last().map(|q| q.0.edition.clone())?;
    let mut extras: Vec<String> = rows
        .iter()
        .filter(|p| p.vendor == v)
        .filter_map(|p| p.addon.clone())
        .filter(|a| !ctx.addons.contains(a))
        .collect();
    extras.sort();
    extras.dedup();
    if !extras.is_empty() {
        let mut all = ctx.addons.clone();
        all.extend(extras);
        let c = PricingContext {
            addons: all.clone(),
            ..no_labour.clone()
        };
        if let Some(q) = edition_quote(&top_edition, &c) {
            quotes.push((q, all));
        }
    }
    let labels = ["Good", "Better", "Best"];
    let addon_names = |vendor: usize, ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| {
                rows.iter()
                    .find(|p| p.vendor == vendor && p.addon.as_deref() == Some(id))
                    .map_or(id.clone(), |p| p.edition.clone())
            })
            .collect()
    };
    let mut out: Vec<PricedOption> = quotes
        .into_iter()
        .zip(labels)
        .enumerate()
        .map(|(i, ((q, addons), label))| PricedOption {
            label,
            vendor: leader.vendor.clone(),
            vendor_name: leader.name.clone(),
            edition: q.edition.clone(),
            addons: addon_names(v, &addons),
            recommended: i == 0,
            alternative: false,
            sell: sell(&q, msp),
            buy: q,
        })
        .collect();
    if let Some(alt) = tied_runner_up(r) {
        if let (Some(q), Some(av)) = (quote_of(r, &alt.vendor), ds.vendor_index(&alt.vendor)) {
            out.push(PricedOption {
                label: "Alternative",
                vendor: alt.vendor.clone(),
                vendor_name: alt.name.clone(),
                edition: q.edition.clone(),
                addons: addon_names(av, &ctx.addons),
                recommended: false,
                alternative: true,
                sell: sell(&q, msp),
                buy: q,
            });
        }
    }
    Some(out)
}

/// The cost model's quote of `vendor` in the ranking.
fn quote_of(r: &Ranking, vendor: &str) -> Option<Quote> {
    r.quotes
        .iter()
        .find(|(v, _)| v == vendor)
        .and_then(|(_, q)| q.as_ref().ok().cloned())
}

/// The best-ranked vendor the evidence cannot separate from the leader that has a price.
pub fn tied_runner_up(r: &Ranking) -> Option<&crate::rank::Ranked> {
    let tied = r.noise.as_ref()?.tied();
    r.ranked
        .iter()
        .skip(1)
        .find(|v| tied.contains(&v.vendor.as_str()) && quote_of(r, &v.vendor).is_some())
}
