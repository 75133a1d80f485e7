//! `vendorscore list`: the built-in datasets, criteria files, client profiles and MSP
//! profiles, by the names `--data`, `--criteria`, `--client` and `--msp` take, each with
//! its title.

use super::Outcome;
use crate::embedded::{CLIENTS, CRITERIA, DATASETS, MSPS};
use crate::Error;

pub fn run() -> Result<Outcome, Error> {
    let mut o = String::from("Datasets (--data NAME):\n");
    for d in DATASETS {
        let title = d
            .readme
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches('#')
            .trim();
        let title = title.split_once(": ").map_or(title, |(_, t)| t);
        o.push_str(&format!("  {:<22} {title}\n", d.name));
    }
    o.push_str("\nCriteria files (--criteria NAME):\n");
    for f in CRITERIA {
        let name = crate::criteria::parse(f.label, f.text).map_or(String::new(), |c| c.name);
        o.push_str(&format!("  {:<22} {name}\n", f.name));
    }
    o.push_str("\nClient profiles (--client NAME):\n");
    for f in CLIENTS {
        let name = crate::client::parse(f.label, f.text).map_or(String::new(), |c| c.name);
        o.push_str(&format!("  {:<22} {name}\n", f.name));
    }
    o.push_str("\nMSP profiles (proposal --msp NAME):\n");
    for f in MSPS {
        let name =
            crate::proposal::msp::parse(f.label, f.text).map_or(String::new(), |m| m.company);
        o.push_str(&format!(
            "  {:<22} {name} (a fictional company, the demo)\n",
            f.name
        ));
    }
    o.push_str("\nA file or folder of the same name in the current folder is used instead.\n");
    Ok(Outcome {
        stdout: o.into_bytes(),
        stderr: String::new(),
    })
}
