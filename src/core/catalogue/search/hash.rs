//! The hasher of the index's maps: Fx (rustc's), from the `rustc-hash` crate.

/// The Fx hash (rustc's): far faster than SipHash on short words, and the index
/// is built from trusted-enough data where hash flooding is not a concern.
pub use rustc_hash::FxHasher;

/// Maps and sets with [`FxHasher`].
pub type FxBuild = rustc_hash::FxBuildHasher;
