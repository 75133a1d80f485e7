//! Writing output files safely.
//!
//! A run's files replace the previous run's all at once, or not at all:
//!
//! - When the output folder is new, or holds only what a run writes (its files and its
//!   `charts/`, `tables/` folders), the whole set is written into a fresh hidden folder
//!   beside it (`.out.vendorscore-XXXXXX`) and swapped in with one rename: on Linux the two
//!   folders are exchanged atomically (`renameat2` with `RENAME_EXCHANGE`), elsewhere the
//!   old folder is renamed aside first. A reader, or a run killed at any instant, sees the
//!   old report whole or the new one whole.
//! - When the folder also holds other files (the user's own), they are left where they are:
//!   each output goes to a hidden temporary file beside its final name, and the renames
//!   follow only when every file was written. A failed run never leaves a half-written
//!   file; a run killed during the renames can leave some files new and some old.
//!
//! Every run first removes the hidden temporaries of this naming that a killed run left,
//! holding an advisory lock on the parent folder so that it never removes those of a run
//! still writing. A name that would lead out of the folder (`..`, an absolute path) is
//! refused before anything is written. docs/security.md.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A failed write, with the path.
#[derive(Debug, thiserror::Error)]
#[error("cannot write `{path}`: {source}")]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// The infix of the hidden folders a run stages its files in, beside the output folder.
const STAGING: &str = ".vendorscore-";

/// A temporary file beside `name` in `dir`, readable by others like a normally created
/// file (0644 before the umask; tempfile's own default is 0600), to be renamed into place.
pub fn staging_file(dir: &Path, name: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let prefix = format!(".{name}.");
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o644));
    }
    b.tempfile_in(dir)
}

/// Whether `name` is one of [`staging_file`]'s names: `.{name}.XXXXXX.tmp`.
fn is_staging_file(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".tmp") else {
        return false;
    };
    let random = stem.rsplit('.').next().unwrap_or("");
    name.starts_with('.')
        && stem.len() > random.len() + 2
        && random.len() == 6
        && random.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Writes `files` (name, bytes) into `dir`, creating it; all or nothing (module docs).
/// `inputs` are the run's input files: an output that would replace one is refused
/// before anything is written, and a folder holding one is never swapped away.
/// Returns the paths written, in order.
pub fn write_all(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    inputs: &[PathBuf],
) -> Result<Vec<PathBuf>, WriteError> {
    for (name, _) in files {
        if !stays_inside(name) {
            return Err(WriteError {
                path: dir.join(name),
                source: std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    "the name leads out of the output folder",
                ),
            });
        }
    }
    refuse_inputs(dir, files, inputs)?;
    if dir.exists() && !dir.is_dir() {
        return Err(WriteError {
            path: dir.to_path_buf(),
            source: std::io::Error::other(
                "it is a file, not a folder; --out takes the folder to write the files into",
            ),
        });
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(err(&parent))?;
    let _lock = lock(&parent);
    let folder = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|_| !dir.ends_with(".."));
    if let Some(folder) = &folder {
        remove_stale_folders(&parent, folder);
    }
    remove_stale_files(dir, files);
    let holds_input = std::fs::canonicalize(dir).is_ok_and(|d| {
        inputs
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .any(|p| p.starts_with(&d))
    });
    if let Some(folder) = folder.filter(|_| !holds_input && holds_only_outputs(dir, files)) {
        // A folder that cannot be swapped (a mount point, say) is written file by file.
        if swap_in(dir, &parent, &folder, files).is_ok() {
            return Ok(files.iter().map(|(name, _)| dir.join(name)).collect());
        }
    }
    in_place(dir, files)
}

fn err(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError {
    let path = path.to_path_buf();
    move |source| WriteError { path, source }
}

/// An exclusive advisory lock on `dir`, held while the value lives; `None` where a folder
/// cannot be opened or locked (then stale files are still only those of this naming).
fn lock(dir: &Path) -> Option<File> {
    let f = File::open(dir).ok()?;
    f.lock().ok()?;
    Some(f)
}

/// Whether `dir` is absent, or a real folder (not a link) that holds nothing but what a
/// run writes: the names of `files`, and in their subfolders (`charts/`, `tables/`) files
/// of the kinds written there (an earlier run's `charts/sweep-price.svg`). Anything else
/// is the user's, and the folder is then written file by file around it.
fn holds_only_outputs(dir: &Path, files: &[(String, Vec<u8>)]) -> bool {
    match std::fs::symlink_metadata(dir) {
        Err(_) => return true,
        Ok(m) if !m.is_dir() => return false,
        Ok(_) => {}
    }
    let ours = |rel: &Path, is_dir: bool| {
        files.iter().any(|(name, _)| {
            let name = Path::new(name);
            if is_dir {
                return name.starts_with(rel) && name != rel;
            }
            name == rel
                || (name.parent() == rel.parent()
                    && rel.parent() != Some(Path::new(""))
                    && name.extension().is_some()
                    && name.extension() == rel.extension())
        })
    };
    fn walk(dir: &Path, rel: &Path, ours: &dyn Fn(&Path, bool) -> bool) -> bool {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return false;
        };
        entries.into_iter().all(|e| {
            let Ok(e) = e else { return false };
            let Ok(kind) = e.file_type() else {
                return false;
            };
            let rel = rel.join(e.file_name());
            if kind.is_dir() {
                ours(&rel, true) && walk(&e.path(), &rel, ours)
            } else {
                kind.is_file() && ours(&rel, false)
            }
        })
    }
    walk(dir, Path::new(""), &ours)
}

/// Removes the staging folders of `folder` that a killed run left beside it.
fn remove_stale_folders(parent: &Path, folder: &str) {
    let prefix = format!(".{folder}{STAGING}");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        if e.file_name().to_string_lossy().starts_with(&prefix) && e.path().is_dir() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Removes the temporary files of [`staging_file`] that a killed run left in `dir` and in
/// the subfolders `files` write into.
pub fn remove_stale_files(dir: &Path, files: &[(String, Vec<u8>)]) {
    let mut folders = vec![dir.to_path_buf()];
    for (name, _) in files {
        if let Some(p) = dir.join(name).parent() {
            if !folders.iter().any(|f| f == p) {
                folders.push(p.to_path_buf());
            }
        }
    }
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            if is_staging_file(&e.file_name().to_string_lossy()) && e.path().is_file() {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Writes every file into a fresh hidden folder beside `dir`, then puts it in `dir`'s
/// place in one step; the old folder, if any, is removed after.
fn swap_in(
    dir: &Path,
    parent: &Path,
    folder: &str,
    files: &[(String, Vec<u8>)],
) -> Result<(), WriteError> {
    let prefix = format!(".{folder}{STAGING}");
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o755));
    }
    let staging = b.tempdir_in(parent).map_err(err(dir))?;
    for (name, bytes) in files {
        let target = staging.path().join(name);
        if let Some(p) = target.parent() {
            std::fs::create_dir_all(p).map_err(err(&dir.join(name)))?;
        }
        let mut f = File::create(&target).map_err(err(&dir.join(name)))?;
        f.write_all(bytes)
            .and_then(|()| f.sync_all())
            .map_err(err(&dir.join(name)))?;
    }
    if dir.exists() {
        if let Ok(meta) = std::fs::metadata(dir) {
            let _ = std::fs::set_permissions(staging.path(), meta.permissions());
        }
        // After the exchange the staging path holds the old folder; dropping it removes it.
        exchange(staging.path(), dir).map_err(err(dir))?;
    } else {
        let path = staging.keep();
        std::fs::rename(&path, dir).map_err(err(dir))?;
    }
    if let Ok(d) = File::open(parent) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Puts the folder `new` in the place of the folder `old` (and `old` at `new`): in one
/// step on Linux, else by renaming `old` aside first.
fn exchange(new: &Path, old: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    if rename_exchange(new, old).is_ok() {
        return Ok(());
    }
    // No atomic exchange (another platform, or a file system without it).
    // Named like the staging folder, so a run killed here leaves nothing a later run
    // would not remove.
    let mut aside = new.as_os_str().to_owned();
    aside.push("-old");
    let aside = PathBuf::from(aside);
    std::fs::rename(old, &aside)?;
    if let Err(e) = std::fs::rename(new, old) {
        let _ = std::fs::rename(&aside, old);
        return Err(e);
    }
    std::fs::rename(&aside, new)
}

/// `renameat2(new, old, RENAME_EXCHANGE)`: both paths must exist.
#[cfg(target_os = "linux")]
fn rename_exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both pointers are valid NUL-terminated strings for the duration of the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Writes each file to a temporary name beside its final one, then renames them all.
fn in_place(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<Vec<PathBuf>, WriteError> {
    std::fs::create_dir_all(dir).map_err(err(dir))?;
    let mut staged = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        // A name may hold a subfolder (`charts/ranking.svg`).
        let target = dir.join(name);
        let parent = target.parent().unwrap_or(dir);
        std::fs::create_dir_all(parent).map_err(err(parent))?;
        let file_name = target
            .file_name()
            .map_or_else(|| name.clone(), |f| f.to_string_lossy().into_owned());
        let mut tmp = staging_file(parent, &file_name).map_err(err(&target))?;
        tmp.write_all(bytes).map_err(err(&target))?;
        tmp.as_file().sync_all().map_err(err(&target))?;
        staged.push((tmp, target));
    }
    let mut written = Vec::with_capacity(staged.len());
    for (tmp, target) in staged {
        tmp.persist(&target).map_err(|e| WriteError {
            path: target.clone(),
            source: e.error,
        })?;
        written.push(target);
    }
    Ok(written)
}

/// Refuses, before anything is written, an output of `files` in `dir` that would
/// replace one of `inputs` (the criteria file, a client profile, an evidence file): an
/// output never replaces an input. Paths are compared after resolving links.
fn refuse_inputs(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    inputs: &[PathBuf],
) -> Result<(), WriteError> {
    let inputs: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    for (name, _) in files {
        let target = dir.join(name);
        let Ok(real) = std::fs::canonicalize(&target) else {
            continue; // not there yet, so it replaces nothing
        };
        if inputs.contains(&real) {
            return Err(WriteError {
                path: target,
                source: std::io::Error::other(
                    "it is an input of this run; choose another output folder",
                ),
            });
        }
    }
    Ok(())
}

/// Whether `name` is a relative path of plain names (`charts/ranking.svg`), which
/// stays inside the folder it is joined to.
fn stays_inside(name: &str) -> bool {
    let path = Path::new(name);
    !name.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

#[cfg(test)]
mod tests {
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
}
