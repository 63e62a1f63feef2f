//! A fast hash for keys the engine looks up many times per change.

use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hasher for the engine's own small keys: pairs of indexes, subjects,
/// the words of the shipped stop list. The standard hasher's defence against crafted
/// keys buys nothing for them, and with tens of thousands of pairs in a large session it
/// took most of the pair rule's time.
#[derive(Default, Clone, Copy)]
pub(super) struct IndexHasher(u64);

impl IndexHasher {
    fn add(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for IndexHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(super) type Fast = BuildHasherDefault<IndexHasher>;
