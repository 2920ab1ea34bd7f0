//! Fetching the catalogue (`catalogue_url` from `config.json`), parsing and
//! indexing it once, and sharing it with every page as a context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::clock::now_unix;
use crate::ui::config::{use_config, ConfigContext};
use crate::ui::fetch::{get_text_sliced, FetchError};
use crate::ui::perf::{record, Phase};
use crate::ui::tasks::{next_task, run_in_slices};
use campus_core::catalogue::excerpt::{CourseExcerpt, Excerpted, EXCERPT_ID};
use campus_core::catalogue::explore::{Explorer, ExplorerBuilder, SimilarJob};
use campus_core::catalogue::model::{Catalogue, CatalogueError, ParseProgress, Parsed};
use campus_core::catalogue::sliced::Sliced;
use campus_core::catalogue::summary::{Summary, HOME_SESSIONS, SUMMARY_ID, SUMMARY_SESSIONS};
use campus_core::routes::{Location, PageData, Route};

/// How long the catalogue may take to arrive.
pub const CATALOGUE_TIMEOUT_MS: i32 = 20_000;

/// A catalogue ready to explore.
#[derive(Debug)]
pub struct LoadedCatalogue {
    /// The catalogue with its indexes.
    pub explorer: Explorer,
    /// How many courses were skipped as invalid.
    pub skipped: usize,
    /// `Some` when it is a course page's excerpt (`catalogue::excerpt`), not
    /// the whole catalogue: only that course's page shows it.
    pub excerpt: Option<Excerpted>,
    /// Notified once [`Explorer::similar`] has what it looks up: in the
    /// browser, built in the background once the whole catalogue is shown
    /// (a course page tracks it, and shows its similar courses then).
    pub similar_built: ArcTrigger,
    /// The home page's share of the whole catalogue (from its reference
    /// time, no `source`), made once with it: in the browser, by the chunk
    /// that reads it (the main module has no code for it). `None` for an
    /// excerpt.
    pub summary: Option<Summary>,
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
    /// The course excerpt the page's file carries, read by the reader's
    /// chunk (the main module has no code for it): `Loading` until then,
    /// `Failed` if the file has none or it could not be read (the whole
    /// catalogue is then fetched).
    excerpt: RwSignal<CatalogueState>,
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

    /// What the excerpt the page's file carries says of the course `id` at an
    /// address of query `query` for this deployment (tracked): `None` while it
    /// is being read, then the catalogue read from it if it serves, else
    /// `Some(None)` (no excerpt, one that could not be read, or another
    /// course, catalogue or query).
    fn excerpt_for(self, id: &str, query: &str) -> Option<Option<Arc<LoadedCatalogue>>> {
        match self.excerpt.get() {
            CatalogueState::Loading => None,
            CatalogueState::Ready(loaded) => Some(
                self.config
                    .get()
                    .filter(|c| {
                        let excerpt = loaded.excerpt.as_ref();
                        excerpt.is_some_and(|e| e.serves(&c.catalogue_url, id, query))
                    })
                    .map(|_| loaded),
            ),
            CatalogueState::Failed(_) => Some(None),
        }
    }

    /// What a course page shows for the course `id` at an address of query
    /// `query` (tracked): the excerpt the page's file carries for that course,
    /// once read and if it serves, else the whole catalogue once it is here.
    /// The excerpt first, and the whole catalogue not even tracked then: its
    /// arrival (a link about to be followed asks for it) must not draw the
    /// page again, which would lose the focus.
    pub fn for_course(self, id: &str, query: &str) -> Option<Arc<LoadedCatalogue>> {
        self.excerpt_for(id, query)
            .flatten()
            .or_else(|| self.ready())
    }

    /// Whether the page at `location` needs the whole catalogue (tracked). A
    /// page of the summary or of a course excerpt waits for the configuration
    /// to know.
    pub fn needed_for(self, location: &Location) -> bool {
        let Location { route, query } = location;
        let known = self.config.get().is_some() || self.config.timed_out();
        match (route.data(), route) {
            (PageData::None, _) => false,
            (PageData::Catalogue, _) => true,
            (PageData::Summary, _) => known && self.summary().is_none(),
            // While the excerpt is being read, it is taken to serve.
            (PageData::Course, Route::Course(id)) => {
                known && self.excerpt_for(id, query).is_some_and(|e| e.is_none())
            }
            (PageData::Course, _) => true,
        }
    }

    /// Whether the page at `location` has what it shows, or knows it cannot
    /// have it (the catalogue failed): the live page can then take the static
    /// one's place (tracked).
    pub fn settled_for(self, location: &Location) -> bool {
        let Location { route, query } = location;
        let settled = self.wanted.get() && !matches!(self.state.get(), CatalogueState::Loading);
        match (route.data(), route) {
            (PageData::None, _) => true,
            (PageData::Summary, _) => settled || self.summary().is_some(),
            (PageData::Course, Route::Course(id)) => {
                settled || self.for_course(id, query).is_some()
            }
            (PageData::Catalogue | PageData::Course, _) => settled,
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

/// Where a catalogue is read from.
enum Source {
    /// The whole catalogue, at this address.
    Url(String),
    /// The excerpt a course page's file carries, as it is there, and the
    /// query of the address it is read for.
    Excerpt(String, String),
}

async fn fetch(source: Source) -> Result<LoadedCatalogue, LoadError> {
    let url = match source {
        Source::Url(url) => url,
        Source::Excerpt(text, query) => {
            let excerpt = CourseExcerpt::from_json(&text)
                .ok_or_else(|| LoadError::Invalid("not a course excerpt of this version".into()))?;
            let parsed = parse_in_slices(excerpt.catalogue.get())
                .await
                .map_err(|e| LoadError::Invalid(e.to_string()))?;
            let explorer = index_in_slices(parsed.catalogue, now_unix()).await;
            return Ok(LoadedCatalogue {
                explorer,
                skipped: excerpt.skipped + parsed.skipped.len(),
                excerpt: Some(excerpt.excerpted(&query)),
                similar_built: ArcTrigger::new(),
                summary: None,
            });
        }
    };
    let text = get_text_sliced(&url, CATALOGUE_TIMEOUT_MS)
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
        .query_selector(&format!("meta[name={}]", campus_core::routes::FOLDERS_META))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"));
    let stamp =
        campus_core::routes::folders_stamp(parsed.catalogue.courses.iter().map(|c| c.id.as_str()));
    campus_core::routes::set_course_folders(written.as_deref() == Some(stamp.as_str()));
    let explorer = index_in_slices(parsed.catalogue, now_unix()).await;
    // The summary (one pass over the courses), then the first results, each
    // in a task of its own.
    next_task().await;
    let summary = Summary::of(&explorer.catalogue, "", explorer.now(), SUMMARY_SESSIONS);
    next_task().await;
    Ok(LoadedCatalogue {
        explorer,
        skipped,
        excerpt: None,
        similar_built: ArcTrigger::new(),
        summary: Some(summary),
    })
}

/// The catalogue being fetched, parsed, indexed and set into its signal, then
/// (the whole catalogue) what its course pages' similar courses look up.
type Loading = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

/// [`fetch`] into `target`, whose code (parsing, validation, indexing: 80 kB
/// of wasm, 30 kB brotli) is cut out of the main module into a chunk of its own
/// (see `crate::pages`): the home page, which starts from its summary, never
/// downloads it. `Err` when the chunk cannot be fetched (offline), shown as a
/// network failure with its retry.
#[cfg_attr(
    feature = "csr",
    leptos::wasm_split::wasm_split(catalogue_data, fallible, wasm_split_path = ::leptos::wasm_split)
)]
fn fetch_in_chunk(
    source: Source,
    target: RwSignal<CatalogueState>,
) -> Result<Loading, leptos::wasm_split::SplitLoaderError> {
    Ok(Box::pin(async move {
        let whole = matches!(source, Source::Url(_));
        match fetch(source).await {
            Ok(loaded) => {
                let loaded = Arc::new(loaded);
                target.set(CatalogueState::Ready(loaded.clone()));
                if whole {
                    similar_in_slices(&loaded).await;
                }
            }
            Err(e) => target.set(CatalogueState::Failed(e)),
        }
    }))
}

/// Reads `source` with the chunk's code into `target`: the loaded catalogue,
/// or why not. (One future for both sources: each kind of future spawned
/// costs the main module its own copy of the executor's code.)
async fn load_into(target: RwSignal<CatalogueState>, source: Source) {
    #[cfg(feature = "csr")]
    let loading = fetch_in_chunk(source, target).await;
    #[cfg(not(feature = "csr"))]
    let loading = fetch_in_chunk(source, target);
    match loading {
        Ok(loading) => loading.await,
        Err(_) => target.set(CatalogueState::Failed(LoadError::Network(
            "the code that reads the catalogue did not arrive".into(),
        ))),
    }
}

/// The job `job` makes, run in slices of
/// [`SLICE_MS`](crate::ui::tasks::SLICE_MS) ([`run_in_slices`],
/// [`COURSES_PER_STEP`] a step), yielding to the browser between them;
/// measured as `phase` (from start to end), and its longest single step as
/// `longest_step`.
async fn in_slices<J: Sliced>(
    phase: &'static str,
    longest_step: &'static str,
    job: impl FnOnce() -> J,
) -> J::Output {
    let measured = Phase::start(phase);
    let (output, (start, end)) = run_in_slices(job(), COURSES_PER_STEP).await;
    measured.end();
    record(longest_step, start, end);
    output
}

/// What [`Explorer::similar`] looks up, built in slices as [`index_in_slices`]
/// once the whole catalogue is shown (its first results in a task of their
/// own), then [`LoadedCatalogue::similar_built`] notified: the first course
/// page no longer builds it in one go (768 ms at 200,000 courses). Measured
/// as `campus:similar` and `campus:similar:longest-step`.
async fn similar_in_slices(loaded: &LoadedCatalogue) {
    let explorer = &loaded.explorer;
    if explorer.has_similar() {
        return;
    }
    next_task().await;
    in_slices("campus:similar", "campus:similar:longest-step", || {
        SimilarJob::new(explorer)
    })
    .await;
    loaded.similar_built.notify();
}

/// [`Parsed::from_json`] in slices ([`in_slices`]): `campus:parse` and
/// `campus:parse:longest-step`.
async fn parse_in_slices(text: &str) -> Result<Parsed, CatalogueError> {
    in_slices("campus:parse", "campus:parse:longest-step", || {
        ParseProgress::new(text)
    })
    .await
}

/// [`Explorer::new`] in slices ([`in_slices`]): `campus:index` and
/// `campus:index:longest-step`.
async fn index_in_slices(catalogue: Catalogue, now: i64) -> Explorer {
    in_slices("campus:index", "campus:index:longest-step", || {
        ExplorerBuilder::new(catalogue, now)
    })
    .await
}

/// The catalogue the static-page renderer renders, parsed and indexed: a
/// context it provides beside `ui::boot::Prerender` (never in the browser).
#[derive(Clone)]
pub struct PrerenderedCatalogue(pub Arc<LoadedCatalogue>);

/// Starts loading once the configuration is known, and on every retry.
pub fn provide_catalogue() -> CatalogueContext {
    let config = use_config();
    // The static-page renderer gives the catalogue it renders, and the summary
    // it writes into the page (made once, and only for the pages that carry one).
    let prerendered = crate::ui::boot::prerender()
        .and_then(|p| Some((p, use_context::<PrerenderedCatalogue>()?)));
    if let Some((prerender, PrerenderedCatalogue(catalogue))) = prerendered {
        let ctx = CatalogueContext {
            state: RwSignal::new(CatalogueState::Ready(catalogue)),
            attempt: RwSignal::new(0),
            wanted: RwSignal::new(true),
            summary: StoredValue::new(prerender.summary),
            excerpt: RwSignal::new(CatalogueState::Failed(LoadError::Invalid(String::new()))),
            config,
        };
        provide_context(ctx);
        return ctx;
    }
    // What the landing page's file carries for it: the home page's summary,
    // a course page's excerpt (read once, by the kind of page).
    let landing = untrack(|| crate::ui::router::use_router().location());
    let (summary, excerpt) = match landing.route.data() {
        PageData::Summary => (crate::ui::boot::page_data(SUMMARY_ID), None),
        PageData::Course => (None, crate::ui::boot::page_data(EXCERPT_ID)),
        _ => (None, None),
    };
    let summary = summary
        .and_then(|json| Summary::from_json(&json))
        .map(Arc::new);
    let ctx = CatalogueContext {
        state: RwSignal::new(CatalogueState::Loading),
        attempt: RwSignal::new(0),
        wanted: RwSignal::new(false),
        summary: StoredValue::new(summary),
        excerpt: RwSignal::new(match excerpt {
            Some(_) => CatalogueState::Loading,
            None => CatalogueState::Failed(LoadError::Invalid(String::new())),
        }),
        config,
    };
    // The excerpt, if the page's file has one, is read at once with the
    // reader's code (whether it serves this deployment and this address is
    // checked where it is used).
    if let Some(excerpt) = excerpt {
        let source = Source::Excerpt(excerpt, landing.query);
        leptos::task::spawn_local(load_into(ctx.excerpt, source));
    }
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
        leptos::task::spawn_local(load_into(ctx.state, Source::Url(config.catalogue_url)));
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
