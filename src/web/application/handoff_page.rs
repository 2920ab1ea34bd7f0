//! The hand-off to démarches simplifiées (`{form}/demarches-simplifiees/`):
//! the form is not sent yet, and says so; the prefilled link opens the
//! démarche in a new tab; every answer that does not fit in the link is
//! listed with the DS field it goes into and a copy button; the JSON copy
//! stays downloadable. The link and the list are `demarches::hand_off`'s.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::storage::{use_drafts, use_form};
use crate::ui::config::use_config;
use crate::ui::download::download;
use crate::ui::i18n::use_i18n;
use campus_core::application::demarches::hand_off;
use campus_core::application::form::field;
use campus_core::config::Destination;
use campus_core::i18n::back_office::Ending;
use campus_core::i18n::{document_title, Text};

/// Starts writing `text` to the clipboard; `None` when the browser has no
/// clipboard here (an insecure page, an old browser) or refuses at once.
fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    write
        .call1(&clipboard, &text.into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// The hand-off page.
pub fn handoff_step() -> impl IntoView {
    let i18n = use_i18n();
    let form = use_form();
    let drafts = use_drafts();
    let config = use_config();
    Effect::new(move |_| {
        let l = i18n.locale();
        document().set_title(&document_title(&form.say(Ending::DsTitle, l), l));
    });
    let sent = drafts.sent();
    let reference = sent
        .as_ref()
        .map(|s| s.reference.clone())
        .unwrap_or_default();
    let payload = sent.map(|s| s.payload).unwrap_or_default();
    let file = form.file_name(&reference);
    let handed = {
        let payload = payload.clone();
        move || match config.get()?.destination(form.id).0 {
            Destination::DemarchesSimplifiees { url, fields } => {
                hand_off(form, &payload, &url, &fields)
            }
            _ => None,
        }
    };
    // The answer whose copy last ended, and whether it worked.
    let copied = RwSignal::new(None::<(usize, bool)>);
    let body = move || {
        let l = i18n.locale();
        let out = handed()?;
        let rows = out
            .left
            .into_iter()
            .enumerate()
            .map(|(i, left)| {
                let label = field(left.field).label.get(l);
                let target = left.key.unwrap_or_else(|| Ending::DsNoField.get(l).to_owned());
                let text = left.text;
                let copy = text.clone();
                let status = move || {
                    copied.get().and_then(|(at, ok)| {
                        (at == i).then(|| {
                            if ok { Ending::Copied } else { Ending::CopyFailed }.get(i18n.locale())
                        })
                    })
                };
                view! {
                    <div class="campus-review-row">
                        <dt>
                            {label}
                            <span class="fr-hint-text">{Ending::DsField.get(l)} {l.colon()} {target}</span>
                        </dt>
                        <dd class="campus-review-value">{text}</dd>
                        <dd>
                            <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" on:click=move |_| {
                                let promise = clipboard_write(&copy);
                                leptos::task::spawn_local(async move {
                                    let ok = match promise {
                                        Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                                        None => false,
                                    };
                                    copied.set(Some((i, ok)));
                                });
                            }>
                                {Ending::Copy.get(l)}
                                <span class="fr-sr-only">" " {label}</span>
                            </button>
                            <p class="fr-text--sm fr-mb-0" role="status">{status}</p>
                        </dd>
                    </div>
                }
            })
            .collect_view();
        let left = (!rows.is_empty()).then(|| {
            view! {
                <h2 class="fr-h4 fr-mt-5w">{Ending::DsLeftTitle.get(l)}</h2>
                <p>{Ending::DsLeftText.get(l)}</p>
                <dl class="campus-review" id="reponses-a-recopier">{rows}</dl>
            }
        });
        let title = format!(
            "{} - {}",
            Ending::DsContinue.get(l),
            Ending::DsNewTab.get(l)
        );
        Some(view! {
            <p>{Ending::DsLinkText.get(l)}</p>
            <p>
                <a class="fr-btn" id="continuer-ds" href=out.link target="_blank" rel="noopener" title=title>
                    {Ending::DsContinue.get(l)}
                </a>
            </p>
            {left}
        })
    };
    view! {
        <h1>{move || form.say(Ending::DsTitle, i18n.locale())}</h1>
        <div class="fr-alert fr-alert--warning fr-mb-4w" id="pas-encore-envoyee">
            <p>{move || form.say(Ending::DsNotSent, i18n.locale())}</p>
            <p>{i18n.t(Text::ConfirmationReference)} {move || i18n.locale().colon()} <strong class="campus-reference">{reference.clone()}</strong></p>
        </div>
        {body}
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-5w">
            <li>
                <button type="button" class="fr-btn fr-btn--secondary" id="telecharger-copie" on:click=move |_| {
                    let _ = download(&file, "application/json", &campus_core::application::file::file_body(&payload));
                }>{move || form.say(Text::DownloadJson, i18n.locale())}</button>
            </li>
        </ul>
    }
}
