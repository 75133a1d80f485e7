//! Splits Rust source into the tokens the architecture checks read: identifiers and
//! keywords, string literals' text (for `#[path = ".."]`), and symbols. Comments, char
//! literals and lifetimes are dropped, so a path written in a comment, a message or a
//! char literal is never taken for an import.

/// A token: an identifier or keyword, a string literal's text, or a symbol (`::` or one
/// character).
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Ident(String),
    Str(String),
    Sym(String),
}

/// A token and the line it starts on.
#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    pub line: usize,
}

/// Splits source text into tokens, skipping whitespace, comments, char literals and
/// lifetimes.
pub fn tokens(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let ident_char = |x: char| x.is_alphanumeric() || x == '_';
    while i < c.len() {
        let (ch, start_line) = (c[i], line);
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(c[i] == '\n');
                    i += 1;
                }
            }
        } else if ch == '"' {
            let (text, next) = string(&c, i + 1, &mut line);
            out.push(Token {
                tok: Tok::Str(text),
                line: start_line,
            });
            i = next;
        } else if ch == '\'' {
            // A char literal ('x', '\n', '\''), else a lifetime or label ('a).
            if at(i + 1) == '\\' {
                i += 3;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch.is_ascii_digit() {
            while i < c.len() && (ident_char(c[i]) || (c[i] == '.' && at(i + 1).is_ascii_digit())) {
                i += 1;
            }
        } else if ident_char(ch) {
            let s = i;
            while i < c.len() && ident_char(c[i]) {
                i += 1;
            }
            let word: String = c[s..i].iter().collect();
            let raw = matches!(word.as_str(), "r" | "br" | "cr");
            if raw && (at(i) == '"' || (at(i) == '#' && matches!(at(i + 1), '"' | '#'))) {
                let hashes = (i..).take_while(|&k| at(k) == '#').count();
                let body = i + hashes + 1;
                let mut k = body;
                while k < c.len() && !(c[k] == '"' && (1..=hashes).all(|h| at(k + h) == '#')) {
                    line += usize::from(c[k] == '\n');
                    k += 1;
                }
                let text = c[body..k.min(c.len())].iter().collect();
                out.push(Token {
                    tok: Tok::Str(text),
                    line: start_line,
                });
                i = k + 1 + hashes;
            } else if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                let (text, next) = string(&c, i + 1, &mut line);
                out.push(Token {
                    tok: Tok::Str(text),
                    line: start_line,
                });
                i = next;
            } else if word == "b" && at(i) == '\'' {
                i += if at(i + 1) == '\\' { 4 } else { 3 };
            } else if word == "r" && at(i) == '#' && ident_char(at(i + 1)) {
                i += 1; // a raw identifier: r#name is `name`
            } else {
                out.push(Token {
                    tok: Tok::Ident(word),
                    line: start_line,
                });
            }
        } else if ch == ':' && at(i + 1) == ':' {
            out.push(Token {
                tok: Tok::Sym("::".into()),
                line,
            });
            i += 2;
        } else {
            out.push(Token {
                tok: Tok::Sym(ch.to_string()),
                line,
            });
            i += 1;
        }
    }
    out
}

/// A string literal's text from just after its opening quote; returns the index after the
/// closing quote.
fn string(c: &[char], mut i: usize, line: &mut usize) -> (String, usize) {
    let mut text = String::new();
    while i < c.len() && c[i] != '"' {
        if c[i] == '\\' {
            i += 1;
        }
        if let Some(&x) = c.get(i) {
            *line += usize::from(x == '\n');
            text.push(x);
        }
        i += 1;
    }
    (text, i + 1)
}
