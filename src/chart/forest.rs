//! Forest chart: one metric's point estimate and confidence interval per vendor, drawn as
//! horizontal whiskers, with an optional reference line such as a gate's minimum. Wide: the
//! vendor beside its whisker and the numbers in a column on the right; narrow: the vendor
//! and its numbers on a line above the whisker.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    self, fit, put, text, text_width, DrawResult, Layout, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE,
    TITLE_H,
};
use super::data::ForestInput;
use super::legend::{self, Key};
use super::style::{self, fmt_fixed, fmt_num, Shape};
use super::{Chart, ChartError};

const NAME: &str = "forest";
/// Colour of the reference line.
const REFERENCE: RGBColor = RGBColor(0xB2, 0x18, 0x2B);

/// Draws point estimates with their intervals, one row per vendor in the given order.
///
/// Bounds must be finite with `lower <= upper`; the confidence level must lie strictly between
/// 0 and 1. The estimate and interval are written beside each row.
pub fn forest(input: &ForestInput) -> Result<Chart, ChartError> {
    canvas::ensure_font()?;
    canvas::render(&Forest::new(input)?)
}

struct Row {
    label: String,
    colour: RGBColor,
    shape: Shape,
    excluded: bool,
    estimate: f64,
    interval: Option<(f64, f64)>,
}

struct Forest {
    title: String,
    axis: String,
    level: String,
    rows: Vec<Row>,
    threshold: Option<(f64, String)>,
    range: (f64, f64),
    /// Decimals of every printed estimate, bound and threshold: one group.
    decimals: usize,
}

/// Row height beside the whiskers (wide) and with a line of text above each (narrow).
const ROW_WIDE: i32 = 30;
const ROW_NARROW: i32 = 44;

impl Forest {
    fn new(input: &ForestInput) -> Result<Self, ChartError> {
        if input.rows.is_empty() {
            return Err(ChartError::empty(NAME, "vendors"));
        }
        if !(input.level > 0.0 && input.level < 1.0) {
            return Err(ChartError::Value {
                chart: NAME,
                item: style::clean(&input.metric),
                what: "confidence level",
                value: input.level,
                rule: "expected a number between 0 and 1",
            });
        }
        let mut rows = Vec::with_capacity(input.rows.len());
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for r in &input.rows {
            let v = style::find_vendor(NAME, &input.vendors, &r.vendor)?;
            let estimate = style::finite(NAME, &r.vendor, "estimate", r.estimate)?;
            let interval = match r.interval {
                None => None,
                Some(i) => {
                    let a = style::finite(NAME, &r.vendor, "lower bound", i.lower)?;
                    let b = style::finite(NAME, &r.vendor, "upper bound", i.upper)?;
                    if a > b {
                        return Err(ChartError::Value {
                            chart: NAME,
                            item: r.vendor.clone(),
                            what: "lower bound",
                            value: a,
                            rule: "expected a lower bound not above the upper bound",
                        });
                    }
                    lo = lo.min(a);
                    hi = hi.max(b);
                    Some((a, b))
                }
            };
            lo = lo.min(estimate);
            hi = hi.max(estimate);
            rows.push(Row {
                label: style::vendor_label(v),
                colour: style::vendor_colour(v),
                shape: style::vendor_shape(v),
                excluded: v.excluded,
                estimate,
                interval,
            });
        }
        let threshold = match &input.threshold {
            None => None,
            Some(t) => {
                let x = style::finite(NAME, &t.label, "threshold", t.value)?;
                lo = lo.min(x);
                hi = hi.max(x);
                Some((x, style::clean(&t.label)))
            }
        };
        let metric = style::clean(&input.metric);
        let axis = style::with_unit(&metric, &input.unit);
        let title = style::title_or(&input.title, || {
            format!("{metric}: estimate and interval per vendor")
        });
        let mut printed: Vec<f64> = rows
            .iter()
            .flat_map(|r| {
                let (a, b) = r.interval.unwrap_or((r.estimate, r.estimate));
                [r.estimate, a, b]
            })
            .collect();
        printed.extend(threshold.iter().map(|t| t.0));
        Ok(Self {
            title,
            axis,
            level: format!("{}% interval", fmt_num(input.level * 100.0)),
            rows,
            threshold,
            range: style::padded(lo, hi, 0.06),
            decimals: style::group_decimals(&printed),
        })
    }
}

impl Plot for Forest {
    const NAME: &'static str = NAME;

    fn title(&self) -> &str {
        &self.title
    }

    fn size(&self, layout: Layout) -> (u32, u32) {
        let w = layout.width() as i32;
        let legend_h = legend::flow_layout(&self.legend(), (MARGIN, TITLE_H), w - 2 * MARGIN).1;
        let row = if layout.narrow() {
            ROW_NARROW
        } else {
            ROW_WIDE
        };
        let h = TITLE_H + legend_h + 8 + 20 + 58 + MARGIN + row * self.rows.len() as i32;
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
        let legend = self.legend();
        let legend_h = legend::flow_layout(&legend, (MARGIN, TITLE_H), w - 2 * MARGIN).1;
        legend::flow_legend(root, &legend, (MARGIN, TITLE_H), w - 2 * MARGIN)?;
        let value = |x: f64| fmt_fixed(x, self.decimals);

        let values: Vec<String> = self
            .rows
            .iter()
            .map(|r| match r.interval {
                Some((a, b)) => {
                    format!("{} ({} to {})", value(r.estimate), value(a), value(b))
                }
                None => format!("{} (no interval)", value(r.estimate)),
            })
            .collect();
        let header = format!("estimate ({})", self.level);
        let narrow = layout.narrow();
        let value_w = if narrow {
            0
        } else {
            values
                .iter()
                .chain([&header])
                .map(|v| text_width(v, SMALL_SIZE))
                .max()
                .unwrap_or(0)
                .min(220)
                + 16
        };
        let label_w = if narrow {
            4
        } else {
            self.rows
                .iter()
                .map(|r| text_width(&r.label, SMALL_SIZE))
                .max()
                .unwrap_or(0)
                .min(280)
                + 16
        };
        let top = TITLE_H + legend_h + 8;
        let area = root.clone().shrink((0, top), (w - value_w, h - top));
        let n = self.rows.len() as f64;
        let mut chart = ChartBuilder::on(&area)
            .margin_left(MARGIN)
            .margin_right(14)
            .margin_top(20)
            .margin_bottom(6)
            .x_label_area_size(52)
            .y_label_area_size(label_w)
            .build_cartesian_2d(self.range.0..self.range.1, 0f64..n)?;
        let fmt = |v: &f64| fmt_num(*v);
        let blank = |_: &f64| String::new();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_max_light_lines(0)
            .bold_line_style(style::GRID)
            .x_labels(if narrow { 5 } else { 8 })
            .y_labels(1)
            .set_tick_mark_size(LabelAreaPosition::Left, 0)
            .x_label_formatter(&fmt)
            .y_label_formatter(&blank)
            .label_style(text(SMALL_SIZE, BLACK, HPos::Center, VPos::Top))
            .axis_desc_style(text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top))
            .x_desc(fit(&self.axis, LABEL_SIZE, w - label_w - value_w - 40))
            .draw()?;
        let px = |x: f64, y: f64| chart.backend_coord(&(x, y));

        if let Some((x, _)) = &self.threshold {
            let (tx, y0) = px(*x, 0.0);
            legend::dashed_line(root, (tx, y0), (tx, px(*x, n).1), REFERENCE, 2)?;
        }
        let x_axis = px(self.range.0, 0.0).0;
        let right = px(self.range.1, 0.0).0;
        if !narrow {
            let head = text(SMALL_SIZE, style::MUTED_TEXT, HPos::Left, VPos::Bottom);
            put(
                root,
                &fit(&header, SMALL_SIZE, value_w - 8),
                (right + 16, px(0.0, n).1 - 2),
                &head,
            )?;
        }
        for (i, (r, value)) in self.rows.iter().zip(&values).enumerate() {
            let tc = if r.excluded { style::MUTED_TEXT } else { BLACK };
            let yc = if narrow {
                // The vendor left and its numbers right, on a line above the whisker.
                let (y0, y1) = (px(0.0, n - i as f64).1, px(0.0, n - i as f64 - 1.0).1);
                let vw = text_width(value, SMALL_SIZE);
                put(
                    root,
                    &fit(&r.label, SMALL_SIZE, w - 2 * MARGIN - vw - 10),
                    (MARGIN, y0 + 11),
                    &text(SMALL_SIZE, tc, HPos::Left, VPos::Center),
                )?;
                put(
                    root,
                    value,
                    (w - MARGIN, y0 + 11),
                    &text(SMALL_SIZE, tc, HPos::Right, VPos::Center),
                )?;
                (y0 + 20 + y1) / 2
            } else {
                let yc = px(0.0, n - i as f64 - 0.5).1;
                put(
                    root,
                    &fit(&r.label, SMALL_SIZE, label_w - 12),
                    (x_axis - 8, yc),
                    &text(SMALL_SIZE, tc, HPos::Right, VPos::Center),
                )?;
                put(
                    root,
                    &fit(value, SMALL_SIZE, value_w - 8),
                    (right + 16, yc),
                    &text(SMALL_SIZE, tc, HPos::Left, VPos::Center),
                )?;
                yc
            };
            if let Some((a, b)) = r.interval {
                let (xa, xb) = (px(a, 0.0).0, px(b, 0.0).0);
                let st = r.colour.stroke_width(2);
                root.draw(&PathElement::new(vec![(xa, yc), (xb, yc)], st))?;
                root.draw(&PathElement::new(vec![(xa, yc - 6), (xa, yc + 6)], st))?;
                root.draw(&PathElement::new(vec![(xb, yc - 6), (xb, yc + 6)], st))?;
            }
            let xe = px(r.estimate, 0.0).0.clamp(x_axis, right);
            legend::marker(root, (xe, yc), r.shape, r.colour, 6, r.excluded)?;
        }
        Ok(())
    }
}

impl Forest {
    /// The legend: the mark and interval, and the reference line with its value.
    fn legend(&self) -> Vec<(Key, String)> {
        let mut legend = vec![(
            Key::Series(BLACK, Shape::Circle, false),
            format!("point estimate with {}", self.level),
        )];
        if let Some((x, label)) = &self.threshold {
            legend.push((
                Key::Dashed(REFERENCE),
                format!("{label}: {}", fmt_fixed(*x, self.decimals)),
            ));
        }
        legend
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::data::*;
    use crate::chart::{samples, testutil};

    #[test]
    fn renders_sample() {
        let input = samples::forest();
        let chart = forest(&input).unwrap();
        testutil::check(&chart, &input.title);
        testutil::save("forest", &chart);
    }

    #[test]
    fn all_equal_and_missing_intervals() {
        let mut input = samples::forest();
        for r in &mut input.rows {
            r.estimate = 0.5;
            r.interval = None;
        }
        input.threshold = None;
        input.title.clear();
        let chart = forest(&input).unwrap();
        testutil::check(
            &chart,
            "pilot detection rate: estimate and interval per vendor",
        );
    }

    #[test]
    fn rejects_bad_bounds() {
        let mut input = samples::forest();
        input.rows[0].interval = Some(Interval {
            lower: 0.9,
            upper: 0.8,
        });
        assert!(matches!(forest(&input), Err(ChartError::Value { .. })));
        input.rows[0].interval = Some(Interval {
            lower: f64::NAN,
            upper: 0.8,
        });
        assert!(matches!(forest(&input), Err(ChartError::Value { .. })));
        let mut input = samples::forest();
        input.level = 95.0;
        assert!(matches!(forest(&input), Err(ChartError::Value { .. })));
        let mut input = samples::forest();
        input.rows.clear();
        assert!(matches!(forest(&input), Err(ChartError::Empty { .. })));
    }
}
