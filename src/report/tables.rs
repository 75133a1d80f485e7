//! Export tables (`tables/*.csv|json|parquet` of the report) as CSV and JSON. The CSV
//! neutralises text cells a spreadsheet would run as formulas; JSON is an array of objects
//! with numbers as numbers and missing values as `null`.

use serde_json::{Map, Value};

use super::doc::Table;
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

/// The table as CSV bytes with a header row.
pub fn csv(t: &DataTable) -> Vec<u8> {
    let out = Table {
        header: t.columns.iter().map(|(n, _)| n.clone()).collect(),
        numeric: t
            .columns
            .iter()
            .map(|(_, v)| !matches!(v, Values::Text(_)))
            .collect(),
        rows: (0..t.height())
            .map(|row| t.columns.iter().map(|(_, v)| cell(v, row).0).collect())
            .collect(),
    };
    csv::table(&out)
}

/// The table as a JSON array of row objects.
pub fn json(t: &DataTable) -> Vec<u8> {
    let rows: Vec<Value> = (0..t.height())
        .map(|row| {
            let mut m = Map::new();
            for (n, v) in &t.columns {
                m.insert(n.clone(), cell(v, row).1);
            }
            Value::Object(m)
        })
        .collect();
    json::to_bytes(&rows)
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
