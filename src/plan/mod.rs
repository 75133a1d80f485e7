//! `vendorscore plan`: from a client's device inventory to dated waves that beat the
//! deadline.
//!
//! `census` sorts the devices (what must move, what is stale, unmanaged or without
//! antivirus, counts), `waves` splits what must move into a pilot ring and waves in the
//! order asked for (high value by the rules of `census::high_value`), `schedule` places
//! every device on a day by the calendar and the technicians' hours, and `deadline`
//! checks the last day against the deadline and, when it misses, plans again to find
//! the fewest technicians that make it. `progress` reads a later export against a plan
//! and plans what is left again. `settings` holds the inputs and their defaults;
//! `error` why no plan can be made. The rules and the arithmetic: docs/plan.md.

pub mod census;
pub mod deadline;
mod error;
pub mod progress;
pub mod schedule;
pub mod settings;
pub mod waves;

pub use census::Census;
pub use deadline::DeadlineCheck;
pub use error::PlanError;
pub use schedule::{Schedule, Visit, Window};
pub use settings::{Order, PlanSettings, StartFrom};
pub use waves::Wave;

use crate::inventory::{Inventory, Products};

/// A migration plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub settings: PlanSettings,
    pub census: Census,
    pub waves: Vec<Wave>,
    pub schedule: Schedule,
    pub deadline: DeadlineCheck,
}

impl Plan {
    /// Whether there is nothing to migrate (no Kaspersky device that is not stale).
    pub fn nothing_to_move(&self) -> bool {
        self.census.to_move.is_empty()
    }
}

/// Plans the migration of `inventory`'s Kaspersky devices.
pub fn plan(
    inventory: &Inventory,
    products: &Products,
    settings: PlanSettings,
) -> Result<Plan, PlanError> {
    let devices = &inventory.devices;
    let census = census::census(devices, products, &settings);
    let waves = waves::waves(devices, &census.to_move, &settings);
    let schedule = schedule::schedule(devices, &waves, &settings)?;
    let deadline = deadline::check(devices, &waves, &schedule, &settings)?;
    Ok(Plan {
        settings,
        census,
        waves,
        schedule,
        deadline,
    })
}

#[cfg(test)]
mod tests;
