//! The writer's tests: names that lead out, inputs, the whole-folder swap, the folder
//! with the user's files, and what a killed run leaves.

use std::path::Path;

use super::stale::is_staging_file;
use super::*;

#[test]
fn an_output_that_would_replace_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.md");
    std::fs::write(&input, "name = \"criteria\"").unwrap();
    let files = vec![("report.md".to_string(), b"# report".to_vec())];
    let e = refuse_inputs(dir.path(), &files, std::slice::from_ref(&input)).unwrap_err();
    assert!(e.to_string().contains("is an input of this run"), "{e}");
    assert_eq!(std::fs::read(&input).unwrap(), b"name = \"criteria\"");
    let other = dir.path().join("other.toml");
    assert!(refuse_inputs(dir.path(), &files, &[other]).is_ok());
}

#[test]
fn names_that_lead_out_are_refused_before_anything_is_written() {
    for bad in [
        "../x.svg",
        "charts/sweep-x/../../../victim.svg",
        "/tmp/x",
        "",
        "./a/../b",
    ] {
        assert!(!stays_inside(bad), "{bad}");
    }
    assert!(stays_inside("charts/ranking.svg"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let files = vec![
        ("a.txt".to_string(), b"one".to_vec()),
        ("charts/../../escaped.txt".to_string(), b"two".to_vec()),
    ];
    let e = write_all(&out, &files, &[]).unwrap_err();
    assert!(
        e.to_string().contains("leads out of the output folder"),
        "{e}"
    );
    assert!(!out.exists(), "nothing is written, not even the folder");
    assert!(!dir.path().join("escaped.txt").exists());
}

#[test]
fn writes_every_file_and_leaves_no_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("nested");
    let files = vec![
        ("a.txt".to_string(), b"one".to_vec()),
        ("b.txt".to_string(), b"two".to_vec()),
    ];
    write_all(&out, &files, &[]).unwrap();
    assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"one");
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(
        listing(dir.path()),
        ["nested/", "nested/a.txt", "nested/b.txt"]
    );
}

/// Every path under `dir`, relative, folders with a trailing `/`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let name = format!("{rel}{}", e.file_name().to_string_lossy());
            if e.file_type().unwrap().is_dir() {
                out.push(format!("{name}/"));
                walk(&e.path(), &format!("{name}/"), out);
            } else {
                out.push(name);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}

fn files(names: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
    names
        .iter()
        .map(|(n, b)| (n.to_string(), b.as_bytes().to_vec()))
        .collect()
}

/// A folder of an earlier run is replaced whole: the new files, and none of the old
/// ones the new run does not write (a chart of a criterion since removed).
#[test]
fn a_folder_of_outputs_is_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let old = files(&[("report.html", "old"), ("charts/sweep-a.svg", "old a")]);
    write_all(&out, &old, &[]).unwrap();
    let new = files(&[("report.html", "new"), ("charts/sweep-b.svg", "new b")]);
    write_all(&out, &new, &[]).unwrap();
    assert_eq!(
        listing(dir.path()),
        [
            "out/",
            "out/charts/",
            "out/charts/sweep-b.svg",
            "out/report.html"
        ]
    );
    assert_eq!(std::fs::read(out.join("report.html")).unwrap(), b"new");
}

/// A file of the user's in the folder (or an input of the run) keeps the folder in
/// place: the outputs are renamed in beside it and nothing else is touched.
#[test]
fn a_folder_with_other_files_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    write_all(&out, &files(&[("charts/sweep-a.svg", "a")]), &[]).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    write_all(&out, &files(&[("report.html", "new")]), &[]).unwrap();
    assert_eq!(
        listing(dir.path()),
        [
            "out/",
            "out/charts/",
            "out/charts/sweep-a.svg",
            "out/notes.txt",
            "out/report.html"
        ]
    );
    // An input where an earlier run's table would be is not swapped away either.
    let input = out.join("charts/own.svg");
    std::fs::write(&input, "input").unwrap();
    std::fs::remove_file(out.join("notes.txt")).unwrap();
    write_all(
        &out,
        &files(&[("report.html", "newer")]),
        std::slice::from_ref(&input),
    )
    .unwrap();
    assert_eq!(std::fs::read(&input).unwrap(), b"input");
}

/// What a killed run leaves (a staging folder beside the output folder, temporaries
/// beside final names) is removed by the next run; other hidden files are not.
#[test]
fn the_next_run_removes_what_a_killed_run_left() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("charts")).unwrap();
    std::fs::create_dir_all(dir.path().join(".out.vendorscore-Ab12Cd/charts")).unwrap();
    std::fs::write(dir.path().join(".out.vendorscore-Ab12Cd/report.html"), "x").unwrap();
    std::fs::create_dir_all(dir.path().join(".out.vendorscore-Ab12Cd-old")).unwrap();
    std::fs::write(out.join(".report.html.Xy34Zw.tmp"), "half").unwrap();
    std::fs::write(out.join("charts/.ranking.svg.q1W2e3.tmp"), "half").unwrap();
    std::fs::write(out.join(".keep"), "the user's").unwrap();
    std::fs::write(dir.path().join(".other.vendorscore-Ab12Cd"), "not a folder").unwrap();
    let new = files(&[("report.html", "new"), ("charts/ranking.svg", "r")]);
    write_all(&out, &new, &[]).unwrap();
    assert_eq!(
        listing(dir.path()),
        [
            ".other.vendorscore-Ab12Cd",
            "out/",
            "out/.keep",
            "out/charts/",
            "out/charts/ranking.svg",
            "out/report.html"
        ]
    );
}

#[test]
fn staging_file_names_are_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let f = staging_file(dir.path(), "report.html").unwrap();
    let name = f.path().file_name().unwrap().to_string_lossy().into_owned();
    assert!(is_staging_file(&name), "{name}");
    for other in [
        ".keep",
        "report.html",
        ".tmp",
        ".a.tmp",
        ".x.abcdefg.tmp",
        ".x.ab-def.tmp",
    ] {
        assert!(!is_staging_file(other), "{other}");
    }
}
