//! One sort for the whole app, for the wasm's size.
//!
//! Every `slice::sort*` call site compiles its own copy of the standard library's
//! sorts (driftsort and ipnsort: 2 to 8 kB of wasm each), and the app had about
//! twenty of them. These helpers have the same meaning as their `std` namesakes
//! (stable, the same order on ties) but share one non-generic merge sort over
//! indices: each call site adds only its comparison closure and a permutation.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stable (like [`slice::sort_by`]).
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items = v.as_slice();
        permutation(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    apply(v, &order);
}

/// Sorts `v` by a key, stable (like [`slice::sort_by_key`]).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` by a key computed once per element, stable (like
/// [`slice::sort_by_cached_key`]).
pub fn sort_by_cached_key<T, K: Ord>(v: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = permutation(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    apply(v, &order);
}

/// Sorts `v` in its natural order, stable (like [`slice::sort`]).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// Sorts integer keys, fast: the hot paths (ranking search hits on every
/// keystroke, title order) pack what they sort into `u64` keys and share this
/// one instance of the standard library's unstable sort (equal keys are equal
/// values, so unstable is fine).
pub fn sort_keys(keys: &mut [u64]) {
    keys.sort_unstable();
}

/// Reorders `v` so that its `i`-th element is the old `order[i]`-th.
fn apply<T>(v: &mut Vec<T>, order: &[u32]) {
    let mut old: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| old.get_mut(i as usize).and_then(Option::take)),
    );
}

/// The indices `0..n` in the order `cmp` gives them, ties in index order: a
/// bottom-up merge sort, short runs first sorted by insertion.
fn permutation(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    const RUN: usize = 8;
    let mut a: Vec<u32> = (0..n as u32).collect();
    for run in a.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && cmp(run[j] as usize, run[j - 1] as usize) == Ordering::Less {
                run.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut b = vec![0u32; n];
    let mut width = RUN;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Take from the right run only when strictly smaller: stable.
                if cmp(a[j] as usize, a[i] as usize) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..end].copy_from_slice(&a[j..end]);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency).
    fn numbers(n: usize, seed: u64, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn same_order_as_the_standard_stable_sort_on_ties_too() {
        for n in [0, 1, 2, 3, 7, 8, 9, 16, 17, 100, 1000, 4097] {
            for modulo in [3, 1000, u64::MAX] {
                let keys = numbers(n, 0x9e37_79b9 + n as u64, modulo);
                let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut theirs = ours.clone();
                sort_by_key(&mut ours, |e| e.0);
                theirs.sort_by_key(|e| e.0);
                assert_eq!(ours, theirs, "n={n} modulo={modulo}");
            }
        }
    }

    #[test]
    fn every_helper_agrees_with_its_namesake() {
        let words: Vec<String> = numbers(300, 7, 50)
            .into_iter()
            .map(|n| format!("w{n}"))
            .collect();
        let mut a = words.clone();
        let mut b = words.clone();
        sort(&mut a);
        b.sort();
        assert_eq!(a, b);
        let mut a = words.clone();
        let mut b = words.clone();
        sort_by_cached_key(&mut a, |w| w.len());
        b.sort_by_cached_key(|w| w.len());
        assert_eq!(a, b);
        let mut a = words.clone();
        let mut b = words;
        sort_by(&mut a, |x, y| y.cmp(x));
        b.sort_by(|x, y| y.cmp(x));
        assert_eq!(a, b);
    }
}
