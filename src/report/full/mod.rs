//! The full report of `vendorscore report`: the bottom line first (the recommendation and how
//! robust it is), then the ranking, the evidence, gates and exclusions, cost, the method and
//! weights with the sensitivity analysis, and the caveats. Builds one [`Doc`] (rendered as
//! HTML and Markdown), the charts, and the export tables; no I/O.
//!
//! What the report draws on is `inputs`; one file per part: `verdict` (the bottom line and its wording), `evidence` (ranking,
//! evidence, pilot), `rules` (gates, cost, method and weights), `plan` (the client's
//! migration plan), `caveats`, and `tables` (the export tables).

mod caveats;
mod evidence;
mod inputs;
mod plan;
mod rules;
mod tables;
mod verdict;

pub use inputs::{Inputs, PlanPart};
pub use verdict::robustness;

use super::charts::{self, Figure};
use super::doc::Doc;
use super::export::{self, Render};
use crate::chart::ChartError;
use crate::rank::Ranking;
use crate::tables::DataTable;

/// The report: its document, its charts and its tables.
pub struct Report {
    pub doc: Doc,
    pub figures: Vec<Figure>,
    pub tables: Vec<DataTable>,
}

impl Report {
    /// Every file of the report, rendered: `report.html`, `report.md`, the ranking as
    /// `ranking.csv|json|md`, `charts/*.svg|png` and `tables/*.csv|json|parquet`. An error
    /// is a table that could not be written as Parquet.
    pub fn files(&self, ranking: &Ranking) -> Result<Vec<(String, Vec<u8>)>, String> {
        let mut files = vec![
            (
                "report.html".to_string(),
                export::html::html(&self.doc).into_bytes(),
            ),
            (
                "report.md".to_string(),
                export::markdown::doc(&self.doc).into_bytes(),
            ),
            ("ranking.csv".to_string(), ranking.csv()),
            ("ranking.json".to_string(), ranking.json()),
            ("ranking.md".to_string(), ranking.markdown().into_bytes()),
        ];
        files.extend(charts::files(&self.figures));
        for t in &self.tables {
            files.extend(super::tables::files(t)?);
        }
        Ok(files)
    }
}

/// Builds the whole report.
pub fn build(i: &Inputs) -> Result<Report, ChartError> {
    let r = i.ranking;
    let ranking_figs = charts::ranking_charts(r)?;
    let forest_figs = match i.pilot {
        Some(p) => charts::forest_charts(r, i.criteria, p)?,
        None => Vec::new(),
    };
    let sens_figs = match i.analysis {
        Some(a) => charts::sensitivity_charts(r, a)?,
        None => Vec::new(),
    };
    let frontier = match i.cost {
        Some(t) => charts::frontier_chart(r, t)?,
        None => None,
    };
    let gantt = match i.plan {
        Some(p) => charts::gantt_chart(p.plan, p.report)?,
        None => None,
    };
    let sections = vec![
        verdict::bottom_line(i),
        evidence::ranking_section(r, &ranking_figs),
        evidence::evidence(i, &ranking_figs, &forest_figs),
        rules::gates(i),
        rules::cost_section(i, frontier.as_ref()),
        plan::plan_section(i, gantt.as_ref()),
        rules::method(i, &sens_figs),
        caveats::caveats(i),
    ];
    let subtitle = format!(
        "Dataset `{}`, criteria `{}` ({}){}; {} vendors ranked, {} excluded.",
        r.dataset,
        r.criteria_file,
        r.method,
        i.client
            .map_or(String::new(), |c| format!(", client `{c}`")),
        r.ranked.len(),
        r.excluded.len()
    );
    let mut figures = ranking_figs;
    figures.extend(forest_figs);
    figures.extend(sens_figs);
    figures.extend(frontier);
    figures.extend(gantt);
    Ok(Report {
        doc: Doc {
            title: format!("Vendor recommendation: {}", r.title),
            subtitle,
            sections: sections
                .into_iter()
                .filter(|s| !s.blocks.is_empty())
                .collect(),
            fingerprint: None,
        },
        figures,
        tables: tables::tables(i),
    })
}
