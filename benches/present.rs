//! What the audience view (`sameside present FILE`) pays to follow a file:
//! - a look at an unchanged file, which happens about five times a second (budget: far
//!   under a frame, so following costs nothing noticeable);
//! - a reload after the moderator's sameside saved, for a 10,000-event session (budget:
//!   well under the one second the wall may lag behind the moderator).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use sameside::domain::sample::large;
use sameside::storage::Header;
use sameside::storage::follow::{FollowEvent, Follower};
use sameside::storage::format::encode;

fn follow(c: &mut Criterion) {
    let Ok(history) = large(4, 1_000, 10_000) else {
        eprintln!("could not build the benchmark session");
        return;
    };
    let header = Header::for_history("bench", None, &history);
    let Ok(text) = encode(&header, &history) else {
        return;
    };
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let path = dir.path().join("bench.ron");
    if std::fs::write(&path, &text).is_err() {
        return;
    }
    let mut follower = Follower::new(&path);
    if !matches!(follower.poll(), FollowEvent::Loaded(..)) {
        eprintln!("the benchmark file does not read");
        return;
    }
    c.bench_function("present: look at an unchanged file", |b| {
        b.iter(|| black_box(matches!(follower.poll(), FollowEvent::Unchanged)))
    });
    c.bench_function("present: reload a 10k-event file after a save", |b| {
        b.iter(|| {
            // A new follower has seen nothing, so its first look reads the whole file,
            // as a follower does after every save.
            let mut fresh = Follower::new(&path);
            black_box(matches!(fresh.poll(), FollowEvent::Loaded(..)))
        })
    });
}

criterion_group!(benches, follow);
criterion_main!(benches);
