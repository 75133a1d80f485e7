//! The ranking as `rank` prints it (and `report` writes it to `ranking.*`): a terminal
//! table, Markdown, CSV and JSON, each built with the exporter of its format.

mod evidence;
mod json;
mod table;

pub use json::schema;
pub use table::table;
mod markdown;
mod terminal;

use super::export::terminal::Width;
use super::export::Render;
use crate::rank::Ranking;

impl Render for Ranking {
    fn terminal(&self, width: Width) -> String {
        terminal::terminal(self, width)
    }

    fn markdown(&self) -> String {
        markdown::markdown(self)
    }

    fn csv(&self) -> Vec<u8> {
        table::csv(self)
    }

    fn json(&self) -> Vec<u8> {
        json::json(self)
    }
}
