//! Why no plan can be made: a window that never opens, a device longer than a day, a
//! plan that never ends.

use crate::dataset::Date;

/// Errors of planning a valid inventory.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error("`{device}` needs {what}, and none ever opens\n  hint: give the client profile's `[plan]` `working_days` (workstations) or `window_days` (servers) at least one day, and `hours_per_day` or `window_hours` above 0")]
    NeverOpens { what: String, device: String },
    #[error("`{device}` takes {hours} h in one visit, longer than {what} of {available} h\n  hint: a device is swapped in one visit; raise `hours_per_day` or `window_hours` in the profile's `[plan]`, or lower the hours per device")]
    DoesNotFit {
        device: String,
        hours: f64,
        what: String,
        available: f64,
    },
    #[error("the plan does not finish within ten years of {start}\n  hint: check the blackout dates and the working days in the profile's `[plan]`")]
    TooLong { start: Date },
}
