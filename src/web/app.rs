//! The root component: contexts (language, configuration, router) and the shell.

use leptos::prelude::*;

use crate::catalogue::bookmarks::provide_bookmarks;
use crate::catalogue::loader::provide_catalogue;
use crate::ui::boot::{provide_render_gate, use_deferred, use_takeover};
use crate::ui::chunks::provide_chunks;
use crate::ui::config::{provide_config, use_config};
use crate::ui::focus::MAIN_ID;
use crate::ui::i18n::{provide_i18n, use_i18n};
use crate::ui::layout::{Footer, Header, SkipLinks};
use crate::ui::router::provide_router;
use campus_core::i18n::Text;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let embed = crate::embed::widget::read_params();
    provide_i18n(embed.lang);
    let router = provide_router();
    crate::embed::widget::start(&embed, router);
    let compact = embed.compact;

    provide_config();
    let gate = provide_render_gate();
    let catalogue = provide_catalogue();
    // A link about to be followed to a page that shows the catalogue: it is
    // fetched with the page's code (see ui::chunks).
    let intent = Callback::new(move |to: campus_core::routes::Route| {
        let to = campus_core::routes::Location {
            route: to,
            query: String::new(),
        };
        if catalogue.needed_for(&to) {
            catalogue.want();
        }
    });
    let chunks = provide_chunks(crate::pages::load_chunk, router, intent);
    // Only a change of page re-renders the page: a query change (typing in the
    // search box, ticking a filter) must not rebuild it, or focus would be lost.
    let route = Memo::new(move |_| router.route());
    // The whole catalogue is fetched when a page first needs it: the home
    // page shows the summary its file carries (see catalogue::summary), a
    // course page the excerpt its file carries (catalogue::excerpt), unless
    // its address narrows the sessions.
    Effect::new(move || {
        if catalogue.needed_for(&router.location()) {
            catalogue.want();
        }
    });
    // A page whose code has just come back after a failure (offline): the
    // catalogue, which may have failed with it, is fetched again too, so that
    // one "Réessayer" brings the whole page.
    Effect::new(move |was_ready: Option<bool>| {
        let ready = route.with(|r| chunks.ready_for(r));
        if ready && was_ready == Some(false) {
            catalogue.retry_if_offline();
        }
        ready
    });
    // The static content of this page stays until the live app can show the
    // same (see ui::boot): what the page shows of the catalogue is here (or
    // failed) and the page's own code (its chunk, see crate::pages) has arrived
    // (or failed: the page then says so, with a retry).
    use_takeover(gate, move || {
        let location = router.location();
        catalogue.settled_for(&location) && chunks.settled_for(&location.route)
    });
    let bookmarks = provide_bookmarks();
    let selection_count = Signal::derive(move || bookmarks.len());
    // The first render builds the shell; the page follows in a task of its
    // own, so that starting the app never holds the main thread for the whole
    // page at once (see ui::boot::use_deferred).
    let page_shown = use_deferred();
    let page = move || page_shown.get().then(|| crate::pages::page(route.get()));

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
