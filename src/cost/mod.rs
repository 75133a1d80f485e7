//! What a fleet costs: licences by tier band and term, add-ons, setup fees and the
//! migration labour, over a client's horizon; and value for money.
//!
//! `quote` prices one vendor with every line item kept, so `vendorscore cost --explain`
//! can show how each number arose; `labour` is the one definition of the migration
//! hours, shared with the migration plan. The rules are in docs/cost.md.

pub mod labour;
mod quote;
#[cfg(test)]
mod tests;
pub mod value;

pub use quote::{quote, Currency, Line, LineKind, Quote};

/// The endpoints to price, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fleet {
    pub workstations: u64,
    pub servers: u64,
    pub domain_controllers: u64,
}

impl Fleet {
    /// All endpoints.
    pub fn endpoints(&self) -> u64 {
        self.workstations + self.servers + self.domain_controllers
    }
}

/// Which billing a client prefers when an SKU offers both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Billing {
    /// The cheaper over the horizon.
    Any,
    Annual,
    Monthly,
}

/// The devices the migration plan moves (on Kaspersky and not stale), by whether the
/// RMM manages them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedDevices {
    pub managed: u64,
    pub unmanaged: u64,
}

/// Migration labour assumptions: rebuilding exclusions and policies by hand, per client.
#[derive(Debug, Clone, PartialEq)]
pub struct Migration {
    /// Cost of one hour of labour, in the pricing currency.
    pub labour_rate: f64,
    /// Hours to deploy one endpoint when the product deploys from the client's RMM.
    pub hours_per_endpoint: f64,
    /// Hours to rebuild one exclusion or policy.
    pub hours_per_exclusion: f64,
    /// Exclusions and policies to rebuild.
    pub exclusions: u64,
    /// Multiplier of the per-endpoint hours when RMM deployment only partly works.
    pub partial_deploy_factor: f64,
    /// Multiplier when it fails, is untested, or the vendor was not checked on that RMM.
    pub manual_deploy_factor: f64,
    /// The devices the migration plan moves, when the client has an inventory; `None`:
    /// every endpoint of the fleet, taken as managed.
    pub planned: Option<PlannedDevices>,
}

/// Everything that decides a price: the fleet, the contract, the migration.
#[derive(Debug, Clone, PartialEq)]
pub struct PricingContext {
    pub fleet: Fleet,
    pub horizon_months: u64,
    pub billing: Billing,
    /// Add-on ids the client wants (`addon` column of pricing).
    pub addons: Vec<String>,
    /// The client's RMM platform id, for the deployment factor.
    pub rmm: Option<String>,
    /// `None`: migration labour is not priced.
    pub migration: Option<Migration>,
    /// The currency to quote in; `None`: the currency of the pricing file's first row.
    pub currency: Option<String>,
}

impl Default for PricingContext {
    /// Used when no client profile is given: a typical small-business client of an MSP
    /// with 45 workstations, 4 servers and 1 domain controller, over 36 months, the
    /// cheaper billing, no add-ons, no migration labour.
    fn default() -> Self {
        PricingContext {
            fleet: Fleet {
                workstations: 45,
                servers: 4,
                domain_controllers: 1,
            },
            horizon_months: 36,
            billing: Billing::Any,
            addons: Vec::new(),
            rmm: None,
            migration: None,
            currency: None,
        }
    }
}
