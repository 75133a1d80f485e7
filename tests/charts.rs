//! The charts of the demo report as files and as figures: every PNG has twice the pixels of
//! its SVG each way (sharp on a slide), and no chart text or caption shows Markdown
//! backticks, a metric's internal name (`pilot.cpu_overhead_pct`) or a vendor's id where
//! its name belongs.

mod common;

use std::path::Path;

use common::bin;

/// Writes the demo report into a new folder.
fn demo() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let res = bin()
        .arg("report")
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    out
}

/// The charts' file stems.
fn stems(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir.join("charts"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".svg").map(str::to_string)
        })
        .collect();
    out.sort();
    out
}

/// Width and height from a PNG's header (the IHDR chunk right after the signature).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

/// The width and height attributes of an SVG's root.
fn svg_size(svg: &str) -> (u32, u32) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let root = doc.root_element();
    let get = |a: &str| root.attribute(a).unwrap().parse().unwrap();
    (get("width"), get("height"))
}

/// Every text of an SVG (`<text>` and `<title>`).
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("title"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

#[test]
fn every_png_has_twice_the_pixels_of_its_svg() {
    let out = demo();
    let stems = stems(out.path());
    assert!(stems.len() >= 8, "{stems:?}");
    for stem in &stems {
        let svg = std::fs::read_to_string(out.path().join(format!("charts/{stem}.svg"))).unwrap();
        let png = std::fs::read(out.path().join(format!("charts/{stem}.png"))).unwrap();
        let (w, h) = svg_size(&svg);
        assert_eq!(w, 900, "{stem}: the SVG keeps its size");
        assert_eq!(png_size(&png), (2 * w, 2 * h), "{stem}");
    }
}

/// Names a reader should not meet in a chart: metric names and vendor ids.
fn internal_names(out: &Path) -> Vec<String> {
    let json = std::fs::read_to_string(out.join("ranking.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut names: Vec<String> = Vec::new();
    for row in v["vendors"].as_array().into_iter().flatten() {
        names.extend(row["vendor"].as_str().map(str::to_string));
    }
    assert!(names.iter().any(|n| n == "quillfort"), "{names:?}");
    names.extend(
        [
            "pilot.",
            "pricing.",
            "lab.",
            "rmm.",
            "vendor.",
            "_pct",
            "_per_endpoint_day",
        ]
        .map(str::to_string),
    );
    names
}

#[test]
fn no_backticks_metric_names_or_vendor_ids_in_chart_text_or_captions() {
    let out = demo();
    let names = internal_names(out.path());
    let check = |what: &str, text: &str| {
        assert!(!text.contains('`'), "{what}: a backtick in `{text}`");
        // A vendor id as a word of its own: `quillfort`, not `Quillfort Endpoint`.
        for n in &names {
            let hit = text
                .split(|c: char| !(c.is_alphanumeric() || "._-".contains(c)))
                .any(|w| {
                    if n.ends_with('.') {
                        w.starts_with(n.as_str()) && w.len() > n.len()
                    } else if n.starts_with('_') {
                        w.contains(n.as_str())
                    } else {
                        w == n
                    }
                });
            assert!(!hit, "{what}: internal name `{n}` in `{text}`");
        }
    };
    for stem in stems(out.path()) {
        let svg = std::fs::read_to_string(out.path().join(format!("charts/{stem}.svg"))).unwrap();
        for t in svg_texts(&svg) {
            check(&stem, &t);
        }
    }
    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    let captions: Vec<&str> = html
        .split("<figcaption>")
        .skip(1)
        .filter_map(|s| s.split("</figcaption>").next())
        .collect();
    assert!(captions.len() >= 8, "{captions:?}");
    for c in &captions {
        assert!(!c.contains("<code>"), "code in a caption: {c}");
        check("caption", c);
    }
    // The inline narrow charts too.
    for svg in html.split("<svg class=\"narrow\"").skip(1) {
        let svg = format!("<svg{}", &svg[..svg.find("</svg>").unwrap() + 6]);
        for t in svg_texts(&svg) {
            check("narrow chart", &t.replace("&#39;", "'"));
        }
    }
    let md = std::fs::read_to_string(out.path().join("report.md")).unwrap();
    // The alt text and the caption, not the file names they link to.
    for line in md.lines() {
        if let Some(alt) = line.strip_prefix("![").and_then(|l| l.split("](").next()) {
            check("Markdown figure", alt);
        }
        if let Some((caption, _)) = line.split_once(" (also as [PNG]") {
            check("Markdown caption", caption);
        }
    }
}
