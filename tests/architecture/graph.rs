//! The crate's module tree, built from `src/lib.rs` and `src/main.rs` through their `mod`
//! declarations, and the import graph between the modules of one folder: each path a
//! file names is resolved (`crate::`, `super::`, `self::`, a child module) to the module
//! it reaches, through the folder root's `use` re-exports. Cycles are reported as
//! strongly connected groups, each with one cycle and the line behind every edge.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::scan::{scan, PathRef, Scanned};

/// A module's path from the crate root (`["score", "normalisation"]`).
pub type ModPath = Vec<String>;

/// The crate: its modules, the file behind each, and each file scanned.
#[derive(Debug, Default)]
pub struct Crate {
    /// Module path -> the file holding it (an inline module's is its parent's file).
    pub modules: BTreeMap<ModPath, String>,
    /// File -> the module path of the module it holds.
    pub files: BTreeMap<String, ModPath>,
    pub scanned: BTreeMap<String, Scanned>,
    /// Modules compiled for tests only (`#[cfg(test)]`, or inside such a module).
    pub test_only: BTreeSet<ModPath>,
    /// Declared modules without a file, and files no `mod` reaches.
    pub problems: Vec<String>,
}

/// Imports between the modules of one folder: (from, to) -> where the first is written.
#[derive(Debug, Default)]
pub struct Graph {
    pub edges: BTreeMap<(String, String), String>,
}

fn dir_of(file: &str) -> &str {
    file.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Whether a file holds a folder's root (`lib.rs`, `main.rs`, `mod.rs`).
fn is_root_file(file: &str) -> bool {
    file.ends_with("/mod.rs") || file == "src/lib.rs" || file == "src/main.rs"
}

impl Crate {
    /// Builds the module tree from `sources` (file path -> text; paths like `src/x.rs`).
    pub fn load(sources: &BTreeMap<String, String>) -> Crate {
        let mut k = Crate::default();
        let mut queue = vec![("src/lib.rs".to_string(), ModPath::new())];
        if sources.contains_key("src/main.rs") {
            queue.push(("src/main.rs".into(), vec!["main".into()]));
        }
        while let Some((file, path)) = queue.pop() {
            let sc = scan(&sources[&file]);
            k.modules.insert(path.clone(), file.clone());
            k.files.insert(file.clone(), path.clone());
            for m in &sc.mods {
                let mut mp = path.clone();
                mp.extend(m.scope.iter().cloned());
                mp.push(m.name.clone());
                if m.test || k.test_only.contains(&path) {
                    k.test_only.insert(mp.clone());
                }
                if m.inline {
                    k.modules.insert(mp, file.clone());
                    continue;
                }
                let dir = dir_of(&file).to_string();
                let mut base = if is_root_file(&file) {
                    dir.clone()
                } else {
                    format!(
                        "{dir}/{}",
                        file.rsplit('/')
                            .next()
                            .unwrap_or("")
                            .trim_end_matches(".rs")
                    )
                };
                for s in &m.scope {
                    base = format!("{base}/{s}");
                }
                let candidates = match &m.path {
                    Some(p) => vec![format!("{dir}/{p}")],
                    None => vec![
                        format!("{base}/{}.rs", m.name),
                        format!("{base}/{}/mod.rs", m.name),
                    ],
                };
                match candidates.iter().find(|c| sources.contains_key(*c)) {
                    Some(c) => queue.push((c.clone(), mp)),
                    None => k.problems.push(format!(
                        "{file} declares `mod {}` but none of {candidates:?} exists",
                        m.name
                    )),
                }
            }
            k.scanned.insert(file, sc);
        }
        for f in sources.keys().filter(|f| !k.scanned.contains_key(*f)) {
            k.problems.push(format!(
                "{f} is not reached by any `mod` from src/lib.rs or src/main.rs"
            ));
        }
        k
    }

    /// The module path a reference reaches (or names an item of), or `None` for a path
    /// outside the crate (`std::`, `serde::`, a local type's `Name::`).
    pub fn resolve(&self, file: &str, r: &PathRef) -> Option<ModPath> {
        let mut cur = self.files.get(file)?.clone();
        cur.extend(r.scope.iter().cloned());
        let first = r.segs.first()?.as_str();
        match first {
            "crate" => Some(r.segs[1..].to_vec()),
            "self" | "super" => {
                let mut k = usize::from(first == "self");
                while r.segs.get(k).map(String::as_str) == Some("super") {
                    cur.pop()?;
                    k += 1;
                }
                cur.extend(r.segs[k..].iter().cloned());
                Some(cur)
            }
            name => {
                let mut child = cur.clone();
                child.push(name.to_string());
                self.modules.contains_key(&child).then(|| {
                    cur.extend(r.segs.iter().cloned());
                    cur
                })
            }
        }
    }

    /// Every folder module (a `mod.rs`), as its module path.
    pub fn folders(&self) -> Vec<ModPath> {
        self.files
            .iter()
            .filter(|(f, _)| f.ends_with("/mod.rs"))
            .map(|(_, p)| p.clone())
            .collect()
    }

    /// Which node of `folder`'s graph a module path belongs to: the child module (file or
    /// subfolder) it is in, or the folder's root file (`lib`/`mod`) for the root's own
    /// items; a name the root re-exports from a child belongs to that child.
    fn node_of(&self, folder: &[String], path: &[String], hops: usize) -> Option<String> {
        let root_file = self.modules.get(folder)?;
        let root = if folder.is_empty() { "lib" } else { "mod" };
        if !path.starts_with(folder) || hops > 8 {
            return None;
        }
        let Some(name) = path.get(folder.len()) else {
            return Some(root.into());
        };
        let mut child = folder.to_vec();
        child.push(name.clone());
        match self.modules.get(&child) {
            Some(f) if f != root_file => Some(name.clone()),
            Some(_) => Some(root.into()),
            None => {
                let sc = &self.scanned[root_file];
                let via = sc
                    .refs
                    .iter()
                    .find(|r| r.is_use && r.scope.is_empty() && r.name == *name);
                match via.and_then(|r| self.resolve(root_file, r)) {
                    Some(target) if target.starts_with(folder) && target != child => {
                        self.node_of(folder, &target, hops + 1)
                    }
                    _ => Some(root.into()),
                }
            }
        }
    }

    /// The imports between the nodes of `folder` (`[]` for the top level of src/).
    pub fn graph(&self, folder: &[String]) -> Graph {
        let mut g = Graph::default();
        let Some(root_file) = self.modules.get(folder) else {
            return g;
        };
        for (file, sc) in &self.scanned {
            let Some(from) = self.node_of(folder, &self.files[file], 0) else {
                continue;
            };
            if self.test_only.contains(&self.files[file]) {
                continue;
            }
            for r in sc.refs.iter().filter(|r| !r.test) {
                // The root's `pub use child::X` only re-exports, unless the root uses X.
                if file == root_file && r.is_pub && !sc.code_idents.contains(&r.name) {
                    continue;
                }
                let Some(to) = self
                    .resolve(file, r)
                    .and_then(|p| self.node_of(folder, &p, 0))
                else {
                    continue;
                };
                if from != to {
                    let why = format!("{file}:{} `{}`", r.line, r.segs.join("::"));
                    g.edges.entry((from.clone(), to)).or_insert(why);
                }
            }
        }
        g
    }
}

/// One message per group of mutually importing nodes: a shortest cycle through the
/// group's first node, then each of its edges with the line that makes it.
pub fn cycles(g: &Graph) -> Vec<String> {
    let nodes: BTreeSet<&String> = g.edges.keys().flat_map(|(a, b)| [a, b]).collect();
    let mut adjacent: BTreeMap<&String, Vec<&String>> = BTreeMap::new();
    for (a, b) in g.edges.keys() {
        adjacent.entry(a).or_default().push(b);
    }
    let next = |a: &String| adjacent.get(a).into_iter().flatten().copied();
    let reach = |from: &String| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from];
        while let Some(n) = todo.pop() {
            for m in next(n) {
                if seen.insert(m) {
                    todo.push(m);
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<&String>> =
        nodes.iter().map(|&n| (n, reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for &n in &nodes {
        if done.contains(n) || !reaches[n].contains(n) {
            continue;
        }
        let group: BTreeSet<&String> = nodes
            .iter()
            .copied()
            .filter(|m| reaches[n].contains(m) && reaches[*m].contains(n))
            .collect();
        done.extend(group.iter().copied());
        // Breadth-first from n back to n inside the group.
        let mut prev: BTreeMap<&String, &String> = BTreeMap::new();
        let mut queue = VecDeque::from([n]);
        'search: while let Some(a) = queue.pop_front() {
            for b in next(a).filter(|b| group.contains(b)) {
                if b == n {
                    prev.insert(n, a);
                    break 'search;
                }
                if !prev.contains_key(b) {
                    prev.insert(b, a);
                    queue.push_back(b);
                }
            }
        }
        let mut path = vec![n];
        let mut at = prev[n];
        while at != n {
            path.push(at);
            at = prev[at];
        }
        path.push(n);
        path.reverse();
        let names: Vec<&str> = path.iter().map(|s| s.as_str()).collect();
        let mut msg = names.join(" -> ");
        if group.len() > path.len() - 1 {
            let all: Vec<&str> = group.iter().map(|s| s.as_str()).collect();
            msg += &format!(" (the whole group: {})", all.join(", "));
        }
        for w in path.windows(2) {
            msg += &format!(
                "\n    {} -> {}: {}",
                w[0],
                w[1],
                g.edges[&(w[0].clone(), w[1].clone())]
            );
        }
        out.push(msg);
    }
    out
}
