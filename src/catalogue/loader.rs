//! Fetching the catalogue (`catalogue_url` from `config.json`), parsing and
//! indexing it once, and sharing it with every page as a context.

use std::sync::Arc;

use leptos::prelude::*;

use super::explore::Explorer;
use super::model::Parsed;
use crate::ui::clock::now_unix;
use crate::ui::config::use_config;
use crate::ui::fetch::{get_text, FetchError};
use crate::ui::perf::measure;

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

async fn fetch(url: &str) -> Result<LoadedCatalogue, LoadError> {
    let text = get_text(url, CATALOGUE_TIMEOUT_MS)
        .await
        .map_err(|e| match e {
            FetchError::Timeout => LoadError::Timeout,
            other => LoadError::Network(other.to_string()),
        })?;
    let parsed = measure("campus:parse", || Parsed::from_json(&text))
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
    let explorer = measure("campus:index", || {
        Explorer::new(parsed.catalogue, now_unix())
    });
    Ok(LoadedCatalogue { explorer, skipped })
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
