//! The "Migration plan" section of `vendorscore report`: present for each shipped client
//! (the built-in demo data has an inventory for each) with the waves, the verdict, the
//! Gantt chart in both layouts and the checklist; absent without a client or without an
//! inventory; and a bad inventory fails the report instead of being dropped.

mod common;

use std::path::Path;

use common::*;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn every_shipped_client_gets_a_migration_plan_section() {
    let cwd = tempfile::tempdir().unwrap();
    for client in ["msp-client-350", "dental-35", "federal-contractor"] {
        let args = [
            "report",
            "--client",
            client,
            "--samples",
            "0",
            "--out",
            client,
        ];
        let (code, out, err) = run_in(cwd.path(), &args);
        assert_eq!(code, 0, "{client}: {err}");
        assert!(out.contains(&format!("files into {client}")), "{out}");
        let dir = cwd.path().join(client);
        let md = read(&dir.join("report.md"));
        let at = md
            .find("\n## Migration plan\n")
            .expect("a Migration plan section");
        let section = &md[at..];
        let section = &section[..section[1..].find("\n## ").map_or(section.len(), |e| e + 1)];
        for want in [
            "| wave | name | devices |",
            "| hours | first day | last day | soak until |",
            "| pilot |",
            "![Each wave from its first to its last working day",
            "(charts/gantt.svg)",
            "### Checklist: compensating controls during the migration",
            "### Checklist: fallback between the uninstall and the install",
            "- Multi-factor authentication",
            "On Windows Server (",
        ] {
            assert!(section.contains(want), "{client}: `{want}` in {section}");
        }
        assert!(
            section.contains("> **Deadline met:")
                || section.contains("> **Caution:** Deadline missed"),
            "{client}: {section}"
        );
        assert!(section.contains("days to spare") || section.contains("missed by"));
        // The bottom line repeats the plan's verdict, as `plan` prints it.
        // (Run elsewhere: here a folder has the client's name.)
        let elsewhere = tempfile::tempdir().unwrap();
        let (_, plan, _) = run_in(elsewhere.path(), &["plan", "--wide", "--client", client]);
        let verdict = plan
            .lines()
            .find(|l| l.starts_with("deadline met") || l.starts_with("deadline missed"))
            .expect("the plan's verdict");
        let bottom = &md[md.find("\n## Bottom line\n").unwrap()..at];
        let line = bottom
            .lines()
            .find(|l| l.starts_with("- Migration plan: "))
            .unwrap_or_else(|| panic!("{client}: no plan in {bottom}"));
        assert!(
            line.contains(verdict.trim()),
            "{client}: `{verdict}` in {line}"
        );
        // The section comes after the cost and before the method.
        let cost = md.find("\n## Cost\n").unwrap();
        let method = md.find("\n## Method").unwrap();
        assert!(cost < at && at < method, "{client}");
        for f in ["charts/gantt.svg", "charts/gantt.png"] {
            assert!(dir.join(f).is_file(), "{client}: {f}");
        }
        let html = read(&dir.join("report.html"));
        assert!(html.contains("id=\"migration-plan\""), "{client}");
        let figure = html
            .find("<figure id=\"chart-gantt\">")
            .expect("the Gantt chart");
        let figure = &html[figure..html[figure..].find("</figure>").unwrap() + figure];
        assert_eq!(
            figure.matches("<svg").count(),
            2,
            "{client}: wide and narrow"
        );
        roxmltree::Document::parse(&read(&dir.join("charts/gantt.svg"))).unwrap();
    }
}

#[test]
fn no_client_or_no_inventory_is_no_section_and_no_failure() {
    let cwd = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(cwd.path(), &["report", "--samples", "0", "--out", "a"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("files into a"), "{out}");
    let md = read(&cwd.path().join("a/report.md"));
    assert!(!md.contains("Migration plan"), "{md}");
    assert!(!cwd.path().join("a/charts/gantt.svg").exists());
    // A data folder without the client's inventory.
    let data = cwd.path().join("data");
    std::fs::create_dir(&data).unwrap();
    for entry in std::fs::read_dir(repo("datasets/demo")).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("inventory-") {
            std::fs::copy(&p, data.join(&name)).unwrap();
        }
    }
    let args = [
        "report",
        "--data",
        "data",
        "--client",
        "dental-35",
        "--samples",
        "0",
        "--out",
        "b",
    ];
    let (code, _, err) = run_in(cwd.path(), &args);
    assert_eq!(code, 0, "{err}");
    assert!(!read(&cwd.path().join("b/report.md")).contains("Migration plan"));
}

#[test]
fn a_bad_inventory_fails_the_report_with_its_message() {
    let cwd = tempfile::tempdir().unwrap();
    let data = cwd.path().join("data");
    std::fs::create_dir(&data).unwrap();
    for entry in std::fs::read_dir(repo("datasets/demo")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, data.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        data.join("inventory-dental-35.csv"),
        "hostname,role\nPC1,Kiosk\n",
    )
    .unwrap();
    let args = [
        "report",
        "--data",
        "data",
        "--client",
        "dental-35",
        "--samples",
        "0",
        "--out",
        "out",
    ];
    let (code, _, err) = run_in(cwd.path(), &args);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("inventory-dental-35.csv:2:2: `role` is `Kiosk`"),
        "{err}"
    );
    assert!(
        !cwd.path().join("out").exists(),
        "a failed report writes nothing"
    );
}
