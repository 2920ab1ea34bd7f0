//! A link that opens in a new window, the DSFR way: `target="_blank"`,
//! `rel="noopener noreferrer"`, and a title that says so (RGAA 13.2).

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;
use campus_core::i18n::Text;

/// An external link labelled by `label`; `context` (e.g. a course title) makes
/// the title unique among several identical labels on a page.
#[component]
pub fn ExternalLink(
    /// Absolute URL (already checked to be http(s)).
    href: String,
    /// Visible label.
    label: Text,
    /// What the link is about, for the title.
    #[prop(optional)]
    context: Option<String>,
    /// DSFR classes.
    #[prop(default = "fr-link")]
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || {
        let l = i18n.locale();
        match &context {
            Some(c) => format!(
                "{}{}{c} - {}",
                label.get(l),
                l.colon(),
                Text::NewWindow.get(l)
            ),
            None => format!("{} - {}", label.get(l), Text::NewWindow.get(l)),
        }
    };
    view! {
        <a class=class href=href target="_blank" rel="noopener noreferrer" title=title>
            {i18n.t(label)}
        </a>
    }
}
