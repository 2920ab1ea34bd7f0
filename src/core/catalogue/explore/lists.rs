//! Lists of `u32`s stored end to end: the similar courses' index keeps its
//! lists of lists this way.

/// Lists of `u32`s stored end to end: a list of lists in two allocations.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Lists {
    /// Where each list ends in `items`.
    pub(super) ends: Vec<u32>,
    pub(super) items: Vec<u32>,
}

impl Lists {
    /// The lists of keys `0..count` from `(key, item)` pairs, each in the order
    /// of the pairs. `pairs` is called twice: to count, then to fill.
    pub(super) fn group<I: Iterator<Item = (u32, u32)>>(
        count: usize,
        pairs: impl Fn() -> I,
    ) -> Lists {
        let mut next = vec![0u32; count];
        for (key, _) in pairs() {
            next[key as usize] += 1;
        }
        let mut ends = Vec::with_capacity(count);
        let mut total = 0u32;
        for slot in &mut next {
            let len = *slot;
            *slot = total;
            total += len;
            ends.push(total);
        }
        let mut items = vec![0u32; total as usize];
        for (key, item) in pairs() {
            let slot = &mut next[key as usize];
            items[*slot as usize] = item;
            *slot += 1;
        }
        Lists { ends, items }
    }

    /// The range of list `i` in `items`.
    pub(super) fn range(&self, i: u32) -> std::ops::Range<usize> {
        span(&self.ends, i)
    }

    pub(super) fn get(&self, i: u32) -> &[u32] {
        &self.items[self.range(i)]
    }
}

/// Where list `i` lies when lists stored end to end end at `ends`.
pub(super) fn span(ends: &[u32], i: u32) -> std::ops::Range<usize> {
    let i = i as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    start..ends[i] as usize
}
