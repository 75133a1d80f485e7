//! The inventory's columns, a device, a read inventory, and the error of reading one.

use std::path::PathBuf;

use crate::dataset::{Date, Role};
use crate::problem::{backticks, render_all, Problem};

/// The columns of the generic format, in the order a file lists them.
pub const COLUMNS: [&str; 10] = [
    "client",
    "site",
    "hostname",
    "role",
    "os",
    "av_product",
    "av_version",
    "last_seen",
    "managed",
    "tags",
];

/// The columns every inventory needs.
pub const REQUIRED: [&str; 2] = ["hostname", "role"];

/// One device of an inventory.
#[derive(Debug, Clone, PartialEq)]
pub struct Device {
    /// Where its row is (`line 12`, `row 11`), for messages.
    pub line: String,
    pub client: String,
    /// Empty when the export has no site.
    pub site: String,
    pub hostname: String,
    pub role: Role,
    pub os: Option<String>,
    /// The antivirus the RMM reports; `None`: none.
    pub av_product: Option<String>,
    pub av_version: Option<String>,
    pub last_seen: Option<Date>,
    /// Whether the RMM agent manages it; `None`: not said.
    pub managed: Option<bool>,
    /// Lower-case tags such as `phi`, `pci`, `internet-facing`, `vip`, `it`.
    pub tags: Vec<String>,
}

impl Device {
    /// Whether the device carries `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

/// A read inventory.
#[derive(Debug, Clone, PartialEq)]
pub struct Inventory {
    /// The file as shown to the user.
    pub file: String,
    /// The mapping's name, when one was used.
    pub mapping: Option<String>,
    pub devices: Vec<Device>,
}

/// Errors of reading an inventory or a mapping.
#[derive(Debug, thiserror::Error)]
pub enum InventoryError {
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no mapping `{given}`\n  hint: pass a mapping file, or a built-in mapping's name: {}", backticks(.available))]
    NoMapping {
        given: String,
        available: Vec<String>,
    },
    #[error("{}", render_all(.problems))]
    Invalid { problems: Vec<Problem> },
}
