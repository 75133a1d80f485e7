//! Weight-sweep chart: every vendor's score as one criterion's weight goes from 0 to 100 %,
//! with the current weight and the break-even weights (where the order changes) marked.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    self, fit, put, text, text_width, DrawResult, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE, TITLE_H,
};
use super::data::WeightSweepInput;
use super::legend::{self, Key};
use super::style::{self, fmt_num, Shape};
use super::{Chart, ChartError};

const NAME: &str = "weight sweep";
/// Width of the legend column on the right.
const LEGEND_W: i32 = 250;
/// Colour of break-even markers.
const BREAK_EVEN: RGBColor = RGBColor(0x70, 0x70, 0x70);
/// Rows of marker labels above the plot.
const LABEL_ROWS: usize = 3;

/// Draws one line per vendor: score against the swept criterion's weight.
///
/// Weights are fractions in 0..=1, strictly ascending, drawn as percent; every series has one
/// finite score per weight. Each vendor's score at the current weight is marked on its line.
pub fn weight_sweep(input: &WeightSweepInput) -> Result<Chart, ChartError> {
    canvas::ensure_font()?;
    canvas::render(&Sweep::new(input)?)
}

struct Series {
    label: String,
    colour: RGBColor,
    shape: Shape,
    excluded: bool,
    scores: Vec<f64>,
}

struct Sweep {
    title: String,
    criterion: String,
    y_axis: String,
    x: Vec<f64>,
    series: Vec<Series>,
    current: f64,
    marks: Vec<(f64, String)>,
    y_range: (f64, f64),
}

impl Sweep {
    fn new(input: &WeightSweepInput) -> Result<Self, ChartError> {
        if input.series.is_empty() {
            return Err(ChartError::empty(NAME, "vendors"));
        }
        if input.weights.is_empty() {
            return Err(ChartError::empty(NAME, "weights"));
        }
        let criterion = style::clean(&input.criterion);
        let mut x = Vec::with_capacity(input.weights.len());
        for &w in &input.weights {
            let w = style::unit_interval(NAME, &criterion, "weight", w)?;
            if x.last().is_some_and(|&prev| w * 100.0 <= prev) {
                return Err(ChartError::Value {
                    chart: NAME,
                    item: criterion,
                    what: "weight",
                    value: w,
                    rule: "expected weights in ascending order",
                });
            }
            x.push(w * 100.0);
        }
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        let mut series = Vec::with_capacity(input.series.len());
        for s in &input.series {
            let v = style::find_vendor(NAME, &input.vendors, &s.vendor)?;
            style::check_len(NAME, &s.vendor, "scores", x.len(), s.scores.len())?;
            for &y in &s.scores {
                style::finite(NAME, &s.vendor, "score", y)?;
                lo = lo.min(y);
                hi = hi.max(y);
            }
            series.push(Series {
                label: style::vendor_label(v),
                colour: style::vendor_colour(v),
                shape: style::vendor_shape(v),
                excluded: v.excluded,
                scores: s.scores.clone(),
            });
        }
        series.sort_by_key(|s| s.excluded);
        let current =
            style::unit_interval(NAME, &criterion, "current weight", input.current_weight)? * 100.0;
        let mut marks = Vec::with_capacity(input.break_even.len());
        for b in &input.break_even {
            let label = style::clean(&b.label);
            marks.push((
                style::unit_interval(NAME, &label, "break-even weight", b.weight)? * 100.0,
                label,
            ));
        }
        marks.sort_by(|a, b| a.0.total_cmp(&b.0));
        let y_axis = style::with_unit("score", &input.score_unit);
        let title = style::title_or(&input.title, || {
            format!("Scores as the weight of {criterion} changes")
        });
        Ok(Self {
            title,
            criterion,
            y_axis,
            x,
            series,
            current,
            marks,
            y_range: style::padded(lo, hi, 0.06),
        })
    }

    /// Score of `s` at weight `w` (percent), by linear interpolation, or `None` outside the sweep.
    fn score_at(&self, s: &Series, w: f64) -> Option<f64> {
        let i = self.x.iter().position(|&x| x >= w)?;
        if (self.x[i] - w).abs() < 1e-9 || i == 0 {
            return ((self.x[i] - w).abs() < 1e-9).then(|| s.scores[i]);
        }
        let t = (w - self.x[i - 1]) / (self.x[i] - self.x[i - 1]);
        Some(s.scores[i - 1] + t * (s.scores[i] - s.scores[i - 1]))
    }
}

impl Plot for Sweep {
    const NAME: &'static str = NAME;

    fn title(&self) -> &str {
        &self.title
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = root.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        canvas::draw_title(root, &self.title)?;
        let plot_w = w - LEGEND_W;
        let label_band = 20 * LABEL_ROWS as i32;
        let area = root.clone().shrink((0, TITLE_H), (plot_w, h - TITLE_H));
        let (x0, x1) = if self.x.len() > 1 {
            (self.x[0], self.x[self.x.len() - 1])
        } else {
            style::padded(self.x[0], self.x[0], 0.0)
        };
        let (x0, x1) = (x0.min(self.current), x1.max(self.current));
        let mut chart = ChartBuilder::on(&area)
            .margin_left(MARGIN)
            .margin_right(MARGIN + 10)
            .margin_top(label_band + 4)
            .margin_bottom(6)
            .x_label_area_size(52)
            .y_label_area_size(64)
            .build_cartesian_2d(x0..x1, self.y_range.0..self.y_range.1)?;
        let fmt = |v: &f64| fmt_num(*v);
        chart
            .configure_mesh()
            .max_light_lines(0)
            .bold_line_style(style::GRID)
            .x_labels(11)
            .y_labels(8)
            .x_label_formatter(&fmt)
            .y_label_formatter(&fmt)
            .label_style(text(SMALL_SIZE, BLACK, HPos::Center, VPos::Top))
            .axis_desc_style(text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top))
            .x_desc(fit(
                &format!("weight of {} (% of all weight)", self.criterion),
                LABEL_SIZE,
                plot_w - 100,
            ))
            .y_desc(fit(&self.y_axis, LABEL_SIZE, h - TITLE_H - label_band - 80))
            .draw()?;
        let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
        let (top, bottom) = (px(x0, self.y_range.1).1, px(x0, self.y_range.0).1);

        // Markers and their labels, in rows above the plot so that labels never overlap.
        // A label that finds no free row is left out (its line stays) and counted in a note.
        let mut rows: Vec<Vec<(i32, i32)>> = vec![Vec::new(); LABEL_ROWS];
        let mut hidden = 0;
        let mut marks: Vec<(f64, String, RGBColor, bool)> =
            vec![(self.current, "current".to_string(), BLACK, true)];
        marks.extend(
            self.marks
                .iter()
                .map(|(x, l)| (*x, l.clone(), BREAK_EVEN, false)),
        );
        for (x, label, colour, current) in marks {
            let xp = px(x, self.y_range.0).0;
            if current {
                legend::dashed_line(root, (xp, top), (xp, bottom), colour, 2)?;
            } else {
                root.draw(&DashedPathElement::new(
                    vec![(xp, top), (xp, bottom)],
                    2,
                    3,
                    colour.stroke_width(1),
                ))?;
            }
            // Shorten the label, never the weight.
            let at = format!(" {}%", fmt_num(x));
            let label = format!(
                "{}{at}",
                fit(&label, SMALL_SIZE, 300 - text_width(&at, SMALL_SIZE))
            );
            let lw = text_width(&label, SMALL_SIZE);
            let lx = (xp - lw / 2).clamp(MARGIN, plot_w - lw - 4);
            let Some(row) = (0..LABEL_ROWS)
                .rev()
                .find(|&r| rows[r].iter().all(|&(a, b)| lx + lw + 6 < a || lx > b + 6))
            else {
                hidden += 1;
                continue;
            };
            rows[row].push((lx, lx + lw));
            let ly = top - 4 - 20 * (LABEL_ROWS - 1 - row) as i32;
            root.draw(&PathElement::new(
                vec![(xp, ly), (xp, top)],
                colour.mix(0.5).stroke_width(1),
            ))?;
            put(
                root,
                &label,
                (lx, ly),
                &text(SMALL_SIZE, colour, HPos::Left, VPos::Bottom),
            )?;
        }

        for s in self.series.iter().rev() {
            let pts: Vec<(i32, i32)> = self
                .x
                .iter()
                .zip(&s.scores)
                .map(|(&x, &y)| px(x, y))
                .collect();
            if s.excluded {
                root.draw(&DashedPathElement::new(
                    pts.clone(),
                    6,
                    4,
                    s.colour.stroke_width(2),
                ))?;
            } else {
                root.draw(&PathElement::new(pts.clone(), s.colour.stroke_width(3)))?;
            }
            if pts.len() == 1 {
                legend::marker(root, pts[0], s.shape, s.colour, 4, s.excluded)?;
            }
            if let Some(y) = self.score_at(s, self.current) {
                legend::marker(root, px(self.current, y), s.shape, s.colour, 6, s.excluded)?;
            }
        }
        let legend: Vec<(Key, String)> = self
            .series
            .iter()
            .map(|s| (Key::Series(s.colour, s.shape, s.excluded), s.label.clone()))
            .collect();
        let (lx, ly) = (plot_w + 6, TITLE_H + label_band);
        let end =
            legend::column_legend(root, "Vendors", &legend, (lx, ly), LEGEND_W - 6 - MARGIN, 2)?;
        let note = text(SMALL_SIZE, style::MUTED_TEXT, HPos::Left, VPos::Bottom);
        let note_y = (end + 24).min(h - MARGIN - legend::LEGEND_ROW);
        put(
            root,
            &fit(
                "dot: score at the current weight",
                SMALL_SIZE,
                LEGEND_W - 6 - MARGIN,
            ),
            (lx, note_y),
            &note,
        )?;
        if hidden > 0 {
            let s = format!(
                "{hidden} break-even label{} left out: too close",
                if hidden == 1 { "" } else { "s" }
            );
            put(
                root,
                &fit(&s, SMALL_SIZE, LEGEND_W - 6 - MARGIN),
                (lx, note_y + legend::LEGEND_ROW),
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
        let input = samples::weight_sweep();
        let chart = weight_sweep(&input).unwrap();
        testutil::check(&chart, &input.title);
        assert!(testutil::svg_texts(&chart.svg)
            .iter()
            .any(|t| t.starts_with("Acme EDR overtakes <script>")));
        testutil::save("weight-sweep", &chart);
    }

    #[test]
    fn single_point_and_flat_lines() {
        let mut input = samples::weight_sweep();
        input.weights = vec![0.25];
        for s in &mut input.series {
            s.scores = vec![50.0];
        }
        input.break_even.clear();
        let chart = weight_sweep(&input).unwrap();
        testutil::check(&chart, &input.title);
    }

    #[test]
    fn rejects_bad_input() {
        let mut input = samples::weight_sweep();
        input.weights.swap(1, 2);
        assert!(matches!(
            weight_sweep(&input),
            Err(ChartError::Value { .. })
        ));
        let mut input = samples::weight_sweep();
        input.series[0].scores[3] = f64::NAN;
        assert!(matches!(
            weight_sweep(&input),
            Err(ChartError::Value { .. })
        ));
        let mut input = samples::weight_sweep();
        input.series[0].scores.pop();
        assert!(matches!(
            weight_sweep(&input),
            Err(ChartError::Length { .. })
        ));
        let mut input = samples::weight_sweep();
        input.current_weight = 1.5;
        assert!(matches!(
            weight_sweep(&input),
            Err(ChartError::Value { .. })
        ));
        let mut input = samples::weight_sweep();
        input.series.clear();
        assert!(matches!(
            weight_sweep(&input),
            Err(ChartError::Empty { .. })
        ));
    }
}
