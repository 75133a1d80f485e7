//! Tests of the public API: reproducibility, file names and headers, option limits, and that
//! [`write_to_dir`] writes exactly the bytes of [`generate`].

use super::testkit::{file, opts, rows};
use super::{generate, validate, write_to_dir, DemoError, DemoOptions};

#[test]
fn same_seed_gives_identical_bytes() {
    let a = generate(&DemoOptions::default()).unwrap();
    let b = generate(&DemoOptions::default()).unwrap();
    assert_eq!(a.len(), 9);
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.name, y.name);
        assert!(x.bytes == y.bytes, "{} differs between two runs", x.name);
    }
}

#[test]
fn different_seed_gives_different_pilot() {
    let a = generate(&opts(42, 5, 20, 30)).unwrap();
    let b = generate(&opts(43, 5, 20, 30)).unwrap();
    assert_ne!(file(&a, "pilot_results.csv"), file(&b, "pilot_results.csv"));
}

#[test]
fn every_file_has_exactly_its_header_and_lf_endings() {
    let files = generate(&DemoOptions::default()).unwrap();
    let names: Vec<_> = files.iter().map(|f| f.name).collect();
    let expected_names = [
        "vendors.csv",
        "test_scores.csv",
        "pilot_results.csv",
        "pricing.csv",
        "rmm_checks.csv",
        "inventory-dental-35.csv",
        "inventory-federal-contractor.csv",
        "inventory-msp-client-350.csv",
        "README.md",
    ];
    assert_eq!(names, expected_names);
    let headers = [
        ("vendors.csv", "vendor,name,hq_country,restrictions,notes"),
        ("test_scores.csv", "lab,test,period_start,period_end,vendor,metric,value,unit,samples,source"),
        ("pilot_results.csv", "vendor,client,endpoint,role,os,date,days,install_ok,cpu_overhead_pct,memory_mb,boot_delay_s,scan_minutes,malware_samples,malware_detected,phishing_sims,phishing_blocked,false_positives,mttd_minutes,mttr_minutes,app_breakages,tickets,telemetry_coverage_pct"),
        ("pricing.csv", "vendor,sku,edition,applies_to,min_seats,max_seats,price_per_seat_month,currency,billing,term_months,min_commit_seats,setup_fee,addon"),
        ("rmm_checks.csv", "vendor,platform,check,result,evidence,checked_on"),
    ];
    for (name, header) in headers {
        let text = std::str::from_utf8(file(&files, name)).unwrap();
        assert_eq!(text.lines().next(), Some(header), "{name}");
        assert!(!text.contains('\r'), "{name} has CR");
        assert!(text.ends_with('\n'), "{name} lacks a final LF");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for field in reader
            .records()
            .flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
        {
            let plain = field.chars().all(|c| c.is_ascii_digit() || c == '.');
            assert!(
                field.parse::<f64>().is_err() || plain,
                "{name}: number `{field}`"
            );
        }
        assert!(rows(&files, name).len() > 1, "{name} has no data");
    }
}

#[test]
fn bad_options_are_rejected() {
    let cases = [
        opts(1, 0, 1, 1),
        opts(1, 13, 1, 1),
        opts(1, 1, 0, 1),
        opts(1, 1, 1, 0),
    ];
    for o in cases {
        let err = generate(&o)
            .err()
            .unwrap_or_else(|| panic!("{o:?} accepted"));
        let msg = err.to_string();
        assert!(msg.contains('`') && !msg.ends_with('.'), "{msg}");
        assert!(msg.chars().next().unwrap().is_lowercase(), "{msg}");
    }
    assert!(matches!(
        generate(&opts(1, 0, 1, 1)),
        Err(DemoError::Vendors { got: 0, .. })
    ));
    assert!(matches!(
        generate(&opts(1, 13, 1, 1)),
        Err(DemoError::Vendors { got: 13, .. })
    ));
    assert!(matches!(
        generate(&opts(1, 1, 0, 1)),
        Err(DemoError::Endpoints { got: 0, .. })
    ));
    assert!(matches!(
        generate(&opts(1, 1, 1, 0)),
        Err(DemoError::Days { got: 0, .. })
    ));
    assert!(matches!(
        generate(&opts(1, 12, 5000, 366)),
        Err(DemoError::TooManyRows { .. })
    ));
    assert!(generate(&opts(1, 12, 1, 1)).is_ok());
}

#[test]
fn limits_allow_the_ten_million_row_benchmark() {
    // 20,000 endpoints x 90 days x (5 fictional vendors + the incumbent) = 10.8 million rows.
    assert!(validate(&opts(1, 5, 20_000, 90)).is_ok());
    assert!(
        validate(&opts(1, 9, 20_000, 100)).is_ok(),
        "exactly 20 million rows"
    );
    assert!(validate(&opts(1, 1, 50_000, 200)).is_ok());
    assert!(matches!(
        validate(&opts(1, 1, 50_001, 1)),
        Err(DemoError::Endpoints {
            got: 50_001,
            max: 50_000
        })
    ));
    assert!(matches!(
        validate(&opts(1, 1, 1, 367)),
        Err(DemoError::Days { got: 367, max: 366 })
    ));
    assert!(matches!(
        validate(&opts(1, 12, 16_000, 97)),
        Err(DemoError::TooManyRows {
            rows: 20_176_000,
            max: 20_000_000
        })
    ));
}

#[test]
fn write_to_dir_matches_generate_byte_for_byte() {
    for o in [
        DemoOptions::default(),
        opts(3, 12, 9, 14),
        opts(u64::MAX, 1, 1, 1),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("nested").join("demo");
        let written = write_to_dir(&o, &out, false).unwrap();
        let files = generate(&o).unwrap();
        assert_eq!(written.len(), files.len());
        for ((path, len), f) in written.iter().zip(&files) {
            assert_eq!(*path, out.join(f.name));
            let bytes = std::fs::read(path).unwrap();
            assert!(bytes == f.bytes, "{} differs for {o:?}", f.name);
            assert_eq!(*len, f.bytes.len() as u64, "{}", f.name);
        }
        let mut names: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        let mut expected: Vec<_> = files.iter().map(|f| f.name.to_string()).collect();
        expected.sort();
        assert_eq!(names, expected, "temporary files left behind");
    }
}

#[test]
fn write_to_dir_replaces_an_older_dataset() {
    let dir = tempfile::tempdir().unwrap();
    write_to_dir(&opts(1, 2, 3, 4), dir.path(), false).unwrap();
    let written = write_to_dir(&opts(2, 1, 2, 2), dir.path(), false).unwrap();
    for ((path, _), f) in written.iter().zip(generate(&opts(2, 1, 2, 2)).unwrap()) {
        assert!(std::fs::read(path).unwrap() == f.bytes, "{}", f.name);
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 9);
}

/// A real dataset's files are never replaced without `force`: the error lists what is
/// there and every byte stays as it was.
#[test]
fn write_to_dir_refuses_a_folder_with_other_files_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vendors.csv"), b"vendor,name\nmine,Mine\n").unwrap();
    std::fs::write(dir.path().join("README.md"), b"# Our pilot\n").unwrap();
    let err = write_to_dir(&opts(1, 2, 3, 4), dir.path(), false).unwrap_err();
    assert!(err.is_usage(), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("is not empty (`README.md`, `vendors.csv`)") && msg.contains("--force"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("vendors.csv")).unwrap(),
        b"vendor,name\nmine,Mine\n"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    // A generated README beside a file of the user's own is still not a generated dataset.
    let gen = tempfile::tempdir().unwrap();
    write_to_dir(&opts(1, 2, 3, 4), gen.path(), false).unwrap();
    std::fs::write(gen.path().join("notes.txt"), b"keep").unwrap();
    assert!(write_to_dir(&opts(1, 2, 3, 4), gen.path(), false).is_err());
    // Forced, the dataset is written and other files stay.
    write_to_dir(&opts(1, 2, 3, 4), dir.path(), true).unwrap();
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 9);
    write_to_dir(&opts(1, 2, 3, 4), gen.path(), true).unwrap();
    assert_eq!(
        std::fs::read(gen.path().join("notes.txt")).unwrap(),
        b"keep"
    );
}

#[test]
fn write_to_dir_checks_options_before_touching_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never");
    let err = write_to_dir(&opts(1, 0, 1, 1), &out, false).unwrap_err();
    assert!(matches!(err, DemoError::Vendors { got: 0, .. }));
    assert!(!out.exists());
}

#[test]
fn write_to_dir_names_the_path_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, b"not a folder").unwrap();
    let err = write_to_dir(&DemoOptions::default(), &blocker, false).unwrap_err();
    let DemoError::Io { path, .. } = &err else {
        panic!("expected an i/o error, got {err:?}");
    };
    assert_eq!(*path, blocker);
    let msg = err.to_string();
    assert!(
        msg.starts_with("cannot write `") && !msg.ends_with('.'),
        "{msg}"
    );
    assert_eq!(std::fs::read(&blocker).unwrap(), b"not a folder");
}
