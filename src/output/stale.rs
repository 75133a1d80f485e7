//! The hidden temporaries outputs are staged in, and removing those a killed run left:
//! the staging folders beside an output folder and the temporary files beside final names.

use std::path::Path;

/// The infix of the hidden folders a run stages its files in, beside the output folder.
pub(super) const STAGING: &str = ".vendorscore-";

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
pub(super) fn is_staging_file(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".tmp") else {
        return false;
    };
    let random = stem.rsplit('.').next().unwrap_or("");
    name.starts_with('.')
        && stem.len() > random.len() + 2
        && random.len() == 6
        && random.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Removes the staging folders of `folder` that a killed run left beside it.
pub(super) fn remove_stale_folders(parent: &Path, folder: &str) {
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
