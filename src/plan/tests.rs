//! Plans worked by hand: ten standard workstations from Monday 2024-07-01, one
//! technician, 8 hours a day, 1 hour a device, a pilot of 10% (one device) and a soak of
//! 14 days. The pilot device is swapped on Monday 07-01; the soak runs to 07-15; the
//! other nine go on Tuesday 07-16 (eight) and Wednesday 07-17 (one).

use super::*;
use crate::dataset::{parse_date, Date, Role};
use crate::inventory::Device;

fn day(s: &str) -> Date {
    parse_date(s, false).unwrap()
}

fn device(i: usize, role: Role) -> Device {
    Device {
        line: format!("line {}", i + 2),
        client: "acme".into(),
        site: "hq".into(),
        hostname: format!("PC-{i:02}"),
        role,
        os: None,
        av_product: Some("Kaspersky Endpoint Security for Windows".into()),
        av_version: None,
        last_seen: Some(day("2024-06-30")),
        managed: Some(true),
        tags: Vec::new(),
    }
}

fn inventory(workstations: usize, servers: usize) -> Inventory {
    let mut devices: Vec<Device> = (0..workstations)
        .map(|i| device(i, Role::Workstation))
        .collect();
    devices.extend((0..servers).map(|i| device(workstations + i, Role::Server)));
    Inventory {
        file: "inv.csv".into(),
        mapping: None,
        devices,
    }
}

fn settings(deadline: &str) -> PlanSettings {
    let mut s = PlanSettings::new(day("2024-07-01"), StartFrom::Profile);
    s.deadline = day(deadline);
    s.hours_per_day = 8.0;
    s.hours_per_device = 1.0;
    s
}

fn run(inv: &Inventory, s: PlanSettings) -> Plan {
    plan(inv, &Products::built_in(), s).unwrap()
}

#[test]
fn the_worked_plan_has_these_dates() {
    let p = run(&inventory(10, 0), settings("2024-09-29"));
    let w = &p.schedule.waves;
    assert_eq!(p.waves.len(), 2);
    assert_eq!(
        (w[0].first, w[0].last, w[0].soak_until),
        (day("2024-07-01"), day("2024-07-01"), day("2024-07-15"))
    );
    assert_eq!(
        (w[1].first, w[1].last),
        (day("2024-07-16"), day("2024-07-17"))
    );
    assert_eq!(w[1].minutes, 9 * 60);
    assert_eq!(p.schedule.finish, day("2024-07-17"));
}

#[test]
fn a_plan_that_just_meets() {
    let p = run(&inventory(10, 0), settings("2024-07-18"));
    assert_eq!(p.deadline.margin, 0);
    assert!(p.deadline.meets());
    assert_eq!(p.deadline.technicians_needed, None);
    assert_eq!(p.deadline.latest_start, None);
}

#[test]
fn a_plan_that_misses_by_one_day_needs_one_more_technician() {
    let p = run(&inventory(10, 0), settings("2024-07-17"));
    assert_eq!(p.deadline.margin, -1);
    assert!(!p.deadline.meets());
    // Two technicians swap all nine on 07-16; a 13-day soak starts them on Monday 07-15.
    assert_eq!(p.deadline.technicians_needed, Some(2));
    assert_eq!(p.deadline.soak_that_meets, Some(13));
    // Starting on Friday 06-28 puts the pilot there, its soak to 07-12 (a Friday), and
    // the nine on Monday 07-15 (eight) and Tuesday 07-16 (one): margin 0. A start on the
    // weekend between waits for Monday 07-01, as the plan does.
    assert_eq!(p.deadline.latest_start, Some(day("2024-06-28")));
    let mut two = settings("2024-07-17");
    two.technicians = 2;
    let p = run(&inventory(10, 0), two);
    assert_eq!(
        (p.deadline.margin, p.schedule.finish),
        (0, day("2024-07-16"))
    );
}

#[test]
fn no_number_of_technicians_beats_the_soak() {
    // The pilot's soak alone runs to 07-15, past a deadline of 07-10; a soak of 6 days
    // starts the wave on Monday 07-08 and ends it on 07-09.
    let p = run(&inventory(10, 0), settings("2024-07-10"));
    assert_eq!(p.deadline.technicians_needed, None);
    assert_eq!(p.deadline.soak_that_meets, Some(6));
}

#[test]
fn blackout_days_and_weekends_are_skipped() {
    let mut s = settings("2024-09-29");
    s.blackout = vec![day("2024-07-16")];
    s.soak_days = 18; // ends Friday 07-19: the wave starts Monday 07-22
    let p = run(&inventory(10, 0), s);
    assert_eq!(p.schedule.waves[1].first, day("2024-07-22"));
    let mut s = settings("2024-09-29");
    s.blackout = vec![day("2024-07-16")];
    let p = run(&inventory(10, 0), s);
    assert_eq!(
        (p.schedule.waves[1].first, p.schedule.finish),
        (day("2024-07-17"), day("2024-07-18"))
    );
}

#[test]
fn servers_wait_for_a_maintenance_window() {
    // Risk-first: the server is the high-value wave after the pilot's soak, swapped on
    // Saturday 07-20 (the default window); the standard wave follows its soak (to 08-03)
    // on Monday 08-05 and Tuesday 08-06.
    let p = run(&inventory(10, 1), settings("2024-09-29"));
    let names: Vec<&str> = p.waves.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(names, ["pilot", "high value", "standard"]);
    let w = &p.schedule.waves;
    assert_eq!(
        (w[1].first, w[1].last),
        (day("2024-07-20"), day("2024-07-20"))
    );
    let server = p.schedule.visits.iter().find(|v| v.device == 10).unwrap();
    assert_eq!(server.window, Window::Maintenance);
    assert_eq!(
        (w[2].first, w[2].last),
        (day("2024-08-05"), day("2024-08-06"))
    );
}

#[test]
fn the_policy_rebuild_comes_before_the_pilot() {
    let mut s = settings("2024-09-29");
    s.policy_hours = 10.0;
    let p = run(&inventory(10, 0), s);
    let w = &p.schedule.waves[0];
    assert_eq!(
        (w.first, w.last, w.minutes),
        (day("2024-07-01"), day("2024-07-02"), 11 * 60)
    );
}

#[test]
fn windows_that_never_open_and_devices_longer_than_a_day_are_errors() {
    let mut s = settings("2024-09-29");
    s.window_days = [false; 7];
    let e = plan(&inventory(2, 1), &Products::built_in(), s).unwrap_err();
    assert!(
        e.to_string()
            .contains("needs a maintenance window, and none ever opens"),
        "{e}"
    );
    let mut s = settings("2024-09-29");
    s.hours_per_device = 9.0;
    let e = plan(&inventory(2, 0), &Products::built_in(), s).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("`PC-00` takes 9 h in one visit, longer than a working day of 8 h"),
        "{e}"
    );
}

#[test]
fn nothing_to_move_without_kaspersky() {
    let mut inv = inventory(3, 0);
    for d in &mut inv.devices {
        d.av_product = Some("Microsoft Defender Antivirus".into());
    }
    let p = run(&inv, settings("2024-09-29"));
    assert!(p.nothing_to_move());
    assert!(p.waves.is_empty());
    assert_eq!(p.census.other_antivirus, 3);
}

#[test]
fn the_latest_start_skips_a_blackout() {
    // With Friday 06-28 blacked out, a start then waits for Monday 07-01 and misses;
    // Thursday 06-27 puts the pilot there, the soak to 07-11 and the nine on Friday
    // 07-12 (eight) and Monday 07-15 (one), two days before the deadline's eve.
    let mut s = settings("2024-07-17");
    s.blackout = vec![day("2024-06-28")];
    let p = run(&inventory(10, 0), s);
    assert_eq!(p.deadline.latest_start, Some(day("2024-06-27")));
    let mut s = settings("2024-07-17");
    s.blackout = vec![day("2024-06-28")];
    s.start = day("2024-06-27");
    let p = run(&inventory(10, 0), s);
    assert_eq!(
        (p.schedule.finish, p.deadline.margin),
        (day("2024-07-15"), 1)
    );
}
