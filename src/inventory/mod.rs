//! A client's device inventory: one row a device, from the client's RMM export, as CSV
//! or Parquet, read through the evidence files' reader (`dataset::TextTable`, cells
//! checked by `dataset::Cells`) so every problem is reported at once with its file, line
//! and column.
//!
//! The generic format's columns are [`COLUMNS`]; a real export is read through a column
//! mapping (`mapping.rs`: renames and value translations; NinjaOne, Datto RMM and
//! ConnectWise Automate are built in). `read.rs` turns the rows into [`Device`]s,
//! `products.rs` says which antivirus products are Kaspersky's; `types.rs` holds the
//! device, the inventory and the error. Format: docs/plan.md.

mod mapping;
mod products;
mod read;
mod types;

use std::path::Path;

pub use mapping::Mapping;
pub use products::{Family, Products};
pub use read::parse_last_seen;
pub use types::{Device, Inventory, InventoryError, COLUMNS, REQUIRED};

use crate::dataset::{Format, TextTable};

/// Reads an inventory file (`.parquet` is Parquet, `.xlsx` and `.ods` workbooks, anything
/// else CSV) through
/// `mapping`; `client` names the devices of an export without a `client` column.
pub fn load(path: &Path, mapping: &Mapping, client: &str) -> Result<Inventory, InventoryError> {
    let bytes = std::fs::read(path).map_err(|source| InventoryError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let format = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(crate::dataset::format_of)
        .unwrap_or(Format::Csv);
    read(&path.display().to_string(), format, bytes, mapping, client)
}

/// Reads an inventory's bytes; `file` is how it is shown in messages.
pub fn read(
    file: &str,
    format: Format,
    bytes: Vec<u8>,
    mapping: &Mapping,
    client: &str,
) -> Result<Inventory, InventoryError> {
    let invalid = |problems| InventoryError::Invalid { problems };
    let mut table = TextTable::read(file, format, bytes).map_err(|p| invalid(vec![p]))?;
    mapping.rename(&mut table).map_err(invalid)?;
    let devices = read::devices(&table, mapping, client).map_err(invalid)?;
    Ok(Inventory {
        file: file.to_string(),
        mapping: (!mapping.name.is_empty()).then(|| mapping.name.clone()),
        devices,
    })
}

#[cfg(test)]
mod tests;
