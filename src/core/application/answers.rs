//! The applicant's answers, keyed by typed field id. Plain data: stored in the
//! draft, validated, and turned into the payload.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::form::FieldId;

/// One answer: text, or the chosen options of a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// Text (also single choices, ticks and numbers, as typed).
    Text(String),
    /// Chosen options, in the form's order.
    Choices(Vec<String>),
}

impl Answer {
    /// Whether nothing was given.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(t) => t.trim().is_empty(),
            Answer::Choices(c) => c.is_empty(),
        }
    }
}

/// All answers, by field id. Serialised as a plain object keyed by the stable
/// string ids; an unknown id makes the whole document unreadable (a draft or
/// progress file that names a question this form does not have is damaged).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<FieldId, Answer>);

impl Answers {
    /// The text answer of `field` ("" when absent or a list).
    pub fn text(&self, field: FieldId) -> &str {
        match self.0.get(&field) {
            Some(Answer::Text(t)) => t,
            _ => "",
        }
    }

    /// The chosen options of `field` (empty when absent or text).
    pub fn choices(&self, field: FieldId) -> &[String] {
        match self.0.get(&field) {
            Some(Answer::Choices(c)) => c,
            _ => &[],
        }
    }

    /// Sets a text answer.
    pub fn set_text(&mut self, field: FieldId, value: &str) {
        self.0.insert(field, Answer::Text(value.to_owned()));
    }

    /// Adds or removes `option` among the choices of `field`, keeping `order`.
    pub fn toggle_choice(&mut self, field: FieldId, option: &str, order: &[&str]) {
        let mut chosen: Vec<String> = self.choices(field).to_vec();
        if let Some(i) = chosen.iter().position(|c| c == option) {
            chosen.remove(i);
        } else {
            chosen.push(option.to_owned());
            crate::util::sort::sort_by_key(&mut chosen, |c| {
                order.iter().position(|o| o == c).unwrap_or(usize::MAX)
            });
        }
        self.0.insert(field, Answer::Choices(chosen));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_keep_the_form_order() {
        let mut a = Answers::default();
        let f = FieldId::Domains;
        a.toggle_choice(f, "c", &["a", "b", "c"]);
        a.toggle_choice(f, "a", &["a", "b", "c"]);
        assert_eq!(a.choices(f), ["a", "c"]);
        a.toggle_choice(f, "a", &["a", "b", "c"]);
        assert_eq!(a.choices(f), ["c"]);
        assert_eq!(a.text(f), "");
    }

    #[test]
    fn serialises_as_a_plain_object_and_refuses_unknown_ids() {
        let mut a = Answers::default();
        a.set_text(FieldId::FirstName, "Camille");
        a.toggle_choice(FieldId::Domains, "data", &["data"]);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"first_name":"Camille","domains":["data"]}"#);
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), a);
        assert!(serde_json::from_str::<Answers>(r#"{"nope":"x"}"#).is_err());
    }
}
