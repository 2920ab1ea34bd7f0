//! Fetching the catalogue (`catalogue_url` from `config.json`), parsing and
//! indexing it once, and sharing it with every page as a context.

use std::sync::Arc;

use leptos::prelude::*;

use super::explore::{Explorer, ExplorerBuilder};
use super::model::{Catalogue, CatalogueError, ParseProgress, Parsed};
use super::summary::{Summary, HOME_SESSIONS, SUMMARY_ID, SUMMARY_SESSIONS};
use crate::routes::PageData;
use crate::ui::clock::now_unix;
use crate::ui::config::{use_config, ConfigContext};
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
#[derive(Clone, Copy)]
pub struct CatalogueContext {
    state: RwSignal<CatalogueState>,
    attempt: RwSignal<u32>,
    /// Whether a page has needed the whole catalogue yet: it is fetched from
    /// then on, not before.
    wanted: RwSignal<bool>,
    /// The summary the page's file carries, if any.
    summary: StoredValue<Option<Arc<Summary>>>,
    config: ConfigContext,
}

impl CatalogueContext {
    /// Whether the whole catalogue is here (not tracked).
    pub fn is_ready_untracked(self) -> bool {
        self.state
            .with_untracked(|s| matches!(s, CatalogueState::Ready(_)))
    }

    /// Fetches the catalogue again if it failed on the network (not tracked):
    /// when a page's code has just come back, so can the catalogue.
    pub fn retry_if_offline(self) {
        let offline = self.wanted.get_untracked()
            && self
                .state
                .with_untracked(|s| matches!(s, CatalogueState::Failed(LoadError::Network(_))));
        if offline {
            self.retry();
        }
    }

    /// Asks for the whole catalogue (fetched once; nothing if it is already).
    pub fn want(self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// The summary of the page's file when it tells what is true today for
    /// this deployment (its catalogue is the one `config.json` names), else
    /// `None`; tracked (the configuration arrives).
    pub fn summary(self) -> Option<Arc<Summary>> {
        let summary = self.summary.get_value()?;
        let config = self.config.get()?;
        summary
            .serves(&config.catalogue_url, now_unix(), HOME_SESSIONS)
            .then_some(summary)
    }

    /// Whether a page that shows `data` needs the whole catalogue (tracked). A
    /// page of the summary waits for the configuration to know.
    pub fn needed_for(self, data: PageData) -> bool {
        match data {
            PageData::None => false,
            PageData::Catalogue => true,
            PageData::Summary => {
                (self.config.get().is_some() || self.config.timed_out()) && self.summary().is_none()
            }
        }
    }

    /// Whether a page that shows `data` has what it shows, or knows it cannot
    /// have it (the catalogue failed): the live page can then take the static
    /// one's place (tracked).
    pub fn settled_for(self, data: PageData) -> bool {
        let settled = self.wanted.get() && !matches!(self.state.get(), CatalogueState::Loading);
        match data {
            PageData::None => true,
            PageData::Summary => settled || self.summary().is_some(),
            PageData::Catalogue => settled,
        }
    }

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
        if self.config.timed_out() {
            self.config.retry();
        }
        self.attempt.update(|a| *a += 1);
    }
}

/// Courses parsed or indexed per step of a slice (well under a millisecond,
/// so that a step rarely takes a slice much past its `SLICE_MS`).
const COURSES_PER_STEP: usize = 16;

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
    // Course links name their folder only if the pages were written for
    // this catalogue (a course added since has none).
    let written = document()
        .query_selector(&format!("meta[name={}]", crate::routes::FOLDERS_META))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"));
    let stamp =
        crate::routes::folders_stamp(parsed.catalogue.courses.iter().map(|c| c.id.as_str()));
    crate::routes::set_course_folders(written.as_deref() == Some(stamp.as_str()));
    let explorer = index_in_slices(parsed.catalogue, now_unix()).await;
    // The first results render in a task of their own.
    next_task().await;
    Ok(LoadedCatalogue { explorer, skipped })
}

/// The catalogue being fetched, parsed and indexed.
type Loading =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<LoadedCatalogue, LoadError>>>>;

/// [`fetch`], whose code (parsing, validation, indexing: 80 kB of wasm, 30 kB
/// brotli) is cut out of the main module into a chunk of its own (see `crate::pages`):
/// the home page, which starts from its summary, never downloads it. `Err`
/// when the chunk cannot be fetched (offline), shown as a network failure with
/// its retry.
#[cfg_attr(
    feature = "csr",
    leptos::wasm_split::wasm_split(catalogue_data, fallible, wasm_split_path = ::leptos::wasm_split)
)]
fn fetch_in_chunk(url: String) -> Result<Loading, leptos::wasm_split::SplitLoaderError> {
    Ok(Box::pin(async move { fetch(&url).await }))
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
    // The static-page renderer gives the catalogue it renders, and the summary
    // it writes into the page (made once, and only for the pages that carry one).
    if let Some(prerender) = crate::ui::boot::prerender() {
        let ctx = CatalogueContext {
            state: RwSignal::new(CatalogueState::Ready(prerender.catalogue)),
            attempt: RwSignal::new(0),
            wanted: RwSignal::new(true),
            summary: StoredValue::new(prerender.summary),
            config,
        };
        provide_context(ctx);
        return ctx;
    }
    let summary = crate::ui::boot::page_data(SUMMARY_ID)
        .and_then(|json| Summary::from_json(&json))
        .map(Arc::new);
    let ctx = CatalogueContext {
        state: RwSignal::new(CatalogueState::Loading),
        attempt: RwSignal::new(0),
        wanted: RwSignal::new(false),
        summary: StoredValue::new(summary),
        config,
    };
    Effect::new(move |_| {
        ctx.attempt.track();
        if !ctx.wanted.get() {
            return;
        }
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
            #[cfg(feature = "csr")]
            let loading = fetch_in_chunk(config.catalogue_url).await;
            #[cfg(not(feature = "csr"))]
            let loading = fetch_in_chunk(config.catalogue_url);
            let state = match loading {
                Ok(loading) => match loading.await {
                    Ok(loaded) => CatalogueState::Ready(Arc::new(loaded)),
                    Err(e) => CatalogueState::Failed(e),
                },
                Err(e) => CatalogueState::Failed(LoadError::Network(format!(
                    "the code that reads the catalogue did not arrive ({e:?})"
                ))),
            };
            ctx.state.set(state);
        });
    });
    provide_context(ctx);
    ctx
}

/// The summary a page of `catalogue` carries, for a deployment whose
/// `config.json` names it `catalogue_url`.
pub fn summary_of(catalogue: &LoadedCatalogue, catalogue_url: &str) -> Summary {
    Summary::of(
        &catalogue.explorer.catalogue,
        catalogue_url,
        catalogue.explorer.now(),
        SUMMARY_SESSIONS,
    )
}

/// The catalogue context.
pub fn use_catalogue() -> CatalogueContext {
    expect_context::<CatalogueContext>()
}
