//! The outputs an earlier `report` left in a folder, read from the `manifest.json` it
//! wrote there: those still as it wrote them (their SHA-256 matches), which a new run into
//! the folder may remove when it does not write them again, and those changed since,
//! which are the user's now and stay.

use std::path::Path;

use super::manifest::{sha256, Recorded, FILE};

/// What an earlier run left in a folder.
#[derive(Debug, Default, PartialEq)]
pub struct Earlier {
    /// Whether the folder holds a manifest that could be read.
    pub found: bool,
    /// Outputs of the earlier run still as it wrote them, the manifest among them.
    pub unchanged: Vec<String>,
    /// Outputs of the earlier run changed since it wrote them.
    pub changed: Vec<String>,
}

/// The earlier run's outputs in `dir`, by its manifest; nothing when there is none or it
/// cannot be read (then nothing in the folder counts as an earlier output).
pub fn earlier(dir: &Path) -> Earlier {
    let Ok(bytes) = std::fs::read(dir.join(FILE)) else {
        return Earlier::default();
    };
    let Ok(listed) = serde_json::from_slice::<Recorded>(&bytes) else {
        return Earlier::default();
    };
    let mut e = Earlier {
        found: true,
        unchanged: vec![FILE.to_string()],
        changed: Vec::new(),
    };
    for o in listed.outputs {
        match std::fs::read(dir.join(&o.path)) {
            Ok(b) if sha256(&b) == o.sha256 => e.unchanged.push(o.path),
            Ok(_) => e.changed.push(o.path),
            Err(_) => {} // gone already
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_still_as_listed_are_unchanged_and_edited_ones_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.csv"), "a\n").unwrap();
        std::fs::write(d.join("b.csv"), "edited\n").unwrap();
        let manifest = format!(
            r#"{{"tool":"vendorscore","outputs":[{{"path":"a.csv","bytes":2,"sha256":"{}"}},{{"path":"b.csv","bytes":2,"sha256":"{}"}},{{"path":"gone.svg","bytes":1,"sha256":"00"}}]}}"#,
            sha256(b"a\n"),
            sha256(b"b\n")
        );
        std::fs::write(d.join(FILE), manifest).unwrap();
        let e = earlier(d);
        assert!(e.found);
        assert_eq!(e.unchanged, vec![FILE.to_string(), "a.csv".to_string()]);
        assert_eq!(e.changed, vec!["b.csv".to_string()]);
    }

    #[test]
    fn no_manifest_or_a_broken_one_lists_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(earlier(dir.path()), Earlier::default());
        std::fs::write(dir.path().join(FILE), "{ not json").unwrap();
        assert_eq!(earlier(dir.path()), Earlier::default());
    }
}
