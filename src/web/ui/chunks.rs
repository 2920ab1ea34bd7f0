//! Pages whose code is in a part of the WebAssembly fetched when first needed
//! ([`Chunk`]): which parts have arrived, and what a page shows until its own
//! has (a loading message, or a failure with a way to retry).
//!
//! The split points themselves (which views each chunk holds) are in
//! `crate::pages`; this module knows only the chunks, so that any feature can
//! ask whether a page is ready.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use crate::ui::focus::{FAILED_ID, LOADING_ID};
use crate::ui::i18n::use_i18n;
use crate::ui::router::Router;
use campus_core::i18n::Text;
use campus_core::routes::{Chunk, Route};

/// Where a chunk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkState {
    /// Not asked for yet.
    Idle,
    /// Being fetched and instantiated.
    Loading,
    /// Its code can run.
    Ready,
    /// The last attempt failed (offline, server error); asking again retries.
    Failed,
}

/// Fetches a chunk; `true` once its code can run.
pub type LoadFuture = Pin<Box<dyn Future<Output = bool>>>;

/// How the app fetches a chunk (`crate::pages::load_chunk`).
pub type LoadFn = fn(Chunk) -> LoadFuture;

/// The chunks context: the state of each chunk.
#[derive(Clone, Copy)]
pub struct Chunks {
    states: RwSignal<[ChunkState; Chunk::ALL.len()]>,
    load: LoadFn,
    /// The app's own reactive scope.
    app: StoredValue<Option<Owner>>,
}

impl Chunks {
    /// The state of `chunk` (tracked).
    pub fn state(self, chunk: Chunk) -> ChunkState {
        self.states.with(|states| states[chunk.index()])
    }

    /// Whether the live app can take the place of `route`'s static content
    /// (tracked): its code has arrived, or failed to on a page that is a
    /// tool of the app (a form step: its page then says so, with a retry;
    /// see [`Route::readable_without_app`]). A readable page keeps its
    /// static content and plain links when its code cannot come.
    pub fn settled_for(self, route: &Route) -> bool {
        route.chunk().is_none_or(|chunk| match self.state(chunk) {
            ChunkState::Ready => true,
            ChunkState::Failed => !route.readable_without_app(),
            _ => false,
        })
    }

    /// Whether `route`'s view can be shown now (tracked): its chunk has
    /// arrived, or it needs none.
    pub fn ready_for(self, route: &Route) -> bool {
        route
            .chunk()
            .is_none_or(|chunk| self.state(chunk) == ChunkState::Ready)
    }

    /// Runs `provide` in the app's own scope: a context that a chunk's pages
    /// share and keep across them (the forms' drafts) is provided there the
    /// first time one of them is shown, by the chunk's code, and then lives
    /// as long as the app.
    pub fn provide_in_app(self, provide: impl FnOnce()) {
        match self.app.get_value() {
            Some(owner) => owner.with(provide),
            None => provide(),
        }
    }

    /// Starts fetching `chunk` unless it is here or on its way; after a
    /// failure, this is the retry.
    pub fn load(self, chunk: Chunk) {
        let current = self.states.with_untracked(|states| states[chunk.index()]);
        if matches!(current, ChunkState::Loading | ChunkState::Ready) {
            return;
        }
        self.states
            .update(|states| states[chunk.index()] = ChunkState::Loading);
        #[cfg(feature = "csr")]
        leptos::task::spawn_local(async move {
            // In a task of its own: issuing a chunk's requests (some thirty
            // fetches of the pieces it shares) is a third of the app's start
            // otherwise, one long task with the mount.
            crate::ui::tasks::next_task().await;
            let state = if (self.load)(chunk).await {
                ChunkState::Ready
            } else {
                ChunkState::Failed
            };
            self.states
                .try_update(|states| states[chunk.index()] = state);
        });
        #[cfg(not(feature = "csr"))]
        let _ = self.load;
    }
}

/// Provides the [`Chunks`] context and fetches the chunk of every page the
/// router shows, as soon as it shows it (the first page's chunk is fetched
/// while the catalogue is).
///
/// A pointer over a link or focus on it (or on a form's field) is taken as the
/// intent to open its page: the page's chunk is fetched then, and `on_intent`
/// is told the route (the app fetches the catalogue if that page needs it).
///
/// The static-page renderer has every chunk at hand: its pages are all
/// `Ready`.
pub fn provide_chunks(load: LoadFn, router: Router, on_intent: Callback<Route>) -> Chunks {
    let initial = if cfg!(feature = "csr") {
        ChunkState::Idle
    } else {
        ChunkState::Ready
    };
    let chunks = Chunks {
        states: RwSignal::new([initial; Chunk::ALL.len()]),
        load,
        app: StoredValue::new(Owner::current()),
    };
    provide_context(chunks);
    #[cfg(feature = "csr")]
    {
        Effect::new(move || {
            if let Some(chunk) = router.route().chunk() {
                chunks.load(chunk);
            }
        });
        prefetch_on_intent(chunks, on_intent);
    }
    #[cfg(not(feature = "csr"))]
    let _ = (router, on_intent);
    chunks
}

/// A pointer over a link, or keyboard focus on it or on a field of a form
/// (the search box opens the catalogue), is a sign that it will be followed:
/// its page's chunk is fetched then, so that the page shows at once when it is.
#[cfg(feature = "csr")]
fn prefetch_on_intent(chunks: Chunks, on_intent: Callback<Route>) {
    use leptos::ev;
    use wasm_bindgen::JsCast;
    let intent = move |target: Option<web_sys::EventTarget>| {
        let element = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(element) = element else { return };
        let href = match element.closest("a[href]").ok().flatten() {
            Some(a) => a.get_attribute("href"),
            None => element
                .closest("form[action]")
                .ok()
                .flatten()
                .and_then(|form| form.get_attribute("action")),
        };
        let route = href
            .as_deref()
            .and_then(campus_core::routes::Location::from_href)
            .map(|location| location.route);
        let Some(route) = route else { return };
        if let Some(chunk) = route.chunk() {
            chunks.load(chunk);
        }
        on_intent.run(route);
    };
    let over = window_event_listener(ev::pointerover, move |e| intent(e.target()));
    let focus = window_event_listener(ev::focusin, move |e| intent(e.target()));
    on_cleanup(move || {
        over.remove();
        focus.remove();
    });
}

/// The chunks context provided by [`provide_chunks`].
pub fn use_chunks() -> Chunks {
    expect_context::<Chunks>()
}

/// The output of a future that needs no waiting, else `None`. A split
/// function whose chunk has arrived completes at its first poll: its view can
/// then be built in the same render as the rest of the page.
pub fn ready_now<F: Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

/// What a page shows while its chunk is on its way, or when it could not be
/// fetched (with a button that tries again). Once the page can be shown,
/// keyboard focus goes where a route change puts it (see
/// [`Router::settle_focus`]).
#[component]
pub fn ChunkPending(
    /// The chunk the page needs.
    chunk: Chunk,
    /// Whether the page could not be built although its chunk is `Ready`.
    #[prop(optional)]
    broken: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let chunks = use_chunks();
    let router = crate::ui::router::use_router();
    move || {
        let failed = broken || chunks.state(chunk) == ChunkState::Failed;
        if failed {
            view! {
                <div class="fr-container fr-my-6w">
                    <div class="fr-alert fr-alert--error" id=FAILED_ID role="alert">
                        <h1 class="fr-alert__title">{i18n.t(Text::PageLoadFailedTitle)}</h1>
                        <p>{i18n.t(Text::PageLoadFailed)}</p>
                        <button type="button" class="fr-btn fr-btn--sm fr-mt-2w" on:click=move |_| {
                            router.focus_when_settled();
                            chunks.load(chunk);
                        }>
                            {i18n.t(Text::Retry)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="fr-container fr-my-6w" id=LOADING_ID role="status">
                    <h1 class="fr-h5">{i18n.t(Text::PageLoading)}</h1>
                </div>
            }
            .into_any()
        }
    }
}
