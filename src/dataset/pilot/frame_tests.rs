//! Tests of the pilot fast path (`frame.rs`).

use super::*;

const HEAD: &str = "vendor,client,endpoint,role,date,days,install_ok,cpu_overhead_pct,malware_samples,malware_detected,false_positives,mttd_minutes";

fn run(body: &str) -> Result<Aggregated, NeedsDiagnosis> {
    run_with(HEAD, body)
}

fn run_with(head: &str, body: &str) -> Result<Aggregated, NeedsDiagnosis> {
    run_in_parts(head, body, PART_BYTES)
}

fn run_in_parts(head: &str, body: &str, part_bytes: usize) -> Result<Aggregated, NeedsDiagnosis> {
    let csv = format!("{head}\n{body}");
    let header: Vec<String> = head.split(',').map(str::to_string).collect();
    let index: VendorIndex = [("a".to_string(), 0), ("b".to_string(), 1)]
        .into_iter()
        .collect();
    aggregate_in_parts(
        &PilotSource::CsvBytes(csv.into_bytes()),
        &header,
        &index,
        part_bytes,
    )
}

/// With every row in a part of its own, an endpoint's rows combine across parts: an
/// install that failed on one day and succeeded on another failed; dates span the parts.
#[test]
fn rows_in_separate_parts_combine_per_endpoint() {
    let body = "a,c,e1,workstation,2024-08-06,1,true,2,10,9,1,5\n\
                b,c,e2,server,2024-08-05,1,true,4,0,0,,\n\
                a,c,e1,workstation,2024-08-05,3,no,6,30,30,0,7\n\
                a,c,e1,workstation,2024-08-07,2,yes,,,,,\n";
    let whole = run_in_parts(HEAD, body, usize::MAX).unwrap();
    let (rows, aggs, times) = run_in_parts(HEAD, body, 1).unwrap();
    assert_eq!((rows, &aggs, &times), (whole.0, &whole.1, &whole.2));
    let e1 = &aggs[0];
    assert_eq!((e1.rows, e1.days, e1.install_ok), (3, 6.0, Some(false)));
    assert_eq!(
        (e1.first_date.as_deref(), e1.last_date.as_deref()),
        (Some("2024-08-05"), Some("2024-08-07"))
    );
    assert_eq!(aggs[1].install_ok, Some(true));
    // A bad row in the first or the last part sends the file to diagnosis.
    let row = "a,c,e1,workstation,2024-08-08,1,true,2,10,11,0,\n";
    assert!(run_in_parts(HEAD, &format!("{body}{row}"), 1).is_err());
    assert!(run_in_parts(HEAD, &format!("{row}{body}"), 1).is_err());
}

#[test]
fn aggregates_rows_per_endpoint_skipping_empty_cells() {
    let (rows, aggs, times) = run("a,c,e1,workstation,2024-08-05,1,true,2,10,9,1,5\n\
                           a,c,e1,workstation,2024-08-06,3,yes,6,30,30,0,7\n\
                           a,c,e1,workstation,2024-08-07,2,,,,,,\n\
                           b,c,e2,server,2024-08-05,1,false,4,0,0,,\n")
    .unwrap();
    assert_eq!(rows, 4);
    assert_eq!(aggs.len(), 2);
    let e1 = &aggs[0];
    assert_eq!(
        (e1.vendor, e1.endpoint.as_str(), e1.role),
        (0, "e1", Some(Role::Workstation))
    );
    assert_eq!((e1.rows, e1.days), (3, 6.0));
    assert_eq!((e1.malware_samples, e1.malware_detected), (40, 39));
    // False positives observed on 1 + 3 days; CPU on the same 4 days, weighted by days.
    assert_eq!(e1.counts[0], (1, 4.0));
    assert_eq!(e1.gauges[0], (2.0 + 18.0, 4.0));
    assert_eq!(e1.install_ok, Some(true));
    let mttd: Vec<f64> = times
        .iter()
        .filter(|t| t.vendor == 0)
        .flat_map(|t| t.mttd.clone())
        .collect();
    assert_eq!(mttd, vec![5.0, 7.0]);
    assert_eq!(
        (e1.first_date.as_deref(), e1.last_date.as_deref()),
        (Some("2024-08-05"), Some("2024-08-07"))
    );
    assert_eq!(aggs[1].install_ok, Some(false));
    assert_eq!(aggs[1].counts[0], (0, 0.0));
}

/// The times of a (vendor, client, role) come from all its endpoints, each sorted.
#[test]
fn times_are_gathered_per_group_sorted() {
    let head = "vendor,client,endpoint,role,days,mttd_minutes,mttr_minutes";
    let (_, _, times) = run_with(
        head,
        "a,c,e1,workstation,1,5,20\n\
         a,c,e1,workstation,1,2,30\n\
         a,c,e2,workstation,1,,10\n\
         a,c,e2,workstation,1,2,25\n\
         a,c,e2,workstation,1,,\n\
         a,c,e3,server,1,1.5,\n\
         b,c,e4,workstation,1,,\n",
    )
    .unwrap();
    type Times = (usize, Option<Role>, Vec<f64>, Vec<f64>);
    let got: Vec<Times> = times
        .into_iter()
        .map(|t| (t.vendor, t.role, t.mttd, t.mttr))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                0,
                Some(Role::Workstation),
                vec![2.0, 2.0, 5.0],
                vec![10.0, 20.0, 25.0, 30.0]
            ),
            (0, Some(Role::Server), vec![1.5], vec![]),
        ]
    );
}

#[test]
fn bad_rows_send_the_file_to_diagnosis() {
    for body in [
        "a,c,e1,workstation,,1,true,2,10,11,0,\n", // detected > samples
        "a,c,e1,laptop,,1,true,2,10,9,0,\n",       // unknown role
        "a,c,e1,workstation,,0,true,2,10,9,0,\n",  // zero days
        "a,c,e1,workstation,,1,maybe,2,10,9,0,\n", // not a boolean
        "a,c,e1,workstation,,1,true,101,10,9,0,\n", // CPU over 100%
        "a,c,e1,workstation,,1,true,2,10,9,-1,\n", // negative count
        "a,c,e1,workstation,,1,true,2,10,9,1.5,\n", // fractional count
        "a,c,e1,workstation,,1,true,2,10,,0,\n",   // detected without samples... reversed
        "z,c,e1,workstation,,1,true,2,10,9,0,\n",  // unknown vendor
        "a,c,e1,workstation,,1,true,abc,10,9,0,\n", // text in a number column
        "a,c,e1,workstation,,1,true,2,10,9,0,\nb,c,e1,workstation,,1,true,2,10,9,0,\n", // one endpoint, two vendors
    ] {
        assert!(run(body).is_err(), "accepted: {body}");
    }
}

/// Each check, one bad row among good ones, against the row without the fault.
#[test]
fn every_check_catches_its_fault() {
    let head = "vendor,client,endpoint,role,days,install_ok,phishing_sims,phishing_blocked,tickets,telemetry_coverage_pct,scan_minutes,mttd_minutes,mttr_minutes";
    let good = "a,c,e1,server,1,no,4,3,2,90,5,10,20";
    let filler = "a,c,e1,server,2,yes,5,5,0,95,6,,\nb,c,e2,workstation,1,1,5,4,1,99,4,3,\n";
    assert!(run_with(head, &format!("{filler}{good}\n")).is_ok());
    for (what, faulty) in [
        ("empty vendor", ",c,e1,server,1,no,4,3,2,90,5,10,20"),
        ("empty client", "a,,e1,server,1,no,4,3,2,90,5,10,20"),
        ("empty endpoint", "a,c,,server,1,no,4,3,2,90,5,10,20"),
        ("missing days", "a,c,e1,server,,no,4,3,2,90,5,10,20"),
        ("negative days", "a,c,e1,server,-1,no,4,3,2,90,5,10,20"),
        ("NaN days", "a,c,e1,server,NaN,no,4,3,2,90,5,10,20"),
        ("infinite days", "a,c,e1,server,inf,no,4,3,2,90,5,10,20"),
        ("not a boolean", "a,c,e1,server,1,nope,4,3,2,90,5,10,20"),
        ("blocked > sims", "a,c,e1,server,1,no,4,5,2,90,5,10,20"),
        ("blocked without sims", "a,c,e1,server,1,no,,3,2,90,5,10,20"),
        ("sims without blocked", "a,c,e1,server,1,no,4,,2,90,5,10,20"),
        ("fractional sims", "a,c,e1,server,1,no,4.5,3,2,90,5,10,20"),
        ("infinite tickets", "a,c,e1,server,1,no,4,3,inf,90,5,10,20"),
        ("NaN tickets", "a,c,e1,server,1,no,4,3,NaN,90,5,10,20"),
        ("negative tickets", "a,c,e1,server,1,no,4,3,-2,90,5,10,20"),
        (
            "telemetry over 100",
            "a,c,e1,server,1,no,4,3,2,100.5,5,10,20",
        ),
        ("negative gauge", "a,c,e1,server,1,no,4,3,2,90,-5,10,20"),
        ("NaN gauge", "a,c,e1,server,1,no,4,3,2,90,NaN,10,20"),
        ("negative time", "a,c,e1,server,1,no,4,3,2,90,5,-10,20"),
        ("NaN time", "a,c,e1,server,1,no,4,3,2,90,5,10,NaN"),
        ("infinite time", "a,c,e1,server,1,no,4,3,2,90,5,inf,20"),
    ] {
        assert!(
            run_with(head, &format!("{filler}{faulty}\n")).is_err(),
            "accepted {what}: {faulty}"
        );
    }
}

/// Read in small parts, a generated pilot aggregates as it does read whole: the parts'
/// groups combine into the same endpoints, sums and times (gauge sums to rounding, as
/// they are added in another order).
#[test]
fn parts_combine_into_the_aggregate_of_the_whole_file() {
    use crate::demo::{write_to_dir, DemoOptions};
    let dir = tempfile::tempdir().unwrap();
    let opts = DemoOptions {
        seed: 7,
        vendors: 3,
        endpoints: 40,
        days: 30,
    };
    write_to_dir(&opts, dir.path(), false).unwrap();
    let path = dir.path().join("pilot_results.csv");
    let bytes = std::fs::read(&path).unwrap();
    let header: Vec<String> =
        String::from_utf8_lossy(&bytes[..bytes.iter().position(|&b| b == b'\n').unwrap()])
            .split(',')
            .map(|h| h.trim().to_string())
            .collect();
    let vendors = std::fs::read_to_string(dir.path().join("vendors.csv")).unwrap();
    let index: VendorIndex = vendors
        .lines()
        .skip(1)
        .enumerate()
        .map(|(i, line)| (line.split(',').next().unwrap().to_string(), i))
        .collect();
    let source = PilotSource::CsvPath(path);
    let (rows, whole, times) = aggregate_in_parts(&source, &header, &index, usize::MAX).unwrap();
    let (rows_p, parts, times_p) = aggregate_in_parts(&source, &header, &index, 4096).unwrap();
    assert!(bytes.len() > 50 * 4096, "the file should make many parts");
    assert_eq!(rows, (4 * 40 * 30) as u64);
    assert_eq!(rows_p, rows);
    assert_eq!(times_p, times);
    assert_eq!(parts.len(), whole.len());
    for (p, w) in parts.iter().zip(&whole) {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
        assert!(
            p.gauges
                .iter()
                .zip(&w.gauges)
                .all(|(x, y)| close(x.0, y.0) && x.1 == y.1),
            "{p:?}\n{w:?}"
        );
        let same = EndpointAgg {
            gauges: w.gauges,
            ..p.clone()
        };
        assert_eq!(&same, w);
    }
}
