//! Driving Debian's LibreOffice (`libreoffice-calc`) headless to recalculate a workbook:
//! finding it (or skipping when it is missing, unless `VENDORSCORE_REQUIRE_LIBREOFFICE`
//! is set), and one conversion with a fresh profile that recalculates every formula on
//! load (LibreOffice's default keeps the values stored in an .xlsx file).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The `soffice` to run, or `None` (the test then passes with a note) when none is
/// installed.
pub fn soffice() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("VENDORSCORE_SOFFICE") {
        return Some(PathBuf::from(p));
    }
    let found = ["/usr/bin/soffice", "/usr/bin/libreoffice"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("VENDORSCORE_REQUIRE_LIBREOFFICE").is_none(),
            "VENDORSCORE_REQUIRE_LIBREOFFICE is set but LibreOffice is not installed (apt-get install libreoffice-calc)"
        );
        eprintln!("skipped: LibreOffice is not installed (apt-get install libreoffice-calc)");
    }
    found
}

/// The profile setting that makes Calc recalculate every formula of an .xlsx (and .ods)
/// file when it loads one: `Formula/Load/OOXMLRecalcMode` 0, "always" (the default, 1,
/// is "never").
const ALWAYS_RECALCULATE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#;

/// Opens each of `books` in LibreOffice (one run for all), recalculating every formula,
/// and saves it as .xlsx into `out` (a folder other than the books'); returns the saved
/// files.
pub fn recalculate(soffice: &Path, books: &[PathBuf], out: &Path) -> Vec<PathBuf> {
    let scratch = tempfile::tempdir().unwrap();
    let user = scratch.path().join("profile/user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(user.join("registrymodifications.xcu"), ALWAYS_RECALCULATE).unwrap();
    let log = scratch.path().join("log");
    let mut child = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            scratch.path().join("profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(out)
        .args(books)
        .stdout(Stdio::from(std::fs::File::create(&log).unwrap()))
        .stderr(Stdio::null())
        .spawn()
        .expect("start soffice");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(180) {
            child.kill().unwrap();
            panic!("soffice did not finish within 180 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    books
        .iter()
        .map(|book| {
            let saved = out.join(book.file_name().unwrap());
            assert!(
                saved.is_file(),
                "soffice wrote no {}: {}",
                saved.display(),
                std::fs::read_to_string(&log).unwrap_or_default()
            );
            saved
        })
        .collect()
}
