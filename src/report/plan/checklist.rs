//! The plan's checklist for the weeks of the migration: the compensating controls (MFA,
//! immutable backups, segmentation, closer monitoring) and the fallback between the
//! Kaspersky uninstall and the new install (Microsoft Defender Antivirus, which Windows
//! Server does not turn back on by itself). The items are data, `controls/migration.toml`,
//! built into the binary; an item may show only when the plan has devices of a kind
//! (`when`), and its text names their count (`{windows_servers}` is "3 servers and domain
//! controllers"). docs/plan.md describes the format.

use serde::{Deserialize, Serialize};

use crate::dataset::Role;
use crate::inventory::Device;
use crate::plan::census::high_value;
use crate::plan::Plan;
use crate::problem::Problem;

/// What the items are tailored with: counts of the devices the plan moves (stale and
/// no antivirus: of the inventory), the deadline and the soak.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub devices: usize,
    pub workstations: usize,
    pub servers: usize,
    pub domain_controllers: usize,
    pub unmanaged: usize,
    pub high_value: usize,
    pub stale: usize,
    pub no_antivirus: usize,
    pub deadline: String,
    pub soak_days: u32,
}

/// The names a `when` or a `{name}` in a text may use, each with its noun (one, many).
const COUNTS: [(&str, &str, &str); 9] = [
    ("devices", "device", "devices"),
    ("workstations", "workstation", "workstations"),
    ("servers", "server", "servers"),
    (
        "domain_controllers",
        "domain controller",
        "domain controllers",
    ),
    (
        "windows_servers",
        "server or domain controller",
        "servers and domain controllers",
    ),
    ("unmanaged", "device", "devices"),
    ("high_value", "device", "devices"),
    ("stale", "device", "devices"),
    ("no_antivirus", "device", "devices"),
];

impl Tally {
    /// The count called `name` in [`COUNTS`].
    fn count(&self, name: &str) -> Option<usize> {
        Some(match name {
            "devices" => self.devices,
            "workstations" => self.workstations,
            "servers" => self.servers,
            "domain_controllers" => self.domain_controllers,
            "windows_servers" => self.servers + self.domain_controllers,
            "unmanaged" => self.unmanaged,
            "high_value" => self.high_value,
            "stale" => self.stale,
            "no_antivirus" => self.no_antivirus,
            _ => return None,
        })
    }

    /// The text a `{name}` stands for: a count with its noun, the deadline, or the soak.
    fn fill(&self, name: &str) -> Option<String> {
        let with_noun =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match name {
            "deadline" => Some(self.deadline.clone()),
            "soak_days" => Some(with_noun(self.soak_days as usize, "day", "days")),
            _ => {
                let (_, one, many) = COUNTS.iter().find(|c| c.0 == name)?;
                Some(with_noun(self.count(name)?, one, many))
            }
        }
    }
}

/// Which part of the checklist an item is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// Compensating controls while the migration runs.
    Controls,
    /// What protects a device between the uninstall and the install.
    Fallback,
}

impl Group {
    /// The group's heading in the plan's document.
    pub fn heading(self) -> &'static str {
        match self {
            Group::Controls => "Compensating controls during the migration",
            Group::Fallback => "Fallback between the uninstall and the install",
        }
    }
}

/// One item of the checklist as the plan shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub group: Group,
    pub text: String,
}

/// An item as the file holds it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    group: Group,
    #[serde(default)]
    when: Option<String>,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    #[serde(default)]
    item: Vec<RawItem>,
}

/// The `{name}`s of a text.
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

/// Parses a checklist file; `file` is how it is shown in messages. A `when` or `{name}`
/// that names no count is an error.
pub fn parse(file: &str, text: &str) -> Result<Vec<RawItem>, Problem> {
    let hint = "each item is `[[item]]` with `group` (`controls` or `fallback`), `text` and an optional `when`; see controls/migration.toml";
    let raw: RawChecklist =
        toml::from_str(text).map_err(|e| crate::problem::toml_problem(file, text, &e, hint))?;
    let probe = Tally::default();
    for item in &raw.item {
        let names = item.when.iter().map(String::as_str);
        for name in names.chain(placeholders(&item.text)) {
            let known = probe.fill(name).is_some();
            let in_when = item.when.as_deref() == Some(name);
            if !known || (in_when && probe.count(name).is_none()) {
                let counts: Vec<&str> = COUNTS.iter().map(|c| c.0).collect();
                return Err(
                    Problem::file(file, format!("`{name}` is not a count of the plan"))
                        .hint(format!("use one of {}", counts.join(", "))),
                );
            }
        }
    }
    Ok(raw.item)
}

/// The shipped checklist, `controls/migration.toml`.
pub fn built_in() -> Vec<RawItem> {
    let f = &crate::embedded::CONTROLS;
    // The shipped file is checked by a test; an unreadable copy gives no items.
    parse(f.label, f.text).unwrap_or_default()
}

/// The counts the checklist is tailored with: the devices the plan moves, by role, and
/// those kept out.
pub fn tally(plan: &Plan, devices: &[Device]) -> Tally {
    let s = &plan.settings;
    let c = &plan.census;
    let moved = || c.to_move.iter().map(|i| &devices[*i]);
    let role = |r: Role| moved().filter(|d| d.role == r).count();
    Tally {
        devices: c.to_move.len(),
        workstations: role(Role::Workstation),
        servers: role(Role::Server),
        domain_controllers: role(Role::DomainController),
        unmanaged: moved().filter(|d| d.managed == Some(false)).count(),
        high_value: moved().filter(|d| high_value(d, s)).count(),
        stale: c.stale.len(),
        no_antivirus: c.no_antivirus.len(),
        deadline: s.deadline.to_string(),
        soak_days: s.soak_days,
    }
}

/// The items that apply to the plan, their counts filled in, in the file's order.
pub fn checklist(items: &[RawItem], t: &Tally) -> Vec<Item> {
    items
        .iter()
        .filter(|i| i.when.as_deref().is_none_or(|w| t.count(w) > Some(0)))
        .map(|i| {
            let mut text = i.text.clone();
            for name in placeholders(&i.text) {
                if let Some(value) = t.fill(name) {
                    text = text.replace(&format!("{{{name}}}"), &value);
                }
            }
            Item {
                group: i.group,
                text,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(servers: usize, domain_controllers: usize) -> Tally {
        Tally {
            devices: 10 + servers + domain_controllers,
            workstations: 10,
            servers,
            domain_controllers,
            deadline: "2024-09-29".into(),
            soak_days: 14,
            ..Tally::default()
        }
    }

    #[test]
    fn the_shipped_file_parses_and_covers_each_control() {
        let f = &crate::embedded::CONTROLS;
        let items = parse(f.label, f.text).unwrap();
        let all = checklist(&items, &tally(0, 0)).into_iter().map(|i| i.text);
        let all: String = all.collect::<Vec<_>>().join("\n");
        for word in [
            "Multi-factor",
            "Immutable",
            "segmentation",
            "monitoring",
            "Defender",
        ] {
            assert!(all.contains(word), "{word}");
        }
        assert!(all.contains("(14 days after each wave)"), "{all}");
        assert!(!all.contains('{'), "{all}");
    }

    #[test]
    fn the_windows_server_item_shows_only_with_servers_and_counts_them() {
        let items = built_in();
        let server = |t: &Tally| {
            checklist(&items, t)
                .into_iter()
                .filter(|i| i.text.contains("On Windows Server"))
                .collect::<Vec<_>>()
        };
        assert!(server(&tally(0, 0)).is_empty());
        let one = server(&tally(1, 0));
        assert_eq!(one.len(), 1);
        assert!(one[0]
            .text
            .contains("(1 server or domain controller in this plan)"));
        assert_eq!(one[0].group, Group::Fallback);
        let many = server(&tally(3, 2));
        assert!(many[0]
            .text
            .contains("(5 servers and domain controllers in this plan)"));
        let dcs = |t: &Tally| {
            checklist(&items, t).iter().any(|i| {
                i.text
                    .starts_with("Domain controllers (2 domain controllers in this plan)")
            })
        };
        assert!(dcs(&tally(3, 2)) && !dcs(&tally(3, 0)));
    }

    #[test]
    fn unknown_names_are_refused() {
        let bad = "[[item]]\ngroup = \"controls\"\nwhen = \"printers\"\ntext = \"x\"\n";
        let p = parse("c.toml", bad).unwrap_err();
        assert!(p.message.contains("`printers`"), "{p:?}");
        let bad = "[[item]]\ngroup = \"controls\"\ntext = \"{deadline} and {toasters}\"\n";
        assert!(parse("c.toml", bad)
            .unwrap_err()
            .message
            .contains("`toasters`"));
        // `deadline` is text, not a count: no `when` on it.
        let bad = "[[item]]\ngroup = \"controls\"\nwhen = \"deadline\"\ntext = \"x\"\n";
        assert!(parse("c.toml", bad).is_err());
        let bad = "[[item]]\ngroup = \"later\"\ntext = \"x\"\n";
        assert!(parse("c.toml", bad).is_err());
    }
}
