//! Writing output files safely: all files go to temporary names in the target folder
//! first and are renamed into place only when every one was written, so a failed run
//! never leaves a half-written report; a name that would lead out of the folder (`..`,
//! an absolute path) is refused before anything is written.

use std::io::Write;
use std::path::{Path, PathBuf};

/// A failed write, with the path.
#[derive(Debug, thiserror::Error)]
#[error("cannot write `{path}`: {source}")]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

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

/// Writes `files` (name, bytes) into `dir`, creating it; all or nothing as far as the
/// file system allows (each rename is atomic).
pub fn write_all(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<Vec<PathBuf>, WriteError> {
    let err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| WriteError { path, source }
    };
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
pub fn refuse_inputs(
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
        let e = write_all(&out, &files).unwrap_err();
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
        write_all(&out, &files).unwrap();
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), b"one");
        let names: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
