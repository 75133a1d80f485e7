//! Tests of the Gantt chart: where its bars and the deadline line fall, a missed deadline,
//! both layouts, the time axis's dates, and the input it refuses.

use super::*;
use crate::chart::data::GanttInput;
use crate::chart::{samples, testutil};

/// The SVG's rectangles of `colour`, as (x, y, width, height), top to bottom.
fn rects(svg: &str, colour: RGBColor) -> Vec<(i32, i32, i32, i32)> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let hex = style::hex(colour);
    let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap() as i32;
    let mut out: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .filter(|n| {
            n.attribute("fill")
                .is_some_and(|f| f.eq_ignore_ascii_case(&hex))
        })
        .map(|n| (num(n, "x"), num(n, "y"), num(n, "width"), num(n, "height")))
        .collect();
    out.sort_by_key(|r| (r.1, r.0));
    out
}

/// The x of every vertical line of `colour` drawn `width` pixels wide.
fn vertical_lines(svg: &str, colour: RGBColor, width: &str) -> Vec<i32> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let hex = style::hex(colour);
    doc.descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .filter(|n| {
            n.attribute("stroke")
                .is_some_and(|s| s.eq_ignore_ascii_case(&hex))
        })
        .filter(|n| n.attribute("stroke-width") == Some(width))
        .filter_map(|n| {
            let pts: Vec<(i32, i32)> = n
                .attribute("points")?
                .split_whitespace()
                .filter_map(|p| {
                    let (x, y) = p.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect();
            (pts.len() == 2 && pts[0].0 == pts[1].0 && pts[0].1 != pts[1].1).then_some(pts[0].0)
        })
        .collect()
}

fn frame(input: &GanttInput, layout: Layout) -> (Gantt, Frame) {
    canvas::ensure_font().unwrap();
    let g = Gantt::new(input).unwrap();
    let f = g.frame(layout);
    (g, f)
}

#[test]
fn renders_sample_with_names_counts_dates_and_devices_apart() {
    let input = samples::gantt();
    let chart = gantt(&input).unwrap();
    testutil::check(&chart, &input.title);
    let texts = testutil::svg_texts(&chart.svg);
    for want in [
        "pilot",
        "13 devices",
        "high value",
        "deadline 2024-09-29",
        "Jul 1",
        "Aug 15",
        "date (2024)",
        "Not in the waves:",
        "stale, not planned: 6 devices",
        "no antivirus: 1 device",
    ] {
        assert!(texts.iter().any(|t| t == want), "`{want}` not in {texts:?}");
    }
    // A wave's name is wrapped whole, never cut.
    assert!(crate::chart::wrap::holds(
        &texts,
        "standard workstations at every site"
    ));
    // The hostile title is text, in the SVG's title and on the canvas.
    assert!(chart.svg.contains("&lt;script&gt;"));
    assert!(!texts.iter().any(|t| t.contains("work past the deadline")));
    let narrow = testutil::svg_texts(&chart.narrow);
    assert!(
        narrow.iter().any(|t| t == "pilot: 13 devices"),
        "{narrow:?}"
    );
    assert!(narrow.iter().any(|t| t == "deadline 2024-09-29"));
    testutil::save("gantt", &chart);
    testutil::save_narrow("gantt", &chart);
}

#[test]
fn each_bar_spans_its_days_and_the_deadline_line_is_at_the_deadline() {
    let input = samples::gantt();
    let chart = gantt(&input).unwrap();
    for (svg, layout) in [(&chart.svg, Layout::Wide), (&chart.narrow, Layout::Narrow)] {
        let (_, f) = frame(&input, layout);
        let work = rects(svg, WORK);
        let soak = rects(svg, SOAK);
        // The legend's keys come first (they are above the rows).
        let (work, soak) = (&work[1..], &soak[1..]);
        assert_eq!(work.len(), input.bars.len(), "{work:?}");
        for ((b, w), s) in input.bars.iter().zip(work).zip(soak) {
            let (x0, x1) = (f.x(b.first as f64), f.x((b.last + 1) as f64));
            assert_eq!((w.0, w.0 + w.2), (x0, x1), "{}", b.name);
            assert_eq!((s.0, s.0 + s.2), (x1, f.x((b.soak_until + 1) as f64)));
            // A soak is thinner than the work, on the same row.
            assert!(s.3 < w.3 && s.1 > w.1 && s.1 + s.3 < w.1 + w.3);
        }
        // One bar a row, top to bottom in the input's order.
        assert!(work.windows(2).all(|p| p[0].1 < p[1].1));
        let xd = f.x(input.deadline as f64);
        assert_eq!(vertical_lines(svg, DEADLINE, "2"), vec![xd]);
        // The plan meets the deadline: every work bar ends before the line.
        assert!(work.iter().all(|w| w.0 + w.2 <= xd));
        assert!(rects(svg, LATE).is_empty());
    }
}

#[test]
fn a_missed_deadline_puts_work_past_the_line_in_vermillion() {
    let mut input = samples::gantt();
    // The deadline falls in the last wave: its work from that day on is late.
    input.deadline = 19955;
    input.deadline_label = "deadline 2024-08-20".into();
    let chart = gantt(&input).unwrap();
    testutil::check(&chart, &input.title);
    let texts = testutil::svg_texts(&chart.svg);
    assert!(texts.iter().any(|t| t == "work past the deadline"));
    let (_, f) = frame(&input, Layout::Wide);
    let xd = f.x(19955.0);
    assert_eq!(vertical_lines(&chart.svg, DEADLINE, "2"), vec![xd]);
    let late = rects(&chart.svg, LATE);
    let last = &input.bars[2];
    let bar = *late.last().unwrap();
    assert_eq!((bar.0, bar.0 + bar.2), (xd, f.x((last.last + 1) as f64)));
    let work = rects(&chart.svg, WORK);
    assert!(work.last().unwrap().0 + work.last().unwrap().2 > xd);
    // A deadline before every wave: every bar is late, and the axis starts at it.
    input.deadline = 19900;
    let chart = gantt(&input).unwrap();
    assert_eq!(rects(&chart.svg, LATE).len(), 1 + input.bars.len());
    testutil::save("gantt-missed", &chart);
}

#[test]
fn the_axis_writes_as_many_dates_as_fit() {
    let mut input = samples::gantt();
    // Three years of plan: 72 candidate dates, written every few months.
    input.bars[2].soak_until = 19905 + 3 * 365;
    input.ticks = (0..72)
        .map(|k| crate::chart::data::GanttTick {
            day: 19905 + k * 365 / 24,
            label: format!("M{} {}", k / 2, if k % 2 == 0 { 1 } else { 15 }),
        })
        .collect();
    let chart = gantt(&input).unwrap();
    testutil::check(&chart, &input.title);
    for (svg, layout) in [(&chart.svg, Layout::Wide), (&chart.narrow, Layout::Narrow)] {
        let (g, f) = frame(&input, layout);
        let ticks = g.ticks(&f);
        assert!(
            ticks.len() > 2 && ticks.len() < 40,
            "{layout:?}: {}",
            ticks.len()
        );
        let texts = testutil::svg_texts(svg);
        assert!(ticks.iter().all(|(_, l)| texts.contains(l)));
        for p in ticks.windows(2) {
            let half = |l: &str| text_width(l, SMALL_SIZE) / 2;
            assert!(p[1].0 - half(&p[1].1) > p[0].0 + half(&p[0].1), "{p:?}");
        }
    }
}

#[test]
fn rejects_bad_input() {
    let mut input = samples::gantt();
    input.bars.clear();
    assert!(matches!(gantt(&input), Err(ChartError::Empty { .. })));
    let mut input = samples::gantt();
    input.bars[1].last = input.bars[1].first - 1;
    assert!(matches!(gantt(&input), Err(ChartError::Value { .. })));
    let mut input = samples::gantt();
    input.bars[0].soak_until = input.bars[0].last - 1;
    assert!(matches!(gantt(&input), Err(ChartError::Value { .. })));
    let mut input = samples::gantt();
    input.deadline = i64::MAX;
    assert!(matches!(gantt(&input), Err(ChartError::Value { .. })));
}

#[test]
fn one_day_waves_without_soak_and_nothing_apart_still_draw() {
    let mut input = samples::gantt();
    input.bars.truncate(1);
    input.bars[0].last = input.bars[0].first;
    input.bars[0].soak_until = input.bars[0].first;
    input.apart.clear();
    input.ticks.clear();
    input.title.clear();
    let chart = gantt(&input).unwrap();
    testutil::check(&chart, "Migration waves against the deadline");
    let texts = testutil::svg_texts(&chart.svg);
    assert!(!texts.iter().any(|t| t.starts_with("Not in the waves")));
    let work = rects(&chart.svg, WORK);
    assert!(work[1].2 >= 2, "{work:?}");
    assert!(rects(&chart.svg, SOAK).len() == 1, "only the legend's soak");
}
