//! Export tables (`tables/*.csv|json|parquet` of the report) as CSV and JSON. The CSV
//! neutralises text cells a spreadsheet would run as formulas; JSON is an array of objects
//! with numbers as numbers and missing values as `null`. Both write a number with at most
//! 12 significant digits ([`tidy`]); Parquet keeps every bit.

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
        Values::Number(x) => match x[row].map(tidy) {
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

/// Significant digits of a number in CSV and JSON tables.
const DIGITS: usize = 12;

/// `x` to [`DIGITS`] significant digits, so the binary noise of arithmetic is not printed
/// (`99.82000000000001` is `99.82`, `14627.449999999999` is `14627.45`), and -0 as 0.
/// Twelve digits are far more than any input carries: a measured rate has five or six.
pub fn tidy(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return if x == 0.0 { 0.0 } else { x };
    }
    format!("{x:.*e}", DIGITS - 1).parse().unwrap_or(x)
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

    #[test]
    fn numbers_lose_the_noise_of_arithmetic_not_their_digits() {
        assert_eq!(tidy((99.9 + 99.74) / 2.0), 99.82);
        assert_eq!(tidy(14627.449999999999), 14627.45);
        assert_eq!(tidy(0.1 + 0.2), 0.3);
        assert_eq!(tidy(0.9955801104972376).to_string(), "0.995580110497");
        assert_eq!(tidy(1e-300).to_string(), format!("{}", 1e-300));
        assert_eq!(tidy(-0.0).to_string(), "0");
        assert_eq!(tidy(123456789012345.0), 123456789012000.0);
        assert!(tidy(f64::NAN).is_nan());
        let t = DataTable::new("t").with("x", Values::Number(vec![Some(99.82000000000001)]));
        assert_eq!(String::from_utf8(csv(&t)).unwrap(), "x\n99.82\n");
        let json_text = String::from_utf8(json(&t)).unwrap();
        assert!(json_text.contains("99.82") && !json_text.contains("99.820000"));
    }

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
