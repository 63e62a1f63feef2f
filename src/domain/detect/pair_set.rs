//! The pairs of statements that have a subject already, for the pair rule.

use std::collections::HashSet;

use super::fast_hash::Fast;

type Pair = (usize, usize);

/// The pairs that have a subject already. A bit per pair while that stays small (a
/// session of 2,000 interests takes half a megabyte), a hash set beyond.
pub(super) enum PairSet {
    Bits { n: usize, words: Vec<u64> },
    Hashed(HashSet<Pair, Fast>),
}

impl PairSet {
    pub(super) fn new(n: usize) -> PairSet {
        if n <= 4_096 {
            PairSet::Bits {
                n,
                words: vec![0; (n * n).div_ceil(64)],
            }
        } else {
            PairSet::Hashed(HashSet::default())
        }
    }

    /// Marks the pair, in either order; false when it was marked already. The bits are
    /// kept both ways round so that a look-up by the first statement stays in its row:
    /// `offer_same` asks about one statement against many in turn, and reading the
    /// bits column-wise missed the cache on almost every pair.
    pub(super) fn insert(&mut self, (i, j): Pair) -> bool {
        match self {
            PairSet::Bits { n, words } => {
                let fresh = !Self::bit(*n, words, i, j);
                for (x, y) in [(i, j), (j, i)] {
                    let bit = x * *n + y;
                    words[bit / 64] |= 1u64 << (bit % 64);
                }
                fresh
            }
            PairSet::Hashed(set) => set.insert((i.min(j), i.max(j))),
        }
    }

    /// Whether the pair, in either order, is marked.
    pub(super) fn contains(&self, (i, j): Pair) -> bool {
        match self {
            PairSet::Bits { n, words } => Self::bit(*n, words, i, j),
            PairSet::Hashed(set) => set.contains(&(i.min(j), i.max(j))),
        }
    }

    fn bit(n: usize, words: &[u64], i: usize, j: usize) -> bool {
        let bit = i * n + j;
        words[bit / 64] & (1u64 << (bit % 64)) != 0
    }
}
