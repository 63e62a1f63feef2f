//! Replaying a 100,000-event session.
//! - load: `Timeline::new`, the one fold with sentences and checkpoints (reported; it
//!   runs once when the replay opens);
//! - seek: `state_at` for the end, the middle and random positions, which is what End,
//!   a boundary jump or `/` cost (budget: well under one 16 ms frame);
//! - play: the player's state one event further, what each step of playback costs.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};

use sameside::domain::sample::large;
use sameside::domain::timeline::{CHECKPOINT_EVERY, Player, Timeline};

const EVENTS: usize = 100_000;

fn replay(c: &mut Criterion) {
    let started = Instant::now();
    let Ok(history) = large(4, 1_000, EVENTS) else {
        eprintln!("could not build the benchmark session");
        return;
    };
    eprintln!(
        "built a {}-event session in {:?}",
        history.events().len(),
        started.elapsed()
    );
    let events = history.events().to_vec();
    drop(history);

    let rss_before = resident_bytes();
    let started = Instant::now();
    let Ok(timeline) = Timeline::new(events.clone()) else {
        eprintln!("the benchmark session does not replay");
        return;
    };
    eprintln!(
        "Timeline::new, {} events, checkpoint every {CHECKPOINT_EVERY}: {:?}",
        timeline.len(),
        started.elapsed()
    );
    if let (Some(before), Some(after)) = (rss_before, resident_bytes()) {
        eprintln!(
            "resident memory grew by {:.1} MB for the timeline (events, sentences, checkpoints)",
            after.saturating_sub(before) as f64 / 1e6
        );
    }

    let mut group = c.benchmark_group("replay 100k events");
    group.sample_size(10);
    group.bench_function("Timeline::new (load)", |b| {
        b.iter(|| black_box(Timeline::new(black_box(events.clone())).is_ok()))
    });
    group.finish();

    let last = timeline.last();
    // The worst place for a seek is just before a checkpoint: the most events to apply.
    let worst = (last / CHECKPOINT_EVERY) * CHECKPOINT_EVERY - 1;
    c.bench_function("state_at End (100k)", |b| {
        b.iter(|| black_box(timeline.state_at(black_box(last))))
    });
    c.bench_function("state_at middle (100k)", |b| {
        b.iter(|| black_box(timeline.state_at(black_box(last / 2))))
    });
    c.bench_function("state_at just before a checkpoint (100k)", |b| {
        b.iter(|| black_box(timeline.state_at(black_box(worst))))
    });
    // A small linear congruential generator: the same "random" positions every run.
    let mut seed: u64 = 0x5eed;
    c.bench_function("state_at random position (100k)", |b| {
        b.iter(|| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let position = ((seed >> 33) as usize) % (last + 1);
            black_box(timeline.state_at(position))
        })
    });

    let mut player = Player::new(timeline);
    player.seek(last / 2);
    let _ = player.state();
    c.bench_function("player one step forward (100k)", |b| {
        b.iter(|| {
            if player.at_end() {
                player.seek(last / 2);
            }
            player.step_forward();
            black_box(player.state().interests.len())
        })
    });
}

/// Resident memory of this process, where the system tells it (Linux); only reported.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

criterion_group!(benches, replay);
criterion_main!(benches);
