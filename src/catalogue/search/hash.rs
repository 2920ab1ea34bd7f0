//! The hasher of the index's maps: Fx (rustc's).

use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash (rustc's): far faster than SipHash on short words, and the index
/// is built from trusted-enough data where hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // As rustc's: whole words, then the tail in pieces (no copy, no memcpy call).
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        let mut rest = chunks.remainder();
        if rest.len() >= 4 {
            self.write_u64(u64::from(u32::from_le_bytes([
                rest[0], rest[1], rest[2], rest[3],
            ])));
            rest = &rest[4..];
        }
        if rest.len() >= 2 {
            self.write_u64(u64::from(u16::from_le_bytes([rest[0], rest[1]])));
            rest = &rest[2..];
        }
        if let Some(&byte) = rest.first() {
            self.write_u64(u64::from(byte));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Maps and sets with [`FxHasher`].
pub type FxBuild = BuildHasherDefault<FxHasher>;
