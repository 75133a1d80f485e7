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
//! A run that knows the earlier run's outputs (`report`, from the manifest it left) owns
//! the folder: with nothing else there, the swap above; else the earlier run's files that
//! this one does not write again are removed, and every other file is left and named
//! ([`Written`]).
//!
//! Every run first removes the hidden temporaries of this naming that a killed run left,
//! holding an advisory lock on the parent folder so that it never removes those of a run
//! still writing. A name that would lead out of the folder (`..`, an absolute path) is
//! refused before anything is written. docs/security.md.

mod error;
mod owned;
mod stale;
mod swap;
#[cfg(test)]
mod tests;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use error::WriteError;
pub use stale::{remove_stale_files, staging_file};

use error::err;
use stale::remove_stale_folders;
use swap::{holds_only_outputs, swap_in};

/// What writing a run's files did to the folder.
#[derive(Debug, Default, PartialEq)]
pub struct Written {
    /// The files written, in order.
    pub paths: Vec<PathBuf>,
    /// Files of the earlier run that this one did not write again, now gone.
    pub removed: Vec<PathBuf>,
    /// Files the earlier run did not write (or that were changed since), left alone.
    pub others: Vec<PathBuf>,
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
    write_run(dir, files, inputs, None).map(|w| w.paths)
}

/// [`write_all`] for a run that owns `dir`: `earlier` names the earlier run's outputs
/// still as it wrote them (from its manifest), which go when this run does not write
/// them again; names that would lead out of the folder are ignored.
pub fn write_run(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    inputs: &[PathBuf],
    earlier: Option<&[String]>,
) -> Result<Written, WriteError> {
    let earlier: Option<Vec<String>> =
        earlier.map(|e| e.iter().filter(|n| stays_inside(n)).cloned().collect());
    let earlier = earlier.as_deref();
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
    let before = owned::files_in(dir);
    let written = |paths| Written {
        paths,
        ..Written::default()
    };
    if let Some(folder) = folder.filter(|_| !holds_input && holds_only_outputs(dir, files, earlier))
    {
        // A folder that cannot be swapped (a mount point, say) is written file by file.
        if swap_in(dir, &parent, &folder, files).is_ok() {
            let mut w = written(files.iter().map(|(name, _)| dir.join(name)).collect());
            w.removed = before
                .iter()
                .filter(|rel| !owned::is_ours(rel, files, &[]))
                .map(|rel| dir.join(rel))
                .collect();
            return Ok(w);
        }
    }
    let mut w = written(in_place(dir, files)?);
    if let Some(earlier) = earlier {
        w.removed = owned::remove_earlier(dir, earlier, files);
        w.others = before
            .iter()
            .filter(|rel| !owned::is_ours(rel, files, earlier))
            .map(|rel| dir.join(rel))
            .collect();
    }
    Ok(w)
}

/// An exclusive advisory lock on `dir`, held while the value lives; `None` where a folder
/// cannot be opened or locked (then stale files are still only those of this naming).
fn lock(dir: &Path) -> Option<File> {
    let f = File::open(dir).ok()?;
    f.lock().ok()?;
    Some(f)
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
