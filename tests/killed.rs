//! A report killed at any moment leaves its output folder as the previous run left it or
//! as the new run writes it, never a mix, and the next run removes what it left behind
//! (docs/security.md, "Killed mid-write").

#![cfg(unix)]

use std::path::Path;
use std::time::Instant;

/// Every file under `dir` with its bytes, relative paths sorted; of `manifest.json` only
/// the outputs it lists, since its date and command line differ from run to run.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let name = format!("{rel}{}", e.file_name().to_string_lossy());
            if e.file_type().unwrap().is_dir() {
                walk(&e.path(), &format!("{name}/"), out);
            } else if name == "manifest.json" {
                let m: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(e.path()).unwrap()).unwrap();
                out.push((name, m["outputs"].to_string().into_bytes()));
            } else {
                out.push((name, std::fs::read(e.path()).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}

fn report(out: &Path, seed: &str) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin!("vendorscore"));
    c.args(["report", "--samples", "1000", "--seed", seed, "--out"])
        .arg(out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    c
}

#[test]
fn a_report_killed_at_any_moment_leaves_the_old_or_the_new_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // The two states the folder may be in: seed 1's report and seed 2's.
    assert!(report(&out, "1").status().unwrap().success());
    let old = contents(&out);
    let t = Instant::now();
    let fresh = dir.path().join("fresh");
    assert!(report(&fresh, "2").status().unwrap().success());
    let run = t.elapsed();
    let new = contents(&fresh);
    std::fs::remove_dir_all(&fresh).unwrap();
    assert_ne!(old, new, "the two seeds must give different reports");

    let (mut saw_old, mut saw_new) = (0, 0);
    for k in 0..16 {
        // Kill points spread over a whole run, and a little beyond.
        let delay = run.mul_f64(k as f64 / 12.0);
        let mut child = report(&out, "2").spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let now = contents(&out);
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
            // Back to the old state for the next kill.
            assert!(report(&out, "1").status().unwrap().success());
            assert_eq!(contents(&out), old);
        } else {
            let differ: Vec<&String> = now
                .iter()
                .filter(|f| !old.contains(f) && !new.contains(f))
                .map(|(n, _)| n)
                .collect();
            let names: Vec<&String> = now.iter().map(|(n, _)| n).collect();
            panic!("killed after {delay:?}, the folder mixes two runs: {names:?}; like neither run: {differ:?}");
        }
    }
    assert!(saw_old > 0, "no kill landed before the swap");
    // A complete run removes whatever the killed ones left beside the folder.
    assert!(report(&out, "2").status().unwrap().success());
    assert_eq!(contents(&out), new);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["out"], "saw the new folder {saw_new} times");
}
