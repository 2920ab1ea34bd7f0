//! Fetching the catalogue (`catalogue_url` from `config.json`), parsing and
//! indexing it once, and sharing it with every page as a context.

use std::sync::Arc;

use leptos::prelude::*;

use super::explore::{Explorer, ExplorerBuilder};
use super::model::{Catalogue, CatalogueError, ParseProgress, Parsed};
use crate::ui::clock::now_unix;
use crate::ui::config::use_config;
use crate::ui::fetch::{get_text_sliced, FetchError};
use crate::ui::perf::{record, Phase};
use crate::ui::tasks::{next_task, Slicer};

/// How long the catalogue may take to arrive.
pub const CATALOGUE_TIMEOUT_MS: i32 = 20_000;

/// A catalogue ready to explore.
#[derive(Debug)]
pub struct LoadedCatalogue {
    /// The catalogue with its indexes.
    pub explorer: Explorer,
    /// How many courses were skipped as invalid.
    pub skipped: usize,
}

/// Why the catalogue is unavailable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Network failure or HTTP error status.
    Network(String),
    /// Not JSON, or not a supported version.
    Invalid(String),
    /// The catalogue did not arrive in time.
    Timeout,
    /// `config.json` did not answer in time, so the catalogue's address is unknown.
    ConfigTimeout,
}

/// Where the catalogue is in its life.
#[derive(Debug, Clone)]
pub enum CatalogueState {
    /// Being fetched (or waiting for the configuration).
    Loading,
    /// Ready.
    Ready(Arc<LoadedCatalogue>),
    /// Failed; the page offers to retry.
    Failed(LoadError),
}

/// The catalogue context.
#[derive(Debug, Clone, Copy)]
pub struct CatalogueContext {
    state: RwSignal<CatalogueState>,
    attempt: RwSignal<u32>,
}

impl CatalogueContext {
    /// The current state (tracked).
    pub fn state(self) -> CatalogueState {
        self.state.get()
    }

    /// The loaded catalogue, if ready (tracked).
    pub fn ready(self) -> Option<Arc<LoadedCatalogue>> {
        match self.state.get() {
            CatalogueState::Ready(c) => Some(c),
            _ => None,
        }
    }

    /// Fetches the catalogue again (and the configuration, if it timed out).
    pub fn retry(self) {
        let config = use_config();
        if config.timed_out() {
            config.retry();
        }
        self.attempt.update(|a| *a += 1);
    }
}

/// Courses parsed or indexed per step of a slice (well under a millisecond).
const COURSES_PER_STEP: usize = 32;

async fn fetch(url: &str) -> Result<LoadedCatalogue, LoadError> {
    let text = get_text_sliced(url, CATALOGUE_TIMEOUT_MS)
        .await
        .map_err(|e| match e {
            FetchError::Timeout => LoadError::Timeout,
            other => LoadError::Network(other.to_string()),
        })?;
    let parsed = parse_in_slices(&text)
        .await
        .map_err(|e| LoadError::Invalid(e.to_string()))?;
    drop(text);
    for skipped in &parsed.skipped {
        web_sys::console::warn_1(
            &format!(
                "[campus] catalogue entry #{} ({}) skipped: {}",
                skipped.index,
                skipped.id.as_deref().unwrap_or("no id"),
                skipped.reason
            )
            .into(),
        );
    }
    for dropped in &parsed.dropped {
        web_sys::console::warn_1(
            &format!(
                "[campus] catalogue entry #{} ({}): field {} ignored: {}",
                dropped.index, dropped.id, dropped.field, dropped.problem
            )
            .into(),
        );
    }
    let skipped = parsed.skipped.len();
    let explorer = index_in_slices(parsed.catalogue, now_unix()).await;
    // The first results render in a task of their own.
    next_task().await;
    Ok(LoadedCatalogue { explorer, skipped })
}

/// [`Parsed::from_json`] in slices of [`SLICE_MS`](crate::ui::tasks::SLICE_MS),
/// yielding to the browser between them; measured as `campus:parse` (from
/// start to end), and its longest single step as `campus:parse:longest-step`.
async fn parse_in_slices(text: &str) -> Result<Parsed, CatalogueError> {
    let phase = Phase::start("campus:parse");
    let mut progress = ParseProgress::new(text);
    let mut slicer = Slicer::new();
    while !progress.step(COURSES_PER_STEP) {
        slicer.tick().await;
    }
    slicer.tick().await;
    let (start, end) = slicer.longest_step;
    let result = progress.finish();
    phase.end();
    record("campus:parse:longest-step", start, end);
    result
}

/// [`Explorer::new`] in slices, as [`parse_in_slices`]: `campus:index` and
/// `campus:index:longest-step`.
async fn index_in_slices(catalogue: Catalogue, now: i64) -> Explorer {
    let phase = Phase::start("campus:index");
    let mut builder = ExplorerBuilder::new(catalogue, now);
    let mut slicer = Slicer::new();
    while !builder.step(COURSES_PER_STEP) {
        slicer.tick().await;
    }
    slicer.tick().await;
    let (start, end) = slicer.longest_step;
    let explorer = builder.finish();
    phase.end();
    record("campus:index:longest-step", start, end);
    explorer
}

/// Starts loading once the configuration is known, and on every retry.
pub fn provide_catalogue() -> CatalogueContext {
    let config = use_config();
    // The static-page renderer gives the catalogue it renders.
    if let Some(prerender) = crate::ui::boot::prerender() {
        let ctx = CatalogueContext {
            state: RwSignal::new(CatalogueState::Ready(prerender.catalogue)),
            attempt: RwSignal::new(0),
        };
        provide_context(ctx);
        return ctx;
    }
    let ctx = CatalogueContext {
        state: RwSignal::new(CatalogueState::Loading),
        attempt: RwSignal::new(0),
    };
    Effect::new(move |_| {
        ctx.attempt.track();
        if config.timed_out() {
            ctx.state
                .set(CatalogueState::Failed(LoadError::ConfigTimeout));
            return;
        }
        let Some(config) = config.get() else {
            return;
        };
        ctx.state.set(CatalogueState::Loading);
        leptos::task::spawn_local(async move {
            let state = match fetch(&config.catalogue_url).await {
                Ok(loaded) => CatalogueState::Ready(Arc::new(loaded)),
                Err(e) => CatalogueState::Failed(e),
            };
            ctx.state.set(state);
        });
    });
    provide_context(ctx);
    ctx
}

/// The catalogue context.
pub fn use_catalogue() -> CatalogueContext {
    expect_context::<CatalogueContext>()
}
