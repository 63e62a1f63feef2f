//! The conflict engine over a session with 2,000 interests across 4 partners. Budget:
//! under 10 ms, so the rules can run after every change.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use sameside::domain::board::board;
use sameside::domain::detect::detect;
use sameside::domain::sample::many_interests;

fn engine(c: &mut Criterion) {
    let Ok(history) = many_interests(4, 2_000) else {
        eprintln!("could not build the benchmark session");
        return;
    };
    let session = history.session();
    eprintln!(
        "findings in the benchmark session: {}",
        detect(session).len()
    );
    c.bench_function("detect: 2,000 interests, 4 partners", |b| {
        b.iter(|| black_box(detect(black_box(session)).len()))
    });
    c.bench_function("board (detect + merge + outcomes): 2,000 interests", |b| {
        b.iter(|| black_box(board(black_box(session)).len()))
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
