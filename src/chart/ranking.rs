//! Ranking chart: one horizontal stacked bar per ranked vendor (best on top), one segment per
//! criterion's points on the 0-100 score scale, and the vendors excluded by gates listed under
//! the bars with their reason (wrapped, never cut). Wide: the vendor beside its bar;
//! narrow: above it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    self, fit, put, text, text_width, DrawResult, Layout, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE,
    TITLE_H,
};
use super::data::RankingInput;
use super::legend::{self, Key};
use super::style::{self, fmt_fixed, fmt_num};
use super::wrap::wrap;
use super::{Chart, ChartError};

const NAME: &str = "ranking";
/// Height of one line of the excluded list.
const EXCL_ROW: i32 = 20;

/// Draws the ranking with per-criterion contributions.
///
/// Rows are drawn in the order given (best first, on top). When every vendor is excluded the
/// chart says so and still lists the exclusions; with neither rows nor exclusions it is an error.
pub fn ranking_contributions(input: &RankingInput) -> Result<Chart, ChartError> {
    canvas::ensure_font()?;
    canvas::render(&Ranking::new(input)?)
}

struct Bar {
    label: String,
    excluded: bool,
    points: Vec<f64>,
    total: f64,
}

struct Ranking {
    title: String,
    legend: Vec<(Key, String)>,
    bars: Vec<Bar>,
    excluded: Vec<String>,
    xmax: f64,
    /// Decimals of the points and totals written on the bars: one group.
    decimals: usize,
}

impl Ranking {
    fn new(input: &RankingInput) -> Result<Self, ChartError> {
        if input.rows.is_empty() && input.excluded.is_empty() {
            return Err(ChartError::empty(NAME, "vendors"));
        }
        if !input.rows.is_empty() && input.criteria.is_empty() {
            return Err(ChartError::empty(NAME, "criteria"));
        }
        let mut bars = Vec::with_capacity(input.rows.len());
        for row in &input.rows {
            let v = style::find_vendor(NAME, &input.vendors, &row.vendor)?;
            style::check_len(
                NAME,
                &row.vendor,
                "criterion points",
                input.criteria.len(),
                row.points.len(),
            )?;
            let mut points = Vec::with_capacity(row.points.len());
            for &p in &row.points {
                if !p.is_finite() || p < -1e-9 {
                    return Err(ChartError::Value {
                        chart: NAME,
                        item: row.vendor.clone(),
                        what: "criterion points",
                        value: p,
                        rule: "expected a finite number, not negative",
                    });
                }
                points.push(p.max(0.0));
            }
            let total = points.iter().sum();
            bars.push(Bar {
                label: style::vendor_label(v),
                excluded: v.excluded,
                points,
                total,
            });
        }
        let mut excluded = Vec::with_capacity(input.excluded.len());
        for e in &input.excluded {
            let v = style::find_vendor(NAME, &input.vendors, &e.vendor)?;
            let name = style::shorten(&style::clean(&v.label), style::MAX_LABEL_CHARS);
            let reason = style::clean(&e.reason);
            excluded.push(if reason.is_empty() {
                name
            } else {
                format!("{name}: {reason}")
            });
        }
        let max_total = bars.iter().map(|b| b.total).fold(0.0, f64::max);
        let xmax = if max_total > 100.0 + 1e-9 {
            (max_total / 10.0).ceil() * 10.0
        } else {
            100.0
        };
        // No bars, no key: the legend only explains bar segments.
        let legend: Vec<(Key, String)> = input
            .criteria
            .iter()
            .filter(|_| !bars.is_empty())
            .enumerate()
            .map(|(i, c)| {
                (
                    Key::Box(style::criterion_colour(i)),
                    style::label_or_id(&c.label, &c.id),
                )
            })
            .collect();
        let totals: Vec<f64> = bars.iter().map(|b| b.total).collect();
        let decimals = style::group_decimals(&totals);
        let title = style::title_or(&input.title, || {
            "Ranking: points each criterion adds to the score".to_string()
        });
        Ok(Self {
            title,
            legend,
            bars,
            excluded,
            xmax,
            decimals,
        })
    }

    /// Height of the legend above the bars in a canvas `w` wide.
    fn legend_h(&self, w: i32) -> i32 {
        legend::flow_layout(&self.legend, (MARGIN, TITLE_H), w - 2 * MARGIN).1
    }

    /// The excluded vendors' lines, each wrapped to the canvas `w` wide.
    fn excluded_lines(&self, w: i32) -> Vec<Vec<String>> {
        self.excluded
            .iter()
            .map(|l| wrap(l, SMALL_SIZE, w - 2 * MARGIN - 34))
            .collect()
    }

    /// Height of the excluded list under the bars.
    fn excluded_height(&self, w: i32) -> i32 {
        let lines: usize = self.excluded_lines(w).iter().map(Vec::len).sum();
        if lines == 0 {
            0
        } else {
            EXCL_ROW * (lines as i32 + 1) + 6
        }
    }
}

/// Height of a bar's row beside its label (wide) and under it (narrow).
const ROW_WIDE: i32 = 34;
const ROW_NARROW: i32 = 46;

impl Plot for Ranking {
    const NAME: &'static str = NAME;

    fn title(&self) -> &str {
        &self.title
    }

    fn size(&self, layout: Layout) -> (u32, u32) {
        let w = layout.width() as i32;
        let row = if layout.narrow() {
            ROW_NARROW
        } else {
            ROW_WIDE
        };
        let bars = row * self.bars.len().max(1) as i32;
        let h = TITLE_H + self.legend_h(w) + 6 + 4 + 52 + bars + self.excluded_height(w) + MARGIN;
        (layout.width(), h.max(canvas::HEIGHT as i32 * 3 / 4) as u32)
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        layout: Layout,
    ) -> DrawResult<DB> {
        let (w, h) = root.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        super::wrap::draw_title(root, &self.title)?;
        legend::flow_legend(root, &self.legend, (MARGIN, TITLE_H), w - 2 * MARGIN)?;
        let top = TITLE_H + self.legend_h(w) + 6;
        let bottom = h - MARGIN - self.excluded_height(w);
        let area = root.clone().shrink((0, top), (w, bottom - top));
        if self.bars.is_empty() {
            let st = text(LABEL_SIZE, style::MUTED_TEXT, HPos::Center, VPos::Center);
            put(
                root,
                "No vendor passed the gates: nothing to rank",
                (w / 2, (top + bottom) / 2),
                &st,
            )?;
        } else {
            self.draw_bars(&area, root, layout)?;
        }
        self.draw_excluded(root, bottom + 6, w)
    }
}

impl Ranking {
    fn draw_bars<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        root: &DrawingArea<DB, Shift>,
        layout: Layout,
    ) -> DrawResult<DB> {
        let narrow = layout.narrow();
        let w = root.dim_in_pixel().0 as i32;
        let labels: Vec<String> = self
            .bars
            .iter()
            .enumerate()
            .map(|(i, b)| format!("{}. {}", i + 1, b.label))
            .collect();
        let label_w = if narrow {
            4
        } else {
            labels
                .iter()
                .map(|l| text_width(l, SMALL_SIZE))
                .max()
                .unwrap_or(0)
                .min(280)
                + 16
        };
        let n = self.bars.len() as f64;
        let mut chart = ChartBuilder::on(area)
            .margin_left(MARGIN)
            .margin_right(64)
            .margin_top(4)
            .x_label_area_size(52)
            .y_label_area_size(label_w)
            .build_cartesian_2d(0f64..self.xmax, 0f64..n)?;
        let fmt = |v: &f64| fmt_num(*v);
        let blank = |_: &f64| String::new();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_max_light_lines(0)
            .bold_line_style(style::GRID)
            .x_labels(if narrow { 6 } else { 11 })
            .y_labels(1)
            .set_tick_mark_size(LabelAreaPosition::Left, 0)
            .x_label_formatter(&fmt)
            .y_label_formatter(&blank)
            .label_style(text(SMALL_SIZE, BLACK, HPos::Center, VPos::Top))
            .axis_desc_style(text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top))
            .x_desc(if narrow {
                "points (bar length = score)"
            } else {
                "points on the 0-100 score scale (bar length = score)"
            })
            .draw()?;

        let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
        let slot = (px(0.0, 0.0).1 - px(0.0, 1.0).1).max(1);
        let half = if narrow {
            ((f64::from(slot - 20) * 0.4) as i32).clamp(3, 11)
        } else {
            ((f64::from(slot) * 0.34) as i32).clamp(3, 16)
        };
        let total_st = text(SMALL_SIZE, BLACK, HPos::Left, VPos::Center);
        let x_axis = px(0.0, 0.0).0;
        for (i, (bar, label)) in self.bars.iter().zip(&labels).enumerate() {
            let tc = if bar.excluded {
                style::MUTED_TEXT
            } else {
                BLACK
            };
            let yc = if narrow {
                let (y0, y1) = (px(0.0, n - i as f64).1, px(0.0, n - i as f64 - 1.0).1);
                put(
                    root,
                    &fit(label, SMALL_SIZE, w - 2 * MARGIN),
                    (x_axis, y0 + 10),
                    &text(SMALL_SIZE, tc, HPos::Left, VPos::Center),
                )?;
                (y0 + 20 + y1) / 2
            } else {
                let yc = px(0.0, n - i as f64 - 0.5).1;
                put(
                    root,
                    &fit(label, SMALL_SIZE, label_w - 12),
                    (x_axis - 8, yc),
                    &text(SMALL_SIZE, tc, HPos::Right, VPos::Center),
                )?;
                yc
            };
            let mut cum = 0.0;
            for (j, &p) in bar.points.iter().enumerate() {
                if p <= 0.0 {
                    continue;
                }
                let (x0, x1) = (px(cum, 0.0).0, px(cum + p, 0.0).0);
                cum += p;
                let colour = if bar.excluded {
                    style::EXCLUDED
                } else {
                    style::criterion_colour(j)
                };
                root.draw(&Rectangle::new(
                    [(x0, yc - half), (x1.max(x0 + 1), yc + half)],
                    colour.filled(),
                ))?;
                root.draw(&PathElement::new(
                    vec![(x1, yc - half), (x1, yc + half)],
                    WHITE.stroke_width(1),
                ))?;
                let value = fmt_fixed(p, self.decimals);
                if x1 - x0 > text_width(&value, SMALL_SIZE) + 8 && half >= 8 {
                    let st = text(
                        SMALL_SIZE,
                        style::text_on(colour),
                        HPos::Center,
                        VPos::Center,
                    );
                    put(root, &value, ((x0 + x1) / 2, yc), &st)?;
                }
            }
            put(
                root,
                &fmt_fixed(bar.total, self.decimals),
                (px(bar.total, 0.0).0 + 6, yc),
                &total_st,
            )?;
        }
        Ok(())
    }

    fn draw_excluded<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        top: i32,
        w: i32,
    ) -> DrawResult<DB> {
        if self.excluded.is_empty() {
            return Ok(());
        }
        let head = text(SMALL_SIZE, BLACK, HPos::Left, VPos::Center);
        put(
            root,
            "Excluded by gates (not ranked):",
            (MARGIN, top + EXCL_ROW / 2),
            &head,
        )?;
        let st = text(SMALL_SIZE, style::MUTED_TEXT, HPos::Left, VPos::Center);
        let mut y = top + EXCL_ROW + EXCL_ROW / 2;
        for lines in self.excluded_lines(w) {
            legend::draw_key(root, Key::Box(style::EXCLUDED), (MARGIN + 4, y))?;
            for line in lines {
                put(root, &line, (MARGIN + 32, y), &st)?;
                y += EXCL_ROW;
            }
        }
        Ok(())
    }
}
