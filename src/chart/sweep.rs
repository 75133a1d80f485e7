//! Weight-sweep chart: every vendor's score as one criterion's weight goes from 0 to 100 %,
//! with the current weight and the break-even weights (where the order changes) marked.
//! Wide: the vendors' legend beside the plot; narrow: under it. The band of marker labels
//! above the plot has as many rows as the labels need, none empty.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    self, fit, put, text, text_width, DrawResult, Layout, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE,
    TITLE_H,
};
use super::data::WeightSweepInput;
use super::legend::{self, Key};
use super::style::{self, fmt_fixed, fmt_num, Shape};
use super::{Chart, ChartError};

const NAME: &str = "weight sweep";
/// Width of the legend column on the right.
const LEGEND_W: i32 = 250;
/// Colour of break-even markers.
const BREAK_EVEN: RGBColor = RGBColor(0x70, 0x70, 0x70);
/// Most rows of marker labels above the plot.
const LABEL_ROWS: usize = 3;
/// Height of one row of marker labels.
const LABEL_ROW: i32 = 20;
/// Width of the score axis's labels.
const Y_AXIS: i32 = 64;
/// Height of the plot itself, from the top of the band of marker labels to the x axis's
/// description, in the narrow layout.
const NARROW_PLOT: i32 = 330;

/// A marker label placed above the plot: its weight (percent), text, colour, whether it is
/// the current weight, and its row and left edge (`None`: no room, left out).
struct Mark {
    x: f64,
    label: String,
    colour: RGBColor,
    current: bool,
    place: Option<(usize, i32)>,
}

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

    /// The weight axis's range (percent).
    fn x_range(&self) -> (f64, f64) {
        let (x0, x1) = if self.x.len() > 1 {
            (self.x[0], self.x[self.x.len() - 1])
        } else {
            style::padded(self.x[0], self.x[0], 0.0)
        };
        (x0.min(self.current), x1.max(self.current))
    }

    /// Width of the plot column: the canvas less the legend beside it when wide.
    fn plot_w(&self, layout: Layout) -> i32 {
        let w = layout.width() as i32;
        if layout.narrow() {
            w
        } else {
            w - LEGEND_W
        }
    }

    /// The marker labels laid out in rows above a plot `plot_w` wide so that none overlap,
    /// nearest row first; a label that finds no free row is left out (its line stays).
    fn marks(&self, plot_w: i32) -> Vec<Mark> {
        let (x0, x1) = self.x_range();
        let (left, right) = (MARGIN + Y_AXIS, plot_w - MARGIN - 10);
        let to_px = |x: f64| left + ((x - x0) / (x1 - x0) * f64::from(right - left)).round() as i32;
        let weights: Vec<f64> = std::iter::once(self.current)
            .chain(self.marks.iter().map(|m| m.0))
            .collect();
        let d = style::group_decimals(&weights);
        let mut rows: Vec<Vec<(i32, i32)>> = vec![Vec::new(); LABEL_ROWS];
        let mut out: Vec<Mark> = vec![Mark {
            x: self.current,
            label: "current".to_string(),
            colour: BLACK,
            current: true,
            place: None,
        }];
        out.extend(self.marks.iter().map(|(x, l)| Mark {
            x: *x,
            label: l.clone(),
            colour: BREAK_EVEN,
            current: false,
            place: None,
        }));
        for m in &mut out {
            // Shorten the label, never the weight.
            let at = format!(" {}%", fmt_fixed(m.x, d));
            let room = (300.min(plot_w - 2 * MARGIN)) - text_width(&at, SMALL_SIZE);
            m.label = format!("{}{at}", fit(&m.label, SMALL_SIZE, room));
            let lw = text_width(&m.label, SMALL_SIZE);
            let lx = (to_px(m.x) - lw / 2).clamp(MARGIN, plot_w - lw - 4);
            let free = |r: &Vec<(i32, i32)>| r.iter().all(|&(a, b)| lx + lw + 6 < a || lx > b + 6);
            if let Some(row) = (0..LABEL_ROWS).find(|&r| free(&rows[r])) {
                rows[row].push((lx, lx + lw));
                m.place = Some((row, lx));
            }
        }
        out
    }

    /// Height of the band of marker labels: the rows in use.
    fn band(&self, plot_w: i32) -> i32 {
        let used = self
            .marks(plot_w)
            .iter()
            .filter_map(|m| m.place.map(|p| p.0 + 1))
            .max()
            .unwrap_or(0);
        LABEL_ROW * used as i32
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

    fn size(&self, layout: Layout) -> (u32, u32) {
        if !layout.narrow() {
            return (layout.width(), canvas::HEIGHT);
        }
        let w = layout.width() as i32;
        let legend_h = legend::flow_layout(&self.legend(), (MARGIN, 0), w - 2 * MARGIN).1;
        let hidden = self.marks(w).iter().any(|m| m.place.is_none());
        let notes = legend::LEGEND_ROW * if hidden { 2 } else { 1 } + 4;
        let h = TITLE_H + self.band(w) + NARROW_PLOT + legend_h + notes + MARGIN;
        (layout.width(), h as u32)
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        layout: Layout,
    ) -> DrawResult<DB> {
        let (w, h) = root.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        super::wrap::draw_title(root, &self.title)?;
        let plot_w = self.plot_w(layout);
        let label_band = self.band(plot_w);
        let plot_h = if layout.narrow() {
            label_band + NARROW_PLOT
        } else {
            h - TITLE_H
        };
        let area = root.clone().shrink((0, TITLE_H), (plot_w, plot_h));
        let (x0, x1) = self.x_range();
        let mut chart = ChartBuilder::on(&area)
            .margin_left(MARGIN)
            .margin_right(MARGIN + 10)
            .margin_top(label_band + 4)
            .margin_bottom(6)
            .x_label_area_size(52)
            .y_label_area_size(Y_AXIS)
            .build_cartesian_2d(x0..x1, self.y_range.0..self.y_range.1)?;
        let fmt = |v: &f64| fmt_num(*v);
        chart
            .configure_mesh()
            .max_light_lines(0)
            .bold_line_style(style::GRID)
            .x_labels(if layout.narrow() { 6 } else { 11 })
            .y_labels(if layout.narrow() { 6 } else { 8 })
            .x_label_formatter(&fmt)
            .y_label_formatter(&fmt)
            .label_style(text(SMALL_SIZE, BLACK, HPos::Center, VPos::Top))
            .axis_desc_style(text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top))
            .x_desc(fit(
                &if layout.narrow() {
                    format!("weight of {} (%)", self.criterion)
                } else {
                    format!("weight of {} (% of all weight)", self.criterion)
                },
                LABEL_SIZE,
                plot_w - 100,
            ))
            .y_desc(fit(&self.y_axis, LABEL_SIZE, plot_h - label_band - 80))
            .draw()?;
        let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
        let (top, bottom) = (px(x0, self.y_range.1).1, px(x0, self.y_range.0).1);

        // Markers, and their labels in the rows above the plot.
        let marks = self.marks(plot_w);
        let hidden = marks.iter().filter(|m| m.place.is_none()).count();
        for m in &marks {
            let xp = px(m.x, self.y_range.0).0;
            if m.current {
                legend::dashed_line(root, (xp, top), (xp, bottom), m.colour, 2)?;
            } else {
                root.draw(&DashedPathElement::new(
                    vec![(xp, top), (xp, bottom)],
                    2,
                    3,
                    m.colour.stroke_width(1),
                ))?;
            }
            let Some((row, lx)) = m.place else { continue };
            let ly = top - 4 - LABEL_ROW * row as i32;
            root.draw(&PathElement::new(
                vec![(xp, ly), (xp, top)],
                m.colour.mix(0.5).stroke_width(1),
            ))?;
            put(
                root,
                &m.label,
                (lx, ly),
                &text(SMALL_SIZE, m.colour, HPos::Left, VPos::Bottom),
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
        let note = text(SMALL_SIZE, style::MUTED_TEXT, HPos::Left, VPos::Bottom);
        let mut notes = vec!["dot: score at the current weight".to_string()];
        if hidden > 0 {
            notes.push(format!(
                "{hidden} break-even label{} left out: too close",
                if hidden == 1 { "" } else { "s" }
            ));
        }
        let (lx, end, note_w) = if layout.narrow() {
            let at = (MARGIN, TITLE_H + plot_h);
            legend::flow_legend(root, &self.legend(), at, w - 2 * MARGIN)?;
            let legend_h = legend::flow_layout(&self.legend(), at, w - 2 * MARGIN).1;
            (MARGIN, at.1 + legend_h, w - 2 * MARGIN)
        } else {
            let (lx, ly) = (plot_w + 6, TITLE_H + label_band.max(LABEL_ROW));
            let width = LEGEND_W - 6 - MARGIN;
            let end = legend::column_legend(root, "Vendors", &self.legend(), (lx, ly), width, 2)?;
            (lx, end, width)
        };
        // Beside the plot the notes must leave the canvas's last rows free; under it the
        // canvas was made tall enough for them.
        let mut y = end + legend::LEGEND_ROW;
        if !layout.narrow() {
            y = y.min(h - MARGIN - legend::LEGEND_ROW);
        }
        for n in notes {
            put(root, &fit(&n, SMALL_SIZE, note_w), (lx, y), &note)?;
            y += legend::LEGEND_ROW;
        }
        Ok(())
    }
}

impl Sweep {
    /// The vendors' legend entries.
    fn legend(&self) -> Vec<(Key, String)> {
        self.series
            .iter()
            .map(|s| (Key::Series(s.colour, s.shape, s.excluded), s.label.clone()))
            .collect()
    }
}
