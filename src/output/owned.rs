//! A folder a run owns, known from the earlier run's list of outputs: the files of that
//! run which this one does not write again are removed, and every other file there is
//! the user's, left alone and named.

use std::path::{Path, PathBuf};

use super::stale::is_staging_file;

/// Every file under `dir`, as paths relative to it, sorted; links are not followed and
/// the hidden temporaries of a run are left out.
pub(super) fn files_in(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, rel: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.filter_map(Result::ok) {
            let Ok(kind) = e.file_type() else { continue };
            let rel = rel.join(e.file_name());
            if kind.is_dir() {
                walk(&e.path(), &rel, out);
            } else if !is_staging_file(&e.file_name().to_string_lossy()) {
                out.push(rel);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, Path::new(""), &mut out);
    out.sort();
    out
}

/// Whether `rel` is written by this run (`files`) or was by the earlier one (`earlier`).
pub(super) fn is_ours(rel: &Path, files: &[(String, Vec<u8>)], earlier: &[String]) -> bool {
    files.iter().any(|(n, _)| Path::new(n) == rel) || earlier.iter().any(|n| Path::new(n) == rel)
}

/// Removes the earlier run's files in `dir` that this run (`files`) does not write, then
/// the subfolders they leave empty; returns the files removed.
pub(super) fn remove_earlier(
    dir: &Path,
    earlier: &[String],
    files: &[(String, Vec<u8>)],
) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for name in earlier {
        if files.iter().any(|(n, _)| n == name) {
            continue;
        }
        let path = dir.join(name);
        let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir());
        if is_file && std::fs::remove_file(&path).is_ok() {
            let mut parent = path.parent();
            // An empty folder goes too, up to (not including) `dir`.
            while let Some(p) = parent.filter(|p| *p != dir) {
                if std::fs::remove_dir(p).is_err() {
                    break;
                }
                parent = p.parent();
            }
            removed.push(path);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_earlier_runs_files_not_written_again_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("charts/old")).unwrap();
        for f in [
            "report.md",
            "charts/old/sweep.svg",
            "charts/mine.svg",
            "notes.txt",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let earlier = vec!["report.md".to_string(), "charts/old/sweep.svg".to_string()];
        let files = vec![("report.md".to_string(), Vec::new())];
        let removed = remove_earlier(d, &earlier, &files);
        assert_eq!(removed, vec![d.join("charts/old/sweep.svg")]);
        assert!(!d.join("charts/old").exists(), "the emptied folder goes");
        assert_eq!(
            files_in(d),
            ["charts/mine.svg", "notes.txt", "report.md"].map(PathBuf::from)
        );
        assert!(is_ours(Path::new("report.md"), &files, &earlier));
        assert!(!is_ours(Path::new("notes.txt"), &files, &earlier));
    }
}
