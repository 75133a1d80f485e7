//! Putting a whole new output folder in the place of the old one in one step, when the
//! folder holds nothing but what a run writes.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::{err, WriteError};
use super::stale::STAGING;

/// Whether `dir` is absent, or a real folder (not a link) that holds nothing but what a
/// run writes: the names of `files`, and the earlier run's outputs: those its manifest
/// lists (`earlier`), or without one, in the subfolders of `files` (`charts/`, `tables/`)
/// files of the kinds written there (an earlier run's `charts/sweep-price.svg`). Anything
/// else is the user's, and the folder is then written file by file around it.
pub(super) fn holds_only_outputs(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    earlier: Option<&[String]>,
) -> bool {
    match std::fs::symlink_metadata(dir) {
        Err(_) => return true,
        Ok(m) if !m.is_dir() => return false,
        Ok(_) => {}
    }
    let ours = |rel: &Path, is_dir: bool| {
        if let Some(earlier) = earlier {
            let names = files.iter().map(|(n, _)| n).chain(earlier);
            return names
                .map(Path::new)
                .any(|n| if is_dir { n.starts_with(rel) } else { n == rel });
        }
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

/// Writes every file into a fresh hidden folder beside `dir`, then puts it in `dir`'s
/// place in one step; the old folder, if any, is removed after.
pub(super) fn swap_in(
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
