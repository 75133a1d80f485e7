//! Tests of the pilot fast path (`pilot_frame.rs`).

use super::*;

const HEAD: &str = "vendor,client,endpoint,role,date,days,install_ok,cpu_overhead_pct,malware_samples,malware_detected,false_positives,mttd_minutes";

fn run(body: &str) -> Result<Aggregated, NeedsDiagnosis> {
    run_with(HEAD, body)
}

fn run_with(head: &str, body: &str) -> Result<Aggregated, NeedsDiagnosis> {
    let csv = format!("{head}\n{body}");
    let header: Vec<String> = head.split(',').map(str::to_string).collect();
    let index: VendorIndex = [("a".to_string(), 0), ("b".to_string(), 1)]
        .into_iter()
        .collect();
    aggregate(&PilotSource::CsvBytes(csv.into_bytes()), &header, &index)
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
