//! The page table: the view each route shows, and where its code lives.
//!
//! The pages of a [`Chunk`] are split points: in the browser their code is
//! cut out of the main WebAssembly module at build time (`wasm-split-cli`,
//! see `build/wasm-split.mjs`) and fetched the first time a page of that
//! chunk is shown. A page must therefore be reached only through its split
//! function below, never by naming its component elsewhere in the main
//! module, or its code would be pulled back into it.
//!
//! The static-page renderer (`ssr`) calls the same functions directly.

use leptos::prelude::*;
#[cfg(feature = "csr")]
use leptos::wasm_split::wasm_split;
use leptos::wasm_split::SplitLoaderError;

use crate::application::application_page::FormStartPage;
use crate::application::notices::FormGuard;
use crate::application::step_page::StepPage;
use crate::application::storage::FormScope;
use crate::application::trainer_call_page::TrainerCallPage;
use crate::catalogue::catalogue_page::CataloguePage;
use crate::catalogue::course_page::CoursePage;
use crate::catalogue::selection_page::SelectionPage;
use crate::site::home::HomePage;
use crate::site::info_page::InfoPageView;
use crate::site::not_found::NotFoundPage;
use crate::site::sitemap::SitemapPage;
use crate::ui::chunks::{use_chunks, ChunkPending, ChunkState};
use crate::ui::router::use_router;
use campus_core::application::form::{FormId, StepId};
use campus_core::i18n::pages::InfoPage;
use campus_core::routes::{Chunk, Route};

/// The view of `route`: at once for a page of the main module, else once its
/// chunk has arrived (a loading message until then).
pub fn page(route: Route) -> AnyView {
    match route.chunk() {
        None => main_page(route),
        Some(chunk) => view! { <ChunkPage chunk=chunk route=route /> }.into_any(),
    }
}

/// Pages whose code is in the main module.
fn main_page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <HomePage /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

/// A page of a chunk: its view once the chunk is `Ready`, else
/// [`ChunkPending`]. When it appears after a route change, it gets the focus
/// the route change could not give.
#[component]
fn ChunkPage(chunk: Chunk, route: Route) -> impl IntoView {
    let chunks = use_chunks();
    let router = use_router();
    Effect::new(move || {
        if chunks.state(chunk) != ChunkState::Loading {
            router.settle_focus();
        }
    });
    // Re-rendered when the chunk arrives, not at every change of state (the
    // message would be rebuilt, and lose the focus it was given).
    let ready = Memo::new(move |_| chunks.state(chunk) == ChunkState::Ready);
    move || match ready.get().then(|| chunk_page(&route)).flatten() {
        Some(view) => view,
        None => view! { <ChunkPending chunk=chunk broken=ready.get_untracked() /> }.into_any(),
    }
}

/// The view of a chunk's page, built by the chunk's own code; `None` if the
/// chunk is not here (the caller checks first).
fn chunk_page(route: &Route) -> Option<AnyView> {
    match route.clone() {
        Route::Catalogue => settle(catalogue_page()),
        Route::Course(id) => settle(course_page(id)),
        Route::Selection => settle(selection_page()),
        Route::FormStart(form) => settle(form_start_page(form)),
        Route::FormStep(form, step) => settle(form_step_page(form, step)),
        Route::TrainerCall => settle(trainer_call_page()),
        Route::Accessibility => settle(info_page(InfoPage::Accessibility)),
        Route::LegalNotice => settle(info_page(InfoPage::LegalNotice)),
        Route::PersonalData => settle(info_page(InfoPage::PersonalData)),
        Route::Sitemap => settle(sitemap_page()),
        Route::Home | Route::NotFound => None,
    }
}

/// A split function's view, if its chunk needs no waiting.
#[cfg(feature = "csr")]
fn settle(
    view: impl std::future::Future<Output = Result<AnyView, SplitLoaderError>>,
) -> Option<AnyView> {
    crate::ui::chunks::ready_now(view).and_then(Result::ok)
}

/// Natively, split functions are plain functions.
#[cfg(not(feature = "csr"))]
fn settle(view: Result<AnyView, SplitLoaderError>) -> Option<AnyView> {
    view.ok()
}

/// Fetches `chunk`: the preloads of all its split functions (each has its
/// own loader to initialize; the file itself is fetched once).
#[cfg(feature = "csr")]
pub fn load_chunk(chunk: Chunk) -> crate::ui::chunks::LoadFuture {
    Box::pin(async move {
        let loaded: Result<(), SplitLoaderError> = async {
            match chunk {
                Chunk::Catalogue => preload_catalogue_page().await,
                Chunk::Course => preload_course_page().await,
                Chunk::Selection => preload_selection_page().await,
                Chunk::Forms => {
                    preload_form_start_page().await?;
                    preload_form_step_page().await
                }
                Chunk::Info => {
                    preload_trainer_call_page().await?;
                    preload_info_page().await?;
                    preload_sitemap_page().await
                }
            }
        }
        .await;
        loaded.is_ok()
    })
}

/// Natively, every chunk is here.
#[cfg(not(feature = "csr"))]
pub fn load_chunk(_: Chunk) -> crate::ui::chunks::LoadFuture {
    Box::pin(std::future::ready(true))
}

// The split points. `fallible`: a chunk that cannot be fetched (offline, a
// server error) is an `Err`, shown with a retry, never a panic (which would
// stop the whole app).

#[cfg_attr(feature = "csr", wasm_split(catalogue, fallible, preload(preload_catalogue_page), wasm_split_path = ::leptos::wasm_split))]
fn catalogue_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <CataloguePage /> }.into_any())
}

#[cfg_attr(feature = "csr", wasm_split(course, fallible, preload(preload_course_page), wasm_split_path = ::leptos::wasm_split))]
fn course_page(id: String) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <CoursePage id=id /> }.into_any())
}

#[cfg_attr(feature = "csr", wasm_split(selection, fallible, preload(preload_selection_page), wasm_split_path = ::leptos::wasm_split))]
fn selection_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <SelectionPage /> }.into_any())
}

#[cfg_attr(feature = "csr", wasm_split(forms, fallible, preload(preload_form_start_page), wasm_split_path = ::leptos::wasm_split))]
fn form_start_page(form: FormId) -> Result<AnyView, SplitLoaderError> {
    Ok(view! {
        <FormScope form=form>
            <FormGuard route=Route::FormStart(form)><FormStartPage /></FormGuard>
        </FormScope>
    }
    .into_any())
}

#[cfg_attr(feature = "csr", wasm_split(forms, fallible, preload(preload_form_step_page), wasm_split_path = ::leptos::wasm_split))]
fn form_step_page(form: FormId, step: StepId) -> Result<AnyView, SplitLoaderError> {
    Ok(view! {
        <FormScope form=form>
            <FormGuard route=Route::FormStep(form, step)><StepPage step=step /></FormGuard>
        </FormScope>
    }
    .into_any())
}

#[cfg_attr(feature = "csr", wasm_split(info, fallible, preload(preload_trainer_call_page), wasm_split_path = ::leptos::wasm_split))]
fn trainer_call_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <TrainerCallPage /> }.into_any())
}

#[cfg_attr(feature = "csr", wasm_split(info, fallible, preload(preload_info_page), wasm_split_path = ::leptos::wasm_split))]
fn info_page(page: InfoPage) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <InfoPageView page=page /> }.into_any())
}

#[cfg_attr(feature = "csr", wasm_split(info, fallible, preload(preload_sitemap_page), wasm_split_path = ::leptos::wasm_split))]
fn sitemap_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <SitemapPage /> }.into_any())
}
