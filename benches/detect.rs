//! The conflict engine over a session with 2,000 interests across 4 partners. Budget:
//! under 10 ms, so the rules can run after every change.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use sameside::domain::board::board;
use sameside::domain::detect::detect;
use sameside::domain::detect::places::Gazetteer;
use sameside::domain::detect::topics::Topics;
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

/// Finding the subjects of every interest: like places, once per statement per change.
fn topics(c: &mut Criterion) {
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
        "Keep the royalty on every connector and decide the list price for resellers yearly",
        "Wir behalten die Marke, den Quellcode und die Rechnungsstellung an Großkunden",
        "Nous fixons le prix plancher et la remise pour les connecteurs du secteur public",
        "Nessuna pubblicazione dei risultati senza diritto di veto sulla roadmap",
        "Facturamos el soporte de primer nivel y la formación a los clientes finales",
        "Own first-line support and the SLA, with field service by our subcontractors",
        "Exclusive co-marketing and deal registration for the Nordic data centres",
        "Protect our margins on support contracts and keep background IP out of the deal",
    ];
    let long: Vec<String> = (0..2_000)
        .map(|n| format!("{} ({n})", LONG[n % LONG.len()]))
        .collect();
    let lexicon = Topics::shipped();
    let found: usize = statements.iter().map(|t| lexicon.topics_in(t).len()).sum();
    eprintln!(
        "topics ({}) found in the 2,000 statements of the benchmark session: {found}",
        lexicon.len()
    );
    c.bench_function("topics_in: 2,000 interest statements", |b| {
        b.iter(|| {
            let mut n = 0;
            for text in &statements {
                n += lexicon.topics_in(black_box(text)).len();
            }
            black_box(n)
        })
    });
    c.bench_function("topics_in: 2,000 longer statements, mixed languages", |b| {
        b.iter(|| {
            let mut n = 0;
            for text in &long {
                n += lexicon.topics_in(black_box(text)).len();
            }
            black_box(n)
        })
    });
    c.bench_function("topics: read the shipped lexicon (once per run)", |b| {
        b.iter(|| black_box(Topics::load_shipped().map(|t| t.len())))
    });
}

criterion_group!(benches, engine, places, topics);
criterion_main!(benches);
