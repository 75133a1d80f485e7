//! Driving Debian's Chromium headless for the browser tests: finding it (or skipping when
//! it is missing, unless `VENDORSCORE_REQUIRE_BROWSER` is set), one run on a page with its
//! console messages and the requests the page made, and the demo report to open.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::bin;

/// The Chromium to run, or `None` (the test then passes with a note) when none is installed.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("VENDORSCORE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("VENDORSCORE_REQUIRE_BROWSER").is_none(),
            "VENDORSCORE_REQUIRE_BROWSER is set but Chromium is not installed (apt-get install chromium)"
        );
        eprintln!("skipped: Chromium is not installed (apt-get install chromium)");
    }
    found
}

/// What one headless run saw.
pub struct Run {
    pub stdout: String,
    /// Lines Chromium logged for console messages.
    pub console: Vec<String>,
    /// URLs that a page requested from the network.
    pub page_requests: Vec<String>,
}

/// Runs Chromium headless on `page` with `extra` flags (a screenshot, a PDF or `--dump-dom`),
/// with every connection sent to a closed port and the NetLog recorded.
pub fn open(browser: &Path, page: &Path, extra: &[String]) -> Run {
    let scratch = tempfile::tempdir().unwrap();
    let netlog = scratch.path().join("netlog.json");
    // Output goes to files: a pipe would fill up and stall the browser.
    let (stdout, stderr) = (scratch.path().join("out"), scratch.path().join("err"));
    let mut child = Command::new(browser)
        .args(vendorscore::proposal::pdf::HEADLESS)
        .args([
            "--disable-quic",
            "--proxy-server=http://127.0.0.1:9",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!(
            "--user-data-dir={}",
            scratch.path().join("profile").display()
        ))
        .arg(format!("--log-net-log={}", netlog.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::from(std::fs::File::create(&stdout).unwrap()))
        .stderr(Stdio::from(std::fs::File::create(&stderr).unwrap()))
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("chromium did not finish within 120 s on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let errors = std::fs::read_to_string(&stderr).unwrap();
    let console = errors
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    Run {
        stdout: std::fs::read_to_string(&stdout).unwrap(),
        console,
        page_requests: page_requests(&netlog),
    }
}

/// The network URLs in a NetLog that a page (not the browser itself) asked for.
fn page_requests(netlog: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(netlog).expect("chromium wrote its NetLog");
    // Chromium may end the file without closing the events array.
    let v: serde_json::Value = serde_json::from_str(&text)
        .or_else(|_| {
            serde_json::from_str(&(text.trim_end().trim_end_matches(',').to_string() + "]}"))
        })
        .expect("NetLog is JSON");
    let start_job = v["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        .as_i64()
        .expect("NetLog names URL_REQUEST_START_JOB");
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"].as_i64() == Some(start_job))
        .filter_map(|e| {
            let url = e["params"]["url"].as_str()?;
            let initiator = e["params"]["initiator"].as_str().unwrap_or("not an origin");
            (initiator != "not an origin" && !url.starts_with("file:")).then(|| url.to_string())
        })
        .collect()
}

/// Writes the report of the built-in demo for the client `msp-client-350` into `out`: every
/// section and figure of a report, the migration plan's Gantt chart too.
pub fn demo_report(out: &Path) {
    let res = bin()
        .args(["report", "--client", "msp-client-350", "--out"])
        .arg(out)
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
}
