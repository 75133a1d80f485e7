//! Tornado chart: for each criterion, how far one output (the top vendor's score, or the
//! rank-1 margin) moves when that criterion's weight goes from low to high, widest bar on top.
//! A criterion's label is wrapped onto as many lines as it needs, never cut: beside its bar
//! when wide, above it when narrow.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    self, fit, put, text, text_width, DrawResult, Layout, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE,
    TITLE_H,
};
use super::cells::{self, LINE};
use super::data::TornadoInput;
use super::legend::{self, Key};
use super::style::{self, fmt_fixed, fmt_num};
use super::wrap::wrap;
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
    /// The criterion and its weight range, whole.
    label: String,
    low: f64,
    high: f64,
}

struct Tornado {
    title: String,
    axis: String,
    baseline: f64,
    bars: Vec<Bar>,
    range: (f64, f64),
    /// Decimals of the values written at the bars' ends and the baseline.
    decimals: usize,
}

/// Widest label column beside the bars (wide layout).
const LABEL_COL: i32 = 330;
/// Height of the plot's chrome: title, legend, axis and margins.
const CHROME: i32 = TITLE_H + legend::LEGEND_ROW + 8 + 24 + 58 + MARGIN;

impl Tornado {
    fn new(input: &TornadoInput) -> Result<Self, ChartError> {
        if input.bars.is_empty() {
            return Err(ChartError::empty(NAME, "criteria"));
        }
        let subject = style::clean(&input.subject);
        let baseline = style::finite(NAME, &subject, "baseline", input.baseline)?;
        let (mut lo, mut hi) = (baseline, baseline);
        let mut bars = Vec::with_capacity(input.bars.len());
        let mut weights = Vec::with_capacity(input.bars.len());
        let mut values = vec![baseline];
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
            values.extend([low, high]);
            weights.extend([wl * 100.0, wh * 100.0]);
            bars.push((name, wl * 100.0, wh * 100.0, low, high));
        }
        let wd = style::group_decimals(&weights);
        let mut bars: Vec<Bar> = bars
            .into_iter()
            .map(|(name, wl, wh, low, high)| Bar {
                label: format!(
                    "{name} (weight {}% to {}%)",
                    fmt_fixed(wl, wd),
                    fmt_fixed(wh, wd)
                ),
                low,
                high,
            })
            .collect();
        bars.sort_by(|a, b| (b.high - b.low).abs().total_cmp(&(a.high - a.low).abs()));
        let axis = style::with_unit(&subject, &input.unit);
        let title = style::title_or(&input.title, || {
            format!("Sensitivity of the {subject} to each weight")
        });
        Ok(Self {
            title,
            axis,
            baseline,
            bars,
            range: style::padded(lo, hi, 0.14),
            decimals: style::group_decimals(&values),
        })
    }

    /// Width of the label column beside the bars (wide layout).
    fn label_col(&self) -> i32 {
        self.bars
            .iter()
            .map(|b| text_width(&b.label, SMALL_SIZE))
            .max()
            .unwrap_or(0)
            .min(LABEL_COL)
    }

    /// Each bar's label in lines: beside the bar within the label column (wide), or above
    /// it across the canvas (narrow).
    fn lines(&self, layout: Layout) -> Vec<Vec<String>> {
        let width = if layout.narrow() {
            layout.width() as i32 - 2 * MARGIN
        } else {
            self.label_col()
        };
        self.bars
            .iter()
            .map(|b| wrap(&b.label, SMALL_SIZE, width))
            .collect()
    }

    /// Height of one bar's slot: its label's lines beside (wide) or above (narrow) a bar.
    fn slot(&self, layout: Layout) -> i32 {
        let most = self.lines(layout).iter().map(Vec::len).max().unwrap_or(1) as i32;
        if layout.narrow() {
            most * LINE + 26
        } else {
            (most * LINE + 10).max(32)
        }
    }
}

impl Plot for Tornado {
    const NAME: &'static str = NAME;

    fn title(&self) -> &str {
        &self.title
    }

    fn size(&self, layout: Layout) -> (u32, u32) {
        let h = CHROME + self.slot(layout) * self.bars.len() as i32;
        let h = if layout.narrow() {
            h + legend::LEGEND_ROW * 2
        } else {
            h
        };
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
        let legend = vec![
            (Key::Box(LOW), "at the criterion's low weight".to_string()),
            (Key::Box(HIGH), "at its high weight".to_string()),
            (Key::Dashed(BLACK), "at the current weights".to_string()),
        ];
        let legend_h = legend::flow_layout(&legend, (MARGIN, TITLE_H), w - 2 * MARGIN).1;
        legend::flow_legend(root, &legend, (MARGIN, TITLE_H), w - 2 * MARGIN)?;
        let label_w = if layout.narrow() {
            4
        } else {
            self.label_col() + 16
        };
        let top = TITLE_H + legend_h + 8;
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
            .x_labels(if layout.narrow() { 5 } else { 8 })
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
        let half = ((f64::from(slot) * 0.32) as i32).clamp(3, 12);
        let x_axis = px(self.range.0, 0.0).0;
        let xb = px(self.baseline, 0.0).0;
        let value = |v: f64| fmt_fixed(v, self.decimals);
        for (i, (b, lines)) in self.bars.iter().zip(self.lines(layout)).enumerate() {
            let (y0, y1) = (px(0.0, n - i as f64).1, px(0.0, n - i as f64 - 1.0).1);
            let yc = if layout.narrow() {
                let label_h = lines.len() as i32 * LINE;
                cells::draw_lines(root, &lines, (MARGIN, y0 + 4 + label_h / 2), BLACK, true)?;
                (y0 + 4 + label_h + y1) / 2
            } else {
                let yc = (y0 + y1) / 2;
                cells::draw_lines(root, &lines, (x_axis - 8, yc), BLACK, false)?;
                yc
            };
            self.draw_bar(root, b, yc, half, &px)?;
            let (vmin, vmax) = (b.low.min(b.high), b.low.max(b.high));
            let st_l = text(SMALL_SIZE, BLACK, HPos::Right, VPos::Center);
            let st_r = text(SMALL_SIZE, BLACK, HPos::Left, VPos::Center);
            if vmin < self.baseline {
                put(root, &value(vmin), (px(vmin, 0.0).0 - 4, yc), &st_l)?;
            }
            if vmax > self.baseline {
                put(root, &value(vmax), (px(vmax, 0.0).0 + 4, yc), &st_r)?;
            }
        }
        let (yt, yb) = (px(0.0, n).1 - 4, px(0.0, 0.0).1);
        legend::dashed_line(root, (xb, yt), (xb, yb), BLACK, 1)?;
        let label = format!("current: {}", value(self.baseline));
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

impl Tornado {
    /// One bar around the baseline: the end farther from it first, so the nearer one stays
    /// visible on top.
    fn draw_bar<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        b: &Bar,
        yc: i32,
        half: i32,
        px: &dyn Fn(f64, f64) -> (i32, i32),
    ) -> DrawResult<DB> {
        let xb = px(self.baseline, 0.0).0;
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
        Ok(())
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
    fn long_labels_are_wrapped_whole_in_both_layouts() {
        let mut input = samples::tornado();
        input.bars[0].criterion =
            "False positives per endpoint-day across every managed client site in the pilot".into();
        input.bars[1].criterion =
            "Antidisestablishmentarianism-grade-vendor-trust-assessment".into();
        let chart = tornado(&input).unwrap();
        testutil::check(&chart, &input.title);
        for svg in [&chart.svg, &chart.narrow] {
            let texts = testutil::svg_texts(svg);
            for b in &input.bars {
                // The sample's weights go up to 40%: one decimal for all of them.
                let label = format!(
                    "{} (weight {}% to {}%)",
                    b.criterion,
                    style::fmt_fixed(b.weight_low * 100.0, 1),
                    style::fmt_fixed(b.weight_high * 100.0, 1)
                );
                let whole = crate::chart::wrap::holds(&texts, &label);
                assert!(whole, "`{label}` is not whole in {texts:?}");
            }
            assert!(!texts.iter().any(|t| t.contains('…')), "{texts:?}");
        }
        testutil::save("tornado-long-labels", &chart);
        testutil::save_narrow("tornado-long-labels", &chart);
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
