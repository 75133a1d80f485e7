//! Reads one Rust source file into what the architecture checks need: its `mod`
//! declarations (with `#[path]`), its inline modules, every `use` path (grouped and
//! multi-line trees expanded) and every path written inline in code (`crate::x::y`,
//! `super::x`, `child::x`), each with its line. Comments, strings and char literals are
//! skipped, so a path in a doc comment or a message is not an import.

use crate::tokens::{tokens, Tok, Token};

/// `mod name;` (a file module) or `mod name { .. }` (inline), inside `scope` (the inline
/// modules around it in the file).
#[derive(Debug, Clone)]
pub struct ModDecl {
    pub scope: Vec<String>,
    pub name: String,
    pub inline: bool,
    /// The `#[path = ".."]` attribute's value.
    pub path: Option<String>,
    /// Compiled for tests only (`#[cfg(test)]`).
    pub test: bool,
}

/// A path the file names: `segs` as written (`crate`, `super`, `self` or a name first).
#[derive(Debug, Clone, PartialEq)]
pub struct PathRef {
    pub scope: Vec<String>,
    pub segs: Vec<String>,
    pub line: usize,
    /// Imported by `use` (else written inline in code).
    pub is_use: bool,
    /// A `pub` or `pub(..)` use: a re-export.
    pub is_pub: bool,
    /// The name the use brings into scope (its `as` alias or last segment; `*` for a glob).
    pub name: String,
    /// Inside an inline `#[cfg(test)]` module.
    pub test: bool,
}

/// What one file declares and names.
#[derive(Debug, Default)]
pub struct Scanned {
    pub mods: Vec<ModDecl>,
    pub refs: Vec<PathRef>,
    /// Identifiers outside `use` declarations (to tell a re-export the file itself uses).
    pub code_idents: std::collections::BTreeSet<String>,
}

fn is(t: Option<&Token>, s: &str) -> bool {
    matches!(t.map(|t| &t.tok), Some(Tok::Sym(x)) | Some(Tok::Ident(x)) if x == s)
}

fn ident(t: Option<&Token>) -> Option<&str> {
    match t.map(|t| &t.tok) {
        Some(Tok::Ident(x)) => Some(x),
        _ => None,
    }
}

/// Scans one file.
pub fn scan(src: &str) -> Scanned {
    let t = tokens(src);
    let mut out = Scanned::default();
    // Inline modules open around the current token: (name, brace depth inside them, test).
    let mut scopes: Vec<(String, usize, bool)> = Vec::new();
    let mut depth = 0;
    // Attributes by the index of their closing `]`: (index of their `#`, `#[path]` value,
    // whether it is a `cfg` naming `test`).
    let mut attrs = std::collections::BTreeMap::new();
    let mut i = 0;
    let scope = |s: &[(String, usize, bool)]| s.iter().map(|(n, ..)| n.clone()).collect::<Vec<_>>();
    let in_test = |s: &[(String, usize, bool)]| s.iter().any(|(.., t)| *t);
    while i < t.len() {
        let prev_path = i > 0 && (is(t.get(i - 1), "::") || is(t.get(i - 1), "."));
        match &t[i].tok {
            Tok::Sym(s) if s == "#" && (is(t.get(i + 1), "[") || is(t.get(i + 2), "[")) => {
                let open = if is(t.get(i + 1), "[") { i + 1 } else { i + 2 };
                let (mut j, mut d) = (open, 0);
                while j < t.len() {
                    d += usize::from(is(t.get(j), "["));
                    d -= usize::from(is(t.get(j), "]"));
                    if d == 0 {
                        break;
                    }
                    j += 1;
                }
                let path = match (ident(t.get(open + 1)), t.get(open + 3).map(|x| &x.tok)) {
                    (Some("path"), Some(Tok::Str(p))) if is(t.get(open + 2), "=") => {
                        Some(p.clone())
                    }
                    _ => None,
                };
                let test = ident(t.get(open + 1)) == Some("cfg")
                    && t[open..j]
                        .iter()
                        .any(|x| x.tok == Tok::Ident("test".into()));
                attrs.insert(j, (i, path, test));
                i = j + 1;
            }
            Tok::Sym(s) if s == "{" => {
                depth += 1;
                i += 1;
            }
            Tok::Sym(s) if s == "}" => {
                if scopes.last().is_some_and(|(_, d, _)| *d == depth) {
                    scopes.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            Tok::Ident(k) if k == "mod" && !prev_path && ident(t.get(i + 1)).is_some() => {
                let name = ident(t.get(i + 1)).unwrap_or_default().to_string();
                let inline = is(t.get(i + 2), "{");
                // Walk back over visibility and attributes for a `#[path]`.
                let (mut j, mut path, mut test) = (i, None, false);
                while j > 0 {
                    if let Some((start, p, cfg_test)) = attrs.get(&(j - 1)) {
                        path = path.or(p.clone());
                        test |= cfg_test;
                        j = *start;
                    } else if matches!(ident(t.get(j - 1)), Some("pub" | "crate" | "super" | "in"))
                        || is(t.get(j - 1), "(")
                        || is(t.get(j - 1), ")")
                    {
                        j -= 1;
                    } else {
                        break;
                    }
                }
                out.mods.push(ModDecl {
                    scope: scope(&scopes),
                    name: name.clone(),
                    inline,
                    path,
                    test,
                });
                if inline {
                    depth += 1;
                    scopes.push((name, depth, test || in_test(&scopes)));
                    i += 3;
                } else {
                    i += 2;
                }
            }
            Tok::Ident(k) if k == "use" && !prev_path && !is(t.get(i + 1), "<") => {
                let is_pub = is(t.get(i.wrapping_sub(1)), "pub")
                    || (is(t.get(i.wrapping_sub(1)), ")")
                        && (1..i)
                            .rev()
                            .find(|&j| is(t.get(j), "("))
                            .is_some_and(|j| is(t.get(j - 1), "pub")));
                let mut pos = i + 1;
                let mut trees = Vec::new();
                use_tree(&t, &mut pos, Vec::new(), &mut trees);
                for (segs, name, line) in trees {
                    let (scope, test) = (scope(&scopes), in_test(&scopes));
                    out.refs.push(PathRef {
                        scope,
                        segs,
                        line,
                        is_use: true,
                        is_pub,
                        name,
                        test,
                    });
                }
                while pos < t.len() && !is(t.get(pos), ";") {
                    pos += 1;
                }
                i = pos + 1;
            }
            Tok::Ident(first) if !prev_path && is(t.get(i + 1), "::") => {
                let mut segs = vec![first.clone()];
                let mut j = i + 1;
                while is(t.get(j), "::") {
                    match ident(t.get(j + 1)) {
                        Some(x) => segs.push(x.to_string()),
                        None => break,
                    }
                    j += 2;
                }
                out.code_idents.extend(segs.iter().cloned());
                let (line, name) = (t[i].line, segs.last().cloned().unwrap_or_default());
                let (scope, test) = (scope(&scopes), in_test(&scopes));
                out.refs.push(PathRef {
                    scope,
                    segs,
                    line,
                    is_use: false,
                    is_pub: false,
                    name,
                    test,
                });
                i = j;
            }
            Tok::Ident(x) => {
                out.code_idents.insert(x.clone());
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Expands one use tree from `pos` (`a::b::{c, d::{self, e as f}, g::*}`) into its
/// paths, each with the name it brings into scope and the line of its last segment.
fn use_tree(
    t: &[Token],
    pos: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, String, usize)>,
) {
    let mut segs = prefix;
    if is(t.get(*pos), "::") {
        segs.push("::".into()); // `use ::name`: an external crate
        *pos += 1;
    }
    loop {
        if is(t.get(*pos), "{") {
            *pos += 1;
            while *pos < t.len() && !is(t.get(*pos), "}") {
                use_tree(t, pos, segs.clone(), out);
                if is(t.get(*pos), ",") {
                    *pos += 1;
                }
            }
            *pos += 1;
            return;
        }
        if is(t.get(*pos), "*") {
            out.push((segs, "*".into(), t[*pos].line));
            *pos += 1;
            return;
        }
        let Some(name) = ident(t.get(*pos)) else {
            return;
        };
        let line = t[*pos].line;
        *pos += 1;
        if name == "self" && !segs.is_empty() {
            // `a::{self}` names the module `a` itself.
        } else {
            segs.push(name.to_string());
        }
        if is(t.get(*pos), "::") {
            *pos += 1;
            continue;
        }
        let mut shown = segs.last().cloned().unwrap_or_default();
        if ident(t.get(*pos)) == Some("as") {
            shown = ident(t.get(*pos + 1)).unwrap_or_default().to_string();
            *pos += 2;
        }
        out.push((segs, shown, line));
        return;
    }
}
