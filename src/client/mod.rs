//! Client profiles (`clients/<name>.toml`): one client's fleet, tools, contract,
//! migration assumptions, constraints and weight overrides.
//!
//! A profile turns into a `PricingContext` (so prices are for that fleet) and is applied
//! to a criteria file: constraints add gates, overrides replace weights. Every problem
//! is reported with the profile's file, line and column. Format: docs/clients.md.
//!
//! `raw` mirrors the TOML, `parse` validates it into a `Profile` (`profile`, which also
//! applies it to a criteria file; `plan` checks the `[plan]` table); this file finds and
//! loads one.

mod parse;
mod plan;
mod profile;
mod raw;

use std::path::{Path, PathBuf};

use crate::problem::{backticks, render_all, Problem};

pub use parse::parse;
pub use plan::PlanProfile;
pub use profile::{Profile, CONSTRAINTS, COUNTRIES_OF_CONCERN, KNOWN_PSA, KNOWN_RMM};

/// Errors of loading a profile.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("client profile `{given}` not found\n  hint: {}pass a file, or a profile's name: {} (`vendorscore list` shows them)", crate::problem::closest(.given, .available.iter().map(String::as_str)).first().map_or(String::new(), |c| format!("did you mean `{c}`? ")), backticks(.available))]
    NotFound {
        given: String,
        available: Vec<String>,
    },
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", render_all(.problems))]
    Invalid { problems: Vec<Problem> },
}

/// The profile file `--client` names: the path given when it is a file, else
/// `clients/<name>.toml`; `None` when neither exists.
pub fn find(given: &Path) -> Option<PathBuf> {
    let by_name = Path::new("clients").join(given).with_extension("toml");
    if given.is_file() {
        Some(given.to_path_buf())
    } else if by_name.is_file() {
        Some(by_name)
    } else {
        None
    }
}

/// Finds a profile by path, or by name under `clients/`, and loads it.
pub fn load(given: &Path) -> Result<Profile, ClientError> {
    let path = if let Some(path) = find(given) {
        path
    } else if let Some(f) = crate::embedded::client_file(given) {
        return parse(f.label, f.text).map_err(|problems| ClientError::Invalid { problems });
    } else {
        let mut available: Vec<String> = std::fs::read_dir("clients")
            .map(|d| {
                d.filter_map(|e| {
                    e.ok()?
                        .path()
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                })
                .collect()
            })
            .unwrap_or_default();
        available.extend(crate::embedded::CLIENTS.iter().map(|c| c.name.to_string()));
        available.sort();
        available.dedup();
        return Err(ClientError::NotFound {
            given: given.display().to_string(),
            available,
        });
    };
    let bytes = std::fs::read(&path).map_err(|source| ClientError::Io {
        path: path.clone(),
        source,
    })?;
    let file = path.display().to_string();
    let text = crate::problem::utf8(&file, &bytes)
        .map_err(|p| ClientError::Invalid { problems: vec![p] })?;
    parse(&file, text).map_err(|problems| ClientError::Invalid { problems })
}
