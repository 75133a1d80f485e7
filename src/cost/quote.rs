//! Prices one vendor for a fleet, keeping every line item.
//!
//! Per edition: each role takes the SKU that applies to it (else the edition's `all`
//! SKU; domain controllers are priced as servers); roles sharing an SKU add their seats;
//! the tier band holding that seat count sets the price; billed seats are at least the
//! minimum commitment; a term is paid whole (18 months on 12-month terms pays 24).
//! Add-ons are priced the same way. The cheapest complete edition wins.

use std::collections::BTreeMap;

use super::{Billing, PricingContext};
use crate::dataset::{AppliesTo, Fx, PriceRow};

/// What a line item is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Licence,
    Addon,
    Setup,
    Migration,
}

/// One line of a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub kind: LineKind,
    /// The pricing file's SKU (empty for migration labour).
    pub sku: String,
    /// In words: seats, SKU, band, billing, term.
    pub description: String,
    /// Seats billed (or hours, for migration).
    pub quantity: f64,
    /// Price per seat-month (or per hour).
    pub unit_price: f64,
    /// Months paid (0 for one-off items).
    pub months: u64,
    /// Total over the horizon.
    pub amount: f64,
}

/// The price of one vendor's cheapest complete edition for a fleet.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub edition: String,
    pub currency: String,
    pub lines: Vec<Line>,
    pub horizon_months: u64,
    pub endpoints: u64,
}

impl Quote {
    fn sum(&self, kinds: &[LineKind]) -> f64 {
        self.lines
            .iter()
            .filter(|l| kinds.contains(&l.kind))
            // A fold from +0: `Sum` for f64 starts at -0.0, so no lines printed `-0.0000`.
            .fold(0.0, |total, l| total + l.amount)
    }

    /// Licences and add-ons over the horizon.
    pub fn subscriptions(&self) -> f64 {
        self.sum(&[LineKind::Licence, LineKind::Addon])
    }

    /// One-off setup fees.
    pub fn setup(&self) -> f64 {
        self.sum(&[LineKind::Setup])
    }

    /// Migration labour.
    pub fn migration(&self) -> f64 {
        self.sum(&[LineKind::Migration])
    }

    /// Recurring cost per month: licences and add-ons at their monthly rate.
    pub fn monthly(&self) -> f64 {
        self.lines
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Licence | LineKind::Addon))
            .map(|l| l.quantity * l.unit_price)
            .sum()
    }

    /// Total cost of ownership over the horizon: subscriptions, setup and migration.
    pub fn tco(&self) -> f64 {
        self.subscriptions() + self.setup() + self.migration()
    }

    /// (subscriptions + setup) / horizon / endpoints: the product's own cost.
    pub fn per_endpoint_month(&self) -> f64 {
        (self.subscriptions() + self.setup()) / self.horizon_months as f64 / self.endpoints as f64
    }
}

/// The currency quotes are in, and how to get there.
#[derive(Debug, Clone, Copy)]
pub struct Currency<'a> {
    pub target: &'a str,
    pub fx: Option<&'a Fx>,
}

impl Currency<'_> {
    /// Units of the target currency for one unit of `from`.
    fn rate(&self, from: &str) -> Result<f64, String> {
        if from == self.target {
            return Ok(1.0);
        }
        self.fx
            .and_then(|fx| fx.rate(from, self.target))
            .ok_or_else(|| {
                format!(
                    "no exchange rate from `{from}` to `{}` in fx_rates",
                    self.target
                )
            })
    }

    /// " (converted from EUR at 1.08)" when a row is in another currency.
    fn note(&self, from: &str) -> String {
        match self.rate(from) {
            Ok(r) if from != self.target => format!(" (converted from {from} at {r})"),
            _ => String::new(),
        }
    }
}

/// Prices `vendor` for `ctx` in `cur`. `deploy` is the vendor's deployment result on the
/// client's RMM (1 pass, 0.5 partial, 0 fail, `None` unknown). The error says why no
/// edition can price the fleet.
pub fn quote(
    rows: &[PriceRow],
    vendor: usize,
    ctx: &PricingContext,
    deploy: Option<f64>,
    cur: Currency,
) -> Result<Quote, String> {
    if ctx.fleet.endpoints() == 0 || ctx.horizon_months == 0 {
        return Err("the fleet has no endpoints or the horizon is 0 months".into());
    }
    let mine: Vec<&PriceRow> = rows.iter().filter(|r| r.vendor == vendor).collect();
    if mine.is_empty() {
        return Err("no prices in the pricing file".into());
    }
    let mut editions: BTreeMap<&str, Vec<&PriceRow>> = BTreeMap::new();
    for r in mine.iter().filter(|r| r.addon.is_none()) {
        editions.entry(r.edition.as_str()).or_default().push(r);
    }
    if editions.is_empty() {
        return Err("only add-on prices, no base product".into());
    }
    let mut best: Option<Quote> = None;
    let mut why = Vec::new();
    for (edition, base) in editions {
        match price_edition(edition, &base, &mine, ctx, deploy, cur) {
            Ok(q) => {
                if best.as_ref().is_none_or(|b| q.tco() < b.tco() - 1e-9) {
                    best = Some(q);
                }
            }
            Err(e) => why.push(format!("edition `{edition}`: {e}")),
        }
    }
    best.ok_or_else(|| why.join("; "))
}

fn price_edition(
    edition: &str,
    base: &[&PriceRow],
    all: &[&PriceRow],
    ctx: &PricingContext,
    deploy: Option<f64>,
    cur: Currency,
) -> Result<Quote, String> {
    let mut lines = Vec::new();
    let roles = [
        (
            "workstation",
            AppliesTo::Workstation,
            ctx.fleet.workstations,
        ),
        (
            "server",
            AppliesTo::Server,
            ctx.fleet.servers + ctx.fleet.domain_controllers,
        ),
    ];
    price_roles(base, &roles, ctx, cur, LineKind::Licence, true, &mut lines)?;
    for addon in &ctx.addons {
        let offered: Vec<&PriceRow> = all
            .iter()
            .copied()
            .filter(|r| r.addon.as_deref() == Some(addon.as_str()))
            .collect();
        if offered.is_empty() {
            return Err(format!("add-on `{addon}` is not offered"));
        }
        let same: Vec<&PriceRow> = offered
            .iter()
            .copied()
            .filter(|r| r.edition == edition)
            .collect();
        let use_rows = if same.is_empty() { offered } else { same };
        price_roles(
            &use_rows,
            &roles,
            ctx,
            cur,
            LineKind::Addon,
            false,
            &mut lines,
        )
        .map_err(|e| format!("add-on `{addon}`: {e}"))?;
    }
    if let Some(m) = &ctx.migration {
        for (description, hours) in super::labour::items(m, deploy, ctx) {
            lines.push(Line {
                kind: LineKind::Migration,
                sku: String::new(),
                description,
                quantity: hours,
                unit_price: m.labour_rate,
                months: 0,
                amount: hours * m.labour_rate,
            });
        }
    }
    Ok(Quote {
        edition: edition.to_string(),
        currency: cur.target.to_string(),
        lines,
        horizon_months: ctx.horizon_months,
        endpoints: ctx.fleet.endpoints(),
    })
}

/// Prices the roles of the fleet from `rows` (one edition's base SKUs, or one add-on).
/// With `required`, a role that has endpoints but no price is an error; otherwise it is
/// left out (an add-on offered for workstations only).
#[allow(clippy::too_many_arguments)]
fn price_roles(
    rows: &[&PriceRow],
    roles: &[(&str, AppliesTo, u64)],
    ctx: &PricingContext,
    cur: Currency,
    kind: LineKind,
    required: bool,
    lines: &mut Vec<Line>,
) -> Result<(), String> {
    let mut skus: BTreeMap<&str, (u64, Vec<&str>)> = BTreeMap::new();
    for &(name, role, n) in roles {
        if n == 0 {
            continue;
        }
        let sku = rows
            .iter()
            .find(|r| r.applies_to == role)
            .or_else(|| rows.iter().find(|r| r.applies_to == AppliesTo::All));
        match sku {
            Some(r) => {
                let e = skus.entry(r.sku.as_str()).or_default();
                e.0 += n;
                e.1.push(name);
            }
            None if required => {
                return Err(format!(
                    "no price for {name}s{}",
                    if name == "server" {
                        " (domain controllers are priced as servers)"
                    } else {
                        ""
                    }
                ))
            }
            None => {}
        }
    }
    if skus.is_empty() {
        return Err("offered for none of the fleet's roles".into());
    }
    for (sku, (seats, covers)) in skus {
        let sku_rows: Vec<&PriceRow> = rows.iter().copied().filter(|r| r.sku == sku).collect();
        let (band, note) = pick_band(&sku_rows, seats, ctx, cur)?;
        let rate = cur.rate(&band.currency)?;
        let note = format!("{note}{}", cur.note(&band.currency));
        let billed = seats.max(band.min_commit_seats);
        let term = band.term_months.max(1);
        let months = ctx.horizon_months.div_ceil(term) * term;
        let band_text = match band.max_seats {
            Some(m) => format!("{}-{m}", band.min_seats),
            None => format!("{}+", band.min_seats),
        };
        let commit = match billed > seats {
            true => format!(", minimum commitment {billed} seats"),
            false => String::new(),
        };
        let billing = if band.annual { "annual" } else { "monthly" };
        let description = format!("{seats} {} seats, SKU `{sku}` band {band_text}, {billing} billing, {term}-month term{commit}{note}", covers.join(" + "));
        let price = band.price_per_seat_month * rate;
        lines.push(Line {
            kind,
            sku: sku.to_string(),
            description,
            quantity: billed as f64,
            unit_price: price,
            months,
            amount: billed as f64 * price * months as f64,
        });
        if band.setup_fee > 0.0 {
            let fee = band.setup_fee * rate;
            lines.push(Line {
                kind: LineKind::Setup,
                sku: sku.to_string(),
                description: format!("setup fee, SKU `{sku}`{}", cur.note(&band.currency)),
                quantity: 1.0,
                unit_price: fee,
                months: 0,
                amount: fee,
            });
        }
    }
    Ok(())
}

/// The band holding `seats`, in the preferred billing when offered (else the other, noted);
/// with `Billing::Any` the cheaper over the horizon.
fn pick_band<'a>(
    rows: &[&'a PriceRow],
    seats: u64,
    ctx: &PricingContext,
    cur: Currency,
) -> Result<(&'a PriceRow, String), String> {
    let holds = |r: &&&PriceRow| r.min_seats <= seats && r.max_seats.is_none_or(|m| seats <= m);
    let fits: Vec<&PriceRow> = rows.iter().filter(holds).copied().collect();
    if fits.is_empty() {
        let sku = rows.first().map_or("?", |r| r.sku.as_str());
        return Err(format!("no tier band of SKU `{sku}` holds {seats} seats"));
    }
    let cost = |r: &PriceRow| {
        let term = r.term_months.max(1);
        let rate = cur.rate(&r.currency).unwrap_or(f64::INFINITY);
        let months = (ctx.horizon_months.div_ceil(term) * term) as f64;
        rate * (seats.max(r.min_commit_seats) as f64 * r.price_per_seat_month * months
            + r.setup_fee)
    };
    let cheapest =
        |v: &[&'a PriceRow]| v.iter().copied().min_by(|a, b| cost(a).total_cmp(&cost(b)));
    let wanted = match ctx.billing {
        Billing::Any => return Ok((cheapest(&fits).expect("non-empty"), String::new())),
        Billing::Annual => true,
        Billing::Monthly => false,
    };
    let preferred: Vec<&PriceRow> = fits
        .iter()
        .copied()
        .filter(|r| r.annual == wanted)
        .collect();
    match cheapest(&preferred) {
        Some(r) => Ok((r, String::new())),
        None => Ok((
            cheapest(&fits).expect("non-empty"),
            format!(
                " ({} billing not offered)",
                if wanted { "annual" } else { "monthly" }
            ),
        )),
    }
}
