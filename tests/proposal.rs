//! `vendorscore proposal` as a salesperson and a client owner meet it: each shipped
//! client's proposal (snapshots of proposal.md, read as an owner would), no internal
//! figure in what the client reads, the contract total worked by hand from the cost
//! model's lines, escaping, template overrides and errors. The page in a real browser:
//! tests/proposal_browser.rs.

mod common;

use std::path::Path;

use common::{bin, repo};
use serde_json::Value;

const CLIENTS: [&str; 3] = ["dental-35", "msp-client-350", "federal-contractor"];

/// Runs `proposal` from `cwd` (built-in data and profiles); returns (code, stdout, stderr).
fn proposal(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let res = bin()
        .current_dir(cwd)
        .arg("proposal")
        .args(args)
        .output()
        .unwrap();
    (
        res.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&res.stdout).into_owned(),
        String::from_utf8_lossy(&res.stderr).into_owned(),
    )
}

/// The proposal of a shipped client: (html, md).
fn written(client: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = proposal(dir.path(), &["--client", client, "--out", "p"]);
    assert_eq!(code, 0, "{err}");
    let read = |f: &str| std::fs::read_to_string(dir.path().join("p").join(f)).unwrap();
    (read("proposal.html"), read("proposal.md"))
}

fn json(args: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let res = bin().current_dir(dir.path()).args(args).output().unwrap();
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    serde_json::from_slice(&res.stdout).unwrap()
}

#[test]
fn each_shipped_client_gets_a_proposal() {
    for client in CLIENTS {
        let (html, md) = written(client);
        let name = client_name(client);
        assert!(
            html.contains(&format!("<title>Proposal for {name}")),
            "{client}"
        );
        assert!(md.starts_with(&format!("# Replacing Kaspersky at {name}\n")));
        let no_ns = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assert!(
            !html.contains("<script") && !no_ns.contains("http://") && !no_ns.contains("https://")
        );
        assert!(html.contains("@page") && html.contains("break-inside: avoid"));
        assert_eq!(md.matches("**(recommended)**").count(), 1, "{client}");
        insta::assert_snapshot!(format!("proposal_md_{client}"), md);
    }
}

fn client_name(client: &str) -> String {
    let text = std::fs::read_to_string(repo(&format!("clients/{client}.toml"))).unwrap();
    let v: toml::Value = toml::from_str(&text).unwrap();
    v["name"].as_str().unwrap().to_string()
}

/// A figure appears when it stands alone: not inside a longer number (`95` in `950` or
/// `$1,950.00`, `9.62` in `19.62`).
fn appears(text: &str, figure: &str) -> bool {
    text.match_indices(figure).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let mut after = text[i + figure.len()..].chars();
        let digit_before = before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.');
        let next = after.next();
        let digit_after = next.is_some_and(|c| c.is_ascii_digit())
            || (matches!(next, Some('.' | ','))
                && after.next().is_some_and(|c| c.is_ascii_digit()));
        !digit_before && !digit_after
    })
}

/// The text of an HTML page: everything outside `<...>`, without the style sheet.
fn text_of(html: &str) -> String {
    let html = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// An amount the ways it could be printed: `1234.5`, `1234.50`, `1,234.50`.
fn forms(x: f64) -> Vec<String> {
    let two = format!("{x:.2}");
    let (whole, cents) = two.split_once('.').unwrap();
    let grouped: String = whole
        .chars()
        .rev()
        .collect::<Vec<_>>()
        .chunks(3)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(",")
        .chars()
        .rev()
        .collect();
    let mut out = vec![two.clone(), format!("{grouped}.{cents}"), format!("{x}")];
    if x.fract() == 0.0 {
        out.push(format!("${x}"));
    }
    out
}

#[test]
fn no_internal_figure_reaches_the_client() {
    for client in CLIENTS {
        let (html, md) = written(client);
        // What the page shows: its text, without tags and the chart's coordinates.
        let html = text_of(&html);
        let cost = json(&["cost", "--client", client, "--format", "json"]);
        let rank = json(&["rank", "--client", client, "--format", "json"]);
        let profile: toml::Value = toml::from_str(
            &std::fs::read_to_string(repo(&format!("clients/{client}.toml"))).unwrap(),
        )
        .unwrap();
        let mut secret: Vec<(String, String)> = Vec::new();
        // Buying prices and buying totals of every vendor the proposal names.
        for v in cost["vendors"].as_array().unwrap() {
            if !md.contains(v["name"].as_str().unwrap()) {
                continue;
            }
            for l in v["lines"].as_array().unwrap() {
                for key in ["unit_price", "amount"] {
                    let x = l[key].as_f64().unwrap();
                    secret.extend(forms(x).into_iter().map(|f| (format!("buy {key}"), f)));
                }
            }
            for key in [
                "monthly",
                "subscriptions",
                "setup",
                "migration",
                "tco",
                "cost_per_endpoint_month",
                "all_in_per_endpoint_month",
            ] {
                let x = v[key].as_f64().unwrap();
                if x > 0.0 {
                    secret.extend(forms(x).into_iter().map(|f| (format!("buy {key}"), f)));
                }
            }
        }
        // The labour rate.
        let rate = profile["migration"]["labour_rate"].as_float().unwrap();
        secret.extend(
            forms(rate)
                .into_iter()
                .map(|f| ("labour rate".to_string(), f)),
        );
        // The markups of the demo MSP profile: the margin in percent.
        for pct in ["35%", "40%", "20%", "30%", "35 %", "0.35"] {
            secret.push(("markup".into(), pct.into()));
        }
        // The robustness statistics of the evidence check.
        for v in rank["evidence_check"]["vendors"].as_array().unwrap() {
            let p = v["p_leader_ahead"].as_f64().unwrap();
            let mut shown = vec![format!("{:.0}%", 100.0 * p), format!("{:.1}%", 100.0 * p)];
            if p.fract() != 0.0 {
                shown.push(format!("{p}"));
            }
            secret.extend(shown.into_iter().map(|f| ("robustness".to_string(), f)));
        }
        // Other clients' names.
        for other in CLIENTS.iter().filter(|c| **c != client) {
            secret.push(("other client".into(), client_name(other)));
            secret.push(("other client".into(), other.to_string()));
        }
        assert!(secret.len() > 30, "{client}: too few figures to look for");
        for (what, figure) in &secret {
            for (file, text) in [("html", &html), ("md", &md)] {
                assert!(
                    !appears(text, figure),
                    "{client}: {what} `{figure}` appears in proposal.{file}"
                );
            }
        }
    }
}

/// The leak check can fail: with a markup of 0 the buying price is the sell price, and
/// the check finds it; a figure inside a longer number is not a match.
#[test]
fn the_leak_check_finds_a_buying_price() {
    assert!(appears("at $9.62 a seat", "9.62"));
    assert!(!appears("at $19.62 or 9.625", "9.62"));
    assert!(!appears("$950.00 and $1,095", "95"));
    let dir = tempfile::tempdir().unwrap();
    let msp = std::fs::read_to_string(repo("msp/northwind-it.toml"))
        .unwrap()
        .replace("percent = 35", "percent = 0")
        .replace("round_to = 0.05", "round_to = 0.01");
    std::fs::write(dir.path().join("at-cost.toml"), msp).unwrap();
    let (code, _, err) = proposal(
        dir.path(),
        &[
            "--client",
            "dental-35",
            "--msp",
            "at-cost.toml",
            "--out",
            "p",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.path().join("p/proposal.md")).unwrap();
    assert!(appears(&md, "9.62"), "{md}");
    assert!(!err.contains("built-in demo MSP profile"), "{err}");
}

/// Harbor Dental, worked by hand from `cost --explain`: Quillfort Business, 35 seats at
/// $9.62 a seat-month. Sell: 9.62 x 1.35 = 12.987, to the nearest 5 cents $13.00;
/// 35 x $13.00 = $455.00 a month; x 36 months = $16,380.00. Setup $250.00 at 0% markup;
/// migration from the plan (30 managed devices x 0.25 h + 3 unmanaged x 0.75 h + 15 h of
/// policy rebuild = 24.75 h) x $95 = $2,351.25, x 1.20 = $2,821.50. One-time $3,071.50;
/// contract $19,451.50.
#[test]
fn the_contract_total_is_the_cost_model_with_the_markup() {
    let cost = json(&["cost", "--client", "dental-35", "--format", "json"]);
    let q = &cost["vendors"][0];
    assert_eq!(q["vendor"], "quillfort");
    let mut cents = 0i64;
    for l in q["lines"].as_array().unwrap() {
        let (unit, qty, months) = (
            l["unit_price"].as_f64().unwrap(),
            l["quantity"].as_f64().unwrap(),
            l["months"].as_i64().unwrap(),
        );
        cents += match l["kind"].as_str().unwrap() {
            "licence" => ((unit * 1.35 * 100.0 / 5.0).round() as i64 * 5) * qty as i64 * months,
            "setup" => (unit * qty * 100.0).round() as i64,
            "migration" => (unit * qty * 1.2 * 100.0).round() as i64,
            k => panic!("unexpected line {k}"),
        };
    }
    assert_eq!(cents, 1_945_150);
    let (_, md) = written("dental-35");
    let row = md
        .lines()
        .find(|l| l.contains("**(recommended)**"))
        .unwrap();
    assert!(
        row.contains("| $13.00 | $455.00 | $3,071.50 | $19,451.50 |"),
        "{row}"
    );
}

/// A client profile named like a script, without an inventory: shown as text, and the
/// timeline is promised for later.
#[test]
fn a_hostile_client_name_is_text_and_no_inventory_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("clients/dental-35.toml"))
        .unwrap()
        .replace(
            "Harbor Dental (35 seats)",
            "<script>alert(1)</script> & [x](y) | *z*",
        );
    std::fs::write(dir.path().join("hostile.toml"), text).unwrap();
    let (code, _, err) = proposal(dir.path(), &["--client", "hostile.toml", "--out", "p"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("no inventory for this client"), "{err}");
    let html = std::fs::read_to_string(dir.path().join("p/proposal.html")).unwrap();
    let md = std::fs::read_to_string(dir.path().join("p/proposal.md")).unwrap();
    assert!(!html.contains("<script>") && !md.contains("<script>"));
    // minijinja's HTML escaping also writes `/` as `&#x2f;`.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt; &amp; [x](y) | *z*"));
    assert!(
        md.contains(r"&lt;script&gt;alert(1)&lt;/script&gt; &amp; \[x\](y) \| \*z\*"),
        "{md}"
    );
    assert!(md.contains("The detailed timeline will follow"));
}

#[test]
fn templates_are_overridden_per_file_and_errors_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t");
    std::fs::create_dir(&t).unwrap();
    std::fs::write(
        t.join("proposal.md"),
        "Dear {{ client }},\nvalid until {{ valid_until }}\n",
    )
    .unwrap();
    let (code, _, err) = proposal(
        dir.path(),
        &["--client", "dental-35", "--template", "t", "--out", "p"],
    );
    assert_eq!(code, 0, "{err}");
    let md = std::fs::read_to_string(dir.path().join("p/proposal.md")).unwrap();
    assert_eq!(
        md,
        "Dear Harbor Dental (35 seats),\nvalid until July 31, 2024\n"
    );
    let html = std::fs::read_to_string(dir.path().join("p/proposal.html")).unwrap();
    assert!(html.contains("<h2>Your options</h2>"));
    std::fs::write(
        t.join("proposal.md"),
        "Dear {{ client }},\n{% for o in options %}\n",
    )
    .unwrap();
    let (code, _, err) = proposal(
        dir.path(),
        &["--client", "dental-35", "--template", "t", "--out", "q"],
    );
    assert_eq!(code, 1);
    assert!(
        err.starts_with("error: template `t/proposal.md`, line 2: "),
        "{err}"
    );
    assert!(!dir.path().join("q").exists());
}

#[test]
fn bad_usage_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("bin");
    std::fs::create_dir(&empty).unwrap();
    let res = bin()
        .current_dir(dir.path())
        .env("PATH", &empty)
        .args(["proposal", "--client", "dental-35", "--pdf", "--out", "p"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&res.stderr);
    assert_eq!(res.status.code(), Some(2), "{err}");
    assert!(err.contains("`--pdf` needs a headless Chromium"), "{err}");
    assert!(!dir.path().join("p").exists());
    let (code, _, err) = proposal(
        dir.path(),
        &["--client", "dental-35", "--date", "2024-13-01"],
    );
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = proposal(dir.path(), &["--out", "p"]);
    assert_eq!(code, 2, "{err}");
}
