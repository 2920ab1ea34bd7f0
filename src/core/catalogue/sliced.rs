//! Long work done a slice at a time: one protocol for every job the browser
//! runs in slices (the catalogue's parse, the explorer's build and its stages,
//! the similar courses' index), so that one loop drives them all
//! (`loader.rs`, with `ui::tasks`).
//!
//! A step's budget is a count of work units — about one course's worth of
//! work, each job saying what that is — not a clock: the jobs stay pure (no
//! browser, no time), a step's work is the same wherever it runs (so slicing
//! never changes a result, and tests can drive a job one unit at a time), and
//! reading the clock stays with the browser loop, which runs small steps until
//! its slice's time is up. A "time left?" callback would put a clock read in
//! every job's inner loop, and make the work of a step depend on the machine.

/// A job done a few units of work at a time: [`Sliced::step`] until it
/// returns `true`, then [`Sliced::finish`]. However it is sliced, the output
/// is the same as [`Sliced::run`]'s, in one go.
pub trait Sliced {
    /// What the job yields once done.
    type Output;

    /// Does about `units` units of work (at least one; `usize::MAX`: all
    /// that is left). Returns whether the job is done.
    fn step(&mut self, units: usize) -> bool;

    /// The output, finishing in one go whatever [`Sliced::step`] has not done.
    fn finish(self) -> Self::Output;

    /// The whole job in one go.
    fn run(mut self) -> Self::Output
    where
        Self: Sized,
    {
        while !self.step(usize::MAX) {}
        self.finish()
    }
}

/// Runs `job` with the tightest budget, one unit per step, and returns its
/// output and how many steps it took (for the tests of each job).
#[cfg(test)]
pub(crate) fn one_unit_at_a_time<J: Sliced>(mut job: J) -> (J::Output, usize) {
    let mut steps = 1;
    while !job.step(1) {
        steps += 1;
        assert!(steps < 100_000_000, "the job must end");
    }
    (job.finish(), steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::explore::{Explorer, ExplorerBuilder, SimilarJob};
    use crate::catalogue::model::{ParseProgress, Parsed};
    use crate::catalogue::search::{IndexBuilder, SearchableText};
    use crate::catalogue::synthetic::catalogue_json;

    const NOW: i64 = 1_795_000_000;

    #[test]
    fn each_job_one_unit_per_step_gives_the_one_go_output() {
        let text = catalogue_json(300, 7);
        // The parse (and its assembly stage).
        let (parsed, steps) = one_unit_at_a_time(ParseProgress::new(&text));
        let parsed = parsed.unwrap();
        assert!(steps > 300, "{steps} steps");
        assert_eq!(parsed, Parsed::from_json(&text).unwrap());
        assert_eq!(parsed, ParseProgress::new(&text).run().unwrap());
        // The search index's postings.
        let mut builder = IndexBuilder::new();
        for course in &parsed.catalogue.courses {
            builder.add(SearchableText {
                title: &course.title,
                summary: &course.summary,
                ..SearchableText::default()
            });
        }
        let (index, steps) = one_unit_at_a_time(builder.clone().into_finisher());
        assert!(steps > 300, "{steps} steps");
        assert_eq!(index, builder.finish());
        // The explorer (and its title sort).
        let catalogue = parsed.catalogue;
        let (explorer, steps) = one_unit_at_a_time(ExplorerBuilder::new(catalogue.clone(), NOW));
        assert!(steps > 300, "{steps} steps");
        let whole = Explorer::new(catalogue.clone(), NOW);
        assert_eq!(explorer, whole);
        // The similar courses' index, kept by the explorer.
        assert!(!explorer.has_similar());
        let ((), steps) = one_unit_at_a_time(SimilarJob::new(&explorer));
        assert!(steps > 300, "{steps} steps");
        assert!(explorer.has_similar());
        SimilarJob::new(&whole).run();
        assert_eq!(explorer, whole);
    }
}
