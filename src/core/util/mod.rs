//! Generic helpers any module of the core may use (like rust-analyzer's
//! `stdx`): no domain type lives here, and nothing here uses another module of
//! the crate, so that every feature can depend on it without a cycle.

pub mod dates;
pub mod percent;
pub mod sort;
