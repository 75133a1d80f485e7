//! Reading inventories: the generic format, a mapped export, and every problem at once
//! with its line and column.

use super::*;
use crate::dataset::Role;

fn csv(text: &str, mapping: &Mapping) -> Result<Inventory, InventoryError> {
    read(
        "inv.csv",
        Format::Csv,
        text.as_bytes().to_vec(),
        mapping,
        "acme",
    )
}

fn problems(e: InventoryError) -> Vec<String> {
    match e {
        InventoryError::Invalid { problems } => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("{other}"),
    }
}

#[test]
fn reads_the_generic_format() {
    let text = "client,site,hostname,role,os,av_product,av_version,last_seen,managed,tags\n\
                acme,hq,WS-01,workstation,Windows 11,Kaspersky Endpoint Security,12.3,2024-06-30,true,it;VIP\n\
                acme,hq,DC-01,Domain Controller,Windows Server 2019,,,2024-06-29T10:00:00Z,no,\n";
    let inv = csv(text, &Mapping::default()).unwrap();
    assert_eq!(inv.devices.len(), 2);
    let ws = &inv.devices[0];
    assert_eq!(
        (ws.hostname.as_str(), ws.role),
        ("WS-01", Role::Workstation)
    );
    assert_eq!(ws.tags, vec!["it", "vip"]);
    assert_eq!(ws.managed, Some(true));
    let dc = &inv.devices[1];
    assert_eq!(dc.role, Role::DomainController);
    assert_eq!(dc.av_product, None);
    assert_eq!(dc.last_seen.unwrap().to_string(), "2024-06-29");
    assert_eq!(dc.managed, Some(false));
}

#[test]
fn only_hostname_and_role_are_needed() {
    let inv = csv("hostname,role\nPC1,server\n", &Mapping::default()).unwrap();
    assert_eq!(inv.devices[0].client, "acme");
    assert_eq!(inv.devices[0].site, "");
}

#[test]
fn every_problem_is_reported_at_once_with_line_and_column() {
    let text = "hostname,role,last_seen,managed\n\
                PC1,kiosk,2024-06-30,true\n\
                PC2,workstation,30/06/2024,maybe\n\
                pc1,server,,\n\
                ,workstation,,\n";
    let p = problems(csv(text, &Mapping::default()).unwrap_err());
    let first_lines: Vec<&str> = p.iter().map(|s| s.lines().next().unwrap()).collect();
    assert_eq!(
        first_lines,
        vec![
            "inv.csv:2:2: `role` is `kiosk`, not a known role",
            "inv.csv:3:3: `last_seen` is `30/06/2024`, not a date",
            "inv.csv:3:4: `managed` is `maybe`, not true or false",
            "inv.csv:4:1: duplicate hostname `pc1` for client `acme` (first on line 2)",
            "inv.csv:5:1: `hostname` is empty",
        ],
        "{p:#?}"
    );
    // The duplicate is found although the first row's role is bad: the row was read.
    assert!(p[0].contains("[values.role]"), "{}", p[0]);
}

#[test]
fn a_mapping_renames_and_translates() {
    let m = Mapping::parse(
        "m.toml",
        "name = \"Test RMM\"\n[columns]\nhostname = \"Computer\"\nrole = \"Type\"\nclient = \"Customer\"\n[values.role]\n\"Domain Controller\" = \"domain_controller\"\nLaptop = \"workstation\"\n",
    )
    .unwrap();
    let inv = csv(
        "Customer,Computer,Type\nBeta,A,Laptop\nBeta,B,domain controller\n",
        &m,
    )
    .unwrap();
    assert_eq!(inv.mapping.as_deref(), Some("Test RMM"));
    assert_eq!(inv.devices[0].role, Role::Workstation);
    assert_eq!(inv.devices[1].role, Role::DomainController);
    assert_eq!(inv.devices[1].client, "Beta");
}

#[test]
fn a_mapped_column_the_export_lacks_names_the_closest() {
    let m = Mapping::parse(
        "m.toml",
        "name = \"x\"\n[columns]\nhostname = \"ComputerName\"\nrole = \"Type\"\n",
    )
    .unwrap();
    let p = problems(csv("Computer Name,Type\nA,server\n", &m).unwrap_err());
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("m.toml:3:12: the mapping reads `hostname` from column `ComputerName`, which `inv.csv` does not have"),
        "{}",
        p[0]
    );
    assert!(p[0].contains("did you mean `Computer Name`?"), "{}", p[0]);
}

#[test]
fn a_misspelt_generic_column_is_named() {
    let p = problems(csv("Hostname,role\nA,server\n", &Mapping::default()).unwrap_err());
    assert!(
        p[0].contains("column `Hostname` is not spelled `hostname`"),
        "{}",
        p[0]
    );
}

/// The three shipped mappings read exports that use the field names they document, and
/// the generic format reads as it is; each fixture holds three devices.
#[test]
fn shipped_mappings_read_their_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inventory");
    let cases = [
        (
            "ninjaone",
            ["FRONT-01", "PMS-SRV", "IMG-MAC"],
            [Role::Workstation, Role::Server, Role::Workstation],
        ),
        (
            "datto-rmm",
            ["WH-PC-01", "WH-LT-02", "FS-01"],
            [Role::Workstation, Role::Workstation, Role::Server],
        ),
        (
            "connectwise-automate",
            ["PD-ENG-01", "PD-DC-01", "PD-LT-07"],
            [Role::Workstation, Role::DomainController, Role::Workstation],
        ),
    ];
    for (name, hosts, roles) in cases {
        let m = Mapping::load(Path::new(name)).unwrap();
        let inv = load(&dir.join(format!("{name}.csv")), &m, "x")
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let got: Vec<(&str, Role)> = inv
            .devices
            .iter()
            .map(|d| (d.hostname.as_str(), d.role))
            .collect();
        let want: Vec<(&str, Role)> = hosts.into_iter().zip(roles).collect();
        assert_eq!(got, want, "{name}");
        assert!(
            inv.devices
                .iter()
                .all(|d| d.client != "x" && d.last_seen.is_some()),
            "{name}"
        );
        assert!(
            inv.devices[0]
                .av_product
                .as_deref()
                .unwrap()
                .contains("Kaspersky"),
            "{name}"
        );
    }
    let inv = load(&dir.join("generic.csv"), &Mapping::default(), "x").unwrap();
    assert_eq!(inv.devices.len(), 3);
    assert_eq!(inv.devices[2].tags, vec!["phi", "vip"]);
}

/// A Parquet inventory reads like the CSV one, problems named by row and column.
#[test]
fn reads_parquet() {
    use polars::prelude::*;
    let mut df = df!(
        "hostname" => ["A", "B"],
        "role" => ["server", "printer"],
        "last_seen" => ["2024-06-30", "2024-06-30"],
    )
    .unwrap();
    let mut bytes = Vec::new();
    ParquetWriter::new(&mut bytes).finish(&mut df).unwrap();
    let p = problems(
        read(
            "inv.parquet",
            Format::Parquet,
            bytes,
            &Mapping::default(),
            "acme",
        )
        .unwrap_err(),
    );
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("inv.parquet: row 2, column `role`: `role` is `printer`"),
        "{}",
        p[0]
    );
}
