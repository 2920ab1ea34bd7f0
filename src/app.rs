//! The root component: contexts (language, configuration, router) and the shell.

use leptos::prelude::*;

use crate::application::application_page::ApplicationPage;
use crate::application::step_page::StepPage;
use crate::application::storage::provide_drafts;
use crate::application::trainer_call_page::TrainerCallPage;
use crate::catalogue::bookmarks::provide_bookmarks;
use crate::catalogue::catalogue_page::CataloguePage;
use crate::catalogue::course_page::CoursePage;
use crate::catalogue::loader::provide_catalogue;
use crate::catalogue::selection_page::SelectionPage;
use crate::config::Config;
use crate::i18n::pages::InfoPage;
use crate::routes::Route;
use crate::site::home::HomePage;
use crate::site::info_page::InfoPageView;
use crate::site::not_found::NotFoundPage;
use crate::site::sitemap::SitemapPage;
use crate::ui::config::load_config;
use crate::ui::i18n::provide_i18n;
use crate::ui::layout::{Footer, Header, SkipLinks, MAIN_ID};
use crate::ui::router::provide_router;

/// The configuration once loaded (`None` while `config.json` is in flight).
#[derive(Debug, Clone, Copy)]
pub struct ConfigContext(pub ReadSignal<Option<Config>>);

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let embed = crate::embed::widget::read_params();
    provide_i18n(embed.lang);
    let router = provide_router();
    crate::embed::widget::start(&embed, router);
    let compact = embed.compact;

    let (config, set_config) = signal(None::<Config>);
    provide_context(ConfigContext(config));
    leptos::task::spawn_local(async move {
        set_config.set(Some(load_config().await));
    });
    provide_catalogue();
    provide_bookmarks();
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
        Route::Application => view! { <ApplicationPage /> }.into_any(),
        Route::ApplicationStep(step) => view! { <StepPage step=step /> }.into_any(),
        Route::Accessibility => view! { <InfoPageView page=InfoPage::Accessibility /> }.into_any(),
        Route::LegalNotice => view! { <InfoPageView page=InfoPage::LegalNotice /> }.into_any(),
        Route::PersonalData => view! { <InfoPageView page=InfoPage::PersonalData /> }.into_any(),
        Route::Sitemap => view! { <SitemapPage /> }.into_any(),
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
    };

    // Compact widgets (embedded by default) have no DSFR header and footer.
    view! {
        {(!compact).then(|| view! { <SkipLinks /> <Header /> })}
        <main id=MAIN_ID tabindex="-1">{page}</main>
        {(!compact).then(|| view! { <Footer /> })}
    }
}
