//! The waves: a pilot ring of workstations first, then the rest in the order asked for.
//!
//! The pilot takes `pilot_share` of the workstations to move (rounded up, at least one
//! when there are any and the share is above 0): devices tagged `it` first (their users
//! can report problems well), then standard-value workstations before high-value ones,
//! taken in turn from each site so every site is in the pilot. Then:
//!
//! - `risk-first`: every high-value device (domain controllers, servers, tagged
//!   workstations), then the standard ones;
//! - `blast-radius-first`: standard workstations, high-value workstations, standard
//!   servers, high-value servers, and domain controllers last.
//!
//! Waves with no devices are left out. Inside a wave devices keep the inventory's order.

use std::collections::BTreeMap;

use super::census::high_value;
use super::settings::{Order, PlanSettings};
use crate::dataset::Role;
use crate::inventory::Device;

/// Which devices a wave takes, by index.
type Picks<'a> = &'a dyn Fn(&usize) -> bool;

/// One wave: its name and its devices (indices into the inventory's devices).
#[derive(Debug, Clone, PartialEq)]
pub struct Wave {
    pub name: String,
    pub devices: Vec<usize>,
}

/// Splits the devices to move into waves.
pub fn waves(devices: &[Device], to_move: &[usize], s: &PlanSettings) -> Vec<Wave> {
    let pilot = pilot(devices, to_move, s);
    let rest: Vec<usize> = to_move
        .iter()
        .copied()
        .filter(|i| !pilot.contains(i))
        .collect();
    let hv = |i: &usize| high_value(&devices[*i], s);
    let role = |i: &usize| devices[*i].role;
    let pick = |f: Picks| rest.iter().copied().filter(|i| f(i)).collect();
    let mut out = vec![Wave {
        name: "pilot".into(),
        devices: pilot,
    }];
    match s.order {
        Order::RiskFirst => {
            out.push(Wave {
                name: "high value".into(),
                devices: pick(&|i| hv(i)),
            });
            out.push(Wave {
                name: "standard".into(),
                devices: pick(&|i| !hv(i)),
            });
        }
        Order::BlastRadiusFirst => {
            let ws = Role::Workstation;
            let srv = Role::Server;
            let groups: [(&str, Picks); 5] = [
                ("standard workstations", &|i| role(i) == ws && !hv(i)),
                ("high-value workstations", &|i| role(i) == ws && hv(i)),
                ("standard servers", &|i| role(i) == srv && !hv(i)),
                ("high-value servers", &|i| role(i) == srv && hv(i)),
                ("domain controllers", &|i| role(i) == Role::DomainController),
            ];
            for (name, f) in groups {
                out.push(Wave {
                    name: name.into(),
                    devices: pick(f),
                });
            }
        }
    }
    out.retain(|w| !w.devices.is_empty());
    out
}

/// The pilot ring (see the file's header).
fn pilot(devices: &[Device], to_move: &[usize], s: &PlanSettings) -> Vec<usize> {
    let ws: Vec<usize> = to_move
        .iter()
        .copied()
        .filter(|i| devices[*i].role == Role::Workstation)
        .collect();
    let share = s.pilot_share.clamp(0.0, 1.0);
    let n = ((ws.len() as f64 * share).ceil() as usize).min(ws.len());
    if n == 0 {
        return Vec::new();
    }
    // Candidates by rank (it-tagged, then standard, then high value), each rank taken
    // in turn from each site.
    let rank = |i: usize| {
        let d = &devices[i];
        if d.has_tag("it") {
            0
        } else if high_value(d, s) {
            2
        } else {
            1
        }
    };
    let mut order = Vec::with_capacity(ws.len());
    for r in 0..3 {
        let mut by_site: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
        for &i in ws.iter().filter(|i| rank(**i) == r) {
            let d = &devices[i];
            by_site
                .entry((d.client.as_str(), d.site.as_str()))
                .or_default()
                .push(i);
        }
        let mut queues: Vec<std::collections::VecDeque<usize>> =
            by_site.into_values().map(Into::into).collect();
        while queues.iter().any(|q| !q.is_empty()) {
            for q in &mut queues {
                order.extend(q.pop_front());
            }
        }
    }
    order.truncate(n);
    order.sort_unstable();
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse_date;
    use crate::plan::settings::StartFrom;

    fn d(host: &str, site: &str, role: Role, tags: &[&str]) -> Device {
        Device {
            line: String::new(),
            client: "acme".into(),
            site: site.into(),
            hostname: host.into(),
            role,
            os: None,
            av_product: None,
            av_version: None,
            last_seen: None,
            managed: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    fn settings(order: Order, share: f64) -> PlanSettings {
        let mut s = PlanSettings::new(parse_date("2024-07-01", false).unwrap(), StartFrom::Profile);
        s.order = order;
        s.pilot_share = share;
        s
    }

    fn fleet() -> Vec<Device> {
        vec![
            d("A1", "a", Role::Workstation, &[]),
            d("A2", "a", Role::Workstation, &[]),
            d("A3", "a", Role::Workstation, &["phi"]),
            d("B1", "b", Role::Workstation, &[]),
            d("B2", "b", Role::Workstation, &["it"]),
            d("S1", "a", Role::Server, &[]),
            d("DC", "a", Role::DomainController, &[]),
            d("W1", "b", Role::Server, &["internet-facing"]),
        ]
    }

    #[test]
    fn pilot_takes_it_first_then_spreads_across_sites() {
        let f = fleet();
        let all: Vec<usize> = (0..f.len()).collect();
        // 5 workstations x 0.5 = 2.5, rounded up to 3: B2 (it), then A1 and B1 (one per site).
        let w = waves(&f, &all, &settings(Order::RiskFirst, 0.5));
        assert_eq!(w[0].devices, vec![0, 3, 4]);
        assert_eq!(w[1].name, "high value");
        assert_eq!(w[1].devices, vec![2, 5, 6, 7]);
        assert_eq!(w[2].devices, vec![1]);
    }

    #[test]
    fn blast_radius_first_puts_domain_controllers_last() {
        let f = fleet();
        let all: Vec<usize> = (0..f.len()).collect();
        let w = waves(&f, &all, &settings(Order::BlastRadiusFirst, 0.2));
        let names: Vec<&str> = w.iter().map(|w| w.name.as_str()).collect();
        // No standard server: every server is high value by the default rules.
        assert_eq!(
            names,
            [
                "pilot",
                "standard workstations",
                "high-value workstations",
                "high-value servers",
                "domain controllers"
            ]
        );
        assert_eq!(w[0].devices, vec![4]);
        assert_eq!(w[4].devices, vec![6]);
    }

    #[test]
    fn no_pilot_without_a_share() {
        let f = fleet();
        let all: Vec<usize> = (0..f.len()).collect();
        let w = waves(&f, &all, &settings(Order::RiskFirst, 0.0));
        assert_eq!(w[0].name, "high value");
    }
}
