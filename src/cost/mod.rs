//! Prices a fleet from the pricing file: the cheapest complete base edition per vendor.
//!
//! This is the first cut used by `pricing.cost_per_endpoint_month`: base SKUs only (no
//! add-ons), the tier band that holds the seat count, minimum commitments and setup
//! fees spread over the horizon. The rules are written out in docs/metrics.md.

use std::collections::BTreeMap;

use crate::dataset::{AppliesTo, PriceRow};

/// The endpoints to price, by role, and how long the contract runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fleet {
    pub workstations: u64,
    pub servers: u64,
    pub domain_controllers: u64,
    pub horizon_months: u64,
}

impl Fleet {
    /// The fleet used when no client profile is given: a typical small-business client of
    /// an MSP with 45 workstations, 4 servers and 1 domain controller, over 36 months.
    pub const DEFAULT: Fleet = Fleet {
        workstations: 45,
        servers: 4,
        domain_controllers: 1,
        horizon_months: 36,
    };

    /// All endpoints.
    pub fn endpoints(&self) -> u64 {
        self.workstations + self.servers + self.domain_controllers
    }
}

/// The cost of one edition for a fleet.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub edition: String,
    pub currency: String,
    /// Recurring cost per month.
    pub monthly: f64,
    /// One-off setup fees.
    pub setup: f64,
    /// (monthly x horizon + setup) / horizon / endpoints.
    pub per_endpoint_month: f64,
}

/// The cheapest edition of `vendor` that prices every role of the fleet; `None` when no
/// edition covers all of them (or the fleet is empty).
pub fn cheapest(rows: &[PriceRow], vendor: usize, fleet: &Fleet) -> Option<Quote> {
    if fleet.endpoints() == 0 || fleet.horizon_months == 0 {
        return None;
    }
    let mut editions: BTreeMap<&str, Vec<&PriceRow>> = BTreeMap::new();
    for r in rows
        .iter()
        .filter(|r| r.vendor == vendor && r.addon.is_none())
    {
        editions.entry(r.edition.as_str()).or_default().push(r);
    }
    editions
        .into_iter()
        .filter_map(|(edition, rows)| quote_edition(edition, &rows, fleet))
        .min_by(|a, b| {
            a.per_endpoint_month
                .total_cmp(&b.per_endpoint_month)
                .then(a.edition.cmp(&b.edition))
        })
}

fn quote_edition(edition: &str, rows: &[&PriceRow], fleet: &Fleet) -> Option<Quote> {
    // Domain controllers are priced as servers.
    let roles = [
        (AppliesTo::Workstation, fleet.workstations),
        (AppliesTo::Server, fleet.servers + fleet.domain_controllers),
    ];
    // Seats per SKU: a role uses its own SKU when there is one, else an `all` SKU.
    let mut seats: BTreeMap<&str, u64> = BTreeMap::new();
    for (role, n) in roles {
        if n == 0 {
            continue;
        }
        let sku = rows
            .iter()
            .find(|r| r.applies_to == role)
            .or_else(|| rows.iter().find(|r| r.applies_to == AppliesTo::All))?;
        *seats.entry(sku.sku.as_str()).or_default() += n;
    }
    let mut monthly = 0.0;
    let mut setup = 0.0;
    let currency = rows.first()?.currency.clone();
    for (sku, n) in seats {
        let band = rows
            .iter()
            .find(|r| r.sku == sku && r.min_seats <= n && r.max_seats.is_none_or(|m| n <= m))?;
        monthly += n.max(band.min_commit_seats) as f64 * band.price_per_seat_month;
        setup += band.setup_fee;
    }
    let horizon = fleet.horizon_months as f64;
    Some(Quote {
        edition: edition.to_string(),
        currency,
        monthly,
        setup,
        per_endpoint_month: (monthly * horizon + setup) / horizon / fleet.endpoints() as f64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(sku: &str, applies: AppliesTo, lo: u64, hi: Option<u64>, price: f64) -> PriceRow {
        PriceRow {
            vendor: 0,
            sku: sku.into(),
            edition: "std".into(),
            applies_to: applies,
            min_seats: lo,
            max_seats: hi,
            price_per_seat_month: price,
            currency: "USD".into(),
            annual: true,
            term_months: 12,
            min_commit_seats: 0,
            setup_fee: 0.0,
            addon: None,
        }
    }

    #[test]
    fn picks_band_by_seats_and_prices_servers_apart() {
        let rows = vec![
            row("ws", AppliesTo::Workstation, 1, Some(49), 5.0),
            row("ws", AppliesTo::Workstation, 50, None, 4.0),
            row("srv", AppliesTo::Server, 1, None, 10.0),
        ];
        let fleet = Fleet {
            workstations: 50,
            servers: 2,
            domain_controllers: 1,
            horizon_months: 12,
        };
        let q = cheapest(&rows, 0, &fleet).unwrap();
        // 50 workstations at the 50+ band, 3 server seats.
        assert!((q.monthly - (50.0 * 4.0 + 3.0 * 10.0)).abs() < 1e-9);
        assert!((q.per_endpoint_month - 230.0 / 53.0).abs() < 1e-9);
        let fleet49 = Fleet {
            workstations: 49,
            ..fleet
        };
        assert!((cheapest(&rows, 0, &fleet49).unwrap().monthly - (49.0 * 5.0 + 30.0)).abs() < 1e-9);
    }

    #[test]
    fn minimum_commitment_and_setup_fee() {
        let mut r = row("all", AppliesTo::All, 1, None, 3.0);
        r.min_commit_seats = 25;
        r.setup_fee = 360.0;
        let fleet = Fleet {
            workstations: 10,
            servers: 0,
            domain_controllers: 0,
            horizon_months: 12,
        };
        let q = cheapest(&[r], 0, &fleet).unwrap();
        assert!((q.monthly - 75.0).abs() < 1e-9);
        assert!((q.per_endpoint_month - (75.0 * 12.0 + 360.0) / 12.0 / 10.0).abs() < 1e-9);
    }

    #[test]
    fn missing_server_price_leaves_edition_out() {
        let rows = vec![row("ws", AppliesTo::Workstation, 1, None, 5.0)];
        assert!(cheapest(&rows, 0, &Fleet::DEFAULT).is_none());
    }
}
