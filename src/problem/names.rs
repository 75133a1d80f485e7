//! Names in messages: the known names closest to one a user mistyped (metric names,
//! files, folders), for "did you mean" hints, and a list of names in backticks.

/// The known names closest to `name`, best first (at most three), for "did you mean" hints.
pub fn closest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(name, k), k))
        // Jaro-Winkler is harsh on short names (`dta` for `data` scores 0.82): one edit
        // away counts as close too.
        .filter(|(s, k)| {
            *s >= 0.85 || (name.chars().count() >= 3 && strsim::osa_distance(name, k) <= 1)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    // Keep only names about as close as the best one.
    let best = scored.first().map_or(0.0, |s| s.0);
    scored
        .into_iter()
        .take_while(|(s, _)| *s >= best - 0.05)
        .take(3)
        .map(|(_, k)| k)
        .collect()
}

/// A hint listing the closest names, or all names when there are few, in backticks.
pub fn suggest<'a>(name: &str, known: impl IntoIterator<Item = &'a str> + Clone) -> Option<String> {
    let close = closest(name, known.clone());
    if !close.is_empty() {
        return Some(format!("did you mean {}?", backticks(&close)));
    }
    let all: Vec<&str> = known.into_iter().collect();
    if all.is_empty() {
        None
    } else if all.len() <= 12 {
        Some(format!("expected one of {}", backticks(&all)))
    } else {
        None
    }
}

/// The existing entry beside `path` whose name is closest to its own (`datasets/demo` for
/// `datasets/dmeo`), folders or files as `dirs` says: a path a user mistyped.
pub fn closest_path(path: &std::path::Path, dirs: bool) -> Option<std::path::PathBuf> {
    let name = path.file_name()?.to_str()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let names: Vec<String> = std::fs::read_dir(parent)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir() == dirs)
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    let best = closest(name, names.iter().map(String::as_str));
    best.first().map(|b| path.with_file_name(b))
}

/// `a`, `b`, `c`
pub fn backticks<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A cell's name as a spreadsheet shows it: row 12, column 6 (both 1-based) is `F12`.
pub fn cell_name(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8_lossy(&letters))
}

/// A sheet's name as a formula refers to it: quoted (`'Price list'`) unless it is only
/// letters, digits and underscores.
pub fn sheet_ref(sheet: &str) -> String {
    if !sheet.is_empty() && sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_and_ignores_strangers() {
        let known = [
            "pilot.detection_rate",
            "pilot.phishing_block_rate",
            "rmm.coverage",
        ];
        assert_eq!(
            closest("pilot.detecton_rate", known),
            vec!["pilot.detection_rate"]
        );
        assert!(closest("zzz", known).is_empty());
    }

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(cell_name(12, 6), "F12");
        assert_eq!(cell_name(1, 26), "Z1");
        assert_eq!(cell_name(3, 27), "AA3");
        assert_eq!(cell_name(9, 703), "AAA9");
        assert_eq!(sheet_ref("pricing"), "pricing");
        assert_eq!(sheet_ref("O'Brien list"), "'O''Brien list'");
    }
}
