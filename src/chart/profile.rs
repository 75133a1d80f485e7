//! Profile chart: parallel coordinates of each vendor's normalised value (0 = worst, 1 = best)
//! per criterion, one vertical axis per criterion and one line per vendor.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    self, fit, put, text, text_width, DrawResult, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE, TITLE_H,
};
use super::data::ProfileInput;
use super::legend::{self, Key};
use super::style::{self, Shape};
use super::{Chart, ChartError};

const NAME: &str = "profile";
/// Width of the legend column on the right.
const LEGEND_W: i32 = 250;

/// Draws each vendor's normalised criterion values as parallel coordinates.
///
/// A NaN value means "not available" and leaves a gap in that vendor's line; other values must
/// lie in 0..=1. Excluded vendors are drawn grey and dashed, under the others.
pub fn profile(input: &ProfileInput) -> Result<Chart, ChartError> {
    canvas::ensure_font()?;
    canvas::render(&Profile::new(input)?)
}

struct Line {
    label: String,
    colour: RGBColor,
    shape: Shape,
    excluded: bool,
    values: Vec<Option<f64>>,
}

struct Profile {
    title: String,
    criteria: Vec<String>,
    lines: Vec<Line>,
}

impl Profile {
    fn new(input: &ProfileInput) -> Result<Self, ChartError> {
        if input.rows.is_empty() {
            return Err(ChartError::empty(NAME, "vendors"));
        }
        if input.criteria.is_empty() {
            return Err(ChartError::empty(NAME, "criteria"));
        }
        let mut lines = Vec::with_capacity(input.rows.len());
        for row in &input.rows {
            let v = style::find_vendor(NAME, &input.vendors, &row.vendor)?;
            style::check_len(
                NAME,
                &row.vendor,
                "criterion values",
                input.criteria.len(),
                row.values.len(),
            )?;
            let mut values = Vec::with_capacity(row.values.len());
            for &x in &row.values {
                values.push(if x.is_nan() {
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
            lines.push(Line {
                label: style::vendor_label(v),
                colour: style::vendor_colour(v),
                shape: style::vendor_shape(v),
                excluded: v.excluded,
                values,
            });
        }
        // Legend in dataset order with excluded vendors last; drawing order is the reverse, so
        // the first vendors and the ranked ones are on top.
        lines.sort_by_key(|l| l.excluded);
        let criteria = input
            .criteria
            .iter()
            .map(|c| style::label_or_id(&c.label, &c.id))
            .collect();
        let title = style::title_or(&input.title, || {
            "Vendor profiles: normalised value per criterion".to_string()
        });
        Ok(Self {
            title,
            criteria,
            lines,
        })
    }
}

impl Plot for Profile {
    const NAME: &'static str = NAME;

    fn title(&self) -> &str {
        &self.title
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = root.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        canvas::draw_title(root, &self.title)?;
        let plot_w = w - LEGEND_W;
        let area = root.clone().shrink((0, TITLE_H), (plot_w, h - TITLE_H));
        let m = self.criteria.len() as f64;
        let mut chart = ChartBuilder::on(&area)
            .margin_left(MARGIN)
            .margin_right(MARGIN + 10)
            .margin_top(8)
            .margin_bottom(6)
            .x_label_area_size(76)
            .y_label_area_size(56)
            .build_cartesian_2d(-0.35f64..(m - 0.65), 0f64..1f64)?;
        let yfmt = |v: &f64| style::fmt_num(*v);
        let blank = |_: &f64| String::new();
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_max_light_lines(0)
            .bold_line_style(style::GRID)
            .y_labels(6)
            .x_labels(1)
            .y_label_formatter(&yfmt)
            .x_label_formatter(&blank)
            .label_style(text(SMALL_SIZE, BLACK, HPos::Center, VPos::Top))
            .axis_desc_style(text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top))
            .y_desc("normalised value (0 = worst, 1 = best)")
            .x_desc("criterion")
            .draw()?;
        let px = |x: f64, y: f64| chart.backend_coord(&(x, y));

        // One vertical axis per criterion, labelled below; staggered when labels are wide.
        let slot = if self.criteria.len() > 1 {
            px(1.0, 0.0).0 - px(0.0, 0.0).0
        } else {
            plot_w - 120
        };
        let stagger = self
            .criteria
            .iter()
            .any(|c| text_width(c, SMALL_SIZE) > slot - 8);
        let max_label = if stagger { 2 * slot - 12 } else { slot - 8 };
        for (i, c) in self.criteria.iter().enumerate() {
            let (x, y0) = px(i as f64, 0.0);
            let y1 = px(i as f64, 1.0).1;
            root.draw(&PathElement::new(
                vec![(x, y0), (x, y1)],
                RGBColor(0x55, 0x55, 0x55).stroke_width(1),
            ))?;
            let dy = if stagger && i % 2 == 1 { 22 } else { 0 };
            let label = fit(c, SMALL_SIZE, max_label.min(plot_w - 40));
            let lw = text_width(&label, SMALL_SIZE);
            // keep the label inside the plot column
            let cx = x.clamp(MARGIN + lw / 2, plot_w - lw / 2 - 4);
            put(
                root,
                &label,
                (cx, y0 + 8 + dy),
                &text(SMALL_SIZE, BLACK, HPos::Center, VPos::Top),
            )?;
        }

        for line in self.lines.iter().rev() {
            let pts: Vec<Option<(i32, i32)>> = line
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| v.map(|v| px(i as f64, v)))
                .collect();
            for pair in pts.windows(2) {
                if let [Some(a), Some(b)] = pair {
                    if line.excluded {
                        legend::dashed_line(root, *a, *b, line.colour, 2)?;
                    } else {
                        root.draw(&PathElement::new(vec![*a, *b], line.colour.stroke_width(3)))?;
                    }
                }
            }
            for p in pts.iter().flatten() {
                legend::marker(root, *p, line.shape, line.colour, 5, line.excluded)?;
            }
        }

        let legend: Vec<(Key, String)> = self
            .lines
            .iter()
            .map(|l| (Key::Series(l.colour, l.shape, l.excluded), l.label.clone()))
            .collect();
        let end = legend::column_legend(
            root,
            "Vendors",
            &legend,
            (plot_w + 6, TITLE_H + 8),
            LEGEND_W - 6 - MARGIN,
            1,
        )?;
        if self
            .lines
            .iter()
            .any(|l| l.values.iter().any(Option::is_none))
        {
            let note = text(SMALL_SIZE, style::MUTED_TEXT, HPos::Left, VPos::Bottom);
            let y = (end + 24).min(h - MARGIN);
            put(
                root,
                &fit(
                    "A gap in a line: value not available",
                    SMALL_SIZE,
                    LEGEND_W - 20,
                ),
                (plot_w + 6, y),
                &note,
            )?;
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
        let input = samples::profile();
        let chart = profile(&input).unwrap();
        testutil::check(&chart, &input.title);
        assert!(testutil::svg_texts(&chart.svg)
            .iter()
            .any(|t| t == "<script>alert(1)</script>"));
        testutil::save("profile", &chart);
    }

    #[test]
    fn one_criterion_one_vendor() {
        let mut input = samples::profile();
        input.criteria.truncate(1);
        input.rows.truncate(1);
        input.rows[0].values.truncate(1);
        let chart = profile(&input).unwrap();
        testutil::check(&chart, &input.title);
    }

    #[test]
    fn rejects_out_of_range_and_empty() {
        let mut input = samples::profile();
        input.rows[0].values[0] = 1.5;
        assert!(matches!(profile(&input), Err(ChartError::Value { .. })));
        input.rows[0].values[0] = f64::INFINITY;
        assert!(matches!(profile(&input), Err(ChartError::Value { .. })));
        let mut input = samples::profile();
        input.rows.clear();
        assert!(matches!(profile(&input), Err(ChartError::Empty { .. })));
        let mut input = samples::profile();
        input.criteria.clear();
        assert!(matches!(profile(&input), Err(ChartError::Empty { .. })));
    }
}
