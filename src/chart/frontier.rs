//! Frontier chart: each vendor's score against its cost per endpoint-month, with the
//! Pareto-efficient vendors (no other is both cheaper and better) joined by a step line.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::{
    self, put, text, text_width, DrawResult, Layout, Plot, LABEL_SIZE, MARGIN, SMALL_SIZE, TITLE_H,
};
use super::data::FrontierInput;
use super::legend::{self, Key};
use super::style::{self, fmt_num, Shape};
use super::{Chart, ChartError};

const NAME: &str = "frontier";
/// Colour of the frontier line and the rings around efficient points.
const FRONTIER: RGBColor = RGBColor(0x33, 0x33, 0x33);

/// Which points are Pareto-efficient when cost is minimised and score maximised: a point is
/// efficient when no other point has a cost no higher and a score no lower, with one of the two
/// strictly better. Points with a non-finite coordinate are never efficient and dominate nothing.
pub fn pareto_front(cost_score: &[(f64, f64)]) -> Vec<bool> {
    let ok = |p: &(f64, f64)| p.0.is_finite() && p.1.is_finite();
    cost_score
        .iter()
        .map(|p| {
            ok(p)
                && !cost_score
                    .iter()
                    .any(|q| ok(q) && q.0 <= p.0 && q.1 >= p.1 && (q.0 < p.0 || q.1 > p.1))
        })
        .collect()
}

/// Draws score against cost with the Pareto frontier; excluded vendors are drawn hollow and grey
/// and take no part in the frontier.
pub fn frontier(input: &FrontierInput) -> Result<Chart, ChartError> {
    canvas::ensure_font()?;
    canvas::render(&Frontier::new(input)?)
}

struct Point {
    label: String,
    colour: RGBColor,
    shape: Shape,
    excluded: bool,
    cost: f64,
    score: f64,
    efficient: bool,
}

struct Frontier {
    title: String,
    x_axis: String,
    y_axis: String,
    points: Vec<Point>,
    x_range: (f64, f64),
    y_range: (f64, f64),
}

impl Frontier {
    fn new(input: &FrontierInput) -> Result<Self, ChartError> {
        if input.points.is_empty() {
            return Err(ChartError::empty(NAME, "vendors"));
        }
        let mut points = Vec::with_capacity(input.points.len());
        for p in &input.points {
            let v = style::find_vendor(NAME, &input.vendors, &p.vendor)?;
            let cost = style::finite(NAME, &p.vendor, "cost", p.cost)?;
            if cost < 0.0 {
                return Err(ChartError::Value {
                    chart: NAME,
                    item: p.vendor.clone(),
                    what: "cost",
                    value: cost,
                    rule: "expected a cost not below zero",
                });
            }
            let score = style::finite(NAME, &p.vendor, "score", p.score)?;
            points.push(Point {
                label: style::vendor_label(v),
                colour: style::vendor_colour(v),
                shape: style::vendor_shape(v),
                excluded: v.excluded,
                cost,
                score,
                efficient: false,
            });
        }
        let eligible: Vec<(f64, f64)> = points
            .iter()
            .map(|p| {
                if p.excluded {
                    (f64::NAN, f64::NAN)
                } else {
                    (p.cost, p.score)
                }
            })
            .collect();
        for (p, e) in points.iter_mut().zip(pareto_front(&eligible)) {
            p.efficient = e;
        }
        let (cx0, cx1) = points
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                (a.min(p.cost), b.max(p.cost))
            });
        let (sy0, sy1) = points
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                (a.min(p.score), b.max(p.score))
            });
        let x_axis = style::with_unit("cost per endpoint-month", &input.currency);
        let y_axis = style::with_unit("score", &input.score_unit);
        let title = style::title_or(&input.title, || {
            "Score against cost, with the Pareto frontier".to_string()
        });
        let x_range = style::padded(cx0, cx1, 0.12);
        Ok(Self {
            title,
            x_axis,
            y_axis,
            points,
            x_range: (x_range.0.max(0.0).min(cx0), x_range.1),
            y_range: style::padded(sy0, sy1, 0.1),
        })
    }
}

/// Pixel boxes of placed labels, for overlap checks.
type Boxes = Vec<(i32, i32, i32, i32)>;

fn overlaps(b: (i32, i32, i32, i32), placed: &Boxes) -> bool {
    placed
        .iter()
        .any(|p| b.0 < p.2 && p.0 < b.2 && b.1 < p.3 && p.1 < b.3)
}

impl Plot for Frontier {
    const NAME: &'static str = NAME;

    fn title(&self) -> &str {
        &self.title
    }

    fn size(&self, layout: Layout) -> (u32, u32) {
        (layout.width(), if layout.narrow() { 480 } else { 520 })
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        layout: Layout,
    ) -> DrawResult<DB> {
        let (w, h) = root.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        super::wrap::draw_title(root, &self.title)?;
        let mut legend = vec![(
            Key::Line(FRONTIER),
            if layout.narrow() {
                "Pareto frontier: none cheaper and better"
            } else {
                "Pareto frontier: no other vendor is both cheaper and better"
            }
            .to_string(),
        )];
        if self.points.iter().any(|p| p.excluded) {
            legend.push((
                Key::Series(style::EXCLUDED, Shape::Circle, true),
                "excluded (not on the frontier)".to_string(),
            ));
        }
        let legend_h = legend::flow_layout(&legend, (MARGIN, TITLE_H), w - 2 * MARGIN).1;
        legend::flow_legend(root, &legend, (MARGIN, TITLE_H), w - 2 * MARGIN)?;
        let top = TITLE_H + legend_h + 4;
        let area = root.clone().shrink((0, top), (w, h - top));
        let mut chart = ChartBuilder::on(&area)
            .margin_left(MARGIN)
            .margin_right(MARGIN + 10)
            .margin_top(10)
            .margin_bottom(6)
            .x_label_area_size(52)
            .y_label_area_size(if layout.narrow() { 56 } else { 64 })
            .build_cartesian_2d(
                self.x_range.0..self.x_range.1,
                self.y_range.0..self.y_range.1,
            )?;
        let fmt = |v: &f64| fmt_num(*v);
        chart
            .configure_mesh()
            .max_light_lines(0)
            .bold_line_style(style::GRID)
            .x_labels(if layout.narrow() { 5 } else { 10 })
            .y_labels(if layout.narrow() { 6 } else { 8 })
            .x_label_formatter(&fmt)
            .y_label_formatter(&fmt)
            .label_style(text(SMALL_SIZE, BLACK, HPos::Center, VPos::Top))
            .axis_desc_style(text(LABEL_SIZE, BLACK, HPos::Center, VPos::Top))
            .x_desc(self.x_axis.clone())
            .y_desc(self.y_axis.clone())
            .draw()?;
        let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
        let (left, bottom) = px(self.x_range.0, self.y_range.0);
        let (right, ptop) = px(self.x_range.1, self.y_range.1);

        // Step line through the efficient points, cheapest first.
        let mut eff: Vec<&Point> = self.points.iter().filter(|p| p.efficient).collect();
        eff.sort_by(|a, b| a.cost.total_cmp(&b.cost).then(b.score.total_cmp(&a.score)));
        let mut path = Vec::with_capacity(eff.len() * 2);
        for (i, p) in eff.iter().enumerate() {
            if i > 0 {
                path.push(px(p.cost, eff[i - 1].score));
            }
            path.push(px(p.cost, p.score));
        }
        let segments: Boxes = path
            .windows(2)
            .map(|s| {
                (
                    s[0].0.min(s[1].0) - 3,
                    s[0].1.min(s[1].1) - 3,
                    s[0].0.max(s[1].0) + 3,
                    s[0].1.max(s[1].1) + 3,
                )
            })
            .collect();
        if path.len() > 1 {
            root.draw(&PathElement::new(path, FRONTIER.stroke_width(2)))?;
        }

        // Points (excluded first, under the others), then labels placed where they fit.
        let mut order: Vec<&Point> = self.points.iter().collect();
        order.sort_by_key(|p| !p.excluded);
        let mut placed: Boxes = order
            .iter()
            .map(|p| {
                let (x, y) = px(p.cost, p.score);
                (x - 12, y - 12, x + 12, y + 12)
            })
            .collect();
        placed.extend(segments);
        for p in &order {
            let at = px(p.cost, p.score);
            if p.efficient {
                root.draw(&Circle::new(at, 11, FRONTIER.stroke_width(2)))?;
            }
            legend::marker(root, at, p.shape, p.colour, 7, p.excluded)?;
        }
        // Points drawn on the same spot share one label naming them all ("A, B").
        let mut groups: Vec<((i32, i32), Vec<&Point>)> = Vec::new();
        for p in order.iter().rev() {
            let at = px(p.cost, p.score);
            match groups
                .iter_mut()
                .find(|(g, _)| (g.0 - at.0).abs() <= 3 && (g.1 - at.1).abs() <= 3)
            {
                Some((_, members)) => members.push(p),
                None => groups.push((at, vec![p])),
            }
        }
        for ((x, y), members) in groups {
            let names: Vec<&str> = members.iter().map(|p| p.label.as_str()).collect();
            let label = canvas::fit(&names.join(", "), SMALL_SIZE, (right - left) * 3 / 5);
            let lw = text_width(&label, SMALL_SIZE);
            let lh = 16;
            let mut candidates = vec![
                (x + 16, y - lh / 2),
                (x - 16 - lw, y - lh / 2),
                (x + 10, y - 14 - lh),
                (x - 10 - lw, y + 14),
                (x - lw / 2, y - 16 - lh),
                (x - lw / 2, y + 16),
                (x - 10 - lw, y - 14 - lh),
                (x + 10, y + 14),
            ];
            candidates.extend([
                (x + 16, y - lh / 2 - 20),
                (x + 16, y - lh / 2 + 20),
                (x - 16 - lw, y - lh / 2 - 20),
                (x - 16 - lw, y - lh / 2 + 20),
            ]);
            let inside = |(bx, by): (i32, i32)| {
                bx >= left + 2 && bx + lw <= right - 2 && by >= ptop && by + lh <= bottom
            };
            let (bx, by) = candidates
                .iter()
                .copied()
                .find(|&c| inside(c) && !overlaps((c.0, c.1, c.0 + lw, c.1 + lh), &placed))
                .or_else(|| candidates.iter().copied().find(|&c| inside(c)))
                .unwrap_or((x.clamp(left + 2, (right - lw - 2).max(left + 2)), y));
            placed.push((bx, by, bx + lw, by + lh));
            let tc = if members.iter().any(|p| p.efficient) {
                BLACK
            } else {
                style::MUTED_TEXT
            };
            put(
                root,
                &label,
                (bx, by + lh / 2),
                &text(SMALL_SIZE, tc, HPos::Left, VPos::Center),
            )?;
        }
        let note = text(SMALL_SIZE, style::MUTED_TEXT, HPos::Right, VPos::Top);
        put(
            root,
            "ringed: on the frontier",
            (right - 4, ptop + 4),
            &note,
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{samples, testutil};

    #[test]
    fn pareto_front_basics() {
        let pts = [
            (1.0, 50.0),
            (2.0, 60.0),
            (2.0, 55.0),
            (3.0, 60.0),
            (0.5, 10.0),
            (f64::NAN, 99.0),
        ];
        assert_eq!(
            pareto_front(&pts),
            vec![true, true, false, false, true, false]
        );
        assert_eq!(pareto_front(&[(1.0, 1.0), (1.0, 1.0)]), vec![true, true]);
        assert!(pareto_front(&[]).is_empty());
    }

    #[test]
    fn renders_sample() {
        let input = samples::frontier();
        let chart = frontier(&input).unwrap();
        testutil::check(&chart, &input.title);
        assert!(testutil::svg_texts(&chart.svg)
            .iter()
            .any(|t| t == "<script>alert(1)</script>"));
        testutil::save("frontier", &chart);
    }

    #[test]
    fn one_point_and_equal_points() {
        let mut input = samples::frontier();
        input.points.truncate(1);
        testutil::check(&frontier(&input).unwrap(), &input.title);
        let mut input = samples::frontier();
        for p in &mut input.points {
            p.cost = 2.0;
            p.score = 50.0;
        }
        testutil::check(&frontier(&input).unwrap(), &input.title);
    }

    #[test]
    fn rejects_bad_input() {
        let mut input = samples::frontier();
        input.points[0].cost = -1.0;
        assert!(matches!(frontier(&input), Err(ChartError::Value { .. })));
        input.points[0].cost = f64::NAN;
        assert!(matches!(frontier(&input), Err(ChartError::Value { .. })));
        let mut input = samples::frontier();
        input.points.clear();
        assert!(matches!(frontier(&input), Err(ChartError::Empty { .. })));
    }
}
