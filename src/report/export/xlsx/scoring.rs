//! The three sheets that carry the weighted sum as formulas: Weights (one editable cell
//! per criterion and group weight, effective weights computed from them), Evidence (each
//! scored vendor's value per criterion) and Ranking (normalised values, points, scores
//! and ranks as formulas over the other two, their computed values stored with them).
//! Under another method the Ranking sheet holds the method's scores and ranks as values,
//! with a note saying so.

use rust_xlsxwriter::{ConditionalFormatDataBar, Formula, Workbook, Worksheet};

use super::cells::{header, number, text, Formats, XlsxError};
use super::formulas;
use crate::criteria::Criteria;
use crate::problem::cell_name;
use crate::rank::Ranking;

/// How the Weights sheet's effective weights are computed.
enum Mode {
    /// Each weight over the sum of all (the criteria file's weights, or the effective
    /// weights themselves when they come from AHP or a blend).
    Flat(Vec<f64>),
    /// Criterion weights within groups and group weights across them.
    Grouped {
        weights: Vec<f64>,
        group_weights: Vec<(String, f64)>,
    },
}

/// The file's weights as the sheet's inputs, when the formulas over them give the
/// ranking's effective weights (to 1e-12); else the effective weights themselves.
fn mode(r: &Ranking, cr: &Criteria) -> (Mode, Option<&'static str>) {
    let effective: Vec<f64> = r.criteria.iter().map(|c| c.weight).collect();
    let fallback = |why| (Mode::Flat(effective.clone()), Some(why));
    if r.weights.source != "direct" || r.weights.objective.is_some() {
        return fallback("the weights below are the effective weights the method used (from AHP or blended with objective weights); edit them as direct weights");
    }
    let found: Option<Vec<_>> = r
        .criteria
        .iter()
        .map(|c| cr.criteria.iter().find(|x| x.id == c.id))
        .collect();
    let Some(found) = found.filter(|f| f.len() == cr.criteria.len()) else {
        return fallback("the weights below are the effective weights the method used");
    };
    let weights: Vec<f64> = found.iter().map(|c| c.raw_weight).collect();
    let close = |got: Vec<f64>| {
        got.iter()
            .zip(&effective)
            .all(|(g, e)| (g - e).abs() < 1e-12)
    };
    if cr.groups.is_empty() {
        let total: f64 = weights.iter().sum();
        if close(weights.iter().map(|w| w / total).collect()) {
            return (Mode::Flat(weights), None);
        }
        return fallback("the weights below are the effective weights the method used");
    }
    let groups: Vec<String> = found
        .iter()
        .map(|c| c.group.clone().unwrap_or_default())
        .collect();
    let group_weights: Vec<(String, f64)> = cr
        .groups
        .iter()
        .map(|g| (g.id.clone(), g.raw_weight))
        .collect();
    let total: f64 = group_weights.iter().map(|g| g.1).sum();
    let got = weights.iter().zip(&groups).map(|(w, g)| {
        let within: f64 = weights
            .iter()
            .zip(&groups)
            .filter(|(_, h)| *h == g)
            .map(|(w, _)| w)
            .sum();
        let share = group_weights
            .iter()
            .find(|x| &x.0 == g)
            .map_or(0.0, |x| x.1)
            / total;
        w / within * share
    });
    if close(got.collect()) {
        return (
            Mode::Grouped {
                weights,
                group_weights,
            },
            None,
        );
    }
    fallback("the weights below are the effective weights the method used")
}

/// The column of the Weights sheet that holds the effective weights (F).
const EFFECTIVE: u16 = 5;

/// Writes the Weights sheet.
pub fn weights(
    wb: &mut Workbook,
    r: &Ranking,
    cr: &Criteria,
    f: &Formats,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("Weights")?;
    header(
        ws,
        f,
        &[
            "criterion",
            "label",
            "group",
            "weight",
            "share in group",
            "effective weight",
            "direction",
            "normalisation",
        ],
        &[18.0, 28.0, 14.0, 10.0, 14.0, 16.0, 10.0, 22.0],
    )?;
    let k = r.criteria.len() as u32;
    let last = k + 1;
    let (mode, note) = mode(r, cr);
    for (i, c) in r.criteria.iter().enumerate() {
        let row = i as u32 + 1;
        text(ws, row, 0, &c.id)?;
        text(ws, row, 1, &c.label)?;
        text(ws, row, 2, c.group.as_deref().unwrap_or(""))?;
        text(ws, row, 6, c.direction.name())?;
        text(ws, row, 7, &c.normalisation.describe())?;
        let (d, e) = (
            cell_name(row as usize + 1, 4),
            cell_name(row as usize + 1, 5),
        );
        let cached = format!("{}", c.weight);
        match &mode {
            Mode::Flat(w) => {
                ws.write_number_with_format(row, 3, w[i], &f.input)?;
                let formula = formulas::share(&d, &format!("$D$2:$D${last}"));
                ws.write_formula_with_format(
                    row,
                    EFFECTIVE,
                    Formula::new(formula).set_result(&cached),
                    &f.percent,
                )?;
            }
            Mode::Grouped {
                weights,
                group_weights,
                ..
            } => {
                ws.write_number_with_format(row, 3, weights[i], &f.input)?;
                let g = group_weights.len() + 1;
                let within = formulas::share_in_group(
                    &d,
                    &cell_name(row as usize + 1, 3),
                    &format!("$C$2:$C${last}"),
                    &format!("$D$2:$D${last}"),
                );
                ws.write_formula_with_format(row, 4, Formula::new(within), &f.percent)?;
                let eff = formulas::grouped(
                    &e,
                    &cell_name(row as usize + 1, 3),
                    &format!("$J$2:$J${g}"),
                    &format!("$L$2:$L${g}"),
                );
                ws.write_formula_with_format(
                    row,
                    EFFECTIVE,
                    Formula::new(eff).set_result(&cached),
                    &f.percent,
                )?;
            }
        }
    }
    if let Mode::Grouped { group_weights, .. } = &mode {
        let g = group_weights.len() + 1;
        for (c, name) in ["group", "group weight", "group share"].iter().enumerate() {
            ws.write_string_with_format(0, 9 + c as u16, *name, &f.header)?;
            ws.set_column_width(9 + c as u16, 14)?;
        }
        for (j, (id, w)) in group_weights.iter().enumerate() {
            let row = j as u32 + 1;
            text(ws, row, 9, id)?;
            ws.write_number_with_format(row, 10, *w, &f.input)?;
            let share = formulas::share(&cell_name(row as usize + 1, 11), &format!("$K$2:$K${g}"));
            ws.write_formula_with_format(row, 11, Formula::new(share), &f.percent)?;
        }
    }
    let note = note.unwrap_or("change a yellow weight and the Ranking sheet recomputes; weights are relative (within a group, and groups across groups)");
    ws.write_string_with_format(last + 1, 0, note, &f.note)?;
    Ok(())
}

/// Writes the Evidence sheet: one row per scored vendor (best first), one column per
/// criterion; an empty cell is a missing value, scored as the worst.
pub fn evidence(wb: &mut Workbook, r: &Ranking, f: &Formats) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("Evidence")?;
    let mut names = vec!["vendor", "name"];
    names.extend(r.criteria.iter().map(|c| c.id.as_str()));
    header(ws, f, &names, &[16.0, 28.0, 14.0])?;
    for (v, ranked) in r.ranked.iter().enumerate() {
        let row = v as u32 + 1;
        text(ws, row, 0, &ranked.vendor)?;
        text(ws, row, 1, &ranked.name)?;
        for (c, value) in ranked.values.iter().enumerate() {
            number(ws, row, 2 + c as u16, *value, &f.value)?;
        }
    }
    Ok(())
}

/// Writes the Ranking sheet: formulas under the weighted sum, values otherwise.
pub fn ranking(wb: &mut Workbook, r: &Ranking, f: &Formats) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("Ranking")?;
    let formulas = r.method == "weighted-sum";
    let mut names: Vec<String> = ["vendor", "name", "score", "rank"]
        .map(String::from)
        .to_vec();
    if formulas {
        names.extend(r.criteria.iter().map(|c| format!("{} normalised", c.id)));
        names.extend(r.criteria.iter().map(|c| format!("{} points", c.id)));
    }
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    header(ws, f, &refs, &[16.0, 28.0, 10.0, 8.0, 14.0])?;
    let n = r.ranked.len() as u32;
    for (v, ranked) in r.ranked.iter().enumerate() {
        let row = v as u32 + 1;
        text(ws, row, 0, &ranked.vendor)?;
        text(ws, row, 1, &ranked.name)?;
        if !formulas {
            ws.write_number_with_format(row, 2, ranked.score, &f.score)?;
            ws.write_number(row, 3, ranked.rank as f64)?;
        }
    }
    if formulas {
        ranking_formulas(ws, r, f)?;
    }
    if n > 0 {
        ws.add_conditional_format(1, 2, n, 2, &ConditionalFormatDataBar::new())?;
    }
    let note = if formulas {
        "normalised values, points, scores and ranks are formulas over the Weights and Evidence sheets: change a weight or a value and they recompute (docs/spreadsheets.md)".to_string()
    } else {
        format!("scores and ranks by {} are values, not formulas: changing a weight on the Weights sheet does not change them (run vendorscore again)", r.method)
    };
    ws.write_string_with_format(n + 2, 0, note, &f.note)?;
    Ok(())
}

/// The weighted sum's formulas, with the tool's values stored as their results.
fn ranking_formulas(ws: &mut Worksheet, r: &Ranking, f: &Formats) -> Result<(), XlsxError> {
    let k = r.criteria.len();
    let n = r.ranked.len();
    let last = n + 1;
    let norms: Vec<Vec<f64>> = r
        .criteria
        .iter()
        .enumerate()
        .map(|(c, info)| {
            let column: Vec<Option<f64>> = r.ranked.iter().map(|v| v.values[c]).collect();
            info.normalisation.apply(&column, info.direction)
        })
        .collect();
    for (v, ranked) in r.ranked.iter().enumerate() {
        let row = v as u32 + 1;
        let excel_row = v + 2;
        for (c, info) in r.criteria.iter().enumerate() {
            let ev_col = c + 3;
            let col_letters = cell_name(1, ev_col).trim_end_matches('1').to_string();
            let x = format!("Evidence!${col_letters}{excel_row}");
            let range = format!("Evidence!{col_letters}$2:{col_letters}${last}");
            let norm = formulas::normalised(info.normalisation, info.direction, &x, &range);
            let norm_col = 4 + c as u16;
            ws.write_formula_with_format(
                row,
                norm_col,
                Formula::new(norm).set_result(format!("{}", norms[c][v])),
                &f.ratio,
            )?;
            let weight = format!("Weights!${}${}", "F", c + 2);
            let pts = formulas::points(&weight, &cell_name(excel_row, norm_col as usize + 1));
            let cached = ranked.contributions.get(c).copied().unwrap_or(0.0);
            ws.write_formula_with_format(
                row,
                4 + (k + c) as u16,
                Formula::new(pts).set_result(format!("{cached}")),
                &f.score,
            )?;
        }
        let first = cell_name(excel_row, 5 + k);
        let end = cell_name(excel_row, 4 + 2 * k);
        let score = formulas::score(&format!("{first}:{end}"));
        ws.write_formula_with_format(
            row,
            2,
            Formula::new(score).set_result(format!("{}", ranked.score)),
            &f.score,
        )?;
        let rank = formulas::rank(&format!("C{excel_row}"), &format!("$C$2:$C${last}"));
        ws.write_formula(
            row,
            3,
            Formula::new(rank).set_result(format!("{}", ranked.rank)),
        )?;
    }
    Ok(())
}
