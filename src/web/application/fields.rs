//! One question of the form, rendered from its [`Field`] description with the
//! DSFR markup (label, hint, "(facultatif)", error message linked to the input
//! by `aria-describedby`). Every change is saved into the draft at once.

use leptos::prelude::*;

use super::storage::use_drafts;
use crate::ui::i18n::use_i18n;
use campus_core::application::form::{Field, Input, TICKED};
use campus_core::application::labels::{error_message, option_label};
use campus_core::application::validation::{FieldError, Invalid};
use campus_core::i18n::{Locale, Text};

/// Choice questions with more options than this use a select, not radios.
const MAX_RADIOS: usize = 4;

/// The HTML id an error summary links to for `field` (its first control).
pub fn control_id(field: &Field) -> String {
    match field.input {
        Input::OneOf(options) if options.len() <= MAX_RADIOS => {
            format!("f-{}-{}", field.id, options[0])
        }
        Input::AnyOf(options) => format!("f-{}-{}", field.id, options[0]),
        _ => format!("f-{}", field.id),
    }
}

/// The label text with "(facultatif)" for optional questions.
pub fn label_text(field: &Field, l: Locale) -> String {
    let label = field.label.get(l);
    if field.is_optional() {
        format!("{label} {}", Text::Optional.get(l))
    } else {
        label.to_owned()
    }
}

/// One question.
#[component]
pub fn FieldView(
    /// The question.
    field: &'static Field,
    /// Errors shown for the step (after "Continuer").
    errors: Signal<Vec<Invalid>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let drafts = use_drafts();
    let id = field.id;
    let html_id = id.as_str();
    let error =
        Signal::derive(move || errors.with(|e| e.iter().find(|i| i.field == id).map(|i| i.error)));
    let has_error = move || error.get().is_some();
    let error_id = format!("f-{id}-error");
    let message = move |e: FieldError| error_message(field, e, i18n.locale());
    let text =
        move || drafts.with(|d| d.map(|d| d.answers.text(id).to_owned()).unwrap_or_default());
    let set = move |value: String| drafts.set_text(id, value);
    let label = move || label_text(field, i18n.locale());
    let hint = move || {
        field
            .hint
            .map(|h| view! { <span class="fr-hint-text">{h.get(i18n.locale())}</span> })
    };
    let error_view = {
        let error_id = error_id.clone();
        move || {
            error
                .get()
                .map(|e| view! { <p id=error_id.clone() class="fr-error-text">{message(e)}</p> })
        }
    };
    let described = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };

    match field.input {
        Input::OneOf(options) | Input::AnyOf(options)
            if matches!(field.input, Input::AnyOf(_)) || options.len() <= MAX_RADIOS =>
        {
            let multiple = matches!(field.input, Input::AnyOf(_));
            let legend_id = format!("f-{id}-legend");
            let messages_id = format!("f-{id}-messages");
            let labelled = format!("{legend_id} {messages_id}");
            let items = options
                .iter()
                .map(|option| {
                    let option: &'static str = option;
                    let input_id = format!("f-{id}-{option}");
                    let checked = move || {
                        drafts.with(|d| {
                            d.is_some_and(|d| {
                                if multiple {
                                    d.answers.choices(id).iter().any(|c| c == option)
                                } else {
                                    d.answers.text(id) == option
                                }
                            })
                        })
                    };
                    let on_change = move |_| {
                        if multiple {
                            drafts.toggle_choice(id, option, options);
                        } else {
                            drafts.set_text(id, option.to_owned());
                        }
                    };
                    let group = if multiple { "fr-checkbox-group" } else { "fr-radio-group" };
                    view! {
                        <div class="fr-fieldset__element">
                            <div class=group>
                                <input
                                    type=if multiple { "checkbox" } else { "radio" }
                                    id=input_id.clone()
                                    name=html_id
                                    value=option
                                    prop:checked=checked
                                    on:change=on_change
                                />
                                <label class="fr-label" for=input_id>{move || option_label(option, i18n.locale())}</label>
                            </div>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset
                    class="fr-fieldset"
                    class=("fr-fieldset--error", has_error)
                    id=format!("f-{id}")
                    aria-labelledby=labelled
                    role="group"
                >
                    <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id=legend_id>
                        {label}
                        {hint}
                    </legend>
                    {items}
                    <div class="fr-messages-group" id=messages_id aria-live="polite">
                        {move || error.get().map(|e| view! { <p class="fr-message fr-message--error">{message(e)}</p> })}
                    </div>
                </fieldset>
            }
            .into_any()
        }
        Input::OneOf(options) => {
            let control = format!("f-{id}");
            view! {
                <div class="fr-select-group" class=("fr-select-group--error", has_error)>
                    <label class="fr-label" for=control.clone()>{label}{hint}</label>
                    <select
                        class="fr-select"
                        class=("fr-select--error", has_error)
                        id=control
                        name=html_id
                        aria-describedby=described
                        aria-invalid=move || has_error().then_some("true")
                        on:change=move |ev| set(event_target_value(&ev))
                    >
                        <option value="" selected=move || text().is_empty() disabled hidden>
                            {i18n.t(Text::SelectAnOption)}
                        </option>
                        {options
                            .iter()
                            .map(|o| {
                                let o: &'static str = o;
                                view! {
                                    <option value=o selected=move || text() == o>
                                        {move || option_label(o, i18n.locale())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    {error_view}
                </div>
            }
            .into_any()
        }
        Input::Tick => {
            let control = format!("f-{id}");
            let messages_id = format!("f-{id}-messages");
            let checked = move || text() == TICKED;
            view! {
                <div class="fr-checkbox-group" class=("fr-checkbox-group--error", has_error)>
                    <input
                        type="checkbox"
                        id=control.clone()
                        name=html_id
                        prop:checked=checked
                        aria-describedby=messages_id.clone()
                        aria-invalid=move || has_error().then_some("true")
                        on:change=move |ev| {
                            set(if event_target_checked(&ev) { TICKED.to_owned() } else { String::new() })
                        }
                    />
                    <label class="fr-label" for=control>{label}{hint}</label>
                    <div class="fr-messages-group" id=messages_id aria-live="polite">
                        {move || error.get().map(|e| view! { <p id=error_id.clone() class="fr-message fr-message--error">{message(e)}</p> })}
                    </div>
                </div>
            }
            .into_any()
        }
        Input::LongText => {
            let control = format!("f-{id}");
            let max = field.max_len;
            view! {
                <div class="fr-input-group" class=("fr-input-group--error", has_error)>
                    <label class="fr-label" for=control.clone()>
                        {label}
                        {hint}
                        <span class="fr-hint-text">
                            {move || format!("{max} {}", Text::CharactersMax.get(i18n.locale()))}
                        </span>
                    </label>
                    <textarea
                        class="fr-input"
                        class=("fr-input--error", has_error)
                        id=control
                        name=html_id
                        rows="6"
                        maxlength=field.max_units()
                        aria-describedby=described
                        aria-invalid=move || has_error().then_some("true")
                        prop:value=text
                        on:input=move |ev| set(event_target_value(&ev))
                    ></textarea>
                    {error_view}
                </div>
            }
            .into_any()
        }
        _ => {
            let control = format!("f-{id}");
            let (kind, inputmode) = match field.input {
                Input::Email => ("email", None),
                Input::Phone => ("tel", None),
                Input::Url => ("url", None),
                Input::Number { .. } => ("text", Some("numeric")),
                _ => ("text", None),
            };
            view! {
                <div class="fr-input-group" class=("fr-input-group--error", has_error)>
                    <label class="fr-label" for=control.clone()>{label}{hint}</label>
                    <input
                        class="fr-input"
                        class=("fr-input--error", has_error)
                        type=kind
                        inputmode=inputmode
                        id=control
                        name=html_id
                        autocomplete=field.autocomplete.unwrap_or("off")
                        maxlength=field.max_units()
                        spellcheck=matches!(field.input, Input::Email).then_some("false")
                        aria-describedby=described
                        aria-invalid=move || has_error().then_some("true")
                        prop:value=text
                        on:input=move |ev| set(event_target_value(&ev))
                    />
                    {error_view}
                </div>
            }
            .into_any()
        }
    }
}
