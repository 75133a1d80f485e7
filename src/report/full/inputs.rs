//! What the full report draws on ([`Inputs`]), and the two figure helpers its parts
//! share: each part of the report imports this file, and `mod.rs` imports the parts.

use super::super::charts::Figure;
use super::super::cost::CostTable;
use super::super::doc::Block;
use crate::criteria::Criteria;
use crate::pilot::PilotReport;
use crate::plan::Plan;
use crate::rank::analysis::Analysis;
use crate::rank::Ranking;

/// Everything the report draws on; only the ranking is required.
pub struct Inputs<'a> {
    pub ranking: &'a Ranking,
    pub criteria: &'a Criteria,
    pub analysis: Option<&'a Analysis>,
    pub pilot: Option<&'a PilotReport>,
    pub cost: Option<&'a CostTable>,
    /// The client profile's name, when one was applied.
    pub client: Option<&'a str>,
    /// The client's migration plan, when the client has a device inventory.
    pub plan: Option<PlanPart<'a>>,
}

/// A migration plan and its document, for the "Migration plan" section.
#[derive(Clone, Copy)]
pub struct PlanPart<'a> {
    pub plan: &'a Plan,
    pub report: &'a crate::report::plan::PlanReport,
}

pub(crate) fn figure(f: &Figure) -> Block {
    Block::Figure {
        chart: f.name.clone(),
        caption: f.caption.clone(),
        svg: f.chart.svg.clone(),
        narrow: f.chart.narrow.clone(),
    }
}

pub(crate) fn find<'a>(figs: &'a [Figure], name: &str) -> Option<&'a Figure> {
    figs.iter().find(|f| f.name == name)
}
