//! Migration labour: the one definition of the hours the TCO charges and the migration
//! plan schedules (docs/cost.md, docs/plan.md).
//!
//! Hours = each device to move x `hours_per_endpoint` x the deployment factor (x1 when
//! the product deploys from the client's RMM, x `partial_deploy_factor` when partly, x
//! `manual_deploy_factor` when not, untested or not checked), a device the RMM does not
//! manage always at the manual factor (hands on it); plus `exclusions` x
//! `hours_per_exclusion` to rebuild exclusions and policies by hand, once. The devices
//! to move are the migration plan's when the client has an inventory
//! (`PlannedDevices`), else every endpoint of the fleet, taken as managed.

use super::{Migration, PricingContext};

/// The multiplier of `hours_per_endpoint` for a managed device, by the vendor's
/// `deploy` result on the client's RMM: 1 pass, 0.5 partial, 0 fail, `None` untested.
pub fn deploy_factor(m: &Migration, deploy: Option<f64>) -> f64 {
    match deploy {
        Some(s) if s >= 1.0 => 1.0,
        Some(s) if s >= 0.5 => m.partial_deploy_factor,
        _ => m.manual_deploy_factor,
    }
}

/// The migration items of a quote, each its description and hours: deploying the
/// devices, and the policy rebuild.
pub fn items(m: &Migration, deploy: Option<f64>, ctx: &PricingContext) -> Vec<(String, f64)> {
    let factor = deploy_factor(m, deploy);
    let how = match (deploy, &ctx.rmm) {
        (_, None) => "no client RMM given, manual".to_string(),
        (Some(s), Some(r)) if s >= 1.0 => format!("deploys from `{r}`"),
        (Some(s), Some(r)) if s >= 0.5 => {
            format!("partly deploys from `{r}`, x{}", m.partial_deploy_factor)
        }
        (_, Some(r)) => format!(
            "does not deploy from `{r}`, manual x{}",
            m.manual_deploy_factor
        ),
    };
    let line = |description: String, hours: f64| (description, hours);
    let each = m.hours_per_endpoint * factor;
    let mut out = Vec::new();
    match m.planned {
        None => {
            let n = ctx.fleet.endpoints();
            out.push(line(
                format!("deploy {n} endpoints at {} h each ({how})", round(each)),
                n as f64 * each,
            ));
        }
        Some(p) => {
            out.push(line(
                format!(
                    "deploy {} managed devices from the migration plan at {} h each ({how})",
                    p.managed,
                    round(each)
                ),
                p.managed as f64 * each,
            ));
            if p.unmanaged > 0 {
                let hands_on = m.hours_per_endpoint * m.manual_deploy_factor;
                out.push(line(
                    format!(
                        "deploy {} unmanaged devices from the migration plan at {} h each (no RMM agent, manual x{})",
                        p.unmanaged,
                        round(hands_on),
                        m.manual_deploy_factor
                    ),
                    p.unmanaged as f64 * hands_on,
                ));
            }
        }
    }
    out.push(line(
        format!(
            "rebuild {} exclusions and policies at {} h each",
            m.exclusions, m.hours_per_exclusion
        ),
        m.exclusions as f64 * m.hours_per_exclusion,
    ));
    out
}

/// Hours as written in a line: at most four decimals (0.6, not 0.6000000000000001).
fn round(h: f64) -> f64 {
    (h * 10_000.0).round() / 10_000.0
}
