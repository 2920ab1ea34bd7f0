//! The root component: contexts (language, configuration, router) and the shell.

use leptos::prelude::*;

use crate::application::application_page::FormStartPage;
use crate::application::notices::FormGuard;
use crate::application::step_page::StepPage;
use crate::application::storage::{provide_drafts, FormScope};
use crate::application::trainer_call_page::TrainerCallPage;
use crate::catalogue::bookmarks::provide_bookmarks;
use crate::catalogue::catalogue_page::CataloguePage;
use crate::catalogue::course_page::CoursePage;
use crate::catalogue::loader::{provide_catalogue, CatalogueState};
use crate::catalogue::selection_page::SelectionPage;
use crate::i18n::pages::InfoPage;
use crate::i18n::Text;
use crate::routes::Route;
use crate::site::home::HomePage;
use crate::site::info_page::InfoPageView;
use crate::site::not_found::NotFoundPage;
use crate::site::sitemap::SitemapPage;
use crate::ui::boot::use_takeover;
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
    // The static content of this page stays until the live app can show the
    // same (see ui::boot).
    use_takeover(move || !matches!(catalogue.state(), CatalogueState::Loading));
    let bookmarks = provide_bookmarks();
    let selection_count = Signal::derive(move || bookmarks.len());
    provide_drafts();

    // Only a change of page re-renders the page: a query change (typing in the
    // search box, ticking a filter) must not rebuild it, or focus would be lost.
    let route = Memo::new(move |_| router.route());
    let page = move || match route.get() {
        Route::Home => view! { <HomePage /> }.into_any(),
        Route::Catalogue => view! { <CataloguePage /> }.into_any(),
        Route::Course(id) => view! { <CoursePage id=id /> }.into_any(),
        Route::Selection => view! { <SelectionPage /> }.into_any(),
        Route::TrainerCall => view! { <TrainerCallPage /> }.into_any(),
        Route::FormStart(form) => view! {
            <FormScope form=form>
                <FormGuard route=Route::FormStart(form)><FormStartPage /></FormGuard>
            </FormScope>
        }
        .into_any(),
        Route::FormStep(form, step) => view! {
            <FormScope form=form>
                <FormGuard route=Route::FormStep(form, step)><StepPage step=step /></FormGuard>
            </FormScope>
        }
        .into_any(),
        Route::Accessibility => view! { <InfoPageView page=InfoPage::Accessibility /> }.into_any(),
        Route::LegalNotice => view! { <InfoPageView page=InfoPage::LegalNotice /> }.into_any(),
        Route::PersonalData => view! { <InfoPageView page=InfoPage::PersonalData /> }.into_any(),
        Route::Sitemap => view! { <SitemapPage /> }.into_any(),
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
    };

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
