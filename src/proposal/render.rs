//! Fills the proposal's templates with a [`Proposal`]: `proposal.html` and `proposal.md`
//! from `templates/` (built in), or from `--template DIR` for each file that folder holds.
//!
//! Values are escaped for the file they land in: HTML autoescape for `.html`, the
//! report's Markdown escaper for `.md` (so a client named `<script>` reads as text). A
//! value the wording marks `|safe` is written as is; only the chart's SVG, drawn by this
//! program, is. Printing an undefined value is an error, which names the template and
//! its line.

use std::path::Path;

use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use super::view::Proposal;
use super::ProposalError;
use crate::report::export::markdown;

/// The escaping of `.md` templates.
const MARKDOWN: &str = "markdown";

/// A template: the name it is shown by (its file) and its text.
#[derive(Debug, Clone)]
pub struct Template {
    /// The output file it makes: `proposal.html` or `proposal.md`.
    pub output: &'static str,
    /// The file it was read from, for messages.
    pub file: String,
    pub text: String,
}

/// The templates: the built-in ones, each replaced by a file of the same name in `dir`.
pub fn templates(dir: Option<&Path>) -> Result<Vec<Template>, ProposalError> {
    if let Some(d) = dir {
        if !d.is_dir() {
            return Err(ProposalError::Io {
                path: d.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no such folder (--template takes a folder holding proposal.html and/or proposal.md)",
                ),
            });
        }
    }
    let mut out = Vec::new();
    for &(output, text) in crate::embedded::TEMPLATES {
        let path = dir.map(|d| d.join(output)).filter(|p| p.is_file());
        let t = match path {
            Some(p) => {
                let bytes = std::fs::read(&p).map_err(|source| ProposalError::Io {
                    path: p.clone(),
                    source,
                })?;
                let file = p.display().to_string();
                let text = crate::problem::utf8(&file, &bytes)
                    .map_err(|e| ProposalError::Invalid { problems: vec![e] })?
                    .to_string();
                Template { output, file, text }
            }
            None => Template {
                output,
                file: format!("<built-in>/templates/{output}"),
                text: text.to_string(),
            },
        };
        out.push(t);
    }
    Ok(out)
}

/// Renders every template with `p`: (output file name, bytes).
pub fn render(
    p: &Proposal,
    templates: &[Template],
) -> Result<Vec<(String, Vec<u8>)>, ProposalError> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else if name.ends_with(".md") {
            AutoEscape::Custom(MARKDOWN.into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        let custom = matches!(state.auto_escape(), AutoEscape::Custom(n) if n == MARKDOWN);
        if !custom {
            return minijinja::escape_formatter(out, state, value);
        }
        let text = if value.is_none() || value.is_undefined() {
            String::new()
        } else if value.is_safe() {
            value.to_string()
        } else {
            markdown::escape(&value.to_string())
        };
        out.write_str(&text)
            .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()))
    });
    for t in templates {
        env.add_template_owned(t.file.clone(), t.text.clone())
            .map_err(|e| template_error(t, &e))?;
    }
    let ctx = minijinja::Value::from(minijinja::value::Serde(p));
    let mut out = Vec::new();
    for t in templates {
        let text = env
            .get_template(&t.file)
            .and_then(|tmpl| tmpl.render(&ctx))
            .map_err(|e| template_error(t, &e))?;
        let mut text = text.trim_end().to_string();
        text.push('\n');
        out.push((t.output.to_string(), text.into_bytes()));
    }
    Ok(out)
}

/// minijinja's error in this program's words: the template's file and line, then what.
fn template_error(t: &Template, e: &minijinja::Error) -> ProposalError {
    let message = match e.detail() {
        Some(d) => format!("{}: {d}", e.kind()),
        None => e.kind().to_string(),
    };
    ProposalError::Template {
        file: e.name().map_or(t.file.clone(), str::to_string),
        line: e.line().unwrap_or(0),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(output: &'static str, text: &str) -> Vec<Template> {
        vec![Template {
            output,
            file: format!("t/{output}"),
            text: text.into(),
        }]
    }

    fn value(client: &str) -> minijinja::Value {
        minijinja::context! { client => client }
    }

    fn render_value(ts: &[Template], v: minijinja::Value) -> Result<String, ProposalError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        for t in ts {
            env.add_template_owned(t.file.clone(), t.text.clone())
                .map_err(|e| template_error(t, &e))?;
        }
        env.get_template(&ts[0].file)
            .and_then(|t| t.render(v))
            .map_err(|e| template_error(&ts[0], &e))
    }

    #[test]
    fn a_syntax_error_names_the_file_and_line() {
        let ts = one("proposal.md", "line one\nline two\n{% if %}\n");
        let e = render_value(&ts, value("x")).unwrap_err().to_string();
        assert!(e.starts_with("template `t/proposal.md`, line 3: "), "{e}");
    }

    #[test]
    fn an_undefined_value_is_an_error_with_its_line() {
        let ts = one("proposal.md", "a\n{{ clinet }}\n");
        let e = render_value(&ts, value("x")).unwrap_err().to_string();
        assert!(e.starts_with("template `t/proposal.md`, line 2: "), "{e}");
    }
}
