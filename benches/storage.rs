//! Loading and saving large sessions.
//! - load: read + parse + replay a 10,000-event file (budget: under 300 ms);
//! - autosave request: what a keystroke pays on the interface thread to hand the state
//!   to the background writer (budget: well under one 16 ms frame);
//! - save: encode and write atomically, which happens on the writer thread.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use sameside::domain::sample::large;
use sameside::storage::Header;
use sameside::storage::autosave::Autosaver;
use sameside::storage::format::{decode, encode};
use sameside::storage::store::save_session;

fn storage(c: &mut Criterion) {
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
    eprintln!("10,000-event session file: {} bytes", text.len());

    c.bench_function("load 10k events (parse + replay)", |b| {
        b.iter(|| black_box(decode(&path, text.as_bytes()).is_ok()))
    });
    c.bench_function("save 10k events (encode + atomic write)", |b| {
        b.iter(|| black_box(save_session(&path, &header, &history).is_ok()))
    });
    let mut saver = Autosaver::start(path.clone(), history.events());
    c.bench_function("autosave request on the UI thread (10k events)", |b| {
        b.iter(|| saver.request(header.clone(), black_box(&history)))
    });
    saver.flush();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = storage
}
criterion_main!(benches);
