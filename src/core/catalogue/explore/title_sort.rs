//! The courses in title order, by a merge sort done a few merges at a time.

use crate::catalogue::sliced::Sliced;
use crate::util::sort;

/// Merging sorted runs costs far less than indexing a course's texts: this many
/// titles are merged for one course's worth of work.
pub(super) const MERGES_PER_COURSE: usize = 32;

/// Titles sorted in runs of this many, then merged.
pub(super) const RUN: usize = 512;

/// The courses in the order of their folded titles (ties by position: the
/// order of sorting `(folded title, position)` pairs), by a merge sort done a
/// few merges at a time: runs of [`RUN`] sorted one by one, then merged pairwise,
/// pass after pass.
#[derive(Debug, Default)]
pub(super) struct TitleSort {
    /// Folded titles, by position.
    pub(super) keys: Vec<String>,
    /// Positions, sorted by the end.
    pub(super) order: Vec<u32>,
    /// Where the current pass merges into.
    spare: Vec<u32>,
    /// Runs sorted so far (before the passes).
    runs: usize,
    /// Width of the runs being merged by the current pass.
    width: usize,
    /// The pair of runs being merged: from `lo`; next of the left run, next of
    /// the right one, next output.
    lo: usize,
    i: usize,
    j: usize,
    k: usize,
}

impl TitleSort {
    /// Starts sorting, once every title is in `keys`.
    pub(super) fn start(&mut self) {
        let n = self.keys.len();
        self.order = (0..n as u32).collect();
        self.spare = vec![0; n];
        self.runs = 0;
        self.width = RUN;
        self.lo = 0;
        self.i = 0;
        self.j = RUN.min(n);
        self.k = 0;
    }

    pub(super) fn less_or_equal(keys: &[String], a: u32, b: u32) -> bool {
        match (keys.get(a as usize), keys.get(b as usize)) {
            (Some(x), Some(y)) => (x, a) <= (y, b),
            _ => a <= b,
        }
    }
}

/// A unit of work is one title sorted or merged.
impl Sliced for TitleSort {
    type Output = Vec<u32>;

    /// Sorts or merges about `budget` titles; returns whether `order` is sorted.
    fn step(&mut self, budget: usize) -> bool {
        let n = self.order.len();
        let keys = &self.keys;
        // First, runs, each sorted at once.
        let run_count = n.div_ceil(RUN);
        if self.runs < run_count {
            let todo = (budget / RUN).max(1).min(run_count - self.runs);
            for run in self.runs..self.runs + todo {
                let end = ((run + 1) * RUN).min(n);
                let mut sorted = self.order[run * RUN..end].to_vec();
                sort::sort_by(&mut sorted, |&a, &b| {
                    let (x, y) = (&keys[a as usize], &keys[b as usize]);
                    x.cmp(y).then(a.cmp(&b))
                });
                self.order[run * RUN..end].copy_from_slice(&sorted);
            }
            self.runs += todo;
            return self.runs == run_count && self.width >= n;
        }
        // Then passes of pairwise merges.
        let mut budget = budget.max(1);
        while self.width < n {
            if self.lo >= n {
                // Pass done: the merged runs are twice as wide.
                std::mem::swap(&mut self.order, &mut self.spare);
                self.width = self.width.saturating_mul(2);
                self.lo = 0;
                self.i = 0;
                self.j = self.width.min(n);
                self.k = 0;
                continue;
            }
            if budget == 0 {
                return false;
            }
            let mid = self.lo.saturating_add(self.width).min(n);
            let hi = self.lo.saturating_add(self.width.saturating_mul(2)).min(n);
            while budget > 0 && self.k < hi {
                let left = self.i < mid
                    && (self.j >= hi
                        || Self::less_or_equal(keys, self.order[self.i], self.order[self.j]));
                self.spare[self.k] = if left {
                    self.i += 1;
                    self.order[self.i - 1]
                } else {
                    self.j += 1;
                    self.order[self.j - 1]
                };
                self.k += 1;
                budget -= 1;
            }
            if self.k == hi {
                self.lo = hi;
                self.i = hi;
                self.j = hi.saturating_add(self.width).min(n);
            }
        }
        true
    }

    /// The positions in title order, sorting what is left.
    fn finish(mut self) -> Vec<u32> {
        while !self.step(usize::MAX) {}
        self.order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sliced_title_sort_is_a_plain_sort() {
        let mut rng = crate::catalogue::synthetic::Rng::new(3);
        for n in [0, 1, 2, RUN - 1, RUN, RUN + 1, 3 * RUN + 17, 9 * RUN] {
            // Few distinct keys: many ties, broken by position.
            let keys: Vec<String> = (0..n).map(|_| format!("t{}", rng.below(50))).collect();
            let mut pairs: Vec<(String, u32)> = keys.iter().cloned().zip(0..n as u32).collect();
            pairs.sort();
            let expected: Vec<u32> = pairs.into_iter().map(|(_, i)| i).collect();
            for budget in [1, 7, RUN, usize::MAX] {
                let mut sort = TitleSort {
                    keys: keys.clone(),
                    ..TitleSort::default()
                };
                sort.start();
                let mut calls = 0;
                while !sort.step(budget) {
                    calls += 1;
                    assert!(calls < 10_000_000, "the sort must end");
                }
                assert_eq!(sort.order, expected, "{n} {budget}");
            }
        }
    }
}
