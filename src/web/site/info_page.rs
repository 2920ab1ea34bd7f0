//! The institutional pages (accessibility, legal notice, personal data), rendered
//! from the plain-text blocks of `i18n::pages`.

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;
use crate::ui::page::use_static_page_title;
use campus_core::i18n::pages::{info_page_blocks, Block, InfoPage};
use campus_core::i18n::Text;

fn title_of(page: InfoPage) -> Text {
    match page {
        InfoPage::Accessibility => Text::TitleAccessibility,
        InfoPage::LegalNotice => Text::TitleLegalNotice,
        InfoPage::PersonalData => Text::TitlePersonalData,
    }
}

fn render_block(block: &'static Block, new_window: &'static str) -> AnyView {
    match *block {
        Block::Heading(text) => view! { <h2 class="fr-mt-5w">{text}</h2> }.into_any(),
        Block::Paragraph(text) => view! { <p>{text}</p> }.into_any(),
        Block::List(items) => view! {
            <ul>{items.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Block::Link(label, href) => {
            let external = href.starts_with("https://");
            view! {
                <p>
                    <a
                        class="fr-link"
                        href=href
                        target=external.then_some("_blank")
                        rel=external.then_some("noopener")
                        title=external.then(|| format!("{label} - {new_window}"))
                    >
                        {label}
                    </a>
                </p>
            }
            .into_any()
        }
    }
}

/// One institutional page.
#[component]
pub fn InfoPageView(
    /// Which page.
    page: InfoPage,
) -> impl IntoView {
    let i18n = use_i18n();
    use_static_page_title(title_of(page));
    view! {
        <div class="fr-container fr-my-7w">
            <div class="fr-grid-row">
                <div class="fr-col-12 fr-col-lg-9">
                    <h1>{i18n.t(title_of(page))}</h1>
                    {move || {
                        let locale = i18n.locale();
                        let new_window = Text::NewWindow.get(locale);
                        info_page_blocks(page, locale)
                            .iter()
                            .map(|block| render_block(block, new_window))
                            .collect_view()
                    }}
                </div>
            </div>
        </div>
    }
}
