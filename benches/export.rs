//! Exporting the notes of a 10,000-event session in every format. Budget: under 200 ms
//! each (the notes are written when the moderator asks, and should feel instant).

use std::hint::black_box;

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};

use sameside::domain::sample::large;
use sameside::export::{CsvTable, Format, Notes, render};
use sameside::storage::Header;

fn export(c: &mut Criterion) {
    let Ok(history) = large(4, 1_000, 10_000) else {
        eprintln!("could not build the benchmark session");
        return;
    };
    let header = Header::for_history("bench", None, &history);
    let now = Utc::now();
    for (name, format, table) in [
        ("markdown", Format::Markdown, CsvTable::Actions),
        ("html", Format::Html, CsvTable::Actions),
        ("json", Format::Json, CsvTable::Actions),
        ("csv conflicts", Format::Csv, CsvTable::Conflicts),
    ] {
        c.bench_function(&format!("export 10k events: {name}"), |b| {
            b.iter(|| {
                // The notes are gathered per export, as the command does.
                let notes = Notes::new(&history, &header, now);
                black_box(render(&notes, format, table).map(|t| t.len()))
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = export
}
criterion_main!(benches);
