//! Gantt chart of a migration plan: one row per wave, a bar from its first to its last
//! working day and its soak after it in a lighter shade, the deadline as a vertical line
//! with its date, dates on the time axis, and under the axis the devices kept out of the
//! waves (stale, no antivirus) with the reason. Work past the deadline is drawn in
//! vermillion. A wave's name is wrapped, never cut: beside its bar when wide, above it
//! when narrow.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::TITLE_H;
use super::canvas::{self, put, text, text_width, DrawResult, Layout, Plot, MARGIN, SMALL_SIZE};
use super::cells::{self, LINE};
use super::data::GanttInput;
use super::legend::{self, Key};
use super::style;
use super::wrap::wrap;
use super::{Chart, ChartError};

const NAME: &str = "gantt";
/// A wave's work days (Okabe-Ito blue).
pub const WORK: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Its soak: the same hue, lighter.
pub const SOAK: RGBColor = RGBColor(0xA6, 0xCE, 0xE8);
/// Work on or after the deadline (Okabe-Ito vermillion).
pub const LATE: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// The deadline's line.
pub const DEADLINE: RGBColor = RGBColor(0, 0, 0);
/// The furthest day from day 0 the chart takes (about 270,000 years).
const MAX_DAY: i64 = 100_000_000;
/// Widest label column beside the bars (wide layout).
const LABEL_COL: i32 = 240;
/// Band above the rows for the deadline's label.
const DEADLINE_H: i32 = 24;
/// Tick marks, their labels and the axis description under the rows.
const AXIS_H: i32 = 58;
/// Half the height of a work bar and of a soak bar.
const WORK_HALF: i32 = 8;
const SOAK_HALF: i32 = 5;
/// How many candidate ticks apart the written ticks may be: half a month to years for
/// the 1st and 15th of each month.
const TICK_STEPS: [usize; 10] = [1, 2, 4, 6, 8, 12, 24, 48, 96, 192];

/// Draws the migration's waves against the deadline.
pub fn gantt(input: &GanttInput) -> Result<Chart, ChartError> {
    canvas::ensure_font()?;
    canvas::render(&Gantt::new(input)?)
}

struct Bar {
    name: String,
    devices: String,
    first: i64,
    last: i64,
    soak_until: i64,
}

struct Apart {
    label: String,
    reason: String,
}

struct Gantt {
    title: String,
    axis: String,
    bars: Vec<Bar>,
    deadline: i64,
    deadline_label: String,
    ticks: Vec<(i64, String)>,
    apart: Vec<Apart>,
    /// The days the time axis spans, padded.
    range: (f64, f64),
    /// Whether any work falls on or after the deadline.
    late: bool,
}

/// Where everything goes in a layout.
struct Frame {
    /// Left and right end of the time axis.
    x0: i32,
    x1: i32,
    /// Top of the first row.
    top: i32,
    /// Each bar's label lines and its row's height.
    rows: Vec<(Vec<String>, i32)>,
    /// Each apart row's label lines, reason lines and height.
    apart: Vec<(Vec<String>, Vec<String>, i32)>,
    range: (f64, f64),
}

impl Frame {
    /// The pixel of the start of `day` on the time axis.
    fn x(&self, day: f64) -> i32 {
        let (d0, d1) = self.range;
        let t = (day - d0) / (d1 - d0);
        self.x0 + (t * f64::from(self.x1 - self.x0)).round() as i32
    }

    /// Bottom of the last wave's row: where the time axis is.
    fn bottom(&self) -> i32 {
        self.top + self.rows.iter().map(|r| r.1).sum::<i32>()
    }
}

/// "1 device", "13 devices".
fn devices(n: usize) -> String {
    if n == 1 {
        "1 device".into()
    } else {
        format!("{n} devices")
    }
}

/// Checks that a day is one the chart can place.
fn day(item: &str, what: &'static str, d: i64) -> Result<i64, ChartError> {
    if d.abs() <= MAX_DAY {
        Ok(d)
    } else {
        Err(ChartError::Value {
            chart: NAME,
            item: item.to_string(),
            what,
            value: d as f64,
            rule: "expected a day within 100,000,000 days of day 0",
        })
    }
}

impl Gantt {
    fn new(input: &GanttInput) -> Result<Self, ChartError> {
        if input.bars.is_empty() {
            return Err(ChartError::empty(NAME, "waves"));
        }
        let deadline = day("deadline", "deadline", input.deadline)?;
        let mut bars = Vec::with_capacity(input.bars.len());
        for b in &input.bars {
            let name = style::clean(&b.name);
            let first = day(&name, "first day", b.first)?;
            let last = day(&name, "last day", b.last)?;
            let soak_until = day(&name, "end of the soak", b.soak_until)?;
            for (what, earlier, later) in [
                ("last day", first, last),
                ("end of the soak", last, soak_until),
            ] {
                if later < earlier {
                    return Err(ChartError::Value {
                        chart: NAME,
                        item: name,
                        what,
                        value: later as f64,
                        rule:
                            "expected the first day, the last day and the end of the soak in order",
                    });
                }
            }
            bars.push(Bar {
                name,
                devices: devices(b.devices),
                first,
                last,
                soak_until,
            });
        }
        let d0 = bars.iter().map(|b| b.first).min().unwrap_or(deadline);
        let d1 = bars
            .iter()
            .map(|b| b.soak_until + 1)
            .max()
            .unwrap_or(deadline);
        let (d0, d1) = (d0.min(deadline) as f64, d1.max(deadline + 1) as f64);
        let pad = ((d1 - d0) * 0.03).max(1.0);
        let ticks = input
            .ticks
            .iter()
            .filter(|t| (t.day as f64) >= d0 - pad && (t.day as f64) <= d1 + pad)
            .map(|t| (t.day, style::clean(&t.label)))
            .collect();
        Ok(Self {
            title: style::title_or(&input.title, || {
                "Migration waves against the deadline".into()
            }),
            axis: style::clean(&input.axis),
            late: bars.iter().any(|b| b.last >= deadline),
            bars,
            deadline,
            deadline_label: style::clean(&input.deadline_label),
            ticks,
            apart: input
                .apart
                .iter()
                .map(|a| Apart {
                    label: format!("{}: {}", style::clean(&a.label), devices(a.devices)),
                    reason: style::clean(&a.reason),
                })
                .collect(),
            range: (d0 - pad, d1 + pad),
        })
    }

    fn legend(&self) -> Vec<(Key, String)> {
        let mut items = vec![
            (Key::Box(WORK), "work: first to last visit".to_string()),
            (
                Key::Box(SOAK),
                "soak: monitoring after the wave".to_string(),
            ),
        ];
        if self.late {
            items.push((Key::Box(LATE), "work past the deadline".to_string()));
        }
        items.push((Key::Line(DEADLINE), "deadline".to_string()));
        items
    }

    fn frame(&self, layout: Layout) -> Frame {
        let w = layout.width() as i32;
        let legend_h = legend::flow_layout(&self.legend(), (MARGIN, TITLE_H), w - 2 * MARGIN).1;
        let top = TITLE_H + legend_h + 8 + DEADLINE_H;
        let (x0, x1, label_w) = if layout.narrow() {
            (MARGIN + 2, w - MARGIN - 2, w - 2 * MARGIN)
        } else {
            let names = self.bars.iter().flat_map(|b| [&b.name, &b.devices]);
            let widest = names
                .chain(self.apart.iter().map(|a| &a.label))
                .map(|s| text_width(s, SMALL_SIZE))
                .max()
                .unwrap_or(0)
                .min(LABEL_COL);
            (MARGIN + widest + 16, w - MARGIN - 8, widest)
        };
        let rows = self
            .bars
            .iter()
            .map(|b| {
                if layout.narrow() {
                    let lines = wrap(&format!("{}: {}", b.name, b.devices), SMALL_SIZE, label_w);
                    let h = lines.len() as i32 * LINE + 2 * WORK_HALF + 12;
                    (lines, h)
                } else {
                    let mut lines = wrap(&b.name, SMALL_SIZE, label_w);
                    lines.push(b.devices.clone());
                    let h = (lines.len() as i32 * LINE + 10).max(36);
                    (lines, h)
                }
            })
            .collect();
        let apart = self
            .apart
            .iter()
            .map(|a| {
                if layout.narrow() {
                    let label = wrap(&a.label, SMALL_SIZE, label_w);
                    let reason = wrap(&a.reason, SMALL_SIZE, label_w);
                    let h = (label.len() + reason.len()) as i32 * LINE + 8;
                    (label, reason, h)
                } else {
                    let label = wrap(&a.label, SMALL_SIZE, label_w);
                    let reason = wrap(&a.reason, SMALL_SIZE, x1 - x0);
                    let h = label.len().max(reason.len()) as i32 * LINE + 8;
                    (label, reason, h)
                }
            })
            .collect();
        Frame {
            x0,
            x1,
            top,
            rows,
            apart,
            range: self.range,
        }
    }

    /// The ticks written on the axis: every k-th candidate for the smallest k of
    /// [`TICK_STEPS`] whose labels do not touch.
    fn ticks(&self, f: &Frame) -> Vec<(i32, String)> {
        let placed: Vec<(i32, &String)> = self
            .ticks
            .iter()
            .map(|(d, l)| (f.x(*d as f64), l))
            .collect();
        for step in TICK_STEPS {
            let kept: Vec<(i32, String)> = placed
                .iter()
                .step_by(step)
                .map(|(x, l)| (*x, (*l).clone()))
                .collect();
            let apart = kept.windows(2).all(|p| {
                let half = |l: &str| text_width(l, SMALL_SIZE) / 2;
                p[1].0 - half(&p[1].1) - (p[0].0 + half(&p[0].1)) >= 12
            });
            if apart {
                return kept;
            }
        }
        placed
            .first()
            .map(|(x, l)| vec![(*x, (*l).clone())])
            .unwrap_or_default()
    }
}

impl Plot for Gantt {
    const NAME: &'static str = NAME;

    fn title(&self) -> &str {
        &self.title
    }

    fn size(&self, layout: Layout) -> (u32, u32) {
        let f = self.frame(layout);
        let apart: i32 = f.apart.iter().map(|a| a.2).sum();
        let apart = if apart > 0 { apart + LINE + 8 } else { 0 };
        (
            layout.width(),
            (f.bottom() + AXIS_H + apart + MARGIN) as u32,
        )
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        layout: Layout,
    ) -> DrawResult<DB> {
        let w = root.dim_in_pixel().0 as i32;
        super::wrap::draw_title(root, &self.title)?;
        legend::flow_legend(root, &self.legend(), (MARGIN, TITLE_H), w - 2 * MARGIN)?;
        let f = self.frame(layout);
        let (top, bottom) = (f.top, f.bottom());
        let ticks = self.ticks(&f);
        for (x, _) in &ticks {
            root.draw(&PathElement::new(
                vec![(*x, top), (*x, bottom)],
                style::GRID.stroke_width(1),
            ))?;
        }
        let mut y = top;
        for (b, (lines, h)) in self.bars.iter().zip(&f.rows) {
            let yc = if layout.narrow() {
                let label_h = lines.len() as i32 * LINE;
                cells::draw_lines(root, lines, (MARGIN, y + 4 + label_h / 2), BLACK, true)?;
                y + 4 + label_h + 2 + WORK_HALF
            } else {
                cells::draw_lines(root, lines, (f.x0 - 12, y + h / 2), BLACK, false)?;
                y + h / 2
            };
            self.draw_bar(root, &f, b, yc)?;
            y += h;
        }
        self.draw_axis(root, &f, &ticks)?;
        let xd = f.x(self.deadline as f64);
        root.draw(&PathElement::new(
            vec![(xd, top - 4), (xd, bottom)],
            DEADLINE.stroke_width(2),
        ))?;
        let lw = text_width(&self.deadline_label, SMALL_SIZE);
        let lx = xd.clamp(MARGIN + lw / 2, w - MARGIN - lw / 2);
        put(
            root,
            &self.deadline_label,
            (lx, top - 8),
            &text(SMALL_SIZE, BLACK, HPos::Center, VPos::Bottom),
        )?;
        self.draw_apart(root, &f, bottom + AXIS_H, layout)
    }
}

#[path = "gantt_parts.rs"]
mod parts;

#[cfg(test)]
#[path = "gantt_tests.rs"]
mod tests;
