//! `vendorscore proposal`: ranks for the client, prices the options at the MSP's sell
//! prices, plans the migration when the client's devices are known, fills the templates
//! and writes proposal.html, proposal.md and (with `--pdf`) proposal.pdf at once.

use super::client_plan::{self, PlanOptions};
use super::{input_files, load_inputs, warnings, Outcome};
use crate::cli::ProposalArgs;
use crate::dataset::{parse_date, Date};
use crate::proposal::view::{Facts, Proposal};
use crate::proposal::{self, options, pdf, render, ProposalError};
use crate::{output, Error};

/// Builds and writes the proposal; stdout lists the files written.
pub fn run(a: &ProposalArgs) -> Result<Outcome, Error> {
    if a.input.client.is_none() {
        return Err(Error::Usage(
            "`proposal` needs a client\n  hint: pass --client NAME|FILE (`vendorscore list` shows the built-in ones)".into(),
        ));
    }
    let browser = match (a.pdf, pdf::find_browser()) {
        (false, _) => None,
        (true, Some(b)) => Some(b),
        (true, None) => {
            return Err(Error::Usage(format!(
                "`--pdf` needs a headless Chromium, and none of {} is on PATH\n  hint: install one (Debian: `apt-get install chromium`), or leave out --pdf and print proposal.html from a browser",
                crate::problem::backticks(&pdf::BROWSERS)
            )))
        }
    };
    let given_date = match a.date.as_deref() {
        Some(s) => Some(parse_date(s, false).ok_or_else(|| {
            Error::Usage(format!(
                "`--date` is `{s}`, not a date\n  hint: expected `YYYY-MM-DD`, e.g. `2024-07-01`"
            ))
        })?),
        None => None,
    };
    let templates = render::templates(a.template.as_deref())?;
    let (msp, default_msp) = proposal::load_msp(a.msp.as_deref())?;
    let mut stderr = String::new();
    if default_msp {
        stderr.push_str(&format!("note: no --msp given: the proposal is sent by `{}`, the built-in demo MSP profile of a fictional company, with its markups\n  hint: copy msp/northwind-it.toml, fill in your own company and prices, and pass it with --msp FILE (docs/proposal.md)\n", msp.company));
    }
    let mut inputs = load_inputs(&a.input)?;
    if inputs.pricing.currency.is_none() {
        inputs.pricing.currency = msp.currency.clone();
    }
    let mut ranking = inputs.rank()?;
    stderr.push_str(&warnings(&ranking));
    let options =
        options::build(&inputs.dataset, &ranking, &inputs.pricing, &msp).ok_or_else(|| {
            let why = match ranking.ranked.first() {
                None => "no vendor passes the gates".to_string(),
                Some(top) => ranking
                    .quotes
                    .iter()
                    .find(|(v, _)| *v == top.vendor)
                    .and_then(|(_, q)| q.as_ref().err().cloned())
                    .map_or(format!("`{}` has no price", top.vendor), |e| {
                        format!("`{}`: {e}", top.vendor)
                    }),
            };
            ProposalError::NoPrice(why)
        })?;
    let po = PlanOptions {
        inventory: a.inventory.as_deref(),
        ..PlanOptions::profile_only(&a.input)
    };
    let plan = if client_plan::has_inventory(&po) {
        let p = client_plan::build(&po, &inputs)?;
        stderr.push_str(&p.notes);
        Some(p)
    } else {
        stderr.push_str("note: no inventory for this client: the proposal says the timeline will follow\n  hint: pass the client's device export with --inventory FILE\n");
        None
    };
    let profile_start = inputs.client.as_ref().and_then(|c| c.plan.start);
    let date = given_date.or(profile_start).unwrap_or_else(|| {
        let today = today();
        stderr.push_str(&format!("note: no --date and no `start` in the profile's `[plan]`: the proposal is dated today, {today}, and its quote is valid from then\n"));
        today
    });
    ranking.title = "How the products compare".into();
    // The chart is for the client: an exclusion reads as the requirement it fails (the
    // gate's description), not as the gate's codes (`us-bis-2024`).
    for reason in ranking.excluded.iter_mut().flat_map(|x| &mut x.reasons) {
        let gate = inputs.criteria.gates.iter().find(|g| g.id == reason.by);
        if let Some(d) = gate.and_then(|g| g.description.as_deref()) {
            reason.text = format!("does not meet your requirement: {d}");
        }
    }
    let chart = crate::report::charts::ranking_charts(&ranking)?
        .into_iter()
        .find(|f| f.name == "ranking")
        .map(|f| f.chart.svg);
    let client = inputs.client.as_ref().map_or("", |c| c.name.as_str());
    let doc = Proposal::build(&Facts {
        client,
        msp: &msp,
        ranking: &ranking,
        options: &options,
        fleet: inputs.pricing.fleet,
        horizon_months: inputs.pricing.horizon_months,
        date,
        plan: plan.as_ref().map(|p| &p.report),
        chart_svg: chart,
    });
    let mut files = render::render(&doc, &templates)?;
    if let Some(b) = browser {
        let html = files
            .iter()
            .find(|(n, _)| n == "proposal.html")
            .map(|(_, bytes)| bytes.clone())
            .unwrap_or_default();
        files.push(("proposal.pdf".into(), pdf::print(&b, &html)?));
    }
    let mut inputs_on_disk = input_files(&a.input);
    inputs_on_disk.extend(plan.and_then(|p| p.inventory_path));
    inputs_on_disk.extend(a.msp.clone().filter(|p| p.is_file()));
    let written = output::write_all(&a.out, &files, &inputs_on_disk)?;
    let stdout: String = written
        .iter()
        .map(|p| format!("wrote {}\n", p.display()))
        .collect();
    Ok(Outcome {
        stdout: stdout.into_bytes(),
        stderr,
    })
}

/// Today, by the system clock (UTC); only when nothing else dates the proposal, with a note.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}
