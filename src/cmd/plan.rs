//! `vendorscore plan`: the client's inventory, the profile's `[plan]` and the options
//! become the plan's settings; the plan is rendered in the format asked for, and with
//! `--out` the per-device CSV is written.

use std::path::{Path, PathBuf};

use super::{load_inputs, render, Inputs, Outcome};
use crate::cli::MigrationPlanArgs;
use crate::dataset::{parse_date, Date, Format, Source};
use crate::inventory::{self, Inventory, Mapping, Products};
use crate::plan::{plan, PlanSettings, StartFrom};
use crate::report::export::terminal::Width;
use crate::report::plan::{device_csv, PlanInputs, PlanReport};
use crate::Error;

/// Plans the migration and renders it.
pub fn run(a: &MigrationPlanArgs, width: Width) -> Result<Outcome, Error> {
    if a.input.client.is_none() && a.inventory.is_none() {
        return Err(Error::Usage(
            "`plan` needs a client profile (--client) or an inventory (--inventory)\n  hint: e.g. `vendorscore plan --client msp-client-350`".into(),
        ));
    }
    let inputs = load_inputs(&a.input)?;
    let mut notes = String::new();
    let settings = settings(a, &inputs, &mut notes)?;
    let client = inputs
        .client
        .as_ref()
        .map_or("the inventory's devices".to_string(), |c| c.name.clone());
    let mapping = match a.mapping.as_deref().map(PathBuf::from).or_else(|| {
        inputs
            .client
            .as_ref()
            .and_then(|c| c.plan.mapping.as_ref().map(PathBuf::from))
    }) {
        Some(m) => Mapping::load(&m)?,
        None => Mapping::default(),
    };
    let (inventory, inventory_path) = load_inventory(a, &mapping, &client)?;
    let mut products = Products::built_in();
    if let Some(p) = &a.products {
        products.extend(load_products(p)?);
    }
    let plan = plan(&inventory, &products, settings)?;
    let vendor_name = vendor_name(a, &inputs);
    let report = PlanReport::build(
        &plan,
        &PlanInputs {
            client: &client,
            inventory: &inventory,
            products: &products,
            vendor: vendor_name.as_deref(),
        },
    );
    if let Some(dir) = &a.out {
        let mut guarded = super::input_files(&a.input);
        guarded.extend(inventory_path);
        let written = crate::output::write_all(
            dir,
            &[("devices.csv".to_string(), device_csv(&report))],
            &guarded,
        )?;
        for p in written {
            notes.push_str(&format!("wrote {}\n", p.display()));
        }
    }
    Ok(Outcome {
        stdout: render(&report, a.format, width),
        stderr: notes,
    })
}

/// The settings: defaults, then the profile's `[plan]` and `[migration]`, then the options.
fn settings(
    a: &MigrationPlanArgs,
    inputs: &Inputs,
    notes: &mut String,
) -> Result<PlanSettings, Error> {
    let p = inputs
        .client
        .as_ref()
        .map(|c| c.plan.clone())
        .unwrap_or_default();
    let (start, from) = match (&a.start, p.start) {
        (Some(s), _) => (
            parse_date(s, false).ok_or_else(|| Error::Usage(format!("`--start` is `{s}`, not a date\n  hint: expected `YYYY-MM-DD`, e.g. `2024-07-01`")))?,
            StartFrom::CommandLine,
        ),
        (None, Some(d)) => (d, StartFrom::Profile),
        (None, None) => (today(), StartFrom::Today),
    };
    let mut s = PlanSettings::new(start, from);
    if from == StartFrom::Today {
        notes.push_str(&format!("note: no start date given (`--start`, or `start` in the profile's `[plan]`): the plan starts today, {start}, so it changes from day to day\n"));
    }
    if let Some(d) = p.deadline {
        s.deadline = d;
        s.deadline_source = "the client's own deadline".into();
    }
    if s.deadline <= s.start {
        notes.push_str(&format!("note: the deadline {} is already past on the start date {}; the plan starts then anyway\n", s.deadline, s.start));
    }
    s.technicians = a.technicians.or(p.technicians).unwrap_or(s.technicians);
    if s.technicians == 0 {
        return Err(Error::Usage(
            "`--technicians` is 0: nobody would do the work\n  hint: at least 1 technician".into(),
        ));
    }
    s.hours_per_day = p.hours_per_day.unwrap_or(s.hours_per_day);
    s.window_hours = p.window_hours.unwrap_or(s.window_hours);
    s.working_days = p.working_days.unwrap_or(s.working_days);
    s.window_days = p.window_days.unwrap_or(s.window_days);
    s.blackout = p.blackout.clone();
    s.soak_days = a.soak_days.or(p.soak_days).unwrap_or(s.soak_days);
    s.pilot_share = p.pilot_share.unwrap_or(s.pilot_share);
    s.stale_days = p.stale_days.unwrap_or(s.stale_days);
    s.order = a.order.or(p.order).unwrap_or(s.order);
    s.high_value_roles = p.high_value_roles.clone().unwrap_or(s.high_value_roles);
    s.high_value_tags = p.high_value_tags.clone().unwrap_or(s.high_value_tags);
    if let Some(m) = &inputs.pricing.migration {
        let factor = match deploy_score(a, inputs)? {
            Some(x) if x >= 1.0 => 1.0,
            Some(x) if x >= 0.5 => m.partial_deploy_factor,
            _ => m.manual_deploy_factor,
        };
        s.hours_per_device = m.hours_per_endpoint * factor;
        s.unmanaged_factor = m.manual_deploy_factor / factor.max(f64::MIN_POSITIVE);
        s.policy_hours = m.exclusions as f64 * m.hours_per_exclusion;
    }
    Ok(s)
}

/// The replacement vendor's `deploy` result on the client's RMM (the latest check):
/// 1 pass, 0.5 partial, 0 fail, `None` untested or not checked.
fn deploy_score(a: &MigrationPlanArgs, inputs: &Inputs) -> Result<Option<f64>, Error> {
    let Some(rmm) = inputs.pricing.rmm.as_deref() else {
        return Ok(None);
    };
    let Some(vendor) = vendor_id(a, inputs)? else {
        return Ok(None);
    };
    let v = inputs.dataset.vendor_index(&vendor);
    let latest = inputs
        .dataset
        .rmm
        .iter()
        .flatten()
        .filter(|c| Some(c.vendor) == v && c.platform == rmm && c.check == "deploy")
        .max_by_key(|c| c.checked_on);
    Ok(latest.and_then(|c| c.result.score()))
}

/// `--vendor`, checked against the dataset, else the ranking's winner (none when the
/// ranking cannot be made).
fn vendor_id(a: &MigrationPlanArgs, inputs: &Inputs) -> Result<Option<String>, Error> {
    match &a.vendor {
        Some(v) if inputs.dataset.vendor_index(v).is_some() => Ok(Some(v.clone())),
        Some(v) => {
            let ids = inputs.dataset.vendors.iter().map(|x| x.id.as_str());
            let hint = crate::problem::suggest(v, ids).unwrap_or_default();
            Err(Error::Usage(format!(
                "`--vendor` is `{v}`, not a vendor of the dataset\n  hint: {hint}"
            )))
        }
        None => Ok(inputs
            .rank()
            .ok()
            .and_then(|r| r.ranked.first().map(|w| w.vendor.clone()))),
    }
}

fn vendor_name(a: &MigrationPlanArgs, inputs: &Inputs) -> Option<String> {
    let id = vendor_id(a, inputs).ok().flatten()?;
    let v = inputs.dataset.vendor_index(&id)?;
    Some(inputs.dataset.vendors[v].name.clone())
}

/// Today, by the system clock (UTC).
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}

/// The inventory: `--inventory`, else `inventory-<client>.csv` (or `.parquet`) in the
/// dataset folder, or built into the binary for the built-in data. Also the file on
/// disk, which outputs must never replace.
fn load_inventory(
    a: &MigrationPlanArgs,
    mapping: &Mapping,
    client: &str,
) -> Result<(Inventory, Option<PathBuf>), Error> {
    if let Some(p) = &a.inventory {
        if !p.is_file() {
            return Err(Error::Usage(format!("inventory `{}` not found\n  hint: pass the device export of the client's RMM (CSV or Parquet)", p.display())));
        }
        return Ok((inventory::load(p, mapping, client)?, Some(p.clone())));
    }
    let stem = a
        .input
        .client
        .as_deref()
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = format!("inventory-{stem}.csv");
    match crate::embedded::data_source(a.input.data.as_deref()) {
        Source::Dir(dir) => {
            for n in [name.clone(), format!("inventory-{stem}.parquet")] {
                let p = dir.join(&n);
                if p.is_file() {
                    return Ok((inventory::load(&p, mapping, client)?, Some(p)));
                }
            }
            Err(Error::Usage(format!("no inventory for `{stem}`: `{}` does not exist\n  hint: pass one with --inventory FILE", dir.join(name).display())))
        }
        Source::Embedded { label, files } => match files.iter().find(|(n, _)| *n == name) {
            Some((n, bytes)) => Ok((
                inventory::read(
                    &format!("{label}/{n}"),
                    Format::Csv,
                    bytes.to_vec(),
                    mapping,
                    client,
                )?,
                None,
            )),
            None => Err(Error::Usage(format!(
                "no built-in inventory for `{stem}`\n  hint: pass one with --inventory FILE"
            ))),
        },
    }
}

/// A user's products file.
fn load_products(p: &Path) -> Result<Products, Error> {
    let file = p.display().to_string();
    let bytes = std::fs::read(p).map_err(|source| inventory::InventoryError::Io {
        path: p.to_path_buf(),
        source,
    })?;
    let invalid = |problem| inventory::InventoryError::Invalid {
        problems: vec![problem],
    };
    let text = crate::problem::utf8(&file, &bytes).map_err(invalid)?;
    Ok(Products::parse(&file, text).map_err(invalid)?)
}
