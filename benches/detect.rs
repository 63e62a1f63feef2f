//! The conflict engine over a session with 2,000 interests across 4 partners. Budget:
//! under 10 ms, so the rules can run after every change.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use sameside::domain::board::board;
use sameside::domain::detect::detect;
use sameside::domain::detect::places::Gazetteer;
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

/// Finding places in every interest: the rules call this once per statement. Besides the
/// short statements of the benchmark session, longer ones in several languages, where
/// every word has to be looked up.
fn places(c: &mut Criterion) {
    let Ok(history) = many_interests(4, 2_000) else {
        eprintln!("could not build the benchmark session");
        return;
    };
    let statements: Vec<String> = history
        .session()
        .interests
        .iter()
        .map(|i| i.statement.clone())
        .collect();
    const LONG: &[&str] = &[
        "Exclusive reseller for Bavaria and Austria, with our own field team in Munich",
        "Wir betreuen alle Großkunden im deutschsprachigen Raum direkt, auch in der Schweiz",
        "Keep the public sector accounts in the Nordics, especially Sweden and Norway",
        "Nous gardons la distribution en France et en Belgique pour les clients existants",
        "Grow the partner channel across EMEA before we open LATAM and São Paulo",
        "Mantener los clientes del sector público en España y Portugal, sin intermediarios",
        "Own the roadmap for the connector code and decide on the pricing model yearly",
        "Protect our margins on support contracts for automotive customers in CEE",
    ];
    let long: Vec<String> = (0..2_000)
        .map(|n| format!("{} ({n})", LONG[n % LONG.len()]))
        .collect();
    let gazetteer = Gazetteer::shipped();
    let found: usize = statements
        .iter()
        .map(|t| gazetteer.places_in(t).len())
        .sum();
    eprintln!("places found in the 2,000 statements of the benchmark session: {found}");
    c.bench_function("places_in: 2,000 interest statements", |b| {
        b.iter(|| {
            let mut n = 0;
            for text in &statements {
                n += gazetteer.places_in(black_box(text)).len();
            }
            black_box(n)
        })
    });
    c.bench_function("places_in: 2,000 longer statements, mixed languages", |b| {
        b.iter(|| {
            let mut n = 0;
            for text in &long {
                n += gazetteer.places_in(black_box(text)).len();
            }
            black_box(n)
        })
    });
    c.bench_function("gazetteer: read the shipped data (once per run)", |b| {
        b.iter(|| black_box(Gazetteer::load_shipped().map(|g| g.len())))
    });
}

criterion_group!(benches, engine, places);
criterion_main!(benches);
