//! Checks a client profile's text as a whole and builds a [`Profile`]: the fleet, tools,
//! contract and migration become a `PricingContext`, constraints become gates, weight
//! overrides are kept with their positions. Every problem is collected with its line and
//! column; nothing stops at the first one.

use toml::Spanned;

use super::profile::{Profile, CONSTRAINTS, COUNTRIES_OF_CONCERN, KNOWN_PSA, KNOWN_RMM};
use super::raw::RawProfile;
use crate::cost::{Billing, Fleet, Migration, PricingContext};
use crate::criteria::{Aggregate, Gate, MetricRef, Pos, Rule, MAX_WEIGHT};
use crate::dataset::{MAX_COUNT, MAX_VALUE};
use crate::problem::{backticks, line_column, number, suggest, Problem};

/// The longest contract a profile may price: 100 years.
const MAX_HORIZON_MONTHS: u64 = 1200;

struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Ctx<'_> {
    fn pos<T>(&self, s: &Spanned<T>) -> Pos {
        let (line, column) = line_column(self.text, s.span().start);
        Pos { line, column }
    }

    fn at<T>(&mut self, s: &Spanned<T>, message: String, hint: Option<String>) {
        let mut p = Problem::at(self.file, self.pos(s).location(), message);
        p.hint = hint;
        self.problems.push(p);
    }

    fn count(&mut self, v: &Option<Spanned<i64>>, what: &str, default: u64) -> u64 {
        match v {
            None => default,
            Some(s) if !(0..=MAX_COUNT as i64).contains(s.get_ref()) => {
                self.at(
                    s,
                    format!("`{what}` is `{}`", s.get_ref()),
                    Some(format!("expected a whole number from 0 to {MAX_COUNT}")),
                );
                default
            }
            Some(s) => *s.get_ref() as u64,
        }
    }

    /// A number from 0 to `max` (an amount, hours, a factor: [`MAX_VALUE`]; a weight:
    /// [`MAX_WEIGHT`]), so no cost or weight computed from it can overflow.
    fn positive(&mut self, v: &Spanned<f64>, what: &str, max: f64) -> f64 {
        let x = *v.get_ref();
        if !(0.0..=max).contains(&x) {
            self.at(
                v,
                format!("`{what}` is `{}`", number(x)),
                Some(format!("expected a number from 0 to {max}")),
            );
            return 0.0;
        }
        x
    }

    fn platform(
        &mut self,
        v: &Option<Spanned<String>>,
        known: &[&str],
        what: &str,
    ) -> Option<String> {
        let s = v.as_ref()?;
        let name = s.get_ref();
        if !known.contains(&name.as_str()) {
            let hint = suggest(name, known.iter().copied())
                .unwrap_or_else(|| format!("known {what}s: {}", backticks(known)));
            self.at(
                s,
                format!("unknown {what} `{name}`"),
                Some(format!("{hint} (known {what}s: {})", backticks(known))),
            );
        }
        Some(name.clone())
    }
}

/// Parses and validates a profile's text; `file` is how it is shown in messages.
pub fn parse(file: &str, text: &str) -> Result<Profile, Vec<Problem>> {
    let mut cx = Ctx {
        file,
        text,
        problems: Vec::new(),
    };
    let raw: RawProfile = toml::from_str(text).map_err(|e| {
        if text.lines().any(|l| l.trim() == "[[criterion]]") {
            return vec![Problem::file(
                file,
                "this is a criteria file (it has `[[criterion]]`), not a client profile",
            )
            .hint("pass it with --criteria, and a client profile with --client (shipped ones are in clients/)")];
        }
        vec![crate::problem::toml_problem(
            file,
            text,
            &e,
            "see docs/clients.md and clients/*.toml for the format",
        )]
    })?;
    let f = raw.fleet.get_ref();
    let fleet = Fleet {
        workstations: cx.count(&f.workstations, "workstations", 0),
        servers: cx.count(&f.servers, "servers", 0),
        domain_controllers: cx.count(&f.domain_controllers, "domain_controllers", 0),
    };
    if fleet.endpoints() == 0 {
        cx.at(
            &raw.fleet,
            "the fleet has no endpoints".into(),
            Some("give `workstations`, `servers` or `domain_controllers` a count above 0".into()),
        );
    }
    let rmm = cx.platform(&raw.tools.rmm, &KNOWN_RMM, "RMM");
    let psa = cx.platform(&raw.tools.psa, &KNOWN_PSA, "PSA");
    let horizon_months = cx.count(&raw.contract.horizon_months, "horizon_months", 36);
    if let Some(h) = &raw.contract.horizon_months {
        if horizon_months == 0 || horizon_months > MAX_HORIZON_MONTHS {
            cx.at(
                h,
                format!("`horizon_months` is {horizon_months}"),
                Some(format!(
                    "the months the contract runs, from 1 to {MAX_HORIZON_MONTHS}, e.g. `36`"
                )),
            );
        }
    }
    let billing = match raw
        .contract
        .billing
        .as_ref()
        .map(|b| (b, b.get_ref().as_str()))
    {
        None | Some((_, "any")) => Billing::Any,
        Some((_, "annual")) => Billing::Annual,
        Some((_, "monthly")) => Billing::Monthly,
        Some((b, other)) => {
            cx.at(
                b,
                format!("unknown billing `{other}`"),
                Some("expected `annual`, `monthly` or `any`".into()),
            );
            Billing::Any
        }
    };
    let migration = raw.migration.as_ref().map(|m| Migration {
        labour_rate: cx.positive(&m.labour_rate, "labour_rate", MAX_VALUE),
        hours_per_endpoint: cx.positive(&m.hours_per_endpoint, "hours_per_endpoint", MAX_VALUE),
        hours_per_exclusion: m
            .hours_per_exclusion
            .as_ref()
            .map_or(0.0, |v| cx.positive(v, "hours_per_exclusion", MAX_VALUE)),
        exclusions: cx.count(&m.exclusions, "exclusions", 0),
        partial_deploy_factor: m
            .partial_deploy_factor
            .as_ref()
            .map_or(1.5, |v| cx.positive(v, "partial_deploy_factor", MAX_VALUE)),
        manual_deploy_factor: m
            .manual_deploy_factor
            .as_ref()
            .map_or(3.0, |v| cx.positive(v, "manual_deploy_factor", MAX_VALUE)),
        planned: None,
    });
    let currency = raw.currency.as_ref().map(|c| {
        let v = c.get_ref();
        if v.len() != 3 || !v.bytes().all(|b| b.is_ascii_uppercase()) {
            cx.at(
                c,
                format!("`currency` is `{v}`, not an ISO 4217 code"),
                Some("expected three upper-case letters such as `USD`".into()),
            );
        }
        v.clone()
    });
    let gates = constraint_gates(&mut cx, &raw.constraints, rmm.as_deref(), psa.as_deref());
    let overrides = |cx: &mut Ctx,
                     m: &std::collections::BTreeMap<String, Spanned<f64>>,
                     what: &str|
     -> Vec<(String, f64, Pos)> {
        m.iter()
            .map(|(id, w)| {
                (
                    id.clone(),
                    cx.positive(w, &format!("{what} `{id}`"), MAX_WEIGHT),
                    cx.pos(w),
                )
            })
            .collect()
    };
    let (plan, problems) = raw
        .plan
        .as_ref()
        .map(|p| super::plan::parse(file, text, p))
        .unwrap_or_default();
    cx.problems.extend(problems);
    let weights = overrides(&mut cx, &raw.weights, "weight of");
    let group_weights = overrides(&mut cx, &raw.group_weights, "weight of group");
    if !cx.problems.is_empty() {
        return Err(cx.problems);
    }
    Ok(Profile {
        file: file.to_string(),
        name: raw.name.into_inner(),
        description: raw.description,
        pricing: PricingContext {
            fleet,
            horizon_months,
            billing,
            addons: raw
                .contract
                .addons
                .iter()
                .map(|a| a.get_ref().clone())
                .collect(),
            rmm,
            migration,
            currency,
        },
        psa,
        plan,
        gates,
        weights,
        group_weights,
    })
}

fn constraint_gates(
    cx: &mut Ctx,
    constraints: &[Spanned<String>],
    rmm: Option<&str>,
    psa: Option<&str>,
) -> Vec<Gate> {
    let mut gates = Vec::new();
    for c in constraints {
        let pos = cx.pos(c);
        let gate = |id: &str, metric: String, rule: Rule, description: &str| Gate {
            id: id.to_string(),
            description: Some(description.to_string()),
            metric: MetricRef {
                name: metric,
                aggregate: Aggregate::Mean,
            },
            rule,
            pass_if_missing: false,
            metric_pos: pos,
            defined_in: Some(cx.file.to_string()),
        };
        let partial = Rule::AtLeast {
            level: "partial".into(),
            score: 0.5,
        };
        match (c.get_ref().as_str(), rmm, psa) {
            ("federal-contractor", _, _) => {
                gates.push(gate(
                    "client-not-restricted",
                    "vendor.restrictions".into(),
                    Rule::Empty,
                    "federal contractor: no restricted vendor",
                ));
                let countries = COUNTRIES_OF_CONCERN.iter().map(|s| s.to_string()).collect();
                gates.push(gate(
                    "client-hq-country",
                    "vendor.hq_country".into(),
                    Rule::NotIn(countries),
                    "federal contractor: headquarters outside the countries of concern",
                ));
            }
            ("rmm-deploy", Some(r), _) => gates.push(gate(
                "client-rmm-deploy",
                format!("rmm.{r}.deploy"),
                partial,
                "deploys from the client's RMM",
            )),
            ("psa-ticketing", _, Some(p)) => gates.push(gate(
                "client-psa-ticketing",
                format!("rmm.{p}.psa-ticketing"),
                partial,
                "raises tickets in the client's PSA",
            )),
            ("rmm-deploy", None, _) => cx.at(
                c,
                "constraint `rmm-deploy` needs `[tools] rmm`".into(),
                Some("name the client's RMM, e.g. `rmm = \"ninjaone\"`".into()),
            ),
            ("psa-ticketing", _, None) => cx.at(
                c,
                "constraint `psa-ticketing` needs `[tools] psa`".into(),
                Some("name the client's PSA, e.g. `psa = \"connectwise-psa\"`".into()),
            ),
            (other, _, _) => {
                let hint = suggest(other, CONSTRAINTS)
                    .unwrap_or_else(|| format!("expected one of {}", backticks(&CONSTRAINTS)));
                cx.at(c, format!("unknown constraint `{other}`"), Some(hint));
            }
        }
    }
    gates
}
