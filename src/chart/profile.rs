//! Profile chart: a heat map of each vendor's value on every criterion. The cell's shade is
//! the normalised value (0 = the worst vendor on that criterion, light; 1 = the best,
//! dark) and its text the value itself, so a row reads as the vendor's strong and weak
//! spots at a glance. Wide: vendors as rows, criteria as columns under wrapped headers.
//! Narrow: vendors as columns under upright names, and for each criterion its label on a
//! line across the canvas above its row of cells.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;

use super::canvas::{
    self, fit, put, text, text_width, DrawResult, Layout, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE,
    TITLE_H,
};
use super::cells::{self, Cell, LINE};
use super::data::ProfileInput;
use super::style::{self};
use super::{Chart, ChartError};

const NAME: &str = "profile";
/// Width of the upright colour key on the right (wide layout).
const KEY_W: i32 = 110;
/// The key's marks.
const MARKS: [(f64, &str); 3] = [(1.0, "best"), (0.5, "0.5"), (0.0, "worst")];
/// What the shade and the text of a cell mean.
const DESC: &str = "shade: 0 = worst, 1 = best of these vendors";

/// Draws each vendor's values as a heat map, rows in the given order.
///
/// `values` (the shade) must lie in 0..=1 or be NaN (not available: a grey cell "n/a");
/// `shown` (the text) is any number, NaN for "n/a". Each criterion's numbers share the
/// decimals of its largest one.
pub fn profile(input: &ProfileInput) -> Result<Chart, ChartError> {
    canvas::ensure_font()?;
    canvas::render(&Profile::new(input)?)
}

struct Row {
    label: String,
    colour: RGBColor,
    excluded: bool,
    /// Shade per criterion; `None` when not available.
    shade: Vec<Option<f64>>,
    /// Text per criterion.
    text: Vec<String>,
}

struct Profile {
    title: String,
    criteria: Vec<String>,
    rows: Vec<Row>,
}

impl Profile {
    fn new(input: &ProfileInput) -> Result<Self, ChartError> {
        if input.rows.is_empty() {
            return Err(ChartError::empty(NAME, "vendors"));
        }
        if input.criteria.is_empty() {
            return Err(ChartError::empty(NAME, "criteria"));
        }
        let m = input.criteria.len();
        for row in &input.rows {
            style::check_len(NAME, &row.vendor, "criterion values", m, row.values.len())?;
            style::check_len(NAME, &row.vendor, "values shown", m, row.shown.len())?;
        }
        // One precision per criterion: the decimals of its largest value.
        let decimals: Vec<usize> = (0..m)
            .map(|j| {
                let col: Vec<f64> = input.rows.iter().map(|r| r.shown[j]).collect();
                style::group_decimals(&col)
            })
            .collect();
        let mut rows = Vec::with_capacity(input.rows.len());
        for row in &input.rows {
            let v = style::find_vendor(NAME, &input.vendors, &row.vendor)?;
            let mut shade = Vec::with_capacity(m);
            for &x in &row.values {
                shade.push(if x.is_nan() {
                    None
                } else {
                    Some(style::unit_interval(
                        NAME,
                        &row.vendor,
                        "normalised value",
                        x,
                    )?)
                });
            }
            let text = row
                .shown
                .iter()
                .zip(&shade)
                .zip(&decimals)
                .map(|((&x, s), &d)| match s {
                    Some(_) => style::fmt_fixed(x, d),
                    None => "n/a".to_string(),
                })
                .collect();
            rows.push(Row {
                label: style::vendor_label(v),
                colour: style::vendor_colour(v),
                excluded: v.excluded,
                shade,
                text,
            });
        }
        let criteria = input
            .criteria
            .iter()
            .map(|c| style::label_or_id(&c.label, &c.id))
            .collect();
        let title = style::title_or(&input.title, || {
            "Vendor profiles: each value, shaded from worst to best".to_string()
        });
        Ok(Self {
            title,
            criteria,
            rows,
        })
    }

    /// The wide grid: left edge, cell width, header lines and header height.
    fn wide_grid(&self) -> (i32, i32, Vec<Vec<String>>, i32) {
        let vendors: Vec<String> = self.rows.iter().map(|r| r.label.clone()).collect();
        let left = MARGIN + 22 + cells::label_width(&vendors, 220) + 10;
        let m = self.criteria.len() as i32;
        let cell_w = ((canvas::WIDTH as i32 - MARGIN - KEY_W - left) / m).max(8);
        let (heads, most) = cells::wrap_all(&self.criteria, cell_w - 6);
        (left, cell_w, heads, most as i32 * LINE + 8)
    }

    /// The narrow grid: criterion labels wrapped across the canvas (each above its row of
    /// cells), row height (label and cells), header height.
    fn narrow_grid(&self) -> (Vec<Vec<String>>, i32, i32) {
        let width = canvas::NARROW_WIDTH as i32 - 2 * MARGIN;
        let (labels, most) = cells::wrap_all(&self.criteria, width);
        let row_h = most as i32 * LINE + NARROW_CELL + 8;
        let head_h = self
            .rows
            .iter()
            .map(|r| text_width(&r.label, SMALL_SIZE))
            .max()
            .unwrap_or(0)
            + 30;
        (labels, row_h, head_h)
    }
}

/// Cell height in the wide layout.
const ROW_H: i32 = 36;
/// Cell height in the narrow layout, under the criterion's label.
const NARROW_CELL: i32 = 30;
/// Space under the grid for the description and, when narrow, the lying key.
const FOOT: i32 = 40;

impl Plot for Profile {
    const NAME: &'static str = NAME;

    fn title(&self) -> &str {
        &self.title
    }

    fn size(&self, layout: Layout) -> (u32, u32) {
        let h = if layout.narrow() {
            let (_, row_h, head_h) = self.narrow_grid();
            TITLE_H + head_h + row_h * self.criteria.len() as i32 + FOOT + cells::KEY_LYING_H
        } else {
            let head_h = self.wide_grid().3;
            TITLE_H + head_h + ROW_H * self.rows.len() as i32 + FOOT
        };
        (layout.width(), (h + MARGIN) as u32)
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        layout: Layout,
    ) -> DrawResult<DB> {
        super::wrap::draw_title(root, &self.title)?;
        if layout.narrow() {
            self.draw_narrow(root)
        } else {
            self.draw_wide(root)
        }
    }
}

impl Profile {
    fn draw_wide<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (left, cell_w, heads, head_h) = self.wide_grid();
        let top = TITLE_H + head_h;
        for (j, lines) in heads.iter().enumerate() {
            let x = left + cell_w * j as i32 + cell_w / 2;
            let st = text(SMALL_SIZE, BLACK, HPos::Center, VPos::Bottom);
            let y0 = top - 6 - (lines.len() as i32 - 1) * LINE;
            for (k, l) in lines.iter().enumerate() {
                put(root, l, (x, y0 + k as i32 * LINE), &st)?;
            }
        }
        for (i, row) in self.rows.iter().enumerate() {
            let y = top + ROW_H * i as i32;
            let tc = if row.excluded {
                style::MUTED_TEXT
            } else {
                BLACK
            };
            put(
                root,
                &fit(&row.label, SMALL_SIZE, left - MARGIN - 32),
                (left - 10, y + ROW_H / 2),
                &text(SMALL_SIZE, tc, HPos::Right, VPos::Center),
            )?;
            swatch(root, (MARGIN + 4, y + ROW_H / 2), row.colour)?;
            for j in 0..self.criteria.len() {
                let cell = Cell {
                    x: left + cell_w * j as i32,
                    y,
                    w: cell_w,
                    h: ROW_H,
                };
                self.cell(root, row, j, cell)?;
            }
        }
        let bottom = top + ROW_H * self.rows.len() as i32;
        let right = left + cell_w * self.criteria.len() as i32;
        put(
            root,
            &fit(DESC, LABEL_SIZE, right - left),
            ((left + right) / 2, bottom + 12),
            &text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top),
        )?;
        cells::key_upright(root, right + 24, (top, bottom.min(top + 220)), &MARKS)
    }

    fn draw_narrow<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let w = canvas::NARROW_WIDTH as i32;
        let (labels, row_h, head_h) = self.narrow_grid();
        let left = MARGIN;
        let n = self.rows.len() as i32;
        let cell_w = ((w - MARGIN - left) / n).max(8);
        let top = TITLE_H + head_h;
        for (i, row) in self.rows.iter().enumerate() {
            let x = left + cell_w * i as i32 + cell_w / 2;
            swatch(root, (x - 6, top - 14), row.colour)?;
            let tc = if row.excluded {
                style::MUTED_TEXT
            } else {
                BLACK
            };
            let st =
                text(SMALL_SIZE, tc, HPos::Left, VPos::Center).transform(FontTransform::Rotate270);
            put(root, &row.label, (x, top - 26), &st)?;
        }
        for (j, lines) in labels.iter().enumerate() {
            let y = top + row_h * j as i32;
            let label_h = lines.len() as i32 * LINE;
            cells::draw_lines(root, lines, (left, y + 4 + label_h / 2), BLACK, true)?;
            for (i, row) in self.rows.iter().enumerate() {
                let cell = Cell {
                    x: left + cell_w * i as i32,
                    y: y + label_h + 6,
                    w: cell_w,
                    h: NARROW_CELL,
                };
                self.cell(root, row, j, cell)?;
            }
        }
        let bottom = top + row_h * self.criteria.len() as i32;
        put(
            root,
            &fit(DESC, SMALL_SIZE, w - 2 * MARGIN),
            (MARGIN, bottom + 12),
            &text(SMALL_SIZE, BLACK, HPos::Left, VPos::Top),
        )?;
        cells::key_lying(
            root,
            (MARGIN + 20, bottom + 36),
            w - 2 * MARGIN - 40,
            &MARKS_LYING,
        )
    }

    /// The cell of `row` on criterion `j`.
    fn cell<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        row: &Row,
        j: usize,
        cell: Cell,
    ) -> DrawResult<DB> {
        let fill = row.shade[j].map_or(cells::MISSING, |a| cells::shade(a, row.excluded));
        cells::draw_cell(root, cell, fill, &row.text[j], SMALL_SIZE)
    }
}

/// The key's marks when it lies under the grid, left to right.
const MARKS_LYING: [(f64, &str); 3] = [(0.0, "worst"), (0.5, "0.5"), (1.0, "best")];

/// A vendor's colour as a small square centred vertically on `at`'s y, from its x.
fn swatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    colour: RGBColor,
) -> DrawResult<DB> {
    root.draw(&Rectangle::new(
        [(x, y - 6), (x + 12, y + 6)],
        colour.filled(),
    ))
}
