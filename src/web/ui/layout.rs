//! The DSFR page shell: skip links, header (Marianne block, service name, language
//! switch, main navigation) and footer. Markup follows the DSFR 1.15 components;
//! their few behaviours (menu modal, language menu) are driven by signals here
//! rather than by DSFR's JavaScript, which expects server-rendered pages.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::focus::{focus_element_by_id, MAIN_ID};
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_router;
use campus_core::catalogue::labels;
use campus_core::catalogue::selection_labels;
use campus_core::i18n::{Locale, Text, CAMPUS_EMAIL, CAMPUS_MAILTO};
use campus_core::routes::{anchor_href, Route};

/// Id of the main navigation.
pub const NAV_ID: &str = "navigation-principale";
/// Id of the footer.
pub const FOOTER_ID: &str = "footer";

/// The "Accès rapide" links at the very top of every page.
#[component]
pub fn SkipLinks() -> impl IntoView {
    let i18n = use_i18n();
    // The fragment holds the route, so skip links move focus themselves.
    let skip = |id: &'static str| {
        move |event: ev::MouseEvent| {
            event.prevent_default();
            focus_element_by_id(id);
        }
    };
    view! {
        <div class="fr-skiplinks">
            <nav class="fr-container" aria-label=i18n.t(Text::SkipLinksLabel)>
                <ul class="fr-skiplinks__list">
                    <li>
                        <a class="fr-link" href=anchor_href(MAIN_ID) on:click=skip(MAIN_ID)>
                            {i18n.t(Text::SkipToContent)}
                        </a>
                    </li>
                    <li>
                        <a class="fr-link" href=anchor_href(NAV_ID) on:click=skip(NAV_ID)>
                            {i18n.t(Text::SkipToMenu)}
                        </a>
                    </li>
                    <li>
                        <a class="fr-link" href=anchor_href(FOOTER_ID) on:click=skip(FOOTER_ID)>
                            {i18n.t(Text::SkipToFooter)}
                        </a>
                    </li>
                </ul>
            </nav>
        </div>
    }
}

/// The Marianne block. The State's name is part of its brand: never translated.
#[component]
fn Logo() -> impl IntoView {
    view! { <p class="fr-logo">"République" <br /> "Française"</p> }
}

/// The DSFR language selector ("FR - Français" / "EN - English").
#[component]
fn LanguageSwitch(
    /// Distinguishes the copies in the header tools and in the mobile menu.
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let menu_id = format!("{id}-menu");
    let button_id = format!("{id}-button");
    let button_ref = NodeRef::<leptos::html::Button>::new();

    let choose = move |locale: Locale| {
        i18n.set_locale(locale);
        open.set(false);
        if let Some(button) = button_ref.get() {
            let _ = button.focus();
        }
    };
    let on_keydown = move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = button_ref.get() {
                let _ = button.focus();
            }
        }
    };
    let on_focusout = move |event: ev::FocusEvent| {
        // Close when focus leaves the selector (Tab past the last language).
        let inside = event
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(
                event
                    .current_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
            )
            .is_some_and(|(to, container)| container.contains(Some(&to)));
        if !inside {
            open.set(false);
        }
    };

    view! {
        <div class="fr-translate fr-nav" on:keydown=on_keydown on:focusout=on_focusout>
            <div class="fr-nav__item">
                <button
                    node_ref=button_ref
                    id=button_id
                    type="button"
                    class="fr-translate__btn fr-btn fr-btn--tertiary"
                    aria-controls=menu_id.clone()
                    aria-expanded=move || open.get().to_string()
                    title=i18n.t(Text::LanguageSelectTitle)
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || i18n.locale().code()}
                    <span class="fr-hidden-lg">" - " {move || i18n.locale().native_name()}</span>
                </button>
                <div
                    class="fr-collapse fr-translate__menu fr-menu"
                    class=("fr-collapse--expanded", move || open.get())
                    id=menu_id
                >
                    <ul class="fr-menu__list">
                        {Locale::ALL
                            .into_iter()
                            .map(|locale| {
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="fr-translate__language fr-nav__link"
                                            lang=locale.tag()
                                            aria-current=move || {
                                                (i18n.locale() == locale).then_some("true")
                                            }
                                            on:click=move |_| choose(locale)
                                        >
                                            {format!("{} - {}", locale.code(), locale.native_name())}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </div>
        </div>
    }
}

/// Entries of the main navigation, in order.
const NAV_ENTRIES: [(Route, Text); 5] = [
    (Route::Home, Text::NavHome),
    (Route::Catalogue, Text::NavCatalogue),
    (Route::Selection, Text::NavSelection),
    (Route::REQUEST_START, Text::NavRequest),
    (Route::TrainerCall, Text::NavTrainerCall),
];

/// The DSFR header with the service name, tools and main navigation.
#[component]
pub fn Header(
    /// How many courses "Ma sélection" holds, shown next to its entry.
    #[prop(optional, into)]
    selection_count: Signal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let menu_open = RwSignal::new(false);

    // Following a link closes the mobile menu.
    Effect::new(move |_| {
        router.location();
        menu_open.set(false);
    });

    view! {
        <header class="fr-header">
            <div class="fr-header__body">
                <div class="fr-container">
                    <div class="fr-header__body-row">
                        <div class="fr-header__brand fr-enlarge-link">
                            <div class="fr-header__brand-top">
                                <div class="fr-header__logo">
                                    <Logo />
                                </div>
                                <div class="fr-header__navbar">
                                    <button
                                        type="button"
                                        class="fr-btn--menu fr-btn"
                                        id="header-menu-button"
                                        aria-controls="header-menu"
                                        aria-haspopup="dialog"
                                        aria-expanded=move || menu_open.get().to_string()
                                        title=i18n.t(Text::MenuButton)
                                        on:click=move |_| menu_open.set(true)
                                    >
                                        {i18n.t(Text::MenuButton)}
                                    </button>
                                </div>
                            </div>
                            <div class="fr-header__service">
                                <a href=Route::Home.href() title=i18n.t(Text::HomeLinkTitle)>
                                    <p class="fr-header__service-title">
                                        {i18n.t(Text::ServiceName)}
                                    </p>
                                </a>
                                <p class="fr-header__service-tagline">
                                    {i18n.t(Text::ServiceTagline)}
                                </p>
                            </div>
                        </div>
                        <div class="fr-header__tools">
                            <div class="fr-header__tools-links">
                                <LanguageSwitch id="lang-header" />
                            </div>
                        </div>
                    </div>
                </div>
            </div>
            <div
                class="fr-header__menu fr-modal"
                class=("fr-modal--opened", move || menu_open.get())
                id="header-menu"
                role=move || menu_open.get().then_some("dialog")
                aria-modal=move || menu_open.get().then_some("true")
                aria-labelledby=move || menu_open.get().then_some("header-menu-button")
                on:keydown=move |event: ev::KeyboardEvent| {
                    if event.key() == "Escape" {
                        menu_open.set(false);
                    }
                }
            >
                <div class="fr-container">
                    <button
                        type="button"
                        class="fr-btn--close fr-btn"
                        aria-controls="header-menu"
                        title=i18n.t(Text::CloseButton)
                        on:click=move |_| menu_open.set(false)
                    >
                        {i18n.t(Text::CloseButton)}
                    </button>
                    <div class="fr-header__menu-links">
                        <Show when=move || menu_open.get()>
                            <LanguageSwitch id="lang-menu" />
                        </Show>
                    </div>
                    <nav class="fr-nav" id=NAV_ID aria-label=i18n.t(Text::MainMenuLabel)>
                        <ul class="fr-nav__list">
                            {NAV_ENTRIES
                                .into_iter()
                                .map(|(route, label)| {
                                    let href = route.href();
                                    let counted = route == Route::Selection;
                                    let count = counted
                                        .then(|| view! { <NavCount count=selection_count /> });
                                    // "Ma sélection, 3 formations" (the badge alone would read "3").
                                    let name = move || {
                                        let n = selection_count.get();
                                        (counted && n > 0).then(|| {
                                            let l = i18n.locale();
                                            format!("{}{}", label.get(l), selection_labels::nav_count(n, l))
                                        })
                                    };
                                    let section = route.clone();
                                    view! {
                                        <li class="fr-nav__item">
                                            <a
                                                class="fr-nav__link"
                                                href=href
                                                aria-label=name
                                                aria-current=move || {
                                                    router.route().is_within(&section).then_some("page")
                                                }
                                            >
                                                <span>{i18n.t(label)}{count}</span>
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </nav>
                </div>
            </div>
        </header>
    }
}

/// The badge after "Ma sélection" ("3"), for the eyes: the link's name says
/// "Ma sélection, 3 formations" (its `aria-label`, which keeps the visible
/// "Ma sélection 3" in it). Nothing when the selection is empty.
#[component]
fn NavCount(count: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let n = count.get();
        (n > 0).then(|| {
            // The space makes the visible text "Ma sélection 3", a part of the name.
            view! {
                " "
                <span class="fr-badge fr-badge--sm fr-badge--blue-ecume campus-nav-count" aria-hidden="true">
                    {labels::group_thousands(n, i18n.locale())}
                </span>
            }
        })
    }
}

/// External links every State site lists in its footer.
const FOOTER_GOV_LINKS: [(&str, &str); 4] = [
    ("info.gouv.fr", "https://www.info.gouv.fr"),
    ("service-public.fr", "https://www.service-public.fr"),
    ("legifrance.gouv.fr", "https://www.legifrance.gouv.fr"),
    ("data.gouv.fr", "https://www.data.gouv.fr"),
];

/// The DSFR footer with the mandatory links.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let new_window = move |label: &'static str| {
        move || format!("{label} - {}", Text::NewWindow.get(i18n.locale()))
    };
    let bottom: [(Route, Text); 4] = [
        (Route::Sitemap, Text::FooterSitemap),
        (Route::Accessibility, Text::FooterAccessibility),
        (Route::LegalNotice, Text::FooterLegalNotice),
        (Route::PersonalData, Text::FooterPersonalData),
    ];
    view! {
        <footer class="fr-footer" id=FOOTER_ID>
            <div class="fr-container">
                <div class="fr-footer__body">
                    <div class="fr-footer__brand fr-enlarge-link">
                        <a href=Route::Home.href() title=i18n.t(Text::HomeLinkTitle)>
                            <Logo />
                        </a>
                    </div>
                    <div class="fr-footer__content">
                        <p class="fr-footer__content-desc">{i18n.t(Text::FooterDescription)}</p>
                        // The campus team's address, on every page.
                        <p class="fr-footer__content-desc">
                            {i18n.t(Text::FooterContact)} " "
                            <a href=CAMPUS_MAILTO>{CAMPUS_EMAIL}</a>
                        </p>
                        <ul class="fr-footer__content-list">
                            {FOOTER_GOV_LINKS
                                .into_iter()
                                .map(|(label, url)| {
                                    view! {
                                        <li class="fr-footer__content-item">
                                            <a
                                                class="fr-footer__content-link"
                                                target="_blank"
                                                rel="noopener"
                                                title=new_window(label)
                                                href=url
                                            >
                                                {label}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                </div>
                <div class="fr-footer__bottom">
                    <ul class="fr-footer__bottom-list">
                        {bottom
                            .into_iter()
                            .map(|(route, label)| {
                                view! {
                                    <li class="fr-footer__bottom-item">
                                        <a class="fr-footer__bottom-link" href=route.href()>
                                            {i18n.t(label)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <div class="fr-footer__bottom-copy">
                        <p>
                            {i18n.t(Text::FooterLicencePrefix)} " "
                            <a
                                href="https://github.com/etalab/licence-ouverte/blob/master/LO.md"
                                target="_blank"
                                rel="noopener"
                                title=move || {
                                    format!(
                                        "{} - {}",
                                        Text::FooterLicenceName.get(i18n.locale()),
                                        Text::NewWindow.get(i18n.locale()),
                                    )
                                }
                            >
                                {i18n.t(Text::FooterLicenceName)}
                            </a>
                        </p>
                    </div>
                </div>
            </div>
        </footer>
    }
}
