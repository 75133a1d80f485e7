//! What must move: each device of the inventory sorted into what the plan does with it.
//! A device whose antivirus is a Kaspersky product (by the product list) must move; of
//! those, a device not seen for more than `stale_days` before the start is stale and
//! kept apart (is it still there?). Devices with no antivirus and devices the RMM does
//! not manage are flagged. Counts by client, site, role and product family.

use std::collections::BTreeMap;

use super::settings::PlanSettings;
use crate::dataset::Role;
use crate::inventory::{Device, Products};

/// Every device's place in the plan, by index into the inventory's devices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Census {
    /// On Kaspersky and seen recently: these are planned.
    pub to_move: Vec<usize>,
    /// On Kaspersky but stale: shown apart, not planned.
    pub stale: Vec<usize>,
    /// Devices with no antivirus at all.
    pub no_antivirus: Vec<usize>,
    /// Devices the RMM does not manage (`managed` false), whatever their antivirus.
    pub unmanaged: Vec<usize>,
    /// Devices on another product.
    pub other_antivirus: usize,
    /// All devices.
    pub devices: usize,
    /// Kaspersky devices (stale ones too) by client.
    pub by_client: BTreeMap<String, usize>,
    /// Kaspersky devices by (client, site).
    pub by_site: BTreeMap<(String, String), usize>,
    /// Kaspersky devices by role: workstations, servers, domain controllers.
    pub by_role: [usize; 3],
    /// Kaspersky devices by product family.
    pub by_family: BTreeMap<String, usize>,
}

/// Index of a role in [`Census::by_role`].
pub fn role_index(role: Role) -> usize {
    match role {
        Role::Workstation => 0,
        Role::Server => 1,
        Role::DomainController => 2,
    }
}

/// Sorts the devices.
pub fn census(devices: &[Device], products: &Products, s: &PlanSettings) -> Census {
    let mut c = Census {
        devices: devices.len(),
        ..Census::default()
    };
    let stale_before = s.start.days() - i64::from(s.stale_days);
    for (i, d) in devices.iter().enumerate() {
        if d.managed == Some(false) {
            c.unmanaged.push(i);
        }
        let Some(product) = d.av_product.as_deref() else {
            c.no_antivirus.push(i);
            continue;
        };
        let Some(family) = products.family(product) else {
            c.other_antivirus += 1;
            continue;
        };
        *c.by_client.entry(d.client.clone()).or_default() += 1;
        *c.by_site
            .entry((d.client.clone(), d.site.clone()))
            .or_default() += 1;
        c.by_role[role_index(d.role)] += 1;
        *c.by_family.entry(family.to_string()).or_default() += 1;
        if d.last_seen.is_some_and(|seen| seen.days() < stale_before) {
            c.stale.push(i);
        } else {
            c.to_move.push(i);
        }
    }
    c
}

/// Whether a device is high value by the rules: its role, or a tag of sensitive data or
/// exposure (docs/plan.md).
pub fn high_value(d: &Device, s: &PlanSettings) -> bool {
    s.high_value_roles.contains(&d.role) || s.high_value_tags.iter().any(|t| d.has_tag(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse_date;
    use crate::plan::settings::StartFrom;

    fn device(host: &str, role: Role, av: Option<&str>, seen: &str, tags: &[&str]) -> Device {
        Device {
            line: String::new(),
            client: "acme".into(),
            site: "hq".into(),
            hostname: host.into(),
            role,
            os: None,
            av_product: av.map(str::to_string),
            av_version: None,
            last_seen: parse_date(seen, false),
            managed: Some(host != "UNMANAGED"),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn sorts_devices_and_counts_kaspersky_ones() {
        let s = PlanSettings::new(parse_date("2024-07-01", false).unwrap(), StartFrom::Profile);
        let kes = Some("Kaspersky Endpoint Security for Windows");
        let devices = vec![
            device("WS1", Role::Workstation, kes, "2024-06-30", &[]),
            // Exactly 30 days before the start is not stale; 31 is.
            device("WS2", Role::Workstation, kes, "2024-06-01", &[]),
            device("WS3", Role::Workstation, kes, "2024-05-31", &[]),
            device(
                "SRV",
                Role::Server,
                Some("KASPERSKY SECURITY FOR WINDOWS SERVER"),
                "",
                &[],
            ),
            device("NOAV", Role::Workstation, None, "2024-06-30", &[]),
            device(
                "UNMANAGED",
                Role::Workstation,
                Some("Microsoft Defender Antivirus"),
                "2024-06-30",
                &[],
            ),
        ];
        let c = census(&devices, &crate::inventory::Products::built_in(), &s);
        assert_eq!(c.to_move, vec![0, 1, 3]);
        assert_eq!(c.stale, vec![2]);
        assert_eq!(c.no_antivirus, vec![4]);
        assert_eq!(c.unmanaged, vec![5]);
        assert_eq!(c.other_antivirus, 1);
        assert_eq!(c.by_role, [3, 1, 0]);
        assert_eq!(c.by_client["acme"], 4);
        assert_eq!(c.by_family["Kaspersky Endpoint Security"], 3);
    }

    #[test]
    fn high_value_by_role_and_tag() {
        let s = PlanSettings::new(parse_date("2024-07-01", false).unwrap(), StartFrom::Profile);
        assert!(high_value(
            &device("DC", Role::DomainController, None, "", &[]),
            &s
        ));
        assert!(high_value(&device("S", Role::Server, None, "", &[]), &s));
        assert!(high_value(
            &device("W", Role::Workstation, None, "", &["pci"]),
            &s
        ));
        assert!(high_value(
            &device("W", Role::Workstation, None, "", &["internet-facing"]),
            &s
        ));
        assert!(!high_value(
            &device("W", Role::Workstation, None, "", &["vip", "it"]),
            &s
        ));
    }
}
