//! Notices shared by the application pages: the error summary, the warning
//! shown while the draft cannot be kept in this browser, the notice of an
//! application closed (sent or discarded) elsewhere, and the guard that shows a
//! link to the full site instead of the form in a frame that may not show it.

use leptos::prelude::*;

use super::fields::control_id;
use super::storage::{use_drafts, use_form};
use crate::ui::download::download;
use crate::ui::external_link::ExternalLink;
use crate::ui::focus::focus_element_by_id;
use crate::ui::i18n::use_i18n;
use crate::ui::storage::StorageError;
use campus_core::application::draft::ClosedHow;
use campus_core::application::form::field;
use campus_core::application::labels::error_message;
use campus_core::application::progress::export_progress;
use campus_core::application::validation::Invalid;
use campus_core::embed::params::form_allowed_in_frame;
use campus_core::i18n::forms::{args as form_args, FormText};
use campus_core::i18n::Text;
use campus_core::routes::Route;

/// The id of the error summary (focused when shown).
pub const SUMMARY_ID: &str = "erreurs";

/// The error summary: a linked list of every error.
pub fn error_summary(errors: Signal<Vec<Invalid>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let l = i18n.locale();
            let items = list
                .into_iter()
                .map(|e| {
                    let f = field(e.field);
                    let target = control_id(f);
                    let href = format!("#{target}");
                    view! {
                        <li>
                            <a
                                href=href
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_element_by_id(&target);
                                }
                            >
                                {error_message(f, e.error, l)}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="fr-alert fr-alert--error fr-mb-4w" id=SUMMARY_ID tabindex="-1" role="alert">
                    <h2 class="fr-alert__title">{FormText::ErrorSummaryTitle.get(l)}</h2>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// The address of this page on the full site (outside any widget).
pub fn full_site_href(route: &Route) -> String {
    crate::ui::router::absolute(&route.href())
}

/// The full site's address of the page being shown, its own query included
/// (the course a tailor-made request is about: `sur-mesure/?formation=…`),
/// the widget's keys left out.
fn full_site_page_href(route: &Route) -> String {
    let router = crate::ui::router::use_router();
    let query = untrack(move || router.location().query);
    crate::ui::router::absolute(&campus_core::routes::with_query(route.href(), &query))
}

/// Downloads the progress file of the current draft.
pub fn download_progress() {
    let drafts = use_drafts();
    let form = drafts.form();
    if let Some(d) = drafts.get_untracked() {
        let _ = download(
            &form.progress_file(),
            "application/json",
            &export_progress(form, &d),
        );
    }
}

/// The persistent warning shown while the draft cannot be kept in this
/// browser, with the progress file and, in a widget, the full site.
pub fn storage_warning() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    let embedded = crate::embed::widget::read_params().embedded;
    move || {
        drafts.problem().map(|problem| {
            let text = match problem {
                StorageError::Unavailable => FormText::StorageDenied,
                StorageError::Full | StorageError::NotKept => FormText::StorageFull,
            };
            let has_draft = drafts.with(|d| d.is_some());
            view! {
                <div class="fr-alert fr-alert--warning fr-mb-4w" id="stockage-impossible" role="alert">
                    <h2 class="fr-alert__title">{i18n.t(FormText::StorageProblemTitle)}</h2>
                    <p>{i18n.t(text)}</p>
                    <p>{i18n.t(FormText::StorageAdvice)}</p>
                    <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-mt-2w">
                        {has_draft.then(|| view! {
                            <li>
                                <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" on:click=move |_| download_progress()>
                                    {i18n.t(FormText::DownloadProgress)}
                                </button>
                            </li>
                        })}
                        {embedded.then(|| view! {
                            <li>
                                <ExternalLink href=full_site_href(&Route::FormStart(drafts.form().id)) label=Text::ContinueFullSite class="fr-btn fr-btn--sm fr-btn--tertiary" />
                            </li>
                        })}
                    </ul>
                </div>
            }
        })
    }
}

/// "Saved as you type" — only while it is true.
pub fn saved_line() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    move || {
        let text = if drafts.problem().is_none() {
            FormText::DraftSaved
        } else {
            FormText::DraftNotSaved
        };
        view! { <p class="fr-text--sm" id="etat-brouillon">{i18n.t(text)}</p> }
    }
}

/// The notice of an application closed (sent or discarded) here or in
/// another tab, while no draft is in progress.
pub fn closed_notice() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    move || {
        let closed = drafts.closed()?;
        if drafts.with(|d| d.is_some()) {
            return None;
        }
        let (form, l, reference) = (drafts.form(), i18n.locale(), &closed.reference);
        let message = match closed.how {
            ClosedHow::Sent => form.say_with(&form_args::SentElsewhere { reference }, l),
            ClosedHow::Discarded => form.say_with(&form_args::DiscardedElsewhere { reference }, l),
        };
        Some(view! {
            <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" id="candidature-close" role="status">
                <p>{message}</p>
            </div>
        })
    }
}

/// The origins of the pages framing this one, outermost last; `None` when not
/// framed. Where the browser does not list them (`ancestorOrigins`), the
/// referrer's origin stands for the parent; unknown means refused.
fn frame_ancestors() -> Option<Vec<String>> {
    // A static page is rendered unframed.
    if !cfg!(feature = "csr") {
        return None;
    }
    let window = window();
    let top = window.top().ok().flatten()?;
    if js_sys::Object::is(&top, &window) {
        return None;
    }
    let location = window.location();
    let listed = js_sys::Reflect::get(&location, &"ancestorOrigins".into())
        .ok()
        .and_then(|v| wasm_bindgen::JsCast::dyn_into::<web_sys::DomStringList>(v).ok());
    let mut origins = Vec::new();
    if let Some(list) = listed {
        for i in 0..list.length() {
            if let Some(o) = list.item(i) {
                origins.push(o);
            }
        }
    } else if let Ok(url) = web_sys::Url::new(&document().referrer()) {
        origins.push(url.origin());
    }
    Some(origins)
}

/// Shows `children` (an application page) unless this page is framed by an
/// origin not listed in `config.json`'s `embed_origins`; then a link to the full
/// site instead of the form (clickjacking defence).
#[component]
pub fn FormGuard(
    /// The route of the page, for the full-site link.
    route: Route,
    /// The application page.
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let config = crate::ui::config::use_config();
    let ancestors = frame_ancestors();
    let href = full_site_page_href(&route);
    move || match &ancestors {
        None => children().into_any(),
        Some(ancestors) => match config.get() {
            None => ().into_any(),
            Some(c) if form_allowed_in_frame(ancestors, &c.embed_origins) => children().into_any(),
            Some(_) => view! {
                <div class="fr-container fr-my-5w">
                    <h1 class="fr-h3">{i18n.t(FormText::FramedFormTitle)}</h1>
                    <p>{form.say(FormText::FramedFormText, i18n.locale())}</p>
                    <ExternalLink href=href.clone() label=Text::ContinueFullSite class="fr-btn" />
                </div>
            }
            .into_any(),
        },
    }
}
