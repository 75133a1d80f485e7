//! A column mapping: how one RMM's device export names the inventory's columns and
//! spells its values. A mapping is a small TOML file (`mappings/<name>.toml`, or any
//! file): `[columns]` gives, for each inventory column, the export's column, and
//! `[values.<column>]` translates the export's values (`"Domain Controller" =
//! "domain_controller"`). Applied to a table read from the export, it renames the
//! columns in place; a mapped column the export lacks is a problem naming the closest
//! column there is. Format: docs/plan.md.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::types::{InventoryError, COLUMNS};
use crate::dataset::TextTable;
use crate::problem::{backticks, line_column, suggest, Location, Problem};

/// A validated column mapping.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mapping {
    /// The file as shown in messages.
    pub file: String,
    /// Shown in outputs, e.g. `NinjaOne`.
    pub name: String,
    /// (inventory column, export column, where in the mapping file).
    pub columns: Vec<(&'static str, String, Location)>,
    /// Inventory column -> (export value -> inventory value).
    pub values: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    name: String,
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    columns: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    values: BTreeMap<String, Spanned<BTreeMap<String, String>>>,
}

impl Mapping {
    /// Parses a mapping's text; `file` is how it is shown in messages.
    pub fn parse(file: &str, text: &str) -> Result<Mapping, Vec<Problem>> {
        let raw: RawMapping = toml::from_str(text).map_err(|e| {
            vec![crate::problem::toml_problem(
                file,
                text,
                &e,
                "see docs/plan.md and mappings/*.toml for the format",
            )]
        })?;
        let mut problems = Vec::new();
        let at = |offset: usize| {
            let (line, column) = line_column(text, offset);
            Location::Line {
                line,
                column: Some(column),
            }
        };
        let mut columns = Vec::new();
        for (ours, theirs) in &raw.columns {
            match COLUMNS.iter().find(|c| **c == ours.as_str()) {
                Some(c) => columns.push((*c, theirs.get_ref().clone(), at(theirs.span().start))),
                None => problems.push(unknown_column(file, at(theirs.span().start), ours)),
            }
        }
        let mut values = BTreeMap::new();
        for (ours, table) in raw.values {
            if !COLUMNS.contains(&ours.as_str()) {
                problems.push(unknown_column(file, at(table.span().start), &ours));
                continue;
            }
            values.insert(ours, table.into_inner());
        }
        if problems.is_empty() {
            Ok(Mapping {
                file: file.to_string(),
                name: raw.name,
                columns,
                values,
            })
        } else {
            Err(problems)
        }
    }

    /// The mapping `given` names: a file on disk, else a built-in mapping by name.
    pub fn load(given: &Path) -> Result<Mapping, InventoryError> {
        if given.is_file() {
            let file = given.display().to_string();
            let bytes = std::fs::read(given).map_err(|source| InventoryError::Io {
                path: given.to_path_buf(),
                source,
            })?;
            let text = crate::problem::utf8(&file, &bytes)
                .map_err(|p| InventoryError::Invalid { problems: vec![p] })?;
            return Mapping::parse(&file, text)
                .map_err(|problems| InventoryError::Invalid { problems });
        }
        let name = given.to_string_lossy();
        let stem = name.strip_suffix(".toml").unwrap_or(&name);
        let stem = stem.strip_prefix("mappings/").unwrap_or(stem);
        match crate::embedded::MAPPINGS.iter().find(|m| m.name == stem) {
            Some(m) => Mapping::parse(m.label, m.text)
                .map_err(|problems| InventoryError::Invalid { problems }),
            None => Err(InventoryError::NoMapping {
                given: name.into_owned(),
                available: crate::embedded::MAPPINGS
                    .iter()
                    .map(|m| m.name.to_string())
                    .collect(),
            }),
        }
    }

    /// Renames the export's columns of `table` to the inventory's; every mapped column
    /// the export lacks is a problem naming the closest column it has.
    pub fn rename(&self, table: &mut TextTable) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        let mut renames = Vec::new();
        for (ours, theirs, at) in &self.columns {
            match table.headers.iter().position(|h| h == theirs) {
                Some(i) => renames.push((i, *ours)),
                None => {
                    let close =
                        crate::problem::closest(theirs, table.headers.iter().map(String::as_str));
                    let hint = match close.first() {
                        Some(c) => format!("did you mean `{c}`? Edit `{ours} = \"{c}\"` in the mapping, or export that column"),
                        None => format!("the export's columns are {}; edit the mapping's `[columns]` to match", backticks(&table.headers)),
                    };
                    problems.push(
                        Problem::at(
                            &self.file,
                            at.clone(),
                            format!(
                                "the mapping reads `{ours}` from column `{theirs}`, which `{}` does not have",
                                table.file
                            ),
                        )
                        .hint(hint),
                    );
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        for (i, ours) in renames {
            table.headers[i] = ours.to_string();
        }
        Ok(())
    }

    /// The inventory's spelling of an export's value of `column`: the mapping's
    /// translation (exact, then ignoring letter case), else the value itself.
    pub fn translate<'a>(&'a self, column: &str, value: &'a str) -> &'a str {
        let Some(table) = self.values.get(column) else {
            return value;
        };
        table
            .get(value)
            .or_else(|| {
                table
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(value))
                    .map(|(_, v)| v)
            })
            .map_or(value, String::as_str)
    }
}

fn unknown_column(file: &str, at: Location, name: &str) -> Problem {
    Problem::at(file, at, format!("`{name}` is not an inventory column")).hint(
        suggest(name, COLUMNS.iter().copied())
            .unwrap_or_else(|| format!("the columns are {}", backticks(&COLUMNS))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_mapping_parses() {
        for m in crate::embedded::MAPPINGS {
            let parsed = Mapping::parse(m.label, m.text).unwrap_or_else(|p| panic!("{p:?}"));
            assert!(
                parsed.columns.iter().any(|c| c.0 == "hostname"),
                "{}",
                m.name
            );
            assert!(parsed.columns.iter().any(|c| c.0 == "role"), "{}", m.name);
        }
    }

    #[test]
    fn unknown_columns_are_named_with_their_line() {
        let text = "name = \"x\"\n[columns]\nhostnme = \"Name\"\n";
        let p = Mapping::parse("m.toml", text).unwrap_err();
        assert_eq!(
            p[0].to_string().lines().next().unwrap(),
            "m.toml:3:11: `hostnme` is not an inventory column"
        );
        assert!(p[0].hint.as_deref().unwrap().contains("`hostname`"));
    }

    #[test]
    fn values_translate_exactly_then_ignoring_case() {
        let text = "name = \"x\"\n[values.role]\n\"Domain Controller\" = \"domain_controller\"\n";
        let m = Mapping::parse("m.toml", text).unwrap();
        assert_eq!(
            m.translate("role", "Domain Controller"),
            "domain_controller"
        );
        assert_eq!(
            m.translate("role", "DOMAIN CONTROLLER"),
            "domain_controller"
        );
        assert_eq!(m.translate("role", "Server"), "Server");
        assert_eq!(m.translate("os", "Server"), "Server");
    }
}
