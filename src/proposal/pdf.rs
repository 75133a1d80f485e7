//! `proposal.pdf`: the HTML page printed by a headless Chromium (the page's own `@page`
//! rules set the paper and the page breaks). The browser runs with a new, empty profile,
//! no background networking and no sandbox (it runs as the user, on a local file this
//! program wrote); the page makes no request of its own.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::ProposalError;

/// The browsers tried, in order, on `PATH`.
pub const BROWSERS: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// How long printing may take before the browser is stopped.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The first of [`BROWSERS`] found on `PATH`.
pub fn find_browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| BROWSERS.iter().map(move |b| dir.join(b)))
        .find(|p| p.is_file())
}

/// The flags of every headless Chromium run (the PDF printer here, the page checks of the
/// tests): no window, no GPU, no first-run pages, no background traffic to Google's
/// services (component updates, sync).
pub const HEADLESS: [&str; 7] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// Prints `html` to PDF with `browser`; returns the PDF's bytes.
pub fn print(browser: &Path, html: &[u8]) -> Result<Vec<u8>, ProposalError> {
    let fail = |what: String| ProposalError::Pdf(what);
    let scratch = tempfile::tempdir().map_err(|e| fail(format!("no temporary folder: {e}")))?;
    let page = scratch.path().join("proposal.html");
    let pdf = scratch.path().join("proposal.pdf");
    std::fs::write(&page, html).map_err(|e| fail(format!("cannot write the page: {e}")))?;
    let log = std::fs::File::create(scratch.path().join("browser.log"))
        .map_err(|e| fail(format!("cannot write the browser's log: {e}")))?;
    let mut child = Command::new(browser)
        .args(HEADLESS)
        .arg("--no-pdf-header-footer")
        .arg(format!(
            "--user-data-dir={}",
            scratch.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .spawn()
        .map_err(|e| fail(format!("cannot start `{}`: {e}", browser.display())))?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(fail(format!(
                    "`{}` did not finish within {} s",
                    browser.display(),
                    TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => return Err(fail(format!("lost `{}`: {e}", browser.display()))),
        }
    }
    match std::fs::read(&pdf) {
        Ok(bytes) if bytes.starts_with(b"%PDF") => Ok(bytes),
        _ => Err(fail(format!("`{}` wrote no PDF", browser.display()))),
    }
}
