//! The migration plan for a client, built the same way wherever one is shown: `plan`,
//! and the plan's parts of `report` and `proposal`. The inventory, the profile's `[plan]`
//! and the options become the plan's settings; the plan becomes its document.

use std::path::{Path, PathBuf};

use super::Inputs;
use crate::cli::{InputArgs, MigrationPlanArgs};
use crate::dataset::{parse_date, Date, Format, Source};
use crate::inventory::{self, Inventory, Mapping, Products};
use crate::plan::{plan, Order, Plan, PlanSettings, StartFrom};
use crate::report::plan::{PlanInputs, PlanReport};
use crate::Error;

/// What a command may say about the plan beyond the client profile; every field is
/// optional and falls back to the profile, then the defaults.
#[derive(Debug, Clone, Copy)]
pub struct PlanOptions<'a> {
    pub input: &'a InputArgs,
    pub inventory: Option<&'a Path>,
    pub mapping: Option<&'a Path>,
    pub products: Option<&'a Path>,
    pub vendor: Option<&'a str>,
    pub start: Option<&'a str>,
    pub technicians: Option<u32>,
    pub soak_days: Option<u32>,
    pub order: Option<Order>,
}

impl<'a> PlanOptions<'a> {
    /// The options of `vendorscore plan`.
    pub fn from_args(a: &'a MigrationPlanArgs) -> PlanOptions<'a> {
        PlanOptions {
            inventory: a.inventory.as_deref(),
            mapping: a.mapping.as_deref(),
            products: a.products.as_deref(),
            vendor: a.vendor.as_deref(),
            start: a.start.as_deref(),
            technicians: a.technicians,
            soak_days: a.soak_days,
            order: a.order,
            ..PlanOptions::profile_only(&a.input)
        }
    }

    /// Only what the client profile says (for `report` and `proposal`).
    pub fn profile_only(input: &'a InputArgs) -> PlanOptions<'a> {
        PlanOptions {
            input,
            inventory: None,
            mapping: None,
            products: None,
            vendor: None,
            start: None,
            technicians: None,
            soak_days: None,
            order: None,
        }
    }
}

/// A plan with its document and what was read to make it.
pub struct ClientPlan {
    pub plan: Plan,
    pub report: PlanReport,
    pub inventory: Inventory,
    /// The inventory file on disk (none when built in), which outputs must never replace.
    pub inventory_path: Option<PathBuf>,
    /// The Kaspersky products recognised and the inventory's column mapping, to read a
    /// later export the same way (`plan --progress`).
    pub products: Products,
    pub mapping: Mapping,
    /// Notes for stderr: a start date of today, a deadline already past.
    pub notes: String,
}

/// Plans the migration of the client's (or `--inventory`'s) devices.
pub fn build(o: &PlanOptions, inputs: &Inputs) -> Result<ClientPlan, Error> {
    let mut notes = String::new();
    let settings = settings(o, inputs, &mut notes)?;
    let client = inputs
        .client
        .as_ref()
        .map_or("the inventory's devices".to_string(), |c| c.name.clone());
    let mapping = mapping(o, inputs)?;
    let (inventory, inventory_path) = load_inventory(o, &mapping, &client)?;
    let mut products = Products::built_in();
    if let Some(p) = o.products {
        products.extend(load_products(p)?);
    }
    let plan = plan(&inventory, &products, settings)?;
    let vendor_name = vendor_name(o, inputs);
    let report = PlanReport::build(
        &plan,
        &PlanInputs {
            client: &client,
            inventory: &inventory,
            products: &products,
            vendor: vendor_name.as_deref(),
        },
    );
    Ok(ClientPlan {
        plan,
        report,
        inventory,
        inventory_path,
        products,
        mapping,
        notes,
    })
}

/// The inventory's column mapping: `--mapping`, else the profile's, else the generic
/// format.
fn mapping(o: &PlanOptions, inputs: &Inputs) -> Result<Mapping, Error> {
    Ok(
        match o.mapping.map(PathBuf::from).or_else(|| {
            inputs
                .client
                .as_ref()
                .and_then(|c| c.plan.mapping.as_ref().map(PathBuf::from))
        }) {
            Some(m) => Mapping::load(&m)?,
            None => Mapping::default(),
        },
    )
}

/// Whether an inventory can be found for these options without `--inventory`: the
/// client's `inventory-<name>` in the dataset (on disk or built in).
pub fn has_inventory(o: &PlanOptions) -> bool {
    o.inventory.is_some()
        || inventory_name(o).is_some_and(|name| {
            match crate::embedded::data_source(o.input.data.as_deref()) {
                Source::Dir(dir) => candidates(&name).iter().any(|n| dir.join(n).is_file()),
                Source::Embedded { files, .. } => files.iter().any(|(n, _)| *n == name),
            }
        })
}

/// The devices the plan moves, by whether the RMM manages them, for the migration
/// labour of the TCO; `None` when no inventory is found. Only the census is made, so no
/// ranking is needed.
pub fn planned_devices(
    o: &PlanOptions,
    inputs: &Inputs,
) -> Result<Option<crate::cost::PlannedDevices>, Error> {
    if !has_inventory(o) {
        return Ok(None);
    }
    let s = calendar(o, inputs, &mut String::new())?;
    let client = inputs
        .client
        .as_ref()
        .map_or("the inventory's devices".to_string(), |c| c.name.clone());
    let (inventory, _) = load_inventory(o, &mapping(o, inputs)?, &client)?;
    let census = crate::plan::census::census(&inventory.devices, &Products::built_in(), &s);
    let unmanaged = census
        .to_move
        .iter()
        .filter(|i| inventory.devices[**i].managed == Some(false))
        .count() as u64;
    Ok(Some(crate::cost::PlannedDevices {
        managed: census.to_move.len() as u64 - unmanaged,
        unmanaged,
    }))
}

/// `inventory-<client file stem>.csv`, when a client is given.
fn inventory_name(o: &PlanOptions) -> Option<String> {
    let stem = o.input.client.as_deref().and_then(Path::file_stem)?;
    Some(format!("inventory-{}.csv", stem.to_string_lossy()))
}

/// The settings: defaults, then the profile's `[plan]` and `[migration]`, then the options.
fn settings(o: &PlanOptions, inputs: &Inputs, notes: &mut String) -> Result<PlanSettings, Error> {
    let mut s = calendar(o, inputs, notes)?;
    if let Some(m) = &inputs.pricing.migration {
        // The cost model's one definition of the hours (cost::labour).
        let factor = crate::cost::labour::deploy_factor(m, deploy_score(o, inputs)?);
        s.hours_per_device = m.hours_per_endpoint * factor;
        s.unmanaged_factor = m.manual_deploy_factor / factor.max(f64::MIN_POSITIVE);
        s.policy_hours = m.exclusions as f64 * m.hours_per_exclusion;
    }
    Ok(s)
}

/// The settings but the hours of `[migration]`: dates, capacity, calendar, rules.
fn calendar(o: &PlanOptions, inputs: &Inputs, notes: &mut String) -> Result<PlanSettings, Error> {
    let p = inputs
        .client
        .as_ref()
        .map(|c| c.plan.clone())
        .unwrap_or_default();
    let (start, from) = match (o.start, p.start) {
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
    s.technicians = o.technicians.or(p.technicians).unwrap_or(s.technicians);
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
    s.soak_days = o.soak_days.or(p.soak_days).unwrap_or(s.soak_days);
    s.pilot_share = p.pilot_share.unwrap_or(s.pilot_share);
    s.stale_days = p.stale_days.unwrap_or(s.stale_days);
    s.order = o.order.or(p.order).unwrap_or(s.order);
    s.high_value_roles = p.high_value_roles.clone().unwrap_or(s.high_value_roles);
    s.high_value_tags = p.high_value_tags.clone().unwrap_or(s.high_value_tags);
    Ok(s)
}

/// The replacement vendor's `deploy` result on the client's RMM (the latest check):
/// 1 pass, 0.5 partial, 0 fail, `None` untested or not checked.
fn deploy_score(o: &PlanOptions, inputs: &Inputs) -> Result<Option<f64>, Error> {
    let Some(rmm) = inputs.pricing.rmm.as_deref() else {
        return Ok(None);
    };
    let Some(vendor) = vendor_id(o, inputs)? else {
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
fn vendor_id(o: &PlanOptions, inputs: &Inputs) -> Result<Option<String>, Error> {
    match o.vendor {
        Some(v) if inputs.dataset.vendor_index(v).is_some() => Ok(Some(v.to_string())),
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

fn vendor_name(o: &PlanOptions, inputs: &Inputs) -> Option<String> {
    let id = vendor_id(o, inputs).ok().flatten()?;
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

/// The names an inventory `inventory-<client>.csv` may have in a dataset folder: that, or
/// the same stem as Parquet or a workbook, in this order.
fn candidates(csv_name: &str) -> Vec<String> {
    let stem = csv_name.trim_end_matches(".csv");
    crate::dataset::EXTENSIONS
        .iter()
        .map(|(ext, _)| format!("{stem}.{ext}"))
        .collect()
}

/// The inventory: `--inventory`, else `inventory-<client>.csv` (or `.parquet`, `.xlsx`,
/// `.ods`) in the dataset folder, or built into the binary for the built-in data. Also the file on
/// disk, which outputs must never replace.
fn load_inventory(
    o: &PlanOptions,
    mapping: &Mapping,
    client: &str,
) -> Result<(Inventory, Option<PathBuf>), Error> {
    if let Some(p) = o.inventory {
        if !p.is_file() {
            return Err(Error::Usage(format!("inventory `{}` not found\n  hint: pass the device export of the client's RMM (CSV, Parquet, or an .xlsx or .ods workbook)", p.display())));
        }
        return Ok((inventory::load(p, mapping, client)?, Some(p.to_path_buf())));
    }
    let name = inventory_name(o).unwrap_or_else(|| "inventory-.csv".into());
    let stem = name["inventory-".len()..name.len() - ".csv".len()].to_string();
    match crate::embedded::data_source(o.input.data.as_deref()) {
        Source::Dir(dir) => {
            for n in candidates(&name) {
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
