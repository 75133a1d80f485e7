//! Rank-acceptability heatmap: vendors by ranks, each cell shaded by the share of simulations
//! (SMAA) in which the vendor takes that rank, with the percentage written in the cell.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    self, fit, put, text, text_width, DrawResult, Layout, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE,
    TITLE_H,
};
use super::cells::{self, Cell, LINE};
use super::data::RankHeatmapInput;
use super::style::{self};
use super::{Chart, ChartError};

const NAME: &str = "rank heatmap";
/// Width of the colour key on the right (wide layout).
const KEY_W: i32 = 120;
/// Space above the grid for the rank headers.
const HEAD_H: i32 = 30;
/// Space under the grid for the axis description.
const FOOT: i32 = 44;

/// Draws the rank-acceptability heatmap, one row per vendor in the given order.
///
/// Every row must have the same number of ranks, each a fraction in 0..=1.
pub fn rank_heatmap(input: &RankHeatmapInput) -> Result<Chart, ChartError> {
    canvas::ensure_font()?;
    canvas::render(&Heatmap::new(input)?)
}

/// A share as a whole percentage; "<1%" for small non-zero shares.
fn percent(a: f64, sign: bool) -> String {
    let s = if a > 0.0 && a < 0.005 {
        "<1".to_string()
    } else {
        format!("{:.0}", a * 100.0)
    };
    if sign {
        format!("{s}%")
    } else {
        s
    }
}

struct Row {
    label: String,
    colour: RGBColor,
    excluded: bool,
    values: Vec<f64>,
}

struct Heatmap {
    title: String,
    ranks: usize,
    rows: Vec<Row>,
}

/// Where the grid goes in a layout.
struct Grid {
    /// Left edge of the cells.
    left: i32,
    cell_w: i32,
    cell_h: i32,
    /// Each vendor's label, wrapped to the label column.
    labels: Vec<Vec<String>>,
}

impl Heatmap {
    fn new(input: &RankHeatmapInput) -> Result<Self, ChartError> {
        let Some(first) = input.rows.first() else {
            return Err(ChartError::empty(NAME, "vendors"));
        };
        let ranks = first.acceptability.len();
        if ranks == 0 {
            return Err(ChartError::empty(NAME, "ranks"));
        }
        let mut rows = Vec::with_capacity(input.rows.len());
        for r in &input.rows {
            let v = style::find_vendor(NAME, &input.vendors, &r.vendor)?;
            style::check_len(
                NAME,
                &r.vendor,
                "rank acceptabilities",
                ranks,
                r.acceptability.len(),
            )?;
            for &a in &r.acceptability {
                style::unit_interval(NAME, &r.vendor, "rank acceptability", a)?;
            }
            rows.push(Row {
                label: style::vendor_label(v),
                colour: style::vendor_colour(v),
                excluded: v.excluded,
                values: r.acceptability.clone(),
            });
        }
        let title = style::title_or(&input.title, || {
            "Rank acceptability: share of simulations at each rank".to_string()
        });
        Ok(Self { title, ranks, rows })
    }

    fn grid(&self, layout: Layout) -> Grid {
        let w = layout.width() as i32;
        let names: Vec<String> = self.rows.iter().map(|r| r.label.clone()).collect();
        let cap = if layout.narrow() { 120 } else { 300 };
        let label_w = cells::label_width(&names, cap);
        let (labels, most) = cells::wrap_all(&names, label_w);
        let left = MARGIN + 22 + label_w + 8;
        let right = if layout.narrow() {
            w - MARGIN
        } else {
            w - MARGIN - KEY_W
        };
        let cell_w = ((right - left) / self.ranks as i32).max(4);
        let cell_h = (most as i32 * LINE + 12).max(if layout.narrow() { 34 } else { 40 });
        Grid {
            left,
            cell_w,
            cell_h,
            labels,
        }
    }

    /// Cell text size and whether "%" fits: the wide layout shrinks the text to 10 before
    /// dropping the sign; the narrow one keeps the size a phone can read.
    fn cell_text(&self, layout: Layout, cell_w: i32) -> (f64, bool) {
        let floor = if layout.narrow() { SMALL_SIZE } else { 10.0 };
        let mut size = SMALL_SIZE;
        while size > floor && text_width("100%", size) > cell_w - 6 {
            size -= 1.0;
        }
        (size, text_width("100%", size) <= cell_w - 4)
    }
}

impl Plot for Heatmap {
    const NAME: &'static str = NAME;

    fn title(&self) -> &str {
        &self.title
    }

    fn size(&self, layout: Layout) -> (u32, u32) {
        let g = self.grid(layout);
        let key = if layout.narrow() {
            cells::KEY_LYING_H
        } else {
            0
        };
        let grid = (g.cell_h * self.rows.len() as i32).max(if layout.narrow() { 0 } else { 70 });
        let h = TITLE_H + HEAD_H + grid + FOOT + key + MARGIN;
        (layout.width(), h as u32)
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        layout: Layout,
    ) -> DrawResult<DB> {
        let w = root.dim_in_pixel().0 as i32;
        super::wrap::draw_title(root, &self.title)?;
        let g = self.grid(layout);
        let (top, k) = (TITLE_H + HEAD_H, self.ranks as i32);
        let right = g.left + g.cell_w * k;
        let (size, sign) = self.cell_text(layout, g.cell_w);
        let head = text(SMALL_SIZE, BLACK, HPos::Center, VPos::Bottom);
        for j in 0..k {
            let label = if text_width("rank 10", SMALL_SIZE) < g.cell_w - 6 {
                format!("rank {}", j + 1)
            } else {
                format!("{}", j + 1)
            };
            let x = g.left + g.cell_w * j + g.cell_w / 2;
            put(root, &label, (x, top - 6), &head)?;
        }
        for (i, (row, lines)) in self.rows.iter().zip(&g.labels).enumerate() {
            let y0 = top + g.cell_h * i as i32;
            let yc = y0 + g.cell_h / 2;
            let tc = if row.excluded {
                style::MUTED_TEXT
            } else {
                BLACK
            };
            cells::draw_lines(root, lines, (g.left - 8, yc), tc, false)?;
            root.draw(&Rectangle::new(
                [(MARGIN + 4, yc - 6), (MARGIN + 16, yc + 6)],
                row.colour.filled(),
            ))?;
            for (j, &a) in row.values.iter().enumerate() {
                let cell = Cell {
                    x: g.left + g.cell_w * j as i32,
                    y: y0,
                    w: g.cell_w,
                    h: g.cell_h,
                };
                let fill = cells::shade(a, row.excluded);
                cells::draw_cell(root, cell, fill, &percent(a, sign), size)?;
            }
        }
        let bottom = top + g.cell_h * self.rows.len() as i32;
        let desc = if sign {
            "rank (1 = best); cell: share of simulations"
        } else {
            "rank (1 = best); cell: % of simulations"
        };
        let marks = [(1.0, "100%"), (0.5, "50%"), (0.0, "0%")];
        if layout.narrow() {
            put(
                root,
                &fit(desc, SMALL_SIZE, w - 2 * MARGIN),
                (MARGIN, bottom + 14),
                &text(SMALL_SIZE, BLACK, HPos::Left, VPos::Top),
            )?;
            let lying = [(0.0, "0%"), (0.5, "50%"), (1.0, "100%")];
            cells::key_lying(
                root,
                (MARGIN + 20, bottom + FOOT),
                w - 2 * MARGIN - 40,
                &lying,
            )
        } else {
            put(
                root,
                &fit(desc, LABEL_SIZE, w - 2 * MARGIN),
                ((g.left + right) / 2, bottom + 14),
                &text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top),
            )?;
            let key_bottom = bottom.max(top + 70).min(top + 240);
            cells::key_upright(root, right + 30, (top, key_bottom), &marks)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{samples, testutil};

    #[test]
    fn renders_sample() {
        let input = samples::rank_heatmap(6);
        let chart = rank_heatmap(&input).unwrap();
        testutil::check(&chart, &input.title);
        let texts = testutil::svg_texts(&chart.svg);
        assert!(texts.iter().any(|t| t == "60%"));
        assert!(texts.iter().any(|t| t == "<1%"));
        testutil::save("rank-heatmap", &chart);
    }

    #[test]
    fn one_vendor_and_many_ranks() {
        let mut input = samples::rank_heatmap(1);
        input.rows[0].acceptability = vec![1.0];
        testutil::check(&rank_heatmap(&input).unwrap(), &input.title);
        let mut input = samples::rank_heatmap(8);
        for r in &mut input.rows {
            r.acceptability = (0..30).map(|j| if j == 0 { 1.0 } else { 0.0 }).collect();
        }
        let chart = rank_heatmap(&input).unwrap();
        testutil::check(&chart, &input.title);
        testutil::save("rank-heatmap-30-ranks", &chart);
    }

    #[test]
    fn rejects_bad_input() {
        let mut input = samples::rank_heatmap(4);
        input.rows[1].acceptability[0] = f64::NAN;
        assert!(matches!(
            rank_heatmap(&input),
            Err(ChartError::Value { .. })
        ));
        let mut input = samples::rank_heatmap(4);
        input.rows[1].acceptability.pop();
        assert!(matches!(
            rank_heatmap(&input),
            Err(ChartError::Length { .. })
        ));
        let mut input = samples::rank_heatmap(4);
        input.rows.clear();
        assert!(matches!(
            rank_heatmap(&input),
            Err(ChartError::Empty { .. })
        ));
    }

    #[test]
    fn shade_runs_light_to_dark() {
        assert!(
            style::luminance(cells::shade(0.0, false)) > style::luminance(cells::shade(0.5, false))
        );
        assert!(
            style::luminance(cells::shade(0.5, false)) > style::luminance(cells::shade(1.0, false))
        );
        assert_eq!(percent(0.0, true), "0%");
        assert_eq!(percent(0.004, true), "<1%");
        assert_eq!(percent(0.426, false), "43");
    }
}
