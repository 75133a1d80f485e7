//! The client proposal (`vendorscore proposal`, docs/proposal.md): a document a
//! salesperson sends to a client owner, with the recommendation, three priced options,
//! the migration timeline and what the client must decide.
//!
//! `msp` reads the MSP profile (who sells, at what markup); `price` turns buying prices
//! into sell prices in whole cents; `options` picks good / better / best and the tied
//! runner-up; `view` gathers everything the wording needs into one serialisable
//! [`view::Proposal`]; `render` fills the templates (`templates/`, or `--template DIR`).
//! Nothing here writes files or prints.

pub mod msp;
pub mod options;
pub mod pdf;
pub mod price;
pub mod render;
pub mod view;

use std::path::{Path, PathBuf};

use crate::problem::{backticks, render_all, Problem};

pub use msp::Msp;

/// Errors of making a proposal.
#[derive(Debug, thiserror::Error)]
pub enum ProposalError {
    #[error("MSP profile `{given}` not found\n  hint: pass a file, or a built-in profile's name: {} (`vendorscore list` shows them)", backticks(.available))]
    MspNotFound {
        given: String,
        available: Vec<String>,
    },
    #[error("cannot read `{}`: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", render_all(.problems))]
    Invalid { problems: Vec<Problem> },
    /// A template that does not parse or render; minijinja's error names the line.
    #[error("template `{file}`, line {line}: {message}\n  hint: see docs/proposal.md for the values a template can use")]
    Template {
        file: String,
        line: usize,
        message: String,
    },
    #[error("no option can be priced: {0}\n  hint: the recommended vendor needs prices for this fleet in the pricing file (`vendorscore cost --client ... --explain`)")]
    NoPrice(String),
    #[error("cannot print the PDF: {0}\n  hint: proposal.html is written; open it in a browser and print it")]
    Pdf(String),
}

/// The MSP profile `--msp` names (a file, or a built-in profile's name), or the built-in
/// default when none is given. The second value says whether the default was used.
pub fn load_msp(given: Option<&Path>) -> Result<(Msp, bool), ProposalError> {
    let invalid = |problems| ProposalError::Invalid { problems };
    let Some(given) = given else {
        let f = &crate::embedded::MSPS[0];
        return Ok((msp::parse(f.label, f.text).map_err(invalid)?, true));
    };
    if !given.is_file() {
        if let Some(f) = crate::embedded::msp_file(given) {
            return Ok((msp::parse(f.label, f.text).map_err(invalid)?, false));
        }
        let available = crate::embedded::MSPS
            .iter()
            .map(|f| f.name.to_string())
            .collect();
        return Err(ProposalError::MspNotFound {
            given: given.display().to_string(),
            available,
        });
    }
    let bytes = std::fs::read(given).map_err(|source| ProposalError::Io {
        path: given.to_path_buf(),
        source,
    })?;
    let file = given.display().to_string();
    let text = crate::problem::utf8(&file, &bytes).map_err(|p| invalid(vec![p]))?;
    Ok((msp::parse(&file, text).map_err(invalid)?, false))
}

/// A date as an owner reads it: `July 20, 2024`.
pub fn long_date(d: crate::dataset::Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS[(d.month.clamp(1, 12) - 1) as usize];
    format!("{month} {}, {}", d.day, d.year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Date;

    #[test]
    fn long_dates_spell_the_month() {
        let d = Date {
            year: 2024,
            month: 9,
            day: 29,
        };
        assert_eq!(long_date(d), "September 29, 2024");
        assert_eq!(long_date(d.plus(3)), "October 2, 2024");
    }

    #[test]
    fn the_default_msp_profile_parses() {
        let (m, default) = load_msp(None).unwrap();
        assert!(default);
        assert_eq!(m.company, "Northwind Managed IT");
        assert!(load_msp(Some(Path::new("northwind-it"))).is_ok());
        assert!(matches!(
            load_msp(Some(Path::new("no-such-msp"))),
            Err(ProposalError::MspNotFound { .. })
        ));
    }
}
