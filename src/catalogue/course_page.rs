//! A course page: everything about one course, its sessions and related courses.

use leptos::prelude::*;

use crate::i18n::Text;
use crate::ui::i18n::use_i18n;
use crate::ui::page::use_page_title;

/// The page of the course `id`.
#[component]
pub fn CoursePage(
    /// The course id from the URL.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let title_id = id.clone();
    use_page_title(move |locale| format!("{} {}", Text::TitleCourse.get(locale), title_id));
    view! {
        <div class="fr-container fr-my-7w">
            <h1>{i18n.t(Text::TitleCourse)}</h1>
            <p>{i18n.t(Text::CourseIntro)} " " <code>{id}</code></p>
            <p>{i18n.t(Text::ComingSoon)}</p>
        </div>
    }
}
