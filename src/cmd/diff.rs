//! `vendorscore diff OLD NEW`: two runs (report folders, read through their manifests, or
//! dataset folders) compared input by input and rank by rank, with the replay that says
//! which change moved which rank (`audit::diff`).

use std::path::{Path, PathBuf};

use clap::Parser;

use super::manifest::run_files;
use super::{load_inputs, Inputs, Outcome, Progress};
use crate::audit::diff::attribution::{replay, standings, Standings};
use crate::audit::diff::replay::{Part, Replay, SettingChanges};
use crate::audit::diff::rows::{Cells, FileDiff};
use crate::audit::diff::{DiffReport, Setting, Side};
use crate::audit::manifest::{sha256, Recorded, FILE};
use crate::cli::{Cli, Command, DiffArgs, DiffFormat, InputArgs};
use crate::dataset::{self, file_name, Format, Source, TextTable};
use crate::rank::analysis::{analyse, Settings};
use crate::rank::Ranking;
use crate::report::export::terminal::Width;
use crate::{embedded, Error};

/// One run to compare: its inputs as `report` would read them.
struct Run {
    input: InputArgs,
    samples: u64,
    fingerprint: Option<String>,
}

/// Compares the two runs `a.old` and `a.new`.
pub fn run(a: &DiffArgs, width: Width) -> Result<Outcome, Error> {
    let old = side(&a.old, a, a.old_criteria.as_ref().or(a.criteria.as_ref()))?;
    let new = side(&a.new, a, a.criteria.as_ref())?;
    let progress = Progress::new();
    progress.step("loading and ranking both runs");
    let (oi, ni) = (load_inputs(&old.input)?, load_inputs(&new.input)?);
    let (or, nr) = (oi.rank()?, ni.rank()?);
    let (of, nf) = (
        run_files(&old.input, &oi.dataset)?,
        run_files(&new.input, &ni.dataset)?,
    );
    let file = |files: &[super::manifest::RunFile], role: &str| {
        files
            .iter()
            .find(|f| f.0 == role)
            .map(|f| (f.1.clone(), sha256(&f.2)))
    };
    let mut settings = Vec::new();
    let mut changes = SettingChanges::default();
    let (oc, nc) = (file(&of, "criteria"), file(&nf, "criteria"));
    if oc.as_ref().map(|c| &c.1) != nc.as_ref().map(|c| &c.1) {
        changes.criteria = true;
        settings.push(setting("criteria file", shown(&oc), shown(&nc)));
    }
    let (ol, nl) = (file(&of, "client"), file(&nf, "client"));
    if ol.as_ref().map(|c| &c.1) != nl.as_ref().map(|c| &c.1) {
        changes.client = true;
        settings.push(setting("client profile", shown(&ol), shown(&nl)));
    }
    if or.method != nr.method {
        changes.method = true;
        settings.push(setting("method", or.method.into(), nr.method.into()));
    }
    if old.input.seed != new.input.seed {
        changes.seed = true;
        settings.push(setting(
            "seed",
            old.input.seed.to_string(),
            new.input.seed.to_string(),
        ));
    }
    let files = compare_files(&old.input, &new.input)?;
    let replay_plan = Replay::new(files, changes);
    let labels: Vec<String> = replay_plan.units.iter().map(|u| u.label.clone()).collect();
    let scratch = tempfile::tempdir().map_err(|source| Error::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    let total = 2 * labels.len() as u64 + 1;
    let tick = progress.counter("replaying the changes", total);
    let mut done = 0;
    let mut rank = |applied: &[bool]| -> Result<Standings, String> {
        done += 1;
        tick(done);
        let dir = scratch.path().join(format!("state-{done}"));
        let r = rank_state(&replay_plan, applied, &dir, (&old.input, &new.input));
        let _ = std::fs::remove_dir_all(&dir);
        r
    };
    let replayed = replay(&labels, &mut rank);
    progress.done();
    progress.step("robustness of each run (SMAA)");
    let sides = (
        describe(&old, &oi, &or, &a.old)?,
        describe(&new, &ni, &nr, &a.new)?,
    );
    let report = DiffReport::new(sides, (&or, &nr), settings, &replay_plan, replayed);
    let stdout = match a.format {
        DiffFormat::Table => report.terminal(a.all, width).into_bytes(),
        DiffFormat::Md => report.markdown(a.all).into_bytes(),
        DiffFormat::Json => report.json(),
    };
    Ok(Outcome {
        stdout,
        stderr: String::new(),
    })
}

fn setting(what: &str, old: String, new: String) -> Setting {
    Setting {
        what: what.into(),
        old,
        new,
    }
}

fn shown(f: &Option<(String, String)>) -> String {
    f.as_ref().map_or("none".into(), |(name, _)| name.clone())
}

/// A run from a report folder's manifest, or a dataset folder (or built-in dataset) with
/// the criteria, client, method and seed given.
fn side(path: &Path, a: &DiffArgs, criteria: Option<&PathBuf>) -> Result<Run, Error> {
    let given = path.display().to_string();
    let manifest = path.join(FILE);
    if !manifest.is_file() {
        return Ok(Run {
            input: InputArgs {
                data: Some(path.to_path_buf()),
                criteria: criteria.cloned(),
                client: a.client.clone(),
                method: a.method,
                seed: a.seed,
            },
            samples: a.samples,
            fingerprint: None,
        });
    }
    if a.criteria.is_some() || a.old_criteria.is_some() || a.client.is_some() || a.method.is_some()
    {
        return Err(Error::Usage(format!("`{given}` is a report folder: its manifest gives the criteria, client and method it ran with\n  hint: --criteria, --old-criteria, --client and --method are for dataset folders")));
    }
    let bytes = std::fs::read(&manifest).map_err(|source| Error::Io {
        path: manifest.clone(),
        source,
    })?;
    let recorded: Recorded = serde_json::from_slice(&bytes).map_err(|e| {
        Error::Diff(format!(
            "{}:{}:{}: not a manifest vendorscore wrote: {e}\n  hint: rerun `vendorscore report` to write a new one",
            manifest.display(),
            e.line(),
            e.column()
        ))
    })?;
    let command = std::iter::once("vendorscore".to_string()).chain(recorded.command.clone());
    let Ok(Cli {
        command: Command::Report(args),
        ..
    }) = Cli::try_parse_from(command)
    else {
        return Err(Error::Diff(format!(
            "{}: the command `{}` is not a `report` this version can run again\n  hint: compare the dataset folders instead: `vendorscore diff OLD_DATA NEW_DATA --criteria FILE`",
            manifest.display(),
            recorded.command.join(" ")
        )));
    };
    for i in recorded
        .inputs
        .iter()
        .filter(|i| !i.path.starts_with("<built-in>"))
    {
        let now = std::fs::read(&i.path).ok().map(|b| sha256(&b));
        if now.as_deref() != Some(i.sha256.as_str()) {
            let what = if now.is_none() {
                "is gone"
            } else {
                "has changed"
            };
            return Err(Error::Diff(format!(
                "`{}`, an input of the report in `{given}`, {what} since that report was written, so its rows cannot be compared\n  hint: keep each round's dataset in its own folder and compare the folders: `vendorscore diff data-old data-new --criteria FILE`",
                i.path
            )));
        }
    }
    Ok(Run {
        input: args.input,
        samples: args.samples,
        fingerprint: Some(recorded.fingerprint),
    })
}

/// The side as the comparison shows it, with its robustness verdict.
fn describe(run: &Run, inputs: &Inputs, r: &Ranking, path: &Path) -> Result<Side, Error> {
    let analysis = if run.samples > 0 && r.ranked.len() > 1 {
        let settings = Settings {
            samples: run.samples,
            steps: 20,
            seed: inputs.seed,
            with_evidence: r.matrix.is_uncertain(),
            all_sweeps: false,
        };
        Some(analyse(r, &inputs.criteria, settings, &|_| {})?)
    } else {
        None
    };
    let verdict = crate::rank::verdict::robustness(r, analysis.as_ref());
    Ok(Side {
        given: path.display().to_string(),
        dataset: r.dataset.clone(),
        criteria: r.criteria_file.clone(),
        client: r.client.clone(),
        method: r.method.to_string(),
        seed: inputs.seed,
        fingerprint: run.fingerprint.clone(),
        winner: r.ranked.first().map(|w| w.vendor.clone()),
        robustness: verdict.as_ref().map(|v| v.word.to_string()),
        robustness_sentence: verdict.map(|v| v.sentence),
    })
}

/// Ranks the replay's state `applied`, written into `dir` as CSV files.
fn rank_state(
    replay: &Replay,
    applied: &[bool],
    dir: &Path,
    (old, new): (&InputArgs, &InputArgs),
) -> Result<Standings, String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    for (stem, cells) in replay.tables(applied) {
        std::fs::write(dir.join(format!("{stem}.csv")), cells.to_csv())
            .map_err(|e| e.to_string())?;
    }
    let pick = |part: Part| {
        if replay.applied(applied, |p| *p == part) {
            new
        } else {
            old
        }
    };
    let input = InputArgs {
        data: Some(dir.to_path_buf()),
        criteria: pick(Part::Criteria).criteria.clone(),
        client: pick(Part::Client).client.clone(),
        method: pick(Part::Method).method,
        seed: pick(Part::Seed).seed,
    };
    let r = load_inputs(&input)
        .and_then(|i| i.rank())
        .map_err(|e| e.to_string())?;
    Ok(standings(&r))
}

/// Every evidence file and inventory of either run, compared.
fn compare_files(old: &InputArgs, new: &InputArgs) -> Result<Vec<FileDiff>, Error> {
    let (mut o, mut n) = (tables(old)?, tables(new)?);
    let mut stems: Vec<String> = dataset::FILES.iter().map(|s| s.to_string()).collect();
    let mut inventories: Vec<String> = o
        .iter()
        .chain(&n)
        .map(|t| t.0.clone())
        .filter(|s| s.starts_with("inventory-"))
        .collect();
    inventories.sort();
    inventories.dedup();
    stems.extend(inventories);
    let take = |v: &mut Vec<(String, String, Cells)>, stem: &str| {
        v.iter().position(|t| t.0 == stem).map(|i| v.remove(i))
    };
    let mut out = Vec::new();
    for stem in stems {
        let (a, b) = (take(&mut o, &stem), take(&mut n, &stem));
        let name = b
            .as_ref()
            .or(a.as_ref())
            .map_or(stem.clone(), |t| t.1.clone());
        if a.is_some() || b.is_some() {
            out.push(FileDiff::new(&name, &stem, a.map(|t| t.2), b.map(|t| t.2)));
        }
    }
    Ok(out)
}

/// A run's evidence files and inventories as (stem, name shown, cells).
fn tables(input: &InputArgs) -> Result<Vec<(String, String, Cells)>, Error> {
    let source = embedded::data_source(input.data.as_deref());
    let mut out = Vec::new();
    let found = dataset::evidence_files(&source)?;
    for (stem, f) in dataset::FILES.iter().zip(found) {
        let Some(f) = f else { continue };
        let name = match &f.sheet {
            Some(s) => format!("{}!{s}", file_name(&f.shown)),
            None => file_name(&f.shown),
        };
        let t = dataset::read_evidence(f)
            .map_err(|problems| dataset::DatasetError::Invalid { problems })?;
        out.push((stem.to_string(), name, Cells::from_text(&t)));
    }
    let inventories: Vec<(String, Vec<u8>)> = match &source {
        Source::Dir(dir) => std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| inventory_name(&file_name(&p.display().to_string())))
                    .filter_map(|p| Some((p.display().to_string(), std::fs::read(&p).ok()?)))
                    .collect()
            })
            .unwrap_or_default(),
        Source::Embedded { label, files } => files
            .iter()
            .filter(|(n, _)| inventory_name(n))
            .map(|(n, b)| (format!("{label}/{n}"), b.to_vec()))
            .collect(),
    };
    for (shown, bytes) in inventories {
        let name = file_name(&shown);
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem);
        let format = dataset::format_of(&name).unwrap_or(Format::Csv);
        let t = TextTable::read(&shown, format, bytes)
            .map_err(|p| dataset::DatasetError::Invalid { problems: vec![p] })?;
        out.push((stem.to_string(), name.clone(), Cells::from_text(&t)));
    }
    Ok(out)
}

/// `inventory-<client>.csv` (or `.parquet`, `.xlsx`, `.ods`, as `plan` looks for it).
fn inventory_name(name: &str) -> bool {
    name.starts_with("inventory-")
        && dataset::EXTENSIONS
            .iter()
            .any(|(ext, _)| name.ends_with(&format!(".{ext}")))
}
