//! Every refusal says where: the file, the line and the column, for mistakes that used to
//! get a message without a place (docs/security.md).

mod common;

use common::tiny::*;
use common::*;

const VENDORS_HEAD: &str = "vendor,name,hq_country,restrictions,notes";

/// A quote that never closes swallowed the rest of the file: polars said "could not
/// parse" with no line. The line and column are those of the opening quote.
#[test]
fn an_unterminated_quote_is_placed_in_either_reader() {
    let (code, err) = broken(
        "vendors.csv",
        &format!("{VENDORS_HEAD}\nalpha,\"Alpha EDR,US,,\nbravo,Bravo,DE,,\n"),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("vendors.csv:2:7: this quote opens a field that is never closed"),
        "{err}"
    );
    // The pilot has its own fast reader; its refusal is placed the same way.
    let pilot = with_line(
        "pilot_results.csv",
        3,
        "alpha,acme,\"alpha-2,server,windows-server-2022,,10,true,3,300,5,20,100,99,10,10,1,6,40,0,0,97",
    );
    let (code, err) = broken("pilot_results.csv", &pilot);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("pilot_results.csv:3:12: this quote opens a field that is never closed"),
        "{err}"
    );
}

/// Latin-1 text ("invalid utf-8 sequence", no line) is placed at its first bad byte, in
/// the evidence files, the pilot and the criteria file.
#[test]
fn bytes_that_are_not_utf8_are_placed() {
    let dir = scratch_copy("tiny");
    let mut vendors = format!("{VENDORS_HEAD}\nalpha,Alpha ").into_bytes();
    vendors.extend_from_slice(b"\xe9quipe,US,,\nbravo,Bravo,DE,,\n");
    std::fs::write(dir.path().join("vendors.csv"), vendors).unwrap();
    let (code, _, err) = rank(dir.path(), &fixture("criteria/tiny.toml"), &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("vendors.csv:2:13: byte `0xE9` is not UTF-8 text"),
        "{err}"
    );
    assert!(err.contains("save the file as UTF-8"), "{err}");

    let dir = scratch_copy("tiny");
    let path = dir.path().join("pilot_results.csv");
    let pilot = std::fs::read(&path).unwrap();
    let at = pilot.windows(7).position(|w| w == b"alpha-2").unwrap();
    let mut bad = pilot[..at + 6].to_vec();
    bad.push(0xff);
    bad.extend_from_slice(&pilot[at + 6..]);
    std::fs::write(&path, bad).unwrap();
    let (code, _, err) = rank(dir.path(), &fixture("criteria/tiny.toml"), &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("pilot_results.csv:3:18: byte `0xFF` is not UTF-8 text"),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read(fixture("criteria/tiny.toml")).unwrap();
    text.extend_from_slice(b"description = \"caf\xe9\"\n");
    let lines = text.iter().filter(|&&b| b == b'\n').count();
    let c = dir.path().join("criteria.toml");
    std::fs::write(&c, text).unwrap();
    let (code, _, err) = rank(&fixture("tiny"), &c, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "criteria.toml:{lines}:19: byte `0xE9` is not UTF-8 text"
        )),
        "{err}"
    );
}

/// Old Mac line endings made the file one line: "no vendors listed".
#[test]
fn carriage_return_line_endings_are_named() {
    let (code, err) = broken(
        "vendors.csv",
        &format!("{VENDORS_HEAD}\ralpha,Alpha,US,,\rbravo,Bravo,DE,,\r"),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("vendors.csv:1: the lines end with a carriage return alone (3 of them)"),
        "{err}"
    );
    assert!(!err.contains("no vendors listed"), "{err}");
}

/// When the gates leave nothing to rank, the hint names each gate that excluded a vendor
/// where it is written, not "a gate in the criteria file".
#[test]
fn excluding_every_vendor_names_the_gates_and_their_places() {
    let text = tiny_with(|t| {
        format!(
            "{t}\n[[gate]]\nid = \"impossible\"\nmetric = \"pilot.detection_rate\"\nmin = 0.9999\n"
        )
    });
    let (code, _, err) = run(&text, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("every vendor is excluded, so there is nothing to rank"),
        "{err}"
    );
    assert!(
        err.contains("criteria.toml:9:10 (gate `not-restricted`)")
            && err.contains("criteria.toml:32:10 (gate `impossible`)"),
        "{err}"
    );
}

/// `pilot plan --difference 1e-300` printed 18446744073709551615 samples.
#[test]
fn a_difference_no_pilot_can_detect_is_refused() {
    let out = bin()
        .args([
            "pilot",
            "plan",
            "--baseline",
            "0.99",
            "--difference",
            "1e-300",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("a difference of `1e-300` would need more than 1e12 samples per vendor"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

/// The pilot has its own reader: a repeated column name is refused there too (polars
/// would rename the second copy and the first would silently win), and so are line
/// ends of a carriage return alone.
#[test]
fn the_pilot_reader_refuses_a_repeated_column_and_lone_carriage_returns() {
    let text = std::fs::read_to_string(fixture("tiny/pilot_results.csv")).unwrap();
    let doubled = text.replacen("cpu_overhead_pct", "cpu_overhead_pct,cpu_overhead_pct", 1);
    let (code, err) = broken("pilot_results.csv", &doubled);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("pilot_results.csv:1:10: column `cpu_overhead_pct` appears twice in the header (columns 9 and 10)"),
        "{err}"
    );
    let (code, err) = broken("pilot_results.csv", &text.replace('\n', "\r"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("pilot_results.csv:1: the lines end with a carriage return alone"),
        "{err}"
    );
}
