//! Plain tables for export (the report's `tables/` folder), and their Parquet encoding.
//! The type is plain Rust so the report layer builds tables without polars; only
//! [`DataTable::parquet`] touches polars.

use polars::prelude::{Column as PlColumn, DataFrame, NamedFrom, ParquetWriter, Series};

/// One typed column; `None` is a missing value.
#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    Text(Vec<Option<String>>),
    Number(Vec<Option<f64>>),
    Integer(Vec<Option<i64>>),
    Bool(Vec<Option<bool>>),
}

impl Values {
    fn len(&self) -> usize {
        match self {
            Values::Text(v) => v.len(),
            Values::Number(v) => v.len(),
            Values::Integer(v) => v.len(),
            Values::Bool(v) => v.len(),
        }
    }
}

/// A named table of typed columns of equal length.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    /// File stem under `tables/`, such as `ranking`.
    pub name: String,
    pub columns: Vec<(String, Values)>,
}

impl DataTable {
    /// An empty table.
    pub fn new(name: &str) -> DataTable {
        DataTable {
            name: name.to_string(),
            columns: Vec::new(),
        }
    }

    /// Adds a column (builder style).
    pub fn with(mut self, name: &str, values: Values) -> DataTable {
        self.columns.push((name.to_string(), values));
        self
    }

    /// Rows in the table (the first column's length).
    pub fn height(&self) -> usize {
        self.columns.first().map_or(0, |(_, v)| v.len())
    }

    /// The table as Parquet bytes (column types kept: text, f64, i64, bool).
    pub fn parquet(&self) -> Result<Vec<u8>, String> {
        if let Some((name, _)) = self.columns.iter().find(|(_, v)| v.len() != self.height()) {
            return Err(format!(
                "table `{}`: column `{name}` has a different length",
                self.name
            ));
        }
        let columns: Vec<PlColumn> = self
            .columns
            .iter()
            .map(|(name, v)| {
                let name = name.as_str().into();
                let s = match v {
                    Values::Text(x) => Series::new(name, x),
                    Values::Number(x) => Series::new(name, x),
                    Values::Integer(x) => Series::new(name, x),
                    Values::Bool(x) => Series::new(name, x),
                };
                PlColumn::from(s)
            })
            .collect();
        let mut df = DataFrame::new_infer_height(columns).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        ParquetWriter::new(&mut out)
            .finish(&mut df)
            .map_err(|e| e.to_string())?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::{ParquetReader, SerReader};

    #[test]
    fn parquet_round_trips_types_and_missing_values() {
        let t = DataTable::new("t")
            .with("vendor", Values::Text(vec![Some("a".into()), None]))
            .with("score", Values::Number(vec![Some(1.5), None]))
            .with("rank", Values::Integer(vec![Some(1), Some(2)]))
            .with("excluded", Values::Bool(vec![Some(false), Some(true)]));
        let bytes = t.parquet().unwrap();
        assert_eq!(&bytes[..4], b"PAR1");
        let df = ParquetReader::new(std::io::Cursor::new(bytes))
            .finish()
            .unwrap();
        assert_eq!(df.height(), 2);
        let score = df.column("score").unwrap().f64().unwrap();
        assert_eq!(score.get(0), Some(1.5));
        assert_eq!(score.get(1), None);
        let vendor = df.column("vendor").unwrap().str().unwrap();
        assert_eq!(vendor.get(0), Some("a"));
        assert_eq!(df.column("rank").unwrap().i64().unwrap().get(1), Some(2));
        assert_eq!(
            df.column("excluded").unwrap().bool().unwrap().get(1),
            Some(true)
        );
    }

    #[test]
    fn parquet_keeps_every_bit_of_a_float() {
        let xs = [0.9642782382838231, 0.1 + 0.2, 1e-300, -0.0];
        let t =
            DataTable::new("t").with("x", Values::Number(xs.iter().map(|&x| Some(x)).collect()));
        let df = ParquetReader::new(std::io::Cursor::new(t.parquet().unwrap()))
            .finish()
            .unwrap();
        let col = df.column("x").unwrap().f64().unwrap();
        for (k, x) in xs.iter().enumerate() {
            assert_eq!(col.get(k).unwrap().to_bits(), x.to_bits(), "{x}");
        }
    }

    #[test]
    fn unequal_columns_are_an_error_not_a_panic() {
        let t = DataTable::new("t")
            .with("a", Values::Integer(vec![Some(1)]))
            .with("b", Values::Integer(vec![]));
        assert!(t.parquet().unwrap_err().contains("`b`"));
    }
}
