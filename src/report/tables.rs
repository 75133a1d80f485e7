//! Export tables (`tables/*.csv|json|parquet` of the report) as CSV and JSON. The CSV
//! neutralises text cells a spreadsheet would run as formulas; JSON is an array of objects
//! with numbers as numbers and missing values as `null`.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use super::export::{csv, json};
use crate::tables::{DataTable, Values};

/// A cell as CSV text (raw; the CSV exporter neutralises text) and as a JSON value.
fn cell(v: &Values, row: usize) -> (String, Value) {
    match v {
        Values::Text(x) => match &x[row] {
            Some(s) => (s.clone(), Value::String(s.clone())),
            None => (String::new(), Value::Null),
        },
        Values::Number(x) => match x[row] {
            Some(f) if f.is_finite() => (f.to_string(), Value::from(f)),
            _ => (String::new(), Value::Null),
        },
        Values::Integer(x) => match x[row] {
            Some(i) => (i.to_string(), Value::from(i)),
            None => (String::new(), Value::Null),
        },
        Values::Bool(x) => match x[row] {
            Some(b) => (b.to_string(), Value::Bool(b)),
            None => (String::new(), Value::Null),
        },
    }
}

/// The table as CSV bytes with a header row, written a row at a time.
pub fn csv(t: &DataTable) -> Vec<u8> {
    let header: Vec<String> = t.columns.iter().map(|(n, _)| n.clone()).collect();
    let numeric: Vec<bool> = t
        .columns
        .iter()
        .map(|(_, v)| !matches!(v, Values::Text(_)))
        .collect();
    let rows = (0..t.height()).map(|row| {
        t.columns
            .iter()
            .map(|(_, v)| cell(v, row).0)
            .collect::<Vec<String>>()
    });
    csv::records(&header, &numeric, rows)
}

/// The table as a JSON array of row objects, serialised a row at a time (a table of
/// millions of cells never exists as JSON values).
pub fn json(t: &DataTable) -> Vec<u8> {
    json::to_bytes(&Rows(t))
}

/// A table as a JSON array of row objects.
struct Rows<'a>(&'a DataTable);

/// Row `.1` of a table as a JSON object, keys in column order.
struct Row<'a>(&'a DataTable, usize);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.height()))?;
        for row in 0..self.0.height() {
            seq.serialize_element(&Row(self.0, row))?;
        }
        seq.end()
    }
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.columns.len()))?;
        for (n, v) in &self.0.columns {
            map.serialize_entry(n, &cell(v, self.1).1)?;
        }
        map.end()
    }
}

/// The three files of a table: `tables/<name>.csv`, `.json` and `.parquet`.
pub fn files(t: &DataTable) -> Result<Vec<(String, Vec<u8>)>, String> {
    Ok(vec![
        (format!("tables/{}.csv", t.name), csv(t)),
        (format!("tables/{}.json", t.name), json(t)),
        (format!("tables/{}.parquet", t.name), t.parquet()?),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> DataTable {
        DataTable::new("t")
            .with(
                "vendor",
                Values::Text(vec![Some("=cmd|' /C calc'!A0".into()), None]),
            )
            .with("score", Values::Number(vec![Some(0.5), Some(f64::NAN)]))
    }

    #[test]
    fn csv_neutralises_formulas_and_leaves_missing_empty() {
        let text = String::from_utf8(csv(&sample())).unwrap();
        assert_eq!(text, "vendor,score\n'=cmd|' /C calc'!A0,0.5\n,\n");
    }

    #[test]
    fn json_keeps_types_and_nulls() {
        let v: Value = serde_json::from_slice(&json(&sample())).unwrap();
        assert_eq!(v[0]["vendor"], "=cmd|' /C calc'!A0");
        assert_eq!(v[0]["score"], 0.5);
        assert!(v[1]["vendor"].is_null() && v[1]["score"].is_null());
    }
}
