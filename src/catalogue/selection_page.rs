//! "Ma sélection": the bookmarked courses.

use leptos::prelude::*;

use super::bookmarks::use_bookmarks;
use super::components::{CourseCard, WithCatalogue};
use crate::i18n::Text;
use crate::routes::Route;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;

/// The selection page.
#[component]
pub fn SelectionPage() -> impl IntoView {
    let i18n = use_i18n();
    let bookmarks = use_bookmarks();
    use_static_page_title(Text::TitleSelection);
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{i18n.t(Text::TitleSelection)}</h1>
            <p class="fr-text--lead">{i18n.t(Text::SelectionIntro)}</p>
            <WithCatalogue ready=move |loaded| {
                move || {
                    i18n.locale();
                    let selection = bookmarks.get();
                    if selection.is_empty() {
                        return view! {
                            <p>{i18n.t(Text::SelectionEmpty)}</p>
                            <a class="fr-btn" href=Route::Catalogue.href()>{i18n.t(Text::NavCatalogue)}</a>
                        }
                        .into_any();
                    }
                    let docs: Vec<u32> = selection
                        .ids()
                        .iter()
                        .filter_map(|id| loaded.explorer.position(id).map(|p| p as u32))
                        .collect();
                    let missing = docs.len() < selection.len();
                    let cards = docs
                        .into_iter()
                        .map(|doc| view! { <li><CourseCard catalogue=loaded.clone() doc=doc heading=2 /></li> })
                        .collect_view();
                    view! {
                        {missing.then(|| view! {
                            <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
                                <p>{i18n.t(Text::SelectionMissing)}</p>
                            </div>
                        })}
                        <ul class="campus-results">{cards}</ul>
                        <button type="button" class="fr-btn fr-btn--secondary" on:click=move |_| bookmarks.clear()>
                            {i18n.t(Text::SelectionClear)}
                        </button>
                    }
                    .into_any()
                }
            } />
        </div>
    }
}
