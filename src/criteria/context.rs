//! The validation context of one criteria file: its name and text, every problem found
//! so far, and the helpers that read a spanned value (a choice from a list, a weight, the
//! missing policy, a metric) and report what is wrong at its line and column.

use toml::Spanned;

use super::raw::Pos;
use super::validated::{Aggregate, MetricRef, Missing};
use super::weights::MAX_WEIGHT;
use crate::problem::{backticks, number, suggest, Problem};

const MISSING: [&str; 3] = ["error", "worst", "exclude-vendor"];
const AGGREGATES: [&str; 3] = ["mean", "latest", "min"];

/// The file being validated and every problem found in it so far.
pub(super) struct Ctx<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a str,
    pub(super) problems: Vec<Problem>,
}

impl Ctx<'_> {
    pub(super) fn pos(&self, offset: usize) -> Pos {
        let (line, column) = crate::problem::line_column(self.text, offset);
        Pos { line, column }
    }

    pub(super) fn at<T>(&mut self, s: &Spanned<T>, message: String, hint: Option<String>) {
        let pos = self.pos(s.span().start);
        let mut p = Problem::at(self.file, pos.location(), message);
        p.hint = hint;
        self.problems.push(p);
    }

    /// Checks an id that may become part of a file name (a chart per criterion): letters,
    /// digits, `-` and `_`, starting with a letter or digit, at most 64 characters.
    pub(super) fn id(&mut self, s: &Spanned<String>, what: &str) {
        let id = s.get_ref();
        let ok = id.len() <= 64
            && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            self.at(
                s,
                format!("{what} id `{}` is not a valid id", id.escape_default()),
                Some("an id is letters, digits, `-` and `_`, starting with a letter or digit, at most 64 characters (ids name output files)".into()),
            );
        }
    }

    /// A value from a fixed list, with a "did you mean" hint.
    pub(super) fn pick<'c>(
        &mut self,
        s: &Spanned<String>,
        key: &str,
        choices: &[&'c str],
    ) -> Option<&'c str> {
        let v = s.get_ref().as_str();
        let found = choices.iter().copied().find(|c| *c == v);
        if found.is_none() {
            let hint = suggest(v, choices.iter().copied())
                .unwrap_or_else(|| format!("expected one of {}", backticks(choices)));
            self.at(s, format!("unknown {key} `{v}`"), Some(hint));
        }
        found
    }

    pub(super) fn weight(&mut self, w: &Spanned<f64>, what: &str) -> f64 {
        let v = *w.get_ref();
        if !(0.0..=MAX_WEIGHT).contains(&v) {
            self.at(
                w,
                format!("{what} weight is `{}`", number(v)),
                Some(format!("weights are relative, from 0 to {MAX_WEIGHT}: numbers such as `1` to `100` say the same as large ones")),
            );
            0.0
        } else {
            v
        }
    }

    pub(super) fn missing(&mut self, s: &Option<Spanned<String>>) -> Option<Missing> {
        let v = self.pick(s.as_ref()?, "missing policy", &MISSING)?;
        Some(match v {
            "error" => Missing::Error,
            "worst" => Missing::Worst,
            _ => Missing::ExcludeVendor,
        })
    }

    pub(super) fn metric(
        &mut self,
        metric: &Spanned<String>,
        aggregate: &Option<Spanned<String>>,
    ) -> MetricRef {
        let name = metric.get_ref().trim().to_string();
        let aggregate = match aggregate {
            Some(a) if !name.starts_with("tests.") => {
                self.at(
                    a,
                    format!("`aggregate` applies to `tests.*` metrics only, not `{name}`"),
                    Some("remove `aggregate`; other metrics have one value per vendor".into()),
                );
                Aggregate::Mean
            }
            Some(a) => match self.pick(a, "aggregate", &AGGREGATES) {
                Some("latest") => Aggregate::Latest,
                Some("min") => Aggregate::Min,
                _ => Aggregate::Mean,
            },
            None => Aggregate::Mean,
        };
        if name.is_empty() {
            self.at(
                metric,
                "`metric` is empty".into(),
                Some("name a metric such as `pilot.detection_rate`; see docs/metrics.md".into()),
            );
        }
        MetricRef { name, aggregate }
    }
}
