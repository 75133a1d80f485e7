//! Tornado chart: for each criterion, how far one output (the top vendor's score, or the
//! rank-1 margin) moves when that criterion's weight goes from low to high, widest bar on top.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    self, fit, put, text, text_width, DrawResult, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE, TITLE_H,
    WIDTH,
};
use super::data::TornadoInput;
use super::legend::{self, Key};
use super::style::{self, fmt_num};
use super::{Chart, ChartError};

const NAME: &str = "tornado";
/// Colour of the part of a bar reached at the low weight (Tol bright blue).
const LOW: RGBColor = RGBColor(0x44, 0x77, 0xAA);
/// Colour of the part of a bar reached at the high weight (Tol vibrant orange).
const HIGH: RGBColor = RGBColor(0xEE, 0x77, 0x33);

/// Draws the tornado: one bar per criterion from the output at its low weight to the output at
/// its high weight, around the baseline (current weights), sorted by width.
pub fn tornado(input: &TornadoInput) -> Result<Chart, ChartError> {
    canvas::ensure_font()?;
    canvas::render(&Tornado::new(input)?)
}

struct Bar {
    name: String,
    weights: String,
    low: f64,
    high: f64,
}

struct Tornado {
    title: String,
    axis: String,
    baseline: f64,
    bars: Vec<Bar>,
    range: (f64, f64),
    height: u32,
}

impl Tornado {
    fn new(input: &TornadoInput) -> Result<Self, ChartError> {
        if input.bars.is_empty() {
            return Err(ChartError::empty(NAME, "criteria"));
        }
        let subject = style::clean(&input.subject);
        let baseline = style::finite(NAME, &subject, "baseline", input.baseline)?;
        let (mut lo, mut hi) = (baseline, baseline);
        let mut bars = Vec::with_capacity(input.bars.len());
        for b in &input.bars {
            let name = style::clean(&b.criterion);
            let wl = style::unit_interval(NAME, &name, "low weight", b.weight_low)?;
            let wh = style::unit_interval(NAME, &name, "high weight", b.weight_high)?;
            if wl > wh {
                return Err(ChartError::Value {
                    chart: NAME,
                    item: name,
                    what: "low weight",
                    value: wl,
                    rule: "expected a low weight not above the high weight",
                });
            }
            let low = style::finite(NAME, &name, "value at the low weight", b.value_low)?;
            let high = style::finite(NAME, &name, "value at the high weight", b.value_high)?;
            lo = lo.min(low).min(high);
            hi = hi.max(low).max(high);
            let weights = format!(
                " (weight {}% to {}%)",
                fmt_num(wl * 100.0),
                fmt_num(wh * 100.0)
            );
            bars.push(Bar {
                name: style::shorten(&name, 40),
                weights,
                low,
                high,
            });
        }
        bars.sort_by(|a, b| (b.high - b.low).abs().total_cmp(&(a.high - a.low).abs()));
        let axis = style::with_unit(&subject, &input.unit);
        let title = style::title_or(&input.title, || {
            format!("Sensitivity of the {subject} to each weight")
        });
        let fixed = (TITLE_H + legend::LEGEND_ROW + 8 + 24 + 60 + MARGIN) as u32;
        Ok(Self {
            title,
            axis,
            baseline,
            height: canvas::height_for(bars.len(), 32, fixed),
            bars,
            range: style::padded(lo, hi, 0.14),
        })
    }
}

impl Plot for Tornado {
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
        let legend = vec![
            (Key::Box(LOW), "at the criterion's low weight".to_string()),
            (Key::Box(HIGH), "at its high weight".to_string()),
            (Key::Dashed(BLACK), "at the current weights".to_string()),
        ];
        legend::flow_legend(root, &legend, (MARGIN, TITLE_H), w - 2 * MARGIN)?;
        let label_w = self
            .bars
            .iter()
            .map(|b| text_width(&format!("{}{}", b.name, b.weights), SMALL_SIZE))
            .max()
            .unwrap_or(0)
            .min(360)
            + 16;
        let top = TITLE_H + legend::LEGEND_ROW + 8;
        let area = root.clone().shrink((0, top), (w, h - top));
        let n = self.bars.len() as f64;
        let mut chart = ChartBuilder::on(&area)
            .margin_left(MARGIN)
            .margin_right(MARGIN + 6)
            .margin_top(24)
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
            .x_labels(8)
            .y_labels(1)
            .set_tick_mark_size(LabelAreaPosition::Left, 0)
            .x_label_formatter(&fmt)
            .y_label_formatter(&blank)
            .label_style(text(SMALL_SIZE, BLACK, HPos::Center, VPos::Top))
            .axis_desc_style(text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top))
            .x_desc(fit(&self.axis, LABEL_SIZE, w - label_w - 40))
            .draw()?;
        let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
        let slot = (px(0.0, 0.0).1 - px(0.0, 1.0).1).max(1);
        let half = ((f64::from(slot) * 0.32) as i32).clamp(3, 14);
        let x_axis = px(self.range.0, 0.0).0;
        let xb = px(self.baseline, 0.0).0;
        for (i, b) in self.bars.iter().enumerate() {
            let yc = px(0.0, n - i as f64 - 0.5).1;
            // Shorten the name, never the weight range.
            let name = fit(
                &b.name,
                SMALL_SIZE,
                label_w - 12 - text_width(&b.weights, SMALL_SIZE),
            );
            put(
                root,
                &format!("{name}{}", b.weights),
                (x_axis - 8, yc),
                &text(SMALL_SIZE, BLACK, HPos::Right, VPos::Center),
            )?;
            // The end farther from the baseline first, so the nearer one stays visible on top.
            let mut ends = [(b.low, LOW), (b.high, HIGH)];
            ends.sort_by(|p, q| {
                (q.0 - self.baseline)
                    .abs()
                    .total_cmp(&(p.0 - self.baseline).abs())
            });
            for (v, c) in ends {
                let xv = px(v, 0.0).0;
                let (x0, x1) = (xv.min(xb), xv.max(xb));
                root.draw(&Rectangle::new(
                    [(x0, yc - half), (x1.max(x0 + 1), yc + half)],
                    c.filled(),
                ))?;
            }
            let (vmin, vmax) = (b.low.min(b.high), b.low.max(b.high));
            let st_l = text(SMALL_SIZE, BLACK, HPos::Right, VPos::Center);
            let st_r = text(SMALL_SIZE, BLACK, HPos::Left, VPos::Center);
            if vmin < self.baseline {
                put(root, &fmt_num(vmin), (px(vmin, 0.0).0 - 4, yc), &st_l)?;
            }
            if vmax > self.baseline {
                put(root, &fmt_num(vmax), (px(vmax, 0.0).0 + 4, yc), &st_r)?;
            }
        }
        let (yt, yb) = (px(0.0, n).1 - 4, px(0.0, 0.0).1);
        legend::dashed_line(root, (xb, yt), (xb, yb), BLACK, 1)?;
        let label = format!("current: {}", fmt_num(self.baseline));
        let lw = text_width(&label, SMALL_SIZE);
        let lx = xb.clamp(x_axis + lw / 2, w - MARGIN - lw / 2);
        put(
            root,
            &label,
            (lx, yt - 2),
            &text(SMALL_SIZE, BLACK, HPos::Center, VPos::Bottom),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{samples, testutil};

    #[test]
    fn renders_sample_sorted_by_width() {
        let input = samples::tornado();
        let chart = tornado(&input).unwrap();
        testutil::check(&chart, &input.title);
        let texts = testutil::svg_texts(&chart.svg);
        let first = texts
            .iter()
            .position(|t| t.starts_with("Protection (weight"))
            .unwrap();
        let second = texts
            .iter()
            .position(|t| t.starts_with("Price per endpoint-month"))
            .unwrap();
        assert!(first < second);
        testutil::save("tornado", &chart);
    }

    #[test]
    fn flat_bars_and_margin_subject() {
        let mut input = samples::tornado();
        for b in &mut input.bars {
            b.value_low = input.baseline;
            b.value_high = input.baseline;
        }
        input.title.clear();
        input.subject = "rank-1 margin".into();
        let chart = tornado(&input).unwrap();
        testutil::check(&chart, "Sensitivity of the rank-1 margin to each weight");
    }

    #[test]
    fn rejects_bad_weights() {
        let mut input = samples::tornado();
        input.bars[0].weight_low = 0.5;
        assert!(matches!(tornado(&input), Err(ChartError::Value { .. })));
        let mut input = samples::tornado();
        input.bars[0].value_high = f64::NAN;
        assert!(matches!(tornado(&input), Err(ChartError::Value { .. })));
        let mut input = samples::tornado();
        input.bars.clear();
        assert!(matches!(tornado(&input), Err(ChartError::Empty { .. })));
    }
}
