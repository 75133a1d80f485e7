//! The pilot report for a terminal: each group's metrics with their intervals (the sample
//! sizes left out first when the terminal is narrow, the intervals wrapped next), which
//! vendors the evidence can tell apart, and the go/no-go list. Vendors that pass the
//! criteria file's gates come first, the excluded ones after.

use super::table::{go_first, metrics_table};
use crate::pilot::PilotReport;
use crate::report::doc::Table;
use crate::report::export::terminal::{fitted_table, Fit, Width};

/// How the metrics table gives way: the sample sizes go, then the intervals wrap;
/// vendor, metric and value stay.
fn metrics_fit(t: &Table) -> Fit {
    Fit::new(t).leave_out([3]).wrap([4])
}

/// The report for a terminal `width` wide: the metrics of each group, which vendors the
/// evidence can tell apart, and the go/no-go list; vendors that pass the gates first.
pub(super) fn terminal(r: &PilotReport, width: Width) -> String {
    let mut o = format!("Pilot statistics, dataset {} (95% intervals)\n", r.dataset);
    for (label, vendors) in &r.groups {
        o.push_str(&format!("\n{label}:\n"));
        let vendors = go_first(r, vendors, |v| v.vendor);
        let t = metrics_table(r, &vendors, true);
        o.push_str(&fitted_table(&t, &metrics_fit(&t), width));
        o.push('\n');
    }
    o.push_str("\nWhich vendors the evidence can tell apart (Holm-adjusted p < 0.05, over all endpoints):\n");
    for t in &r.tiers {
        let groups: Vec<String> = t
            .tiers
            .iter()
            .map(|tier| {
                let ids: Vec<&str> = tier.iter().map(|&v| r.vendor_ids[v].as_str()).collect();
                if ids.len() == 1 {
                    format!("`{}`", ids[0])
                } else {
                    format!("{{{}}}", ids.join(", "))
                }
            })
            .collect();
        o.push_str(&format!(
            "  {:<36} {}\n",
            crate::metrics::label(t.metric),
            groups.join(" > ")
        ));
    }
    o.push_str(
        "  (vendors in braces cannot be separated on this evidence; `>` reads \"better than\")\n",
    );
    o.push_str("\nGo/no-go against the criteria file's gates:\n");
    for (v, lines) in go_first(r, &r.checklist, |(v, _)| *v) {
        let go = lines.iter().all(|l| l.go);
        o.push_str(&format!(
            "  {}: {}\n",
            r.vendor_ids[*v],
            if go { "GO" } else { "NO-GO" }
        ));
        for l in lines {
            o.push_str(&format!(
                "    [{}] {}: {}\n",
                if l.go { "go" } else { "no" },
                l.gate,
                l.text
            ));
        }
    }
    o
}
