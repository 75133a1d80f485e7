//! Reads an inventory's rows: one device a row, each cell checked where it is read (the
//! evidence files' cell checks, `dataset::Cells`), values translated by the mapping, and
//! every problem kept with its line and column. Two rows of one client with the same
//! hostname are a problem on the later row naming the first.

use std::collections::HashMap;

use super::mapping::Mapping;
use super::types::{Device, COLUMNS, REQUIRED};
use crate::dataset::{parse_date, Cells, Date, Role, TextTable};
use crate::problem::{backticks, Problem};

/// Reads every row of `t`; `client` names the devices of an export without a `client`
/// column.
pub fn devices(
    t: &TextTable,
    mapping: &Mapping,
    client: &str,
) -> Result<Vec<Device>, Vec<Problem>> {
    let optional: Vec<&'static str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !REQUIRED.contains(c))
        .collect();
    let mut c = Cells::new(t, &REQUIRED, &optional)?;
    let mut out = Vec::with_capacity(t.len());
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for r in 0..t.len() {
        let hostname = c.required(r, "hostname").map(str::to_string);
        let role = role(&mut c, r, mapping);
        let client = text(&c, r, "client", mapping).unwrap_or(client).to_string();
        let last_seen = last_seen(&mut c, r);
        let managed = managed(&mut c, r, mapping);
        let Some(hostname) = hostname else {
            continue;
        };
        let key = (client.clone(), hostname.to_lowercase());
        if let Some(first) = seen.insert(key, r) {
            let first = t.describe_row(first);
            c.problem(
                r,
                "hostname",
                format!("duplicate hostname `{hostname}` for client `{client}` (first on {first})"),
                Some("one row a device: a re-imaged machine often leaves its old record; remove the stale row, or rename one device".into()),
            );
            continue;
        }
        let Some(role) = role else {
            continue;
        };
        out.push(Device {
            line: t.describe_row(r),
            client,
            site: text(&c, r, "site", mapping).unwrap_or("").to_string(),
            hostname,
            role,
            os: text(&c, r, "os", mapping).map(str::to_string),
            av_product: text(&c, r, "av_product", mapping).map(str::to_string),
            av_version: text(&c, r, "av_version", mapping).map(str::to_string),
            last_seen,
            managed,
            tags: tags(text(&c, r, "tags", mapping)),
        });
    }
    c.finish(out)
}

/// A cell's text after the mapping's translation; `None` when empty.
fn text<'a>(c: &Cells<'a>, r: usize, column: &str, mapping: &'a Mapping) -> Option<&'a str> {
    let v = mapping.translate(column, c.text(r, column)?);
    (!v.trim().is_empty()).then_some(v.trim())
}

/// The role, after the mapping and then by its name written loosely
/// (`Domain Controller`, `SERVER`); an unknown one is a problem pointing at the mapping.
fn role(c: &mut Cells, r: usize, mapping: &Mapping) -> Option<Role> {
    let Some(raw) = c.text(r, "role") else {
        c.required(r, "role");
        return None;
    };
    let value = mapping.translate("role", raw);
    let folded = value.trim().to_lowercase().replace([' ', '-'], "_");
    if let Some(role) = Role::from_name(&folded) {
        return Some(role);
    }
    let table = if mapping.name.is_empty() {
        "a column mapping (`--mapping`)".to_string()
    } else {
        format!("the mapping `{}`", mapping.file)
    };
    c.problem(
        r,
        "role",
        format!("`role` is `{raw}`, not a known role"),
        Some(format!(
            "expected {}; translate the export's value in {table}: `[values.role]` `\"{raw}\" = \"server\"`",
            backticks(&Role::NAMES)
        )),
    );
    None
}

/// `managed` as a boolean after the mapping; empty is unknown.
fn managed(c: &mut Cells, r: usize, mapping: &Mapping) -> Option<bool> {
    let raw = c.text(r, "managed")?;
    match mapping.translate("managed", raw).to_lowercase().as_str() {
        "true" | "yes" | "1" => Some(true),
        "false" | "no" | "0" => Some(false),
        _ => {
            c.problem(
                r,
                "managed",
                format!("`managed` is `{raw}`, not true or false"),
                Some("expected `true`/`false`, `yes`/`no` or `1`/`0`, or a translation in the mapping's `[values.managed]`".into()),
            );
            None
        }
    }
}

/// The day a device was last seen: `YYYY-MM-DD` (a time after it, `T10:00:00Z` or
/// ` 10:00`, is ignored), or a Unix time in seconds or, above 10^11, milliseconds.
fn last_seen(c: &mut Cells, r: usize) -> Option<Date> {
    let raw = c.text(r, "last_seen")?;
    let parsed = parse_last_seen(raw);
    if parsed.is_none() {
        c.problem(
            r,
            "last_seen",
            format!("`last_seen` is `{raw}`, not a date"),
            Some("expected `YYYY-MM-DD` (a time after it is ignored), or a Unix time in seconds or milliseconds".into()),
        );
    }
    parsed
}

/// See [`last_seen`].
pub fn parse_last_seen(raw: &str) -> Option<Date> {
    if let Ok(t) = raw.parse::<f64>() {
        if !(0.0..1e15).contains(&t) {
            return None;
        }
        let seconds = if t >= 1e11 { t / 1000.0 } else { t };
        return Some(Date::from_days((seconds / 86_400.0).floor() as i64));
    }
    let day = match raw.get(..10) {
        Some(d) if raw.len() == 10 || raw[10..].starts_with(['T', ' ']) => d,
        _ => return None,
    };
    parse_date(day, false)
}

/// Tags: `;`- or `,`-separated, lower case, without spaces around them.
fn tags(cell: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = cell
        .unwrap_or("")
        .split([';', ','])
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_seen_takes_dates_times_and_unix_times() {
        let d = |s: &str| parse_last_seen(s).map(|d| d.to_string());
        assert_eq!(d("2024-06-30").as_deref(), Some("2024-06-30"));
        assert_eq!(d("2024-06-30T23:59:59Z").as_deref(), Some("2024-06-30"));
        assert_eq!(d("2024-06-30 08:00").as_deref(), Some("2024-06-30"));
        assert_eq!(d("1719792000").as_deref(), Some("2024-07-01"));
        assert_eq!(d("1719792000.5").as_deref(), Some("2024-07-01"));
        assert_eq!(d("1719792000000").as_deref(), Some("2024-07-01"));
        for bad in ["30/06/2024", "2024-06-31", "yesterday", "-5", "2024-06-30x"] {
            assert_eq!(d(bad), None, "{bad}");
        }
    }

    #[test]
    fn tags_are_split_and_folded() {
        assert_eq!(tags(Some("PHI; it ,vip;;")), vec!["it", "phi", "vip"]);
        assert!(tags(None).is_empty());
    }
}
