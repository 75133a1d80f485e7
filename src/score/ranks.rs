//! Ranks from scores: standard competition ranks ("1224"), higher or lower better, with
//! scores within [`TIE_EPSILON`] sharing a rank. Every method ranks this way.

/// Two scores closer than this share a rank (scores are on a 0-100 scale).
pub const TIE_EPSILON: f64 = 1e-9;

/// Standard competition ranks ("1224"): higher score is better, scores within
/// `TIE_EPSILON` of each other share the best rank of the group.
pub fn competition_ranks(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut ranks = vec![0; scores.len()];
    for (pos, &v) in order.iter().enumerate() {
        ranks[v] = if pos > 0 && (scores[order[pos - 1]] - scores[v]).abs() <= TIE_EPSILON {
            ranks[order[pos - 1]]
        } else {
            pos + 1
        };
    }
    ranks
}

/// Competition ranks in the method's own direction: for a lower-is-better score the
/// lowest gets rank 1. Ties within `TIE_EPSILON` share the best rank of their group.
pub fn ranks_for(scores: &[f64], higher_is_better: bool) -> Vec<usize> {
    if higher_is_better {
        competition_ranks(scores)
    } else {
        let negated: Vec<f64> = scores.iter().map(|s| -s).collect();
        competition_ranks(&negated)
    }
}

/// True when two scores count as tied (see `TIE_EPSILON`).
pub(crate) fn tied(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE_EPSILON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_share_ties() {
        assert_eq!(
            competition_ranks(&[50.0, 80.0, 80.0, 10.0]),
            vec![3, 1, 1, 4]
        );
        assert_eq!(competition_ranks(&[]), Vec::<usize>::new());
    }

    #[test]
    fn lower_is_better_ranks() {
        assert_eq!(ranks_for(&[0.2, 0.0, 0.2, 1.0], false), vec![2, 1, 2, 4]);
        assert_eq!(ranks_for(&[0.2, 0.0, 0.2, 1.0], true), vec![2, 4, 2, 1]);
    }
}
