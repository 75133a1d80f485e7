//! Where the generated files go: into memory for [`generate`](super::generate), or into a folder
//! for [`write_to_dir`](super::write_to_dir), through temporary files that are renamed into place
//! only when every file is complete (the same all-or-nothing scheme as `output::write_all`).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::options::{DemoError, DemoFile};

/// A destination for the generated files, opened and closed one file at a time.
pub(super) trait Target {
    /// What one file is written through.
    type Out: Write;

    /// Starts the file `name`.
    fn open(&mut self, name: &'static str) -> Result<Self::Out, DemoError>;

    /// Completes the file `name`, whose bytes have all been written to `out`.
    fn close(&mut self, name: &'static str, out: Self::Out) -> Result<(), DemoError>;

    /// The error for an I/O failure while writing `name`.
    fn io_error(&self, name: &'static str, source: std::io::Error) -> DemoError;

    /// The error for a failed CSV write to `name`: an I/O failure as [`Target::io_error`], any
    /// other CSV problem as [`DemoError::Write`].
    fn csv_error(&self, name: &'static str, e: csv::Error) -> DemoError {
        if !e.is_io_error() {
            return DemoError::Write {
                file: name,
                source: e,
            };
        }
        match e.into_kind() {
            csv::ErrorKind::Io(source) => self.io_error(name, source),
            kind => self.io_error(name, std::io::Error::other(format!("{kind:?}"))),
        }
    }
}

/// Collects the files as bytes, in the order they are closed.
#[derive(Default)]
pub(super) struct Memory {
    /// The completed files.
    pub(super) files: Vec<DemoFile>,
}

impl Target for Memory {
    type Out = Vec<u8>;

    fn open(&mut self, _: &'static str) -> Result<Vec<u8>, DemoError> {
        Ok(Vec::new())
    }

    fn close(&mut self, name: &'static str, bytes: Vec<u8>) -> Result<(), DemoError> {
        self.files.push(DemoFile { name, bytes });
        Ok(())
    }

    fn io_error(&self, name: &'static str, source: std::io::Error) -> DemoError {
        DemoError::Write {
            file: name,
            source: csv::Error::from(source),
        }
    }
}

/// The first line of the README of a generated dataset.
const README_TITLE: &str = "# Demo dataset (SYNTHETIC)";

/// Refuses a folder that holds anything but an earlier generated dataset: writing there
/// would replace a real dataset's `vendors.csv` or README. An absent or empty folder, or
/// one holding only generated files under a generated README, is fine.
pub(super) fn refuse_occupied(dir: &Path, names: &[&str]) -> Result<(), DemoError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(()); // absent (or unreadable: creating it reports why)
    };
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if found.is_empty() {
        return Ok(());
    }
    let generated = std::fs::read_to_string(dir.join("README.md"))
        .is_ok_and(|t| t.lines().next() == Some(README_TITLE));
    if generated && found.iter().all(|f| names.contains(&f.as_str())) {
        return Ok(());
    }
    found.sort();
    Err(DemoError::Occupied {
        dir: dir.to_path_buf(),
        found,
    })
}

/// Size of the write buffer in front of each file on disk.
const BUFFER: usize = 256 * 1024;

/// Streams each file to a temporary name in a folder; [`Folder::commit`] renames them all into
/// place. Dropping a `Folder` without committing deletes the temporary files.
pub(super) struct Folder {
    dir: PathBuf,
    /// Completed temporary files, each with its final path and size in bytes.
    staged: Vec<(NamedTempFile<File>, PathBuf, u64)>,
}

impl Folder {
    /// A folder target at `dir`, which is created if missing.
    pub(super) fn new(dir: &Path) -> Result<Self, DemoError> {
        std::fs::create_dir_all(dir).map_err(|source| DemoError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        // Temporaries a killed run left beside the final names.
        crate::output::remove_stale_files(dir, &[]);
        Ok(Self {
            dir: dir.to_path_buf(),
            staged: Vec::new(),
        })
    }

    /// Renames every staged file to its final name; returns the paths and sizes in order.
    pub(super) fn commit(self) -> Result<Vec<(PathBuf, u64)>, DemoError> {
        let mut written = Vec::with_capacity(self.staged.len());
        for (tmp, path, len) in self.staged {
            tmp.persist(&path).map_err(|e| DemoError::Io {
                path: path.clone(),
                source: e.error,
            })?;
            written.push((path, len));
        }
        Ok(written)
    }
}

impl Target for Folder {
    type Out = BufWriter<NamedTempFile<File>>;

    fn open(&mut self, name: &'static str) -> Result<Self::Out, DemoError> {
        let tmp =
            crate::output::staging_file(&self.dir, name).map_err(|e| self.io_error(name, e))?;
        Ok(BufWriter::with_capacity(BUFFER, tmp))
    }

    fn close(&mut self, name: &'static str, out: Self::Out) -> Result<(), DemoError> {
        let tmp = out
            .into_inner()
            .map_err(|e| self.io_error(name, e.into_error()))?;
        let file = tmp.as_file();
        let len = file
            .sync_all()
            .and_then(|()| file.metadata())
            .map_err(|e| self.io_error(name, e))?
            .len();
        self.staged.push((tmp, self.dir.join(name), len));
        Ok(())
    }

    fn io_error(&self, name: &'static str, source: std::io::Error) -> DemoError {
        DemoError::Io {
            path: self.dir.join(name),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn nothing_appears_until_commit_and_an_abandoned_folder_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut folder = Folder::new(dir.path()).unwrap();
        let mut out = folder.open("a.csv").unwrap();
        out.write_all(b"x\n").unwrap();
        folder.close("a.csv", out).unwrap();
        let mut half = folder.open("b.csv").unwrap();
        half.write_all(b"half").unwrap();
        assert!(!dir.path().join("a.csv").exists());
        drop(half);
        drop(folder); // a failure part-way: the generator returns without committing
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }

    #[test]
    fn commit_renames_in_order_with_sizes() {
        let dir = tempfile::tempdir().unwrap();
        let mut folder = Folder::new(dir.path()).unwrap();
        for (name, text) in [("b.csv", "two\n"), ("a.md", "one")] {
            let mut out = folder.open(name).unwrap();
            out.write_all(text.as_bytes()).unwrap();
            folder.close(name, out).unwrap();
        }
        let written = folder.commit().unwrap();
        let expected = [(dir.path().join("b.csv"), 4), (dir.path().join("a.md"), 3)];
        assert_eq!(written, expected);
        assert_eq!(names(dir.path()), ["a.md", "b.csv"]);
    }

    #[test]
    fn memory_keeps_files_in_order() {
        let mut memory = Memory::default();
        for name in ["x.csv", "y.csv"] {
            let mut out = memory.open(name).unwrap();
            out.extend_from_slice(name.as_bytes());
            memory.close(name, out).unwrap();
        }
        let got: Vec<_> = memory
            .files
            .iter()
            .map(|f| (f.name, f.bytes.clone()))
            .collect();
        assert_eq!(
            got,
            [("x.csv", b"x.csv".to_vec()), ("y.csv", b"y.csv".to_vec())]
        );
    }
}
