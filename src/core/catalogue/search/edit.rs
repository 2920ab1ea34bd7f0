//! Edit distances (Damerau: with swaps of adjacent letters), byte by byte: the
//! typo tolerance of search and the closest spelling of "did you mean".

/// Whether `query` is within one edit (Damerau: with swaps) of some prefix of
/// `term`. Both are folded words; compared byte by byte.
pub fn within_one_edit_of_prefix(query: &[u8], term: &[u8]) -> bool {
    // Columns on the stack for ordinary words: this runs for many terms per keystroke.
    pub(super) const STACK: usize = 48;
    if query.len() < STACK {
        let mut columns = [[0u8; STACK]; 3];
        let [a, b, c] = &mut columns;
        let m = query.len() + 1;
        one_edit_of_prefix(query, term, &mut a[..m], &mut b[..m], &mut c[..m])
    } else {
        let m = query.len() + 1;
        let (mut a, mut b, mut c) = (vec![0; m], vec![0; m], vec![0; m]);
        one_edit_of_prefix(query, term, &mut a, &mut b, &mut c)
    }
}

/// [`within_one_edit_of_prefix`] with its three columns (of `query.len() + 1`).
pub(super) fn one_edit_of_prefix<'c>(
    query: &[u8],
    term: &[u8],
    mut prev2: &'c mut [u8],
    mut prev: &'c mut [u8],
    mut cur: &'c mut [u8],
) -> bool {
    let m = query.len();
    // prev2, prev, cur: columns of the edit-distance table for term[..j-2], [..j-1], [..j].
    prev2.fill(u8::MAX);
    for (i, slot) in prev.iter_mut().enumerate() {
        *slot = i.min(255) as u8;
    }
    if prev[m] <= 1 {
        return true;
    }
    for j in 1..=term.len() {
        cur[0] = j.min(255) as u8;
        let mut column_min = cur[0];
        for i in 1..=m {
            let cost = u8::from(query[i - 1] != term[j - 1]);
            let mut d = (prev[i - 1] + cost)
                .min(prev[i].saturating_add(1))
                .min(cur[i - 1].saturating_add(1));
            if i > 1 && j > 1 && query[i - 1] == term[j - 2] && query[i - 2] == term[j - 1] {
                d = d.min(prev2[i - 2].saturating_add(1));
            }
            cur[i] = d;
            column_min = column_min.min(d);
        }
        if cur[m] <= 1 {
            return true;
        }
        if column_min > 1 {
            return false;
        }
        let oldest = prev2;
        prev2 = prev;
        prev = cur;
        cur = oldest;
    }
    false
}

/// The edit distance (Damerau, with swaps of adjacent letters) between `a` and
/// `b`, if it is at most `max`. Byte by byte.
pub fn edit_distance_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Rows on the stack for ordinary words: this runs over the whole vocabulary.
    pub(super) const STACK: usize = 48;
    let n = b.len() + 1;
    if n <= STACK {
        let mut rows = [[0usize; STACK]; 3];
        let [x, y, z] = &mut rows;
        bounded_distance(a, b, max, &mut x[..n], &mut y[..n], &mut z[..n])
    } else {
        let (mut x, mut y, mut z) = (vec![0; n], vec![0; n], vec![0; n]);
        bounded_distance(a, b, max, &mut x, &mut y, &mut z)
    }
}

/// [`edit_distance_within`] with its three rows (of `b.len() + 1`).
pub(super) fn bounded_distance<'r>(
    a: &[u8],
    b: &[u8],
    max: usize,
    mut prev2: &'r mut [usize],
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> Option<usize> {
    let n = b.len();
    prev2.fill(usize::MAX / 2);
    for (j, slot) in prev.iter_mut().enumerate() {
        *slot = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        let oldest = prev2;
        prev2 = prev;
        prev = cur;
        cur = oldest;
    }
    (prev[n] <= max).then_some(prev[n])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_on_prefixes() {
        let ok = |q: &str, t: &str| within_one_edit_of_prefix(q.as_bytes(), t.as_bytes());
        assert!(ok("securite", "securite"));
        assert!(ok("secur", "securite"));
        assert!(ok("secru", "securite"));
        assert!(ok("sexur", "securite"));
        assert!(ok("securitee", "securite"));
        assert!(!ok("sxcxr", "securite"));
        assert!(!ok("abc", "xyz"));
    }

    #[test]
    fn edit_distance_is_bounded() {
        let d = |a: &str, b: &str, max| edit_distance_within(a.as_bytes(), b.as_bytes(), max);
        assert_eq!(d("cybersecurte", "cybersecurite", 2), Some(1));
        assert_eq!(d("crsie", "crise", 2), Some(1), "a swap is one edit");
        assert_eq!(d("cybrsecurte", "cybersecurite", 2), Some(2));
        assert_eq!(d("abc", "xyz", 2), None);
        assert_eq!(d("abc", "abcdef", 2), None);
        assert_eq!(d("", "ab", 2), Some(2));
        // Long words fall back to the heap.
        let long = "a".repeat(60);
        assert!(within_one_edit_of_prefix(
            long.as_bytes(),
            format!("{long}b").as_bytes()
        ));
        assert!(within_one_edit_of_prefix(
            &long.as_bytes()[1..],
            long.as_bytes()
        ));
    }
}
