//! Test helpers: structural checks of a rendered chart, shared sample data, and writing the
//! samples to a folder for a person to look at (`VENDORSCORE_CHART_SAMPLES=/tmp/chart-samples`).

use super::data::VendorStyle;
use super::Chart;

/// Vendor styles `a`, `b`, ... with labels, colours in order, none excluded.
pub fn vendors(labels: &[&str]) -> Vec<VendorStyle> {
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| VendorStyle {
            id: format!("v{i}"),
            label: (*l).to_string(),
            colour: i,
            excluded: false,
        })
        .collect()
}

/// Eight realistic vendor names, one of them long and one hostile.
pub const NAMES: [&str; 8] = [
    "Acme EDR",
    "Bitdefender GravityZone Business Security Premium",
    "ESET PROTECT Complete",
    "<script>alert(1)</script>",
    "Sophos & Co Intercept X",
    "Trend Vision One",
    "WithSecure Elements",
    "Malwarebytes ThreatDown",
];

/// All text content of the SVG's `<text>` elements, trimmed.
pub fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("svg parses as xml");
    doc.descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("title"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

/// Asserts that the SVG is well-formed XML with `title` among its texts and no script element,
/// and that the PNG decodes to the chart's size with more than one colour.
pub fn check(chart: &Chart, title: &str) {
    let doc = roxmltree::Document::parse(&chart.svg).expect("svg parses as xml");
    assert!(
        doc.descendants().all(|n| !n.has_tag_name("script")),
        "svg has a script element"
    );
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let texts = svg_texts(&chart.svg);
    assert!(
        texts.iter().any(|t| t == title),
        "title `{title}` missing from {texts:?}"
    );

    let narrow = roxmltree::Document::parse(&chart.narrow).expect("narrow svg parses as xml");
    assert!(narrow.descendants().all(|n| !n.has_tag_name("script")));
    assert!(
        svg_texts(&chart.narrow).iter().any(|t| t == title),
        "title `{title}` missing from the narrow layout"
    );
    assert_eq!(chart.narrow_width, super::NARROW_WIDTH);

    let decoder = png::Decoder::new(std::io::Cursor::new(&chart.png));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("png buffer size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    let d = super::PNG_DENSITY;
    assert_eq!(
        (info.width, info.height),
        (chart.width * d, chart.height * d)
    );
    let px = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    let first = &px[..step];
    assert!(
        px.chunks(step).any(|p| p != first),
        "png is a single colour"
    );
}

/// Writes the chart's narrow SVG to `$VENDORSCORE_CHART_SAMPLES/<name>-narrow.svg` when set.
pub fn save_narrow(name: &str, chart: &Chart) {
    if let Ok(dir) = std::env::var("VENDORSCORE_CHART_SAMPLES") {
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).expect("sample folder");
        std::fs::write(dir.join(format!("{name}-narrow.svg")), &chart.narrow).expect("write svg");
    }
}

/// Writes the chart's PNG and SVG to `$VENDORSCORE_CHART_SAMPLES/<name>.*` when that is set.
pub fn save(name: &str, chart: &Chart) {
    if let Ok(dir) = std::env::var("VENDORSCORE_CHART_SAMPLES") {
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).expect("sample folder");
        std::fs::write(dir.join(format!("{name}.png")), &chart.png).expect("write png");
        std::fs::write(dir.join(format!("{name}.svg")), &chart.svg).expect("write svg");
    }
}
