//! One evidence file of two runs compared row by row, by the file's natural key
//! ([`natural_key`]): the rows added, removed and changed (with each changed cell), and
//! the file in between, with some of the changes applied, for the replay.

use std::collections::HashMap;

use serde::Serialize;

use crate::dataset::TextTable;

/// A table's text cells: the header and the rows, an empty cell as "".
#[derive(Debug, Clone, PartialEq)]
pub struct Cells {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Cells {
    /// The cells of a table read from any format.
    pub fn from_text(t: &TextTable) -> Cells {
        let rows = (0..t.len())
            .map(|r| {
                (0..t.headers.len())
                    .map(|c| t.cell(c, r).unwrap_or("").to_string())
                    .collect()
            })
            .collect();
        Cells {
            headers: t.headers.clone(),
            rows,
        }
    }

    /// The table as CSV (the format every replayed file is written in).
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail.
        let _ = w.write_record(&self.headers);
        for r in &self.rows {
            let _ = w.write_record(r);
        }
        w.into_inner().unwrap_or_default()
    }
}

/// The columns that name a row of each evidence file: one row of the file per key
/// (docs/analysts.md). A file whose header lacks one of them is keyed by the whole row.
pub fn natural_key(stem: &str) -> &'static [&'static str] {
    match stem {
        "vendors" => &["vendor"],
        "test_scores" => &crate::dataset::test_scores::KEY,
        "pilot_results" => &["vendor", "client", "endpoint", "date"],
        "pricing" => &["vendor", "sku", "min_seats"],
        "rmm_checks" => &["vendor", "platform", "check"],
        "fx_rates" => &["from", "to"],
        s if s.starts_with("inventory-") => &["client", "hostname"],
        _ => &[],
    }
}

/// A cell that differs in a changed row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellChange {
    pub column: String,
    pub old: String,
    pub new: String,
}

/// A row added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowChange {
    /// The key's values joined by ` / ` (`#2` for a key's second row).
    pub key: String,
    /// `added`, `removed` or `changed`.
    pub kind: &'static str,
    /// The row's `vendor`, when the file has that column.
    pub vendor: Option<String>,
    /// The cells that differ (changed rows only).
    pub cells: Vec<CellChange>,
}

impl RowChange {
    /// The change in words, after the file's name: `test_scores.csv: changed <key>:
    /// value 99.9 → 80.0`; with `code`, each column in backticks (for text the reader
    /// sees as Markdown).
    pub fn describe(&self, file: &str, code: bool) -> String {
        let cells: Vec<String> = self
            .cells
            .iter()
            .map(|x| {
                let column = if code {
                    format!("`{}`", x.column)
                } else {
                    x.column.clone()
                };
                format!("{column} {} → {}", shown_cell(&x.old), shown_cell(&x.new))
            })
            .collect();
        let what = if cells.is_empty() {
            String::new()
        } else {
            format!(": {}", cells.join(", "))
        };
        format!("{file}: {} {}{what}", self.kind, self.key)
    }
}

/// An empty cell shown as such.
fn shown_cell(cell: &str) -> &str {
    if cell.is_empty() {
        "(empty)"
    } else {
        cell
    }
}

/// How a file differs between the runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Same,
    Added,
    Removed,
    /// The header changed: the file is compared, and replayed, as a whole.
    Columns,
    /// Same header, rows differ.
    Rows,
}

/// One file of the two runs.
#[derive(Debug, Clone)]
pub struct FileDiff {
    /// The file's name as the new run has it (else the old): `test_scores.csv`.
    pub name: String,
    /// The stem it is written under in a replay: `test_scores`, `inventory-dental-35`.
    pub stem: String,
    pub status: Status,
    pub old: Option<Cells>,
    pub new: Option<Cells>,
    /// The changed rows, in the new file's order, then the removed ones.
    pub changes: Vec<RowChange>,
    /// Every key in that order: (old row, new row, index into `changes`).
    merged: Vec<(Option<usize>, Option<usize>, Option<usize>)>,
}

impl FileDiff {
    /// Compares a file of the old run with the same file of the new run.
    pub fn new(name: &str, stem: &str, old: Option<Cells>, new: Option<Cells>) -> FileDiff {
        let status = match (&old, &new) {
            (None, None) => Status::Same,
            (None, Some(_)) => Status::Added,
            (Some(_), None) => Status::Removed,
            (Some(o), Some(n)) if o.headers != n.headers => Status::Columns,
            (Some(o), Some(n)) if o.rows == n.rows => Status::Same,
            _ => Status::Rows,
        };
        let mut d = FileDiff {
            name: name.to_string(),
            stem: stem.to_string(),
            status,
            old,
            new,
            changes: Vec::new(),
            merged: Vec::new(),
        };
        if status == Status::Rows {
            d.compare_rows();
        }
        d
    }

    fn compare_rows(&mut self) {
        let (Some(old), Some(new)) = (&self.old, &self.new) else {
            return;
        };
        let keys = key_columns(&new.headers, natural_key(&self.stem));
        let vendor = new.headers.iter().position(|h| h == "vendor");
        let old_keys = keyed(old, &keys);
        let new_keys = keyed(new, &keys);
        let old_at: HashMap<&String, usize> =
            old_keys.iter().enumerate().map(|(i, k)| (k, i)).collect();
        let new_at: HashMap<&String, usize> =
            new_keys.iter().enumerate().map(|(i, k)| (k, i)).collect();
        let shown = |k: &str| k.replace('\u{1f}', " / ");
        let vendor_of = |row: &[String]| vendor.map(|v| row[v].clone());
        for (n, key) in new_keys.iter().enumerate() {
            let o = old_at.get(key).copied();
            let row = &new.rows[n];
            let change = match o {
                None => Some(RowChange {
                    key: shown(key),
                    kind: "added",
                    vendor: vendor_of(row),
                    cells: Vec::new(),
                }),
                Some(o) if old.rows[o] != *row => Some(RowChange {
                    key: shown(key),
                    kind: "changed",
                    vendor: vendor_of(row),
                    cells: cell_changes(&new.headers, &old.rows[o], row),
                }),
                Some(_) => None,
            };
            let index = change.map(|c| {
                self.changes.push(c);
                self.changes.len() - 1
            });
            self.merged.push((o, Some(n), index));
        }
        for (o, key) in old_keys.iter().enumerate() {
            if !new_at.contains_key(key) {
                self.changes.push(RowChange {
                    key: shown(key),
                    kind: "removed",
                    vendor: vendor_of(&old.rows[o]),
                    cells: Vec::new(),
                });
                self.merged
                    .push((Some(o), None, Some(self.changes.len() - 1)));
            }
        }
    }

    /// The file with the changes `applied(i)` says of `changes`, or wholly old or new by
    /// `whole` when it is not compared row by row; `None` when it is absent then.
    pub fn at(&self, whole: bool, applied: impl Fn(usize) -> bool) -> Option<Cells> {
        if self.status != Status::Rows {
            return if whole { &self.new } else { &self.old }.clone();
        }
        let (old, new) = (self.old.as_ref()?, self.new.as_ref()?);
        let rows = self
            .merged
            .iter()
            .filter_map(|&(o, n, change)| {
                if change.is_some_and(&applied) {
                    n.map(|n| new.rows[n].clone())
                } else {
                    o.map(|o| old.rows[o].clone())
                }
            })
            .collect();
        Some(Cells {
            headers: new.headers.clone(),
            rows,
        })
    }
}

/// The key columns' positions; every column when the header lacks one of them.
fn key_columns(headers: &[String], key: &[&str]) -> Vec<usize> {
    let found: Option<Vec<usize>> = key
        .iter()
        .map(|k| headers.iter().position(|h| h == k))
        .collect();
    match found {
        Some(cols) if !cols.is_empty() => cols,
        _ => (0..headers.len()).collect(),
    }
}

/// Each row's key; a key's later rows get `#2`, `#3`.
fn keyed(t: &Cells, cols: &[usize]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    t.rows
        .iter()
        .map(|r| {
            let k: Vec<&str> = cols.iter().map(|&c| r[c].as_str()).collect();
            let k = k.join("\u{1f}");
            let n = seen.entry(k.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                k
            } else {
                format!("{k} #{n}")
            }
        })
        .collect()
}

fn cell_changes(headers: &[String], old: &[String], new: &[String]) -> Vec<CellChange> {
    headers
        .iter()
        .zip(old.iter().zip(new))
        .filter(|(_, (o, n))| o != n)
        .map(|(h, (o, n))| CellChange {
            column: h.clone(),
            old: o.clone(),
            new: n.clone(),
        })
        .collect()
}
