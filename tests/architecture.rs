//! Architecture: the modules of src/ import each other without cycles, and the shared
//! decision types sit in a leaf module that imports nothing of the crate.
//!
//! Every `src/**/*.rs` is read and each `use` path (grouped and multi-line ones too) and
//! inline path (`crate::x::y`, `super::x`) is resolved to the module it reaches. The
//! checks: (a) no cycle between the top-level modules of src/ (a file `src/x.rs` or a
//! folder `src/x/`); (b) no cycle between the files of any one folder of src/ (a
//! subfolder counts as one node, the folder's `mod.rs` as `mod`, and a name `mod.rs`
//! re-exports counts as the file that defines it); (c) the leaf module imports nothing
//! of the crate; and nothing imports `cmd`. Plain Rust, no tools.
//!
//! Imports inside `#[cfg(test)]` modules are not counted, because they must not be: a
//! unit test beside its code may exercise the whole folder through its entry point
//! (each generator of `demo` is tested through `demo::generate`, which calls it), a
//! dependency of the test build only. Everything the library itself compiles is counted.

#[path = "architecture/graph.rs"]
mod graph;
#[path = "architecture/scan.rs"]
mod scan;
#[path = "architecture/tokens.rs"]
mod tokens;

use std::collections::BTreeMap;
use std::path::Path;

use graph::{cycles, Crate};

/// The leaf module of shared decision types (src/decision.rs or src/decision/).
const LEAF: &str = "decision";

/// The top of the crate: the roots, the command glue and the command-line definitions.
/// They may import any module, so `cmd/` (whose `mod.rs` dispatches to one file per
/// subcommand and holds the helpers they share) is not checked by (b); nothing but the
/// roots may import `cmd`.
const ON_TOP: [&str; 4] = ["lib", "main", "cmd", "cli"];

/// Every violation in `sources` (file path -> text), folders in `exempt` skipped for (b).
fn violations(sources: &BTreeMap<String, String>, exempt: &[&str]) -> Vec<String> {
    let krate = Crate::load(sources);
    let mut out = krate.problems.clone();
    let top = krate.graph(&[]);
    for c in cycles(&top) {
        out.push(format!(
            "import cycle between the top-level modules of src/: {c}"
        ));
    }
    for ((from, to), why) in &top.edges {
        if to == "cmd" && !ON_TOP[..2].contains(&from.as_str()) {
            out.push(format!(
                "`{from}` imports `cmd`, which only the roots may: {why}"
            ));
        }
    }
    for folder in krate.folders() {
        let name = format!("src/{}/", folder.join("/"));
        let first = folder.first().map(String::as_str).unwrap_or_default();
        if exempt.contains(&first) || ON_TOP.contains(&first) {
            continue;
        }
        for c in cycles(&krate.graph(&folder)) {
            out.push(format!("import cycle between the files of {name}: {c}"));
        }
    }
    if !krate.modules.contains_key(&vec![LEAF.to_string()]) {
        out.push(format!(
            "the leaf module `{LEAF}` (src/{LEAF}.rs) is missing"
        ));
    }
    for (file, sc) in &krate.scanned {
        if krate.files[file].first().map(String::as_str) != Some(LEAF) {
            continue;
        }
        if krate.test_only.contains(&krate.files[file]) {
            continue;
        }
        for r in sc.refs.iter().filter(|r| !r.test) {
            match krate.resolve(file, r) {
                Some(p) if p.first().map(String::as_str) != Some(LEAF) => out.push(format!(
                    "the leaf module `{LEAF}` imports `{}` of the crate: {file}:{} `{}`",
                    p.join("::"),
                    r.line,
                    r.segs.join("::")
                )),
                _ => {}
            }
        }
    }
    out
}

/// Every `.rs` file under `dir`, keyed by its path from the crate root (`src/x.rs`).
fn read_rs(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("read src/") {
        let path = entry.expect("read src/").path();
        if path.is_dir() {
            read_rs(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).expect("under the crate");
            let key = rel.to_string_lossy().replace('\\', "/");
            out.insert(
                key,
                std::fs::read_to_string(&path).expect("read a source file"),
            );
        }
    }
}

#[test]
fn src_has_no_import_cycles_and_a_leaf_decision_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = BTreeMap::new();
    read_rs(root, &root.join("src"), &mut sources);
    let found = violations(&sources, &[]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

// The checker itself, on small crates held in memory.

fn krate(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect()
}

const LEAF_FILE: (&str, &str) = (
    "src/decision.rs",
    "use serde::Serialize;\npub enum Direction { Max }\n",
);

#[test]
fn a_top_level_cycle_is_found_and_named() {
    let src = krate(&[
        (
            "src/lib.rs",
            "pub mod a;\npub mod b;\npub mod c;\npub mod decision;\n",
        ),
        ("src/a.rs", "use crate::b::B;\n"),
        ("src/b.rs", "pub fn f() -> u8 { crate::c::g() }\n"),
        (
            "src/c.rs",
            "use crate::{\n    decision::Direction,\n    a::{self,\n        A},\n};\n",
        ),
        LEAF_FILE,
    ]);
    let v = violations(&src, &[]);
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(
        v[0].contains("top-level modules of src/: a -> b -> c -> a"),
        "{}",
        v[0]
    );
    assert!(v[0].contains("c -> a: src/c.rs:3 `crate::a`"), "{}", v[0]);
    assert!(
        v[0].contains("b -> c: src/b.rs:1 `crate::c::g`"),
        "{}",
        v[0]
    );
}

#[test]
fn a_dag_is_accepted_and_comments_and_strings_are_no_imports() {
    let src = krate(&[
        ("src/lib.rs", "pub mod a;\npub mod b;\npub mod cmd;\npub mod decision;\npub use a::A;\n"),
        ("src/a.rs", "use crate::b::B;\nuse crate::decision::*;\n"),
        ("src/b.rs", "//! Used by crate::a::A.\n/* crate::a */ const S: &str = \"crate::a::A\";\nconst R: &str = r#\"use crate::a;\"#;\nconst C: char = '\"';\n"),
        ("src/cmd.rs", "use crate::{a::A, b};\nfn f() { crate::A::new(); }\n"),
        LEAF_FILE,
    ]);
    assert_eq!(violations(&src, &[]), Vec::<String>::new());
}

#[test]
fn grouped_and_multi_line_uses_are_expanded() {
    let s = scan::scan(
        "pub(crate) use crate::{\n    a::b::{C, d as e},\n    f::{self, *},\n};\nfn g() { use super::h; x.sum::<f64>(); }\n",
    );
    let got: Vec<String> = s
        .refs
        .iter()
        .map(|r| {
            format!(
                "{} as {} pub {} line {}",
                r.segs.join("::"),
                r.name,
                r.is_pub,
                r.line
            )
        })
        .collect();
    let want = [
        "crate::a::b::C as C pub true line 2",
        "crate::a::b::d as e pub true line 2",
        "crate::f as f pub true line 3",
        "crate::f as * pub true line 3",
        "super::h as h pub false line 5",
    ];
    assert_eq!(got, want);
}

#[test]
fn a_cycle_between_files_of_a_folder_is_found_through_re_exports() {
    let src = krate(&[
        ("src/lib.rs", "pub mod decision;\npub mod s;\n"),
        (
            "src/s/mod.rs",
            "mod x;\nmod y;\npub use y::Y;\npub trait T {}\n",
        ),
        (
            "src/s/x.rs",
            "use super::Y;\npub struct X;\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
        ),
        ("src/s/y.rs", "pub struct Y(crate::s::x::X);\n"),
        LEAF_FILE,
    ]);
    let v = violations(&src, &[]);
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].contains("files of src/s/: x -> y -> x"), "{}", v[0]);
    assert!(
        violations(&src, &["s"]).is_empty(),
        "an exempt folder is skipped"
    );
}

#[test]
fn imports_of_test_modules_are_not_counted() {
    let files = |b: &str| {
        krate(&[
            ("src/lib.rs", "pub mod decision;\npub mod s;\n"),
            (
                "src/s/mod.rs",
                "mod a;\nmod b;\n#[cfg(test)]\nmod b_tests;\n",
            ),
            ("src/s/a.rs", "pub fn f() { super::b::g() }\n"),
            ("src/s/b.rs", b),
            ("src/s/b_tests.rs", "use super::a::f;\nuse super::b::g;\n"),
            LEAF_FILE,
        ])
    };
    let b = "pub fn g() {}\n#[cfg(test)]\nmod tests {\n    use crate::s::a::f;\n}\n";
    assert_eq!(violations(&files(b), &[]), Vec::<String>::new());
    let v = violations(&files(&b.replace("#[cfg(test)]\n", "")), &[]);
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].contains("files of src/s/: a -> b -> a"), "{}", v[0]);
}

#[test]
fn path_modules_belong_to_their_file_and_stray_files_are_reported() {
    let src = krate(&[
        ("src/lib.rs", "pub mod decision;\npub mod s;\n"),
        ("src/s/mod.rs", "pub mod x;\npub mod y;\npub trait T {}\n"),
        (
            "src/s/x.rs",
            "pub struct X;\n#[path = \"x_helpers.rs\"]\nmod helpers;\n",
        ),
        (
            "src/s/x_helpers.rs",
            "use super::*;\nuse super::super::y::Y;\n",
        ),
        ("src/s/y.rs", "use super::T;\npub struct Y;\n"),
        ("src/stray.rs", "use crate::s::T;\n"),
        LEAF_FILE,
    ]);
    let krate = Crate::load(&src);
    let edges: Vec<(String, String)> = krate.graph(&["s".into()]).edges.into_keys().collect();
    assert_eq!(
        edges,
        [("x".into(), "y".into()), ("y".into(), "mod".into())]
    );
    let v = violations(&src, &[]);
    assert_eq!(
        v,
        ["src/stray.rs is not reached by any `mod` from src/lib.rs or src/main.rs"]
    );
}

#[test]
fn the_leaf_imports_nothing_and_nothing_imports_cmd() {
    let src = krate(&[
        (
            "src/lib.rs",
            "pub mod cmd;\npub mod decision;\npub mod score;\n",
        ),
        ("src/cmd.rs", "pub fn run() {}\n"),
        (
            "src/decision.rs",
            "use serde::Serialize;\npub fn f() -> super::score::S { todo!() }\n",
        ),
        (
            "src/score.rs",
            "pub struct S;\nfn g() { crate::cmd::run() }\n",
        ),
    ]);
    let v = violations(&src, &[]);
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(v[0].starts_with("`score` imports `cmd`"), "{}", v[0]);
    assert!(
        v[1].contains("leaf module `decision` imports `score::S`"),
        "{}",
        v[1]
    );
    let missing = violations(&krate(&[("src/lib.rs", "")]), &[]);
    assert_eq!(
        missing,
        ["the leaf module `decision` (src/decision.rs) is missing"]
    );
}
