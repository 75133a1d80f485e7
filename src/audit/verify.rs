//! `vendorscore verify`: is a report folder still what its inputs make? The manifest the
//! report wrote is compared with the manifest of a rerun of the same command (the inputs
//! by hash, the outputs by hash) and with the files in the folder now (outputs edited
//! since). Reading and rerunning are the command's; this is the comparison and its words.

use std::fmt::Write as _;

use super::manifest::{Recorded, RecordedInput};

/// How many names of each kind of difference are shown.
const SHOWN: usize = 8;

/// What differs, each list in the manifest's order.
#[derive(Debug, Default, PartialEq)]
pub struct Verification {
    /// Inputs whose content changed since the report (role, path).
    pub inputs_changed: Vec<(String, String)>,
    /// Inputs the report read that the rerun did not, or the other way round.
    pub inputs_added: Vec<(String, String)>,
    pub inputs_gone: Vec<(String, String)>,
    /// Outputs the rerun writes differently, or not at all, or that it adds.
    pub outputs_differ: Vec<String>,
    pub outputs_missing: Vec<String>,
    pub outputs_new: Vec<String>,
    /// Outputs in the folder that are not as the report wrote them (edited or deleted).
    pub edited: Vec<String>,
    /// How many outputs the report lists.
    pub outputs: usize,
}

impl Verification {
    /// Whether the folder is exactly what its inputs make.
    pub fn holds(&self) -> bool {
        *self
            == Verification {
                outputs: self.outputs,
                ..Verification::default()
            }
    }
}

/// Compares the report's manifest (`old`), a rerun's (`new`), and the hashes of the
/// report's outputs as they are in the folder now (`now`: path, hash or `None` when the
/// file is gone).
pub fn compare(old: &Recorded, new: &Recorded, now: &[(String, Option<String>)]) -> Verification {
    let key = |i: &RecordedInput| (i.role.clone(), i.path.clone());
    let mut v = Verification {
        outputs: old.outputs.len(),
        ..Verification::default()
    };
    for i in &old.inputs {
        match new.inputs.iter().find(|n| key(n) == key(i)) {
            Some(n) if n.sha256 != i.sha256 => v.inputs_changed.push(key(i)),
            Some(_) => {}
            None => v.inputs_gone.push(key(i)),
        }
    }
    for n in &new.inputs {
        if !old.inputs.iter().any(|i| key(i) == key(n)) {
            v.inputs_added.push(key(n));
        }
    }
    for o in &old.outputs {
        match new.outputs.iter().find(|n| n.path == o.path) {
            Some(n) if n.sha256 != o.sha256 => v.outputs_differ.push(o.path.clone()),
            Some(_) => {}
            None => v.outputs_missing.push(o.path.clone()),
        }
        let here = now
            .iter()
            .find(|(p, _)| *p == o.path)
            .and_then(|(_, h)| h.as_ref());
        if here != Some(&o.sha256) {
            v.edited.push(o.path.clone());
        }
    }
    for n in &new.outputs {
        if !old.outputs.iter().any(|o| o.path == n.path) {
            v.outputs_new.push(n.path.clone());
        }
    }
    v
}

/// The verdict in words: one line when it holds, else each difference on its own line.
pub fn describe(v: &Verification, old: &Recorded) -> String {
    if v.holds() {
        return format!(
            "verified: a rerun of `{}` from the same inputs (fingerprint {}) writes all {} outputs byte for byte, and the folder still holds them as written\n",
            old.command.join(" "),
            old.fingerprint,
            v.outputs
        );
    }
    let mut o = String::from("the report does not verify\n");
    let mut section = |title: &str, items: Vec<String>| {
        if !items.is_empty() {
            let _ = writeln!(o, "  {title} ({}):", items.len());
            for i in items.iter().take(SHOWN) {
                let _ = writeln!(o, "    {i}");
            }
            if items.len() > SHOWN {
                let _ = writeln!(o, "    and {} more", items.len() - SHOWN);
            }
        }
    };
    let shown = |l: &[(String, String)]| l.iter().map(|(r, p)| format!("{p} ({r})")).collect();
    section("inputs changed since the report", shown(&v.inputs_changed));
    section(
        "inputs the report read that are gone",
        shown(&v.inputs_gone),
    );
    section(
        "inputs read now that the report did not read",
        shown(&v.inputs_added),
    );
    section(
        "outputs a rerun writes differently",
        v.outputs_differ.clone(),
    );
    section(
        "outputs a rerun no longer writes",
        v.outputs_missing.clone(),
    );
    section(
        "outputs a rerun writes that the report did not",
        v.outputs_new.clone(),
    );
    section(
        "outputs edited or deleted in the folder since",
        v.edited.clone(),
    );
    if v.inputs_changed.is_empty() && v.inputs_gone.is_empty() && !v.outputs_differ.is_empty() {
        o.push_str("  hint: the inputs are unchanged, so another version of the tool, or another seed or option, writes these files differently\n");
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::manifest::RecordedOutput;

    fn recorded(inputs: &[(&str, &str)], outputs: &[(&str, &str)]) -> Recorded {
        Recorded {
            command: vec!["report".into()],
            fingerprint: "f".into(),
            inputs: inputs
                .iter()
                .map(|(p, h)| RecordedInput {
                    role: "dataset".into(),
                    path: p.to_string(),
                    sha256: h.to_string(),
                })
                .collect(),
            outputs: outputs
                .iter()
                .map(|(p, h)| RecordedOutput {
                    path: p.to_string(),
                    sha256: h.to_string(),
                })
                .collect(),
        }
    }

    fn now(outputs: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
        outputs
            .iter()
            .map(|(p, h)| (p.to_string(), Some(h.to_string())))
            .collect()
    }

    #[test]
    fn identical_runs_verify() {
        let m = recorded(&[("v.csv", "1")], &[("r.md", "a"), ("c.svg", "b")]);
        let v = compare(&m, &m, &now(&[("r.md", "a"), ("c.svg", "b")]));
        assert!(v.holds());
        assert!(describe(&v, &m).starts_with("verified:"));
    }

    #[test]
    fn each_difference_is_named_in_its_place() {
        let old = recorded(
            &[("v.csv", "1"), ("p.csv", "2")],
            &[("r.md", "a"), ("c.svg", "b")],
        );
        let new = recorded(
            &[("v.csv", "9"), ("q.csv", "3")],
            &[("r.md", "x"), ("n.svg", "c")],
        );
        let v = compare(
            &old,
            &new,
            &[("r.md".into(), Some("a".into())), ("c.svg".into(), None)],
        );
        assert!(!v.holds());
        assert_eq!(v.inputs_changed, vec![("dataset".into(), "v.csv".into())]);
        assert_eq!(v.inputs_gone, vec![("dataset".into(), "p.csv".into())]);
        assert_eq!(v.inputs_added, vec![("dataset".into(), "q.csv".into())]);
        assert_eq!(v.outputs_differ, vec!["r.md".to_string()]);
        assert_eq!(v.outputs_missing, vec!["c.svg".to_string()]);
        assert_eq!(v.outputs_new, vec!["n.svg".to_string()]);
        assert_eq!(v.edited, vec!["c.svg".to_string()]);
        let text = describe(&v, &old);
        assert!(
            text.contains("inputs changed since the report (1):\n    v.csv (dataset)"),
            "{text}"
        );
    }

    #[test]
    fn an_edited_output_alone_fails_verification() {
        let m = recorded(&[("v.csv", "1")], &[("r.md", "a")]);
        let v = compare(&m, &m, &now(&[("r.md", "edited")]));
        assert_eq!(v.edited, vec!["r.md".to_string()]);
        assert!(!v.holds());
    }
}
