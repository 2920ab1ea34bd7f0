//! Native benchmark of catalogue parsing, index build and per-keystroke search.
//!
//! `cargo bench --bench search` prints, for 160 (bundled), 10,000, 50,000 and
//! 200,000 courses: parse time, index build time (the index the app builds: course
//! texts, domain labels, kind labels, session cities and regions, synonyms), the
//! same two in the slices the browser runs them in (the `Sliced` jobs
//! `ParseProgress` and `ExplorerBuilder`, 32 courses a step) and their longest
//! single step, and the median and p95 time of a search for every prefix of real queries typed letter
//! by letter. A second line times the similar courses of a course
//! (`Explorer::similar(doc, 4)`, one call per course page of the static site):
//! the first call, which builds what the others look up, then an evenly spaced
//! sample of [`SIMILAR_SAMPLE`] courses (total and per call), and what that makes
//! for every course. A third line times what navigating computes once the
//! catalogue is loaded: the home page's summary, the next-session sort, and
//! the similar courses' index built in slices (`SimilarJob`).
//! `cargo bench --bench search -- --write DIR` also writes the synthetic catalogues
//! (`catalogue-10000.json`, `catalogue-50000.json`, `catalogue-200000.json`) for
//! the browser benchmarks. `BENCH_SIZES=10000,50000` limits the sizes.

use std::time::Instant;

use campus_core::catalogue::explore::{Explorer, ExplorerBuilder};
use campus_core::catalogue::model::{Catalogue, ParseProgress, Parsed};
use campus_core::catalogue::query::CatalogueQuery;
use campus_core::catalogue::search::SearchIndex;
use campus_core::catalogue::sliced::Sliced;
use campus_core::catalogue::synthetic::catalogue_json;

/// Queries typed key by key, as an agent would.
pub const QUERIES: [&str; 8] = [
    "sécurité",
    "gestion de crise",
    "accessibilite numerique",
    "intelligence artificielle",
    "donnees",
    "kubernetes",
    "agilte",
    "piloter par la donnée",
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// The index the app builds (`Explorer::new`): the very same function.
fn build_index(catalogue: &Catalogue) -> SearchIndex {
    campus_core::catalogue::explore::build_search_index(catalogue, 1_795_000_000)
}

/// Runs `step` until it returns `true`: (total ms, longest step ms).
fn sliced(mut step: impl FnMut() -> bool) -> (f64, f64) {
    let start = Instant::now();
    let mut longest = 0f64;
    loop {
        let t = Instant::now();
        let done = step();
        longest = longest.max(t.elapsed().as_secs_f64() * 1e3);
        if done {
            return (start.elapsed().as_secs_f64() * 1e3, longest);
        }
    }
}

/// Courses per step, as the app's loader (src/web/catalogue/loader.rs).
const COURSES_PER_STEP: usize = 32;

/// Courses whose similar courses are timed (evenly spaced): enough for a
/// steady figure, few enough for the largest catalogue.
const SIMILAR_SAMPLE: usize = 2_000;

/// Times `similar(doc, 4)` as the static pages call it, and prints the line.
fn bench_similar(label: &str, explorer: &Explorer) {
    let n = explorer.catalogue.courses.len();
    if n == 0 {
        return;
    }
    let t = Instant::now();
    let mut found = std::hint::black_box(explorer.similar(0, 4)).len();
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    let stride = (n / SIMILAR_SAMPLE).max(1);
    let sample: Vec<usize> = (0..n).step_by(stride).take(SIMILAR_SAMPLE).collect();
    let t = Instant::now();
    for &doc in &sample {
        found += std::hint::black_box(explorer.similar(doc, 4)).len();
    }
    let total_ms = t.elapsed().as_secs_f64() * 1e3;
    let per_call_us = total_ms * 1e3 / sample.len() as f64;
    println!(
        "{label:>8} similar(doc, 4)  first call {first_ms:>7.1} ms  {} courses {total_ms:>9.1} ms  per call {per_call_us:>9.2} µs  ({found} similar)  so every course {:>8.2} s",
        sample.len(),
        per_call_us * n as f64 / 1e6
    );
}

fn bench(label: &str, json: &str) {
    let t = Instant::now();
    let parsed = Parsed::from_json(json).expect("valid catalogue");
    let parse_ms = t.elapsed().as_secs_f64() * 1e3;
    let courses = &parsed.catalogue.courses;
    let t = Instant::now();
    let index = build_index(&parsed.catalogue);
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    // What the app does at load: the search index plus facets and title order.
    let t = Instant::now();
    let explorer = Explorer::new(parsed.catalogue.clone(), 1_795_000_000);
    let explorer_ms = t.elapsed().as_secs_f64() * 1e3;
    // The same two, in slices.
    let mut progress = ParseProgress::new(json);
    let (sliced_parse_ms, parse_step_ms) = sliced(|| progress.step(COURSES_PER_STEP));
    let sliced_parsed = progress.finish().expect("valid catalogue");
    assert!(
        sliced_parsed == parsed,
        "the sliced parse is the one-shot parse"
    );
    let mut builder = ExplorerBuilder::new(sliced_parsed.catalogue, 1_795_000_000);
    let (sliced_explorer_ms, explorer_step_ms) = sliced(|| builder.step(COURSES_PER_STEP));
    std::hint::black_box(builder.finish());
    let mut runs = Vec::new();
    for q in QUERIES {
        let chars: Vec<char> = q.chars().collect();
        for end in 1..=chars.len() {
            let query = CatalogueQuery {
                text: chars[..end].iter().collect(),
                page: 1,
                ..CatalogueQuery::default()
            };
            let t = Instant::now();
            std::hint::black_box(explorer.run(&query));
            runs.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    runs.sort_by(f64::total_cmp);

    let mut times = Vec::new();
    let mut results = 0usize;
    for _ in 0..3 {
        for q in QUERIES {
            let chars: Vec<char> = q.chars().collect();
            for end in 1..=chars.len() {
                let typed: String = chars[..end].iter().collect();
                let t = Instant::now();
                let r = index.search(&typed);
                times.push(t.elapsed().as_secs_f64() * 1e3);
                results += r.map_or(courses.len(), |(hits, _)| hits.len());
            }
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{label:>8} courses {:>6}  json {:>6.1} MB  parse {:>7.1} ms  search index {:>7.1} ms  explorer (index+facets+order) {:>7.1} ms  sliced parse {:>7.1} ms (longest step {:>5.1} ms)  sliced explorer {:>7.1} ms (longest step {:>5.1} ms)  full run median {:>6.3} ms p95 {:>6.3} ms  terms {:>6}  postings {:>9}  search median {:>6.3} ms  p95 {:>6.3} ms  ({} keystrokes, {} results)",
        courses.len(),
        json.len() as f64 / 1e6,
        parse_ms,
        build_ms,
        explorer_ms,
        sliced_parse_ms,
        parse_step_ms,
        sliced_explorer_ms,
        explorer_step_ms,
        percentile(&runs, 0.5),
        percentile(&runs, 0.95),
        index.term_count(),
        index.posting_count(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times.len(),
        results
    );
    bench_similar(label, &explorer);
    bench_navigation(label, &explorer);
}

/// Times what a visit computes once the catalogue is loaded (issue 26): the
/// home page's summary of the whole catalogue, the catalogue sorted by next
/// session (no text, no filter), and the similar courses' index built in
/// the browser's slices (its longest step).
fn bench_navigation(label: &str, explorer: &Explorer) {
    let t = Instant::now();
    let summary = campus_core::catalogue::summary::Summary::of(
        &explorer.catalogue,
        "",
        explorer.now(),
        campus_core::catalogue::summary::SUMMARY_SESSIONS,
    );
    let summary_ms = t.elapsed().as_secs_f64() * 1e3;
    let query = CatalogueQuery {
        sort: campus_core::catalogue::url_value::Sort::NextSession,
        page: 1,
        ..CatalogueQuery::default()
    };
    let t = Instant::now();
    let sorted = std::hint::black_box(explorer.run(&query)).all.len();
    let sort_ms = t.elapsed().as_secs_f64() * 1e3;
    let fresh = Explorer::new(explorer.catalogue.clone(), explorer.now());
    let mut job = campus_core::catalogue::explore::SimilarJob::new(&fresh);
    let (similar_ms, similar_step_ms) = sliced(|| job.step(COURSES_PER_STEP));
    job.finish();
    println!(
        "{label:>8} home summary {summary_ms:>7.1} ms ({} sessions)  next-session sort {sort_ms:>7.1} ms ({sorted} courses)  sliced similar index {similar_ms:>7.1} ms (longest step {similar_step_ms:>5.1} ms)",
        summary.sessions.len()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let write_dir = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    println!("Native search benchmark (release build, one core)");
    let bundled = std::fs::read_to_string("public/catalogue.json");
    match bundled {
        Ok(json) => bench("bundled", &json),
        Err(e) => println!("bundled catalogue unavailable: {e}"),
    }
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 50_000, 200_000]);
    for n in sizes {
        let json = catalogue_json(n, 2026);
        if let Some(dir) = write_dir {
            let path = format!("{dir}/catalogue-{n}.json");
            std::fs::write(&path, &json).expect("write synthetic catalogue");
            println!("wrote {path}");
        }
        bench(&format!("{n}"), &json);
    }
}
