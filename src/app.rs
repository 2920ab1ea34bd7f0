//! The root component: contexts (language, configuration, router) and the shell.

use leptos::prelude::*;

use crate::catalogue::bookmarks::provide_bookmarks;
use crate::catalogue::loader::{provide_catalogue, CatalogueState};
use crate::i18n::Text;
use crate::ui::boot::use_takeover;
use crate::ui::chunks::provide_chunks;
use crate::ui::config::{provide_config, use_config};
use crate::ui::i18n::{provide_i18n, use_i18n};
use crate::ui::layout::{Footer, Header, SkipLinks, MAIN_ID};
use crate::ui::router::provide_router;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let embed = crate::embed::widget::read_params();
    provide_i18n(embed.lang);
    let router = provide_router();
    crate::embed::widget::start(&embed, router);
    let compact = embed.compact;

    provide_config();
    let catalogue = provide_catalogue();
    let chunks = provide_chunks(crate::pages::load_chunk, router);
    // Only a change of page re-renders the page: a query change (typing in the
    // search box, ticking a filter) must not rebuild it, or focus would be lost.
    let route = Memo::new(move |_| router.route());
    // The static content of this page stays until the live app can show the
    // same (see ui::boot): the catalogue has settled and the page's own code
    // (its chunk, see crate::pages) has arrived.
    use_takeover(move || {
        !matches!(catalogue.state(), CatalogueState::Loading) && route.with(|r| chunks.ready_for(r))
    });
    let bookmarks = provide_bookmarks();
    let selection_count = Signal::derive(move || bookmarks.len());
    let page = move || crate::pages::page(route.get());

    // Compact widgets (embedded by default) have no DSFR header and footer.
    view! {
        {(!compact).then(|| view! { <SkipLinks /> <Header selection_count=selection_count /> })}
        <main id=MAIN_ID tabindex="-1">
            <ConfigTimeoutNotice />
            {page}
        </main>
        {(!compact).then(|| view! { <Footer /> })}
    }
}

/// Shown on every page while `config.json` has not answered in time: which file
/// is slow, and a way to retry.
#[component]
fn ConfigTimeoutNotice() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    move || {
        config.timed_out().then(|| {
            view! {
                <div class="fr-container fr-mt-3w">
                    <div class="fr-alert fr-alert--error" id="configuration-lente" role="alert">
                        <h2 class="fr-alert__title">{i18n.t(Text::ConfigTimeoutTitle)}</h2>
                        <p>{i18n.t(Text::ConfigTimeout)}</p>
                        <button type="button" class="fr-btn fr-btn--sm fr-mt-2w" on:click=move |_| config.retry()>
                            {i18n.t(Text::Retry)}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
