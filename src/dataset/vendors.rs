//! Reads `vendors`, the one file every dataset needs, and resolves the `vendor` column
//! of the other files against it.

use std::collections::HashMap;

use super::cells::Cells;
use super::table::TextTable;
use super::types::Vendor;
use crate::problem::{suggest, Problem};

/// Vendor ids to their index, for resolving the `vendor` column of other files.
pub type VendorIndex = HashMap<String, usize>;

/// Reads `vendors`.
pub fn read(t: &TextTable) -> Result<Vec<Vendor>, Vec<Problem>> {
    let mut c = Cells::new(
        t,
        &["vendor", "name"],
        &["hq_country", "restrictions", "notes"],
    )?;
    let has_restrictions = t.column_index("restrictions").is_some();
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in 0..t.len() {
        let id = c.slug(r, "vendor", true);
        let name = c.required(r, "name");
        let hq = c.text(r, "hq_country");
        if let Some(h) = hq {
            if h.len() != 2 || !h.bytes().all(|b| b.is_ascii_uppercase()) {
                c.problem(r, "hq_country", format!("`hq_country` is `{h}`, not an ISO 3166 alpha-2 code"), Some("expected two upper-case letters such as `US`, `GB` or `DE`, or an empty cell".into()));
            }
        }
        let restrictions: Option<Vec<String>> = has_restrictions.then(|| {
            c.text(r, "restrictions")
                .map(|s| {
                    s.split(';')
                        .map(str::trim)
                        .filter(|x| !x.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()
        });
        let (Some(id), Some(name)) = (id, name) else {
            continue;
        };
        if let Some(first) = seen.insert(id.to_string(), r) {
            let first = t.describe_row(first);
            c.problem(
                r,
                "vendor",
                format!("duplicate vendor id `{id}` (first on {first})"),
                Some("each vendor appears once in vendors; give each product its own id".into()),
            );
            continue;
        }
        out.push(Vendor {
            id: id.to_string(),
            name: name.to_string(),
            hq_country: hq.map(str::to_string),
            restrictions,
            notes: c.text(r, "notes").map(str::to_string),
        });
    }
    if out.is_empty() && c.problems.is_empty() {
        c.problems.push(
            Problem::file(&t.file, "no vendors listed")
                .hint("add one row per vendor under the header"),
        );
    }
    c.finish(out)
}

/// Resolves the `vendor` column against the vendors file.
pub fn vendor_of(c: &mut Cells, r: usize, index: &VendorIndex) -> Option<usize> {
    let id = c.required(r, "vendor")?;
    match index.get(id) {
        Some(&v) => Some(v),
        None => {
            let hint = suggest(id, index.keys().map(String::as_str))
                .map(|h| format!("{h} add `{id}` to vendors or correct the id"))
                .unwrap_or_else(|| format!("add `{id}` to vendors or correct the id"));
            c.problem(
                r,
                "vendor",
                format!("unknown vendor `{id}` (not in vendors)"),
                Some(hint),
            );
            None
        }
    }
}
