//! What `vendorscore plan` writes and prints besides its waves: the Gantt chart of
//! `--out` (a well-formed SVG with a bar per wave and the deadline, a PNG that decodes,
//! names from the data kept as text) and the checklist of compensating controls and
//! fallback in every format, tailored to the devices.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

/// A client profile named `name` that starts on Monday 2024-07-01.
fn profile(name: &str) -> String {
    format!("name = '{name}'\n[fleet]\nworkstations = 3\n[plan]\nstart = \"2024-07-01\"\n")
}

/// Runs `plan` for an inventory and a profile written into a scratch folder, which is
/// returned with (exit code, stdout, stderr).
fn plan_in(
    inventory: &str,
    name: &str,
    extra: &[&str],
) -> (tempfile::TempDir, i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("client.toml"), profile(name)).unwrap();
    std::fs::write(dir.path().join("inv.csv"), inventory).unwrap();
    let mut args = vec!["plan", "--client", "client.toml", "--inventory", "inv.csv"];
    args.extend(extra);
    let (code, out, err) = run_in(dir.path(), &args);
    (dir, code, out, err)
}

const KES: &str = "Kaspersky Endpoint Security for Windows";

/// Every `<text>` of an SVG (and its `<title>`), which must be well-formed, an `svg`
/// document with no script.
fn svg_texts(doc: &roxmltree::Document) -> Vec<String> {
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(doc.descendants().all(|n| !n.has_tag_name("script")));
    doc.descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("title"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The PNG's size, after decoding all of it.
fn png_size(path: &Path) -> (u32, u32) {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let mut reader = png::Decoder::new(file).read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).expect("the PNG decodes");
    (info.width, info.height)
}

#[test]
fn out_writes_the_gantt_chart_beside_devices_csv() {
    let cwd = tempfile::tempdir().unwrap();
    let args = [
        "plan",
        "--client",
        "msp-client-350",
        "--format",
        "json",
        "--out",
        "out",
    ];
    let (code, out, err) = run_in(cwd.path(), &args);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let dir = cwd.path().join("out");
    for f in ["devices.csv", "gantt.svg", "gantt.png"] {
        assert!(err.contains(&format!("wrote out/{f}")), "{err}");
    }
    let svg = read(&dir.join("gantt.svg"));
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let texts = svg_texts(&doc);
    let waves = v["waves"].as_array().unwrap();
    assert!(waves.len() >= 2);
    for w in waves {
        let name = w["name"].as_str().unwrap();
        assert!(texts.iter().any(|t| t == name), "{name} in {texts:?}");
        let devices = format!("{} devices", w["devices"]);
        assert!(texts.contains(&devices), "{devices} in {texts:?}");
    }
    assert!(
        texts.contains(&"deadline 2024-09-29".to_string()),
        "{texts:?}"
    );
    let stale = format!("stale, not planned: {} devices", v["counts"]["stale"]);
    assert!(texts.contains(&stale), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Jul ")), "{texts:?}");
    // A work bar per wave, and the legend's key.
    let work = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#0072B2"))
        .count();
    assert_eq!(work, waves.len() + 1);
    let width: u32 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let height: u32 = doc
        .root_element()
        .attribute("height")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(png_size(&dir.join("gantt.png")), (2 * width, 2 * height));
}

#[test]
fn names_from_the_data_stay_text_in_the_chart() {
    let inv = format!("hostname,role,site,av_product,last_seen\nPC1,workstation,<script>,{KES},2024-06-30\nPC2,workstation,<b>,{KES},2024-06-30\n");
    let name = "<script>alert(1)</script> & \"Co\" <b>";
    let (dir, code, _, err) = plan_in(&inv, name, &["--out", "out"]);
    assert_eq!(code, 0, "{err}");
    let svg = read(&dir.path().join("out/gantt.svg"));
    let texts = svg_texts(&roxmltree::Document::parse(&svg).expect("well-formed XML"));
    let title = format!("Migration plan: {name}");
    assert!(texts.contains(&title), "{texts:?}");
}

#[test]
fn nothing_to_migrate_writes_no_chart() {
    let inv = "hostname,role,av_product\nPC1,workstation,Sophos\n";
    let (dir, code, out, err) = plan_in(inv, "Test", &["--out", "out"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("nothing to migrate"), "{out}");
    assert!(dir.path().join("out/devices.csv").is_file());
    assert!(!dir.path().join("out/gantt.svg").exists());
}

#[test]
fn the_checklist_is_in_markdown_json_and_the_terminal() {
    let inv = format!("hostname,role,av_product\nPC1,workstation,{KES}\nPC2,workstation,{KES}\n");
    let (_, code, md, err) = plan_in(&inv, "Test", &["--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        md.contains(
            "## Compensating controls during the migration\n\n- [ ] Multi-factor authentication"
        ),
        "{md}"
    );
    assert!(md.contains("## Fallback between the uninstall and the install\n\n- [ ] Microsoft Defender Antivirus"), "{md}");
    assert!(md.contains("(2 workstations in this plan)"), "{md}");
    for word in [
        "Immutable or offline backups",
        "Network segmentation",
        "Closer monitoring",
    ] {
        assert!(md.contains(&format!("- [ ] {word}")), "{word}: {md}");
    }
    let (_, code, json, err) = plan_in(&inv, "Test", &["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&json).unwrap();
    let items = v["checklist"].as_array().unwrap();
    assert!(items.len() >= 5);
    assert_eq!(items[0]["group"], "controls");
    assert!(items.iter().any(|i| i["group"] == "fallback"));
    assert!(items
        .iter()
        .all(|i| !i["text"].as_str().unwrap().contains('{')));
    let (_, code, table, err) = plan_in(&inv, "Test", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        table.contains("Compensating controls during the migration:\n[ ] Multi-factor"),
        "{table}"
    );
}

#[test]
fn the_windows_server_item_shows_only_when_the_plan_moves_servers() {
    let server_item = "On Windows Server";
    let inv = format!("hostname,role,av_product\nPC1,workstation,{KES}\nPC2,workstation,{KES}\n");
    let (_, code, md, err) = plan_in(&inv, "Test", &["--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !md.contains(server_item) && !md.contains("Domain controllers ("),
        "{md}"
    );
    let inv = format!("{inv}SRV1,server,Kaspersky Security for Windows Server\nDC1,domain_controller,{KES}\nDC2,domain_controller,{KES}\n");
    let (_, code, md, err) = plan_in(&inv, "Test", &["--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        md.contains("On Windows Server (3 servers and domain controllers in this plan)"),
        "{md}"
    );
    assert!(
        md.contains("Domain controllers (2 domain controllers in this plan)"),
        "{md}"
    );
    // A stale server is not moved, so it asks for no Defender step; it is listed as stale.
    let inv = format!("hostname,role,av_product,last_seen\nPC1,workstation,{KES},2024-06-30\nSRV1,server,{KES},2024-01-02\n");
    let (_, code, md, err) = plan_in(&inv, "Test", &["--format", "md"]);
    assert_eq!(code, 0, "{err}");
    assert!(!md.contains(server_item), "{md}");
    assert!(md.contains("Stale Kaspersky devices (1 device,"), "{md}");
}

/// The terminal lists five devices of each kind left out of the waves and says how many
/// more there are; the Markdown lists every one. msp-client-350 has 16 stale devices and
/// 10 with no antivirus.
#[test]
fn the_terminal_cuts_long_lists_of_devices_and_says_where_the_rest_are() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(cwd.path(), &["plan", "--client", "msp-client-350"]);
    assert_eq!(code, 0, "{err}");
    let (_, md, _) = run_in(
        cwd.path(),
        &["plan", "--client", "msp-client-350", "--format", "md"],
    );
    let (_, json, _) = run_in(
        cwd.path(),
        &["plan", "--client", "msp-client-350", "--format", "json"],
    );
    let v: Value = serde_json::from_str(&json).unwrap();
    let stale = v["stale"].as_array().unwrap().len();
    let bare = v["no_antivirus"].as_array().unwrap().len();
    assert!(
        stale > 5 && bare > 5,
        "{stale} stale, {bare} with no antivirus"
    );
    let lines = |text: &str, start: &str| {
        let items = text.lines().map(|l| l.trim_start_matches("- "));
        items.filter(|l| l.starts_with(start)).count()
    };
    assert_eq!(lines(&out, "stale, not planned: "), 5, "{out}");
    assert_eq!(lines(&out, "no antivirus: "), 5, "{out}");
    let place = "are in `--format md` and `--format json`.";
    assert!(
        out.contains(&format!("{} more stale devices {place}", stale - 5)),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{} more devices with no antivirus {place}",
            bare - 5
        )),
        "{out}"
    );
    assert_eq!(lines(&md, "stale, not planned: "), stale);
    assert_eq!(lines(&md, "no antivirus: "), bare);
}
