//! Which antivirus products are Kaspersky's: product families, each with name patterns
//! matched against a device's `av_product`, ignoring letter case. A pattern matches the
//! whole name; `*` stands for any text (`kaspersky endpoint security*` matches
//! `Kaspersky Endpoint Security for Windows 12.3`). The shipped list is
//! `products/kaspersky.toml`; a user's file adds its families to it (`--products`).

use serde::Deserialize;

use crate::problem::Problem;

/// One product family and the patterns that find it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    /// The family's name, as counts show it.
    pub name: String,
    /// Patterns, lower case; `*` is any text.
    pub patterns: Vec<String>,
}

/// The product families to look for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Products {
    pub families: Vec<Family>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProducts {
    #[serde(default)]
    product: Vec<Family>,
}

impl Products {
    /// The shipped list, `products/kaspersky.toml`.
    pub fn built_in() -> Products {
        let f = &crate::embedded::PRODUCTS;
        // The shipped file is checked by a test; an unreadable copy gives no families.
        Products::parse(f.label, f.text).unwrap_or_default()
    }

    /// Parses a products file; `file` is how it is shown in messages.
    pub fn parse(file: &str, text: &str) -> Result<Products, Problem> {
        let raw: RawProducts = toml::from_str(text).map_err(|e| {
            crate::problem::toml_problem(
                file,
                text,
                &e,
                "each family is `[[product]]` with `name` and `patterns`; see products/kaspersky.toml",
            )
        })?;
        Ok(Products {
            families: raw
                .product
                .into_iter()
                .map(|f| Family {
                    name: f.name,
                    patterns: f.patterns.iter().map(|p| p.trim().to_lowercase()).collect(),
                })
                .collect(),
        })
    }

    /// Adds another file's families after these.
    pub fn extend(&mut self, more: Products) {
        self.families.extend(more.families);
    }

    /// The family of an antivirus product's name, if it is one of these.
    pub fn family(&self, product: &str) -> Option<&str> {
        let name = product.trim().to_lowercase();
        self.families
            .iter()
            .find(|f| f.patterns.iter().any(|p| glob(p, &name)))
            .map(|f| f.name.as_str())
    }
}

/// Whether `text` matches `pattern` whole, `*` standing for any text.
fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return pattern == text;
    };
    if parts.len() == 1 {
        return pattern == text;
    }
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_whole_names() {
        assert!(glob("kaspersky*", "kaspersky endpoint security"));
        assert!(glob(
            "*network agent*",
            "kaspersky security center network agent 14"
        ));
        assert!(glob("kes", "kes"));
        assert!(!glob("kes", "kes 12"));
        assert!(glob("kes *", "kes 12"));
        assert!(!glob("kaspersky*", "not kaspersky"));
        assert!(glob("a*b*c", "a-b-c"));
        assert!(!glob("a*b*c", "a-c"));
        assert!(!glob("ab*ba", "aba"));
    }

    #[test]
    fn shipped_families_find_every_product_name_ignoring_case() {
        let p = Products::built_in();
        for (name, family) in [
            (
                "Kaspersky Endpoint Security for Windows",
                "Kaspersky Endpoint Security",
            ),
            (
                "KASPERSKY SMALL OFFICE SECURITY",
                "Kaspersky Small Office Security",
            ),
            (
                "Kaspersky Security Center 14 Network Agent",
                "Kaspersky Security Center Network Agent",
            ),
            ("Kaspersky Anti-Virus", "Kaspersky Anti-Virus"),
            ("kaspersky internet security", "Kaspersky Internet Security"),
            ("Kaspersky Total Security", "Kaspersky Total Security"),
            (
                "Kaspersky Security Cloud - Free",
                "Kaspersky Security Cloud",
            ),
            (
                "Kaspersky Security for Windows Server",
                "Kaspersky Security for Windows Server",
            ),
            ("Kaspersky Free", "Kaspersky (other)"),
        ] {
            assert_eq!(p.family(name), Some(family), "{name}");
        }
        for other in [
            "Windows Defender",
            "Microsoft Defender Antivirus",
            "Sophos Endpoint",
            "",
        ] {
            assert_eq!(p.family(other), None, "{other}");
        }
    }

    #[test]
    fn a_users_file_adds_families() {
        let mut p = Products::built_in();
        assert_eq!(p.family("KLS for File Servers"), None);
        p.extend(
            Products::parse(
                "mine.toml",
                "[[product]]\nname = \"KLS\"\npatterns = [\"KLS *\"]\n",
            )
            .unwrap(),
        );
        assert_eq!(p.family("KLS for File Servers"), Some("KLS"));
    }
}
