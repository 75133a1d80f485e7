//! The comparison in words and tables: for the terminal, as Markdown, and as JSON (which
//! always holds everything). Without `all`, only what changed is shown.

use super::attribution::{Move, Place, Step};
use super::rows::Status;
use super::{DiffReport, Side, VendorChange};
use crate::report::doc::Table;
use crate::report::export::terminal::{self, Width};
use crate::report::export::{json, markdown};

/// Changed rows listed per file before "and N more".
const ROWS_SHOWN: usize = 10;

/// A part of a section.
enum Part {
    Line(String),
    Table(Table, Vec<usize>),
}

impl DiffReport {
    /// `--format table`, fitted to `width`.
    pub fn terminal(&self, all: bool, width: Width) -> String {
        let mut out = String::new();
        for (title, parts) in self.sections(all) {
            out.push_str(&format!("{title}\n"));
            for p in parts {
                match p {
                    Part::Line(l) => out.push_str(&format!("  {l}\n")),
                    Part::Table(t, give) => {
                        let fit = terminal::Fit::new(&t).leave_out(give);
                        out.push_str(&terminal::fitted_table(&t, &fit, width));
                        out.push('\n');
                    }
                }
            }
            out.push('\n');
        }
        terminal::clean(&terminal::wrap_prose(out.trim_end(), width)).into_owned() + "\n"
    }

    /// `--format md`.
    pub fn markdown(&self, all: bool) -> String {
        let mut out = String::from("# What changed\n");
        for (title, parts) in self.sections(all) {
            out.push_str(&format!("\n## {}\n\n", markdown::inline(&title)));
            let mut in_list = false;
            for p in parts {
                match p {
                    Part::Line(l) => {
                        out.push_str(&format!("- {}\n", markdown::line(&l)));
                        in_list = true;
                    }
                    Part::Table(t, _) => {
                        if in_list {
                            out.push('\n');
                        }
                        out.push_str(&markdown::table(&t));
                        out.push('\n');
                        in_list = false;
                    }
                }
            }
        }
        out
    }

    /// `--format json`: everything, whatever `--all` says.
    pub fn json(&self) -> Vec<u8> {
        json::to_bytes(self)
    }

    fn sections(&self, all: bool) -> Vec<(String, Vec<Part>)> {
        vec![
            ("Runs".into(), self.runs()),
            ("Inputs".into(), self.inputs(all)),
            ("Criteria and weights".into(), self.criteria(all)),
            ("Ranking".into(), self.ranking(all)),
            ("What moved the ranks".into(), self.attribution(all)),
        ]
    }

    fn runs(&self) -> Vec<Part> {
        let side = |name: &str, s: &Side| {
            let fp = s
                .fingerprint
                .as_ref()
                .map_or(String::new(), |f| format!(", inputs {f}"));
            let client = s
                .client
                .as_ref()
                .map_or(String::new(), |c| format!(", client `{c}`"));
            Part::Line(format!(
                "{name}: `{}` (data `{}`, criteria `{}`{client}, {}, seed {}{fp})",
                s.given, s.dataset, s.criteria, s.method, s.seed
            ))
        };
        vec![side("old", &self.old), side("new", &self.new)]
    }

    fn inputs(&self, all: bool) -> Vec<Part> {
        let mut t = Table::new(
            &["file", "status", "changed", "added", "removed"],
            &[false, false, true, true, true],
        );
        let mut lines = Vec::new();
        for f in self
            .files
            .iter()
            .filter(|f| all || f.status != Status::Same)
        {
            let status = match f.status {
                Status::Same => "same",
                Status::Added => "added",
                Status::Removed => "removed",
                Status::Columns => "columns changed",
                Status::Rows => "rows changed",
            };
            t.rows.push(vec![
                f.file.clone(),
                status.into(),
                f.changed.to_string(),
                f.added.to_string(),
                f.removed.to_string(),
            ]);
            let limit = if all { usize::MAX } else { ROWS_SHOWN };
            for c in f.rows.iter().take(limit) {
                lines.push(Part::Line(c.describe(&f.file, true)));
            }
            if f.rows.len() > limit {
                lines.push(Part::Line(format!(
                    "{}: and {} more rows (`--all` or `--format json` lists them)",
                    f.file,
                    f.rows.len() - limit
                )));
            }
        }
        if t.rows.is_empty() {
            return vec![Part::Line("No evidence file changed.".into())];
        }
        let mut out = vec![Part::Table(t, vec![4, 3, 2])];
        out.extend(lines);
        out
    }

    fn criteria(&self, all: bool) -> Vec<Part> {
        let mut out: Vec<Part> = self
            .settings
            .iter()
            .map(|s| Part::Line(format!("{}: `{}` → `{}`", s.what, s.old, s.new)))
            .collect();
        let pct = |w: Option<f64>| w.map_or("—".into(), |w| format!("{:.1}%", w * 100.0));
        let mut t = Table::new(
            &["criterion", "old weight", "new weight"],
            &[false, true, true],
        );
        for w in &self.weights {
            let changed = pct(w.old) != pct(w.new);
            if all || changed {
                t.rows
                    .push(vec![w.criterion.clone(), pct(w.old), pct(w.new)]);
            }
        }
        if !t.rows.is_empty() {
            out.push(Part::Table(t, vec![]));
        }
        if out.is_empty() {
            out.push(Part::Line(
                "Same criteria, weights, client, method and seed.".into(),
            ));
        }
        out
    }

    fn ranking(&self, all: bool) -> Vec<Part> {
        let score = |s: Option<f64>| s.map_or("—".into(), |s| format!("{s:.2}"));
        let mut t = Table::new(
            &["vendor", "old", "new", "old score", "new score"],
            &[false, true, true, true, true],
        );
        for v in self.vendors.iter().filter(|v| all || v.moved()) {
            t.rows.push(vec![
                v.vendor.clone(),
                v.old.to_string(),
                v.new.to_string(),
                score(v.old_score),
                score(v.new_score),
            ]);
        }
        let mut out = Vec::new();
        if t.rows.is_empty() {
            out.push(Part::Line("No rank or score changed.".into()));
        } else {
            out.push(Part::Table(t, vec![3, 4]));
        }
        for v in self.vendors.iter().filter(|v| v.gate_flipped()) {
            out.push(Part::Line(gate_line(v)));
        }
        let winner = |s: &Side| s.winner.clone().unwrap_or_else(|| "none".into());
        out.push(Part::Line(if self.winner_changed {
            format!(
                "The winner changed: `{}` → `{}`.",
                winner(&self.old),
                winner(&self.new)
            )
        } else {
            format!("The winner is `{}` in both runs.", winner(&self.new))
        }));
        for (name, s) in [("old", &self.old), ("new", &self.new)] {
            if let Some(sentence) = &s.robustness_sentence {
                // "How robust: strong. ..." reads "How robust in the old run: strong. ...".
                let line = match sentence.strip_prefix("How robust:") {
                    Some(rest) => format!("How robust in the {name} run:{rest}"),
                    None => format!("In the {name} run: {sentence}"),
                };
                out.push(Part::Line(line));
            }
        }
        out.push(Part::Line(match self.kendall_tau_b {
            Some(tau) => format!(
                "Kendall's tau-b between the rankings: {tau:.3} (over the {} vendors ranked in both; 1 is the same order).",
                self.ranked_in_both
            ),
            None => "Kendall's tau-b is undefined: fewer than two vendors are ranked in both runs.".into(),
        }));
        out
    }

    fn attribution(&self, all: bool) -> Vec<Part> {
        if self.steps.is_empty() {
            return vec![Part::Line(
                "Nothing changed, so nothing is replayed.".into(),
            )];
        }
        let n = self.steps.len();
        let mut out = vec![Part::Line(if n == 1 {
            "The one change, applied to the old run and ranked again:".to_string()
        } else {
            format!("The {n} changes, applied one at a time to the old run in the order docs/analysts.md gives, ranking again after each:")
        })];
        let mut quiet = 0;
        for (i, s) in self.steps.iter().enumerate() {
            if !all && s.moves.is_empty() && s.error.is_none() && !s.order_matters {
                quiet += 1;
                continue;
            }
            out.push(Part::Line(step_line(i + 1, s)));
        }
        if quiet > 0 {
            out.push(Part::Line(format!(
                "{quiet} other change(s) moved no rank (`--all` lists them)."
            )));
        }
        out.push(Part::Line(if self.order_matters {
            "The order matters: a change marked so moves other ranks when applied alone to the old run.".into()
        } else {
            "The order does not matter here: each change moves the same ranks alone as in its place.".into()
        }));
        out.extend(self.notes.iter().map(|n| Part::Line(n.clone())));
        out
    }
}

fn moves_text(moves: &[Move]) -> String {
    if moves.is_empty() {
        return "no rank moved".into();
    }
    let shown: Vec<String> = moves
        .iter()
        .map(|m| format!("`{}` {} → {}", m.vendor, m.before, m.after))
        .collect();
    shown.join(", ")
}

fn step_line(n: usize, s: &Step) -> String {
    let mut l = format!("{n}. {}: {}", s.label, moves_text(&s.moves));
    if let Some(e) = &s.error {
        l.push_str(&format!(
            " (cannot be ranked alone: {})",
            e.lines().next().unwrap_or("")
        ));
    }
    if s.order_matters {
        let alone = s
            .alone
            .as_deref()
            .map_or("cannot be ranked".into(), moves_text);
        l.push_str(&format!("; the order matters: alone, {alone}"));
    }
    l
}

fn gate_line(v: &VendorChange) -> String {
    match (v.old, v.new) {
        (Place::Excluded, _) => format!(
            "`{}` now passes the gates (it was excluded: {})",
            v.vendor,
            v.old_reasons.join("; ")
        ),
        _ => format!(
            "`{}` is now excluded: {}",
            v.vendor,
            v.new_reasons.join("; ")
        ),
    }
}
