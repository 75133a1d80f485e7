//! The ranking as JSON, a stable shape other tools read (documented in docs/output.md).

use serde_json::{json, Map, Value};

use crate::rank::Ranking;

/// Renders the ranking as pretty-printed JSON bytes (with a final newline).
pub fn json(r: &Ranking) -> Vec<u8> {
    let criteria: Vec<Value> = r
        .criteria
        .iter()
        .map(|c| json!({"id": c.id, "label": c.label, "group": c.group, "metric": c.metric, "direction": c.direction.name(), "weight": c.weight, "unit": c.unit}))
        .collect();
    let mut vendors: Vec<Value> = r
        .ranked
        .iter()
        .map(|v| {
            let per = |xs: &[f64]| -> Map<String, Value> { r.criteria.iter().zip(xs).map(|(c, x)| (c.id.clone(), json!(x))).collect() };
            let values: Map<String, Value> = r.criteria.iter().zip(&v.values).map(|(c, x)| (c.id.clone(), json!(x))).collect();
            json!({"vendor": v.vendor, "name": v.name, "rank": v.rank, "score": v.score, "contributions": per(&v.contributions), "values": values, "excluded": false, "reasons": []})
        })
        .collect();
    vendors.extend(r.excluded.iter().map(|x| {
        let reasons: Vec<Value> = x.reasons.iter().map(|q| json!({"by": q.by, "reason": q.text})).collect();
        json!({"vendor": x.vendor, "name": x.name, "rank": null, "score": null, "contributions": {}, "values": {}, "excluded": true, "reasons": reasons})
    }));
    let groups: Vec<Value> = r
        .groups
        .iter()
        .map(|(id, label, w)| json!({"id": id, "label": label, "weight": w}))
        .collect();
    let doc = json!({
        "method": r.method,
        "title": r.title,
        "criteria_file": r.criteria_file,
        "dataset": r.dataset,
        "groups": groups,
        "criteria": criteria,
        "weights": serde_json::to_value(&r.weights).expect("plain values"),
        "vendors": vendors,
        "warnings": r.warnings,
        "higher_is_better": r.higher_is_better,
        "evidence_check": r.noise.as_ref().map(|n| json!({
            "draws": n.draws, "seed": n.seed, "leader": n.leader, "confidence": crate::noise::CONFIDENCE,
            "vendors": n.p_ahead.iter().map(|(v, p)| json!({"vendor": v, "p_leader_ahead": p, "tied_with_leader": *p < crate::noise::CONFIDENCE})).collect::<Vec<_>>(),
            "summary": n.words(),
        })),
        "method_details": {"vendors": r.scored_vendors, "outputs": serde_json::to_value(&r.details).expect("plain values")},
    });
    crate::report::export::json::to_bytes(&doc)
}
