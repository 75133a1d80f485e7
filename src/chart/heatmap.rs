//! Rank-acceptability heatmap: vendors by ranks, each cell shaded by the share of simulations
//! (SMAA) in which the vendor takes that rank, with the percentage written in the cell.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    self, fit, put, text, text_width, DrawResult, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE, TITLE_H,
    WIDTH,
};
use super::data::RankHeatmapInput;
use super::style::{self};
use super::{Chart, ChartError};

const NAME: &str = "rank heatmap";
/// ColorBrewer "Blues", light to dark: one hue, readable in grey and by colour-blind readers.
const BLUES: [RGBColor; 9] = [
    RGBColor(0xF7, 0xFB, 0xFF),
    RGBColor(0xDE, 0xEB, 0xF7),
    RGBColor(0xC6, 0xDB, 0xEF),
    RGBColor(0x9E, 0xCA, 0xE1),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x42, 0x92, 0xC6),
    RGBColor(0x21, 0x71, 0xB5),
    RGBColor(0x08, 0x51, 0x9C),
    RGBColor(0x08, 0x30, 0x6B),
];
/// Width of the colour key on the right.
const KEY_W: i32 = 120;

/// Draws the rank-acceptability heatmap, one row per vendor in the given order.
///
/// Every row must have the same number of ranks, each a fraction in 0..=1.
pub fn rank_heatmap(input: &RankHeatmapInput) -> Result<Chart, ChartError> {
    canvas::ensure_font()?;
    canvas::render(&Heatmap::new(input)?)
}

/// Shade of acceptability `a` (0..=1) on the Blues ramp, or on a grey ramp for excluded vendors.
fn shade(a: f64, excluded: bool) -> RGBColor {
    let t = a.clamp(0.0, 1.0) * (BLUES.len() - 1) as f64;
    let i = (t.floor() as usize).min(BLUES.len() - 2);
    let f = t - i as f64;
    let (p, q) = (BLUES[i], BLUES[i + 1]);
    let mix = |x: u8, y: u8| (f64::from(x) + f * (f64::from(y) - f64::from(x))).round() as u8;
    let c = RGBColor(mix(p.0, q.0), mix(p.1, q.1), mix(p.2, q.2));
    if excluded {
        let g = (style::luminance(c).powf(1.0 / 2.2) * 255.0).round() as u8;
        RGBColor(g, g, g)
    } else {
        c
    }
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
    height: u32,
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
        let fixed = (TITLE_H + 30 + 56 + MARGIN) as u32;
        Ok(Self {
            title,
            ranks,
            height: canvas::height_for(rows.len(), 34, fixed),
            rows,
        })
    }
}

impl Plot for Heatmap {
    const NAME: &'static str = NAME;

    fn title(&self) -> &str {
        &self.title
    }

    fn size(&self) -> (u32, u32) {
        (WIDTH, self.height)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = root.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        canvas::draw_title(root, &self.title)?;
        let label_w = self
            .rows
            .iter()
            .map(|r| text_width(&r.label, SMALL_SIZE))
            .max()
            .unwrap_or(0)
            .min(300)
            + 30;
        let (left, right) = (MARGIN + label_w, w - MARGIN - KEY_W);
        let (top, bottom) = (TITLE_H + 30, h - 56);
        let k = self.ranks as i32;
        let n = self.rows.len() as i32;
        let cell_w = (right - left) / k;
        let cell_h = ((bottom - top) / n).min(60);
        let right = left + cell_w * k;

        // Cell text: the largest size at which "100%" fits, down to 10; without "%" below that.
        let mut size = SMALL_SIZE;
        while size > 10.0 && text_width("100%", size) > cell_w - 6 {
            size -= 1.0;
        }
        let sign = text_width("100%", size) <= cell_w - 4;

        let head = text(SMALL_SIZE, BLACK, HPos::Center, VPos::Bottom);
        for j in 0..k {
            let label = if text_width("rank 10", SMALL_SIZE) < cell_w - 6 {
                format!("rank {}", j + 1)
            } else {
                format!("{}", j + 1)
            };
            put(
                root,
                &label,
                (left + cell_w * j + cell_w / 2, top - 6),
                &head,
            )?;
        }
        for (i, row) in self.rows.iter().enumerate() {
            let y0 = top + cell_h * i as i32;
            let yc = y0 + cell_h / 2;
            let tc = if row.excluded {
                style::MUTED_TEXT
            } else {
                BLACK
            };
            put(
                root,
                &fit(&row.label, SMALL_SIZE, label_w - 30),
                (left - 8, yc),
                &text(SMALL_SIZE, tc, HPos::Right, VPos::Center),
            )?;
            let sx = left - label_w + 4;
            root.draw(&Rectangle::new(
                [(sx, yc - 6), (sx + 12, yc + 6)],
                row.colour.filled(),
            ))?;
            for (j, &a) in row.values.iter().enumerate() {
                let x0 = left + cell_w * j as i32;
                let c = shade(a, row.excluded);
                root.draw(&Rectangle::new(
                    [(x0, y0), (x0 + cell_w, y0 + cell_h)],
                    c.filled(),
                ))?;
                root.draw(&Rectangle::new(
                    [(x0, y0), (x0 + cell_w, y0 + cell_h)],
                    WHITE.stroke_width(1),
                ))?;
                let value = percent(a, sign);
                // Only when it fits: past about 30 ranks the shade alone carries the value.
                if text_width(&value, size) <= cell_w - 2 {
                    put(
                        root,
                        &value,
                        (x0 + cell_w / 2, yc),
                        &text(size, style::text_on(c), HPos::Center, VPos::Center),
                    )?;
                }
            }
        }
        let grid_bottom = top + cell_h * n;
        let desc = if sign {
            "rank (1 = best); cell: share of simulations"
        } else {
            "rank (1 = best); cell: % of simulations"
        };
        put(
            root,
            &fit(desc, LABEL_SIZE, w - 2 * MARGIN),
            ((left + right) / 2, grid_bottom + 14),
            &text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top),
        )?;
        self.draw_key(root, right + 30, top, grid_bottom.min(top + 240))
    }
}

impl Heatmap {
    /// A vertical colour key from 0 % (bottom) to 100 % (top).
    fn draw_key<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        x: i32,
        top: i32,
        bottom: i32,
    ) -> DrawResult<DB> {
        let bottom = bottom.max(top + 60);
        let span = (bottom - top).max(1);
        // 4-pixel bands: smooth to the eye, and few elements in the SVG.
        for y in (top..bottom).step_by(4) {
            let a = f64::from(bottom - y - 2) / f64::from(span);
            root.draw(&Rectangle::new(
                [(x, y), (x + 16, (y + 4).min(bottom))],
                shade(a, false).filled(),
            ))?;
        }
        root.draw(&Rectangle::new(
            [(x, top), (x + 16, bottom)],
            RGBColor(0x88, 0x88, 0x88).stroke_width(1),
        ))?;
        let st = text(SMALL_SIZE, BLACK, HPos::Left, VPos::Center);
        for (a, label) in [(1.0, "100%"), (0.5, "50%"), (0.0, "0%")] {
            let y = bottom - (a * f64::from(span)) as i32;
            root.draw(&PathElement::new(
                vec![(x + 16, y), (x + 20, y)],
                BLACK.stroke_width(1),
            ))?;
            put(root, label, (x + 24, y), &st)?;
        }
        Ok(())
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
        assert!(style::luminance(shade(0.0, false)) > style::luminance(shade(0.5, false)));
        assert!(style::luminance(shade(0.5, false)) > style::luminance(shade(1.0, false)));
        assert_eq!(percent(0.0, true), "0%");
        assert_eq!(percent(0.004, true), "<1%");
        assert_eq!(percent(0.426, false), "43");
    }
}
