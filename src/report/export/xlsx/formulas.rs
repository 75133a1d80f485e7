//! The weighted sum as spreadsheet formulas: each normalisation and value function of
//! `score::normalisation` written as one cell formula over the Evidence sheet, with the
//! same conventions (docs/methods.md): a constant column, a missing value scored as the
//! worst present one (0 under min-max and a value function), min-max and value functions
//! clamped to 0..1, the score clamped to 0..100, and ranks shared within 1e-9.
//!
//! Each function returns a formula without its leading `=`. `x` is the vendor's cell
//! (`Evidence!$C2`), `range` the criterion's column over the scored vendors
//! (`Evidence!C$2:C$6`). The formulas use only functions Excel and LibreOffice share.

use crate::decision::{Direction, Normalisation};

/// A number as a formula writes it: shortest round-trip decimal, in parentheses.
fn num(x: f64) -> String {
    format!("({x})")
}

/// The normalised value (0..1) of cell `x` in its column `range`.
pub fn normalised(how: Normalisation, direction: Direction, x: &str, range: &str) -> String {
    let (lo, hi) = (format!("MIN({range})"), format!("MAX({range})"));
    match how {
        Normalisation::MinMax => {
            let span = format!("({hi}-{lo})");
            let t = match direction {
                Direction::Max => format!("({x}-{lo})/{span}"),
                Direction::Min => format!("({hi}-{x})/{span}"),
            };
            format!("IF(ISBLANK({x}),0,IF({span}<=0,1,MAX(0,MIN(1,{t}))))")
        }
        Normalisation::ValueFunction(f) => {
            let (best, worst) = (num(f.best()), num(f.worst()));
            format!("IF(ISBLANK({x}),0,MAX(0,MIN(1,({x}/2-{worst}/2)/({best}/2-{worst}/2))))")
        }
        Normalisation::Vector | Normalisation::Max | Normalisation::Sum => {
            let count = format!("COUNT({range})");
            let (den, zero) = match how {
                Normalisation::Vector => {
                    (format!("SQRT(SUMSQ({range}))"), format!("1/SQRT({count})"))
                }
                Normalisation::Max => (format!("MAX({hi},-{lo})"), "1".to_string()),
                _ => (format!("SUMPRODUCT(ABS({range}))"), format!("1/{count}")),
            };
            let cost = direction == Direction::Min;
            let ratio = |v: &str| {
                if cost {
                    format!("1-{v}/{den}")
                } else {
                    format!("{v}/{den}")
                }
            };
            let (constant, worst) = if cost {
                (format!("1-{zero}"), hi.clone())
            } else {
                (zero.clone(), lo.clone())
            };
            // max|x| = 0: every vendor gets the constant column's value.
            let scale = format!("MAX({hi},-{lo})");
            let present = format!("IF({scale}=0,{constant},{})", ratio(x));
            let missing = format!("IF({count}=0,0,IF({scale}=0,{constant},{}))", ratio(&worst));
            format!("IF(ISBLANK({x}),{missing},{present})")
        }
    }
}

/// The points a criterion adds: 100 x its effective weight (`weight`, a cell of the
/// Weights sheet) x the normalised value (`norm`).
pub fn points(weight: &str, norm: &str) -> String {
    format!("100*{weight}*{norm}")
}

/// The score: the sum of the points, clamped to 0..100.
pub fn score(points: &str) -> String {
    format!("MAX(0,MIN(100,SUM({points})))")
}

/// The competition rank ("1224") of `score` among `scores`: 1 + the vendors more than
/// 1e-9 above it, so scores within 1e-9 share a rank.
pub fn rank(score: &str, scores: &str) -> String {
    format!("1+SUMPRODUCT(({scores}>{score}+1E-9)*1)")
}

/// A criterion's effective weight with no groups: its weight over the sum of all.
pub fn share(weight: &str, weights: &str) -> String {
    format!("{weight}/SUM({weights})")
}

/// A criterion's share within its group: its weight over the sum of its group's.
pub fn share_in_group(weight: &str, group: &str, groups: &str, weights: &str) -> String {
    format!("{weight}/SUMIF({groups},{group},{weights})")
}

/// A grouped criterion's effective weight: its share in the group x the group's share
/// (looked up by the group's id in the group table).
pub fn grouped(within: &str, group: &str, ids: &str, shares: &str) -> String {
    format!("{within}*INDEX({shares},MATCH({group},{ids},0))")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::ValueFunction;

    #[test]
    fn min_max_and_value_function_formulas() {
        assert_eq!(
            normalised(Normalisation::MinMax, Direction::Min, "E!C2", "E!C$2:C$4"),
            "IF(ISBLANK(E!C2),0,IF((MAX(E!C$2:C$4)-MIN(E!C$2:C$4))<=0,1,MAX(0,MIN(1,(MAX(E!C$2:C$4)-E!C2)/(MAX(E!C$2:C$4)-MIN(E!C$2:C$4))))))"
        );
        let f = Normalisation::ValueFunction(ValueFunction::new(3.0, 9.5).unwrap());
        assert_eq!(
            normalised(f, Direction::Min, "x", "r"),
            "IF(ISBLANK(x),0,MAX(0,MIN(1,(x/2-(9.5)/2)/((3)/2-(9.5)/2))))"
        );
        assert_eq!(rank("C2", "C$2:C$4"), "1+SUMPRODUCT((C$2:C$4>C2+1E-9)*1)");
    }

    #[test]
    fn ratio_formulas_score_missing_as_the_worst_present() {
        assert_eq!(
            normalised(Normalisation::Max, Direction::Min, "x", "r"),
            "IF(ISBLANK(x),IF(COUNT(r)=0,0,IF(MAX(MAX(r),-MIN(r))=0,1-1,1-MAX(r)/MAX(MAX(r),-MIN(r)))),IF(MAX(MAX(r),-MIN(r))=0,1-1,1-x/MAX(MAX(r),-MIN(r))))"
        );
    }
}
