//! The gathered forms as a workbook: one sheet per form (one row per
//! reference, its columns in the form's order under the form's own labels,
//! choices by their labels, numbers as numbers, the time sent as a date),
//! columns for the team's own work, and the list of every file read.

use super::collect::{Collection, Entry, FileLine, Status};
use super::messages::Label;
use crate::sheets::ods::{OdsCell, OdsColumn, OdsSheet};
use campus_core::application::answers::Answer;
use campus_core::application::form::{Condition, Field, Form, FormId, Input};
use campus_core::application::labels::option_label;
use campus_core::application::validation::{parse_hours, parse_whole};
use campus_core::i18n::Locale;

/// Between the labels of several choices in one cell.
pub const CHOICE_SEPARATOR: &str = "\u{a0}; ";

/// The sheet's name for `form`.
pub fn sheet_name(form: FormId, l: Locale) -> &'static str {
    match form {
        FormId::Trainer => Label::ApplicationsSheet.text(l),
        FormId::Request => Label::RequestsSheet.text(l),
    }
}

/// The columns the team fills in, empty: the call's three criteria for an
/// application; who follows a request, what came of it, notes.
pub fn team_columns(form: FormId) -> &'static [Label] {
    match form {
        FormId::Trainer => &[
            Label::TechnicalExpertise,
            Label::TrainingExperience,
            Label::Commitment,
        ],
        FormId::Request => &[Label::FollowedBy, Label::FollowUp, Label::Notes],
    }
}

/// The fields a form's sheet has a column for, in the form's order (its
/// consent box is not one: every form sent has it ticked).
fn answer_fields(form: &Form) -> impl Iterator<Item = &'static Field> + '_ {
    form.questions
        .iter()
        .flat_map(move |step| form.fields_of(*step))
}

/// The headers of a form's sheet, in order. A field whose label another
/// column has too is told apart by its branch's label (`Titre (Formation
/// existante)`) or its step's title.
pub fn headers(form: &Form, l: Locale) -> Vec<String> {
    let before = [Label::Reference, Label::SubmittedAt];
    let after = [
        Label::Language,
        Label::Checksum,
        Label::File,
        Label::OtherVersions,
    ];
    let fields: Vec<&Field> = answer_fields(form).collect();
    let plain: Vec<&str> = before
        .iter()
        .map(|x| x.text(l))
        .chain(fields.iter().map(|f| f.label.get(l)))
        .chain(after.iter().map(|x| x.text(l)))
        .chain(team_columns(form.id).iter().map(|x| x.text(l)))
        .collect();
    let clashes = |label: &str| plain.iter().filter(|p| **p == label).count() > 1;
    let field_headers = fields.iter().map(|f| {
        let label = f.label.get(l);
        if !clashes(label) {
            return label.to_owned();
        }
        let context = match f.shown_when {
            Condition::Is(_, value) => option_label(value, l),
            _ => form.step_title(f.step).get(l),
        };
        format!("{label} ({context})")
    });
    before
        .iter()
        .map(|x| x.text(l).to_owned())
        .chain(field_headers)
        .chain(after.iter().map(|x| x.text(l).to_owned()))
        .chain(team_columns(form.id).iter().map(|x| x.text(l).to_owned()))
        .collect()
}

fn column(width_cm: f32, wrap: bool) -> OdsColumn {
    OdsColumn {
        width_cm,
        wrap,
        ..OdsColumn::default()
    }
}

/// One answer's cell.
fn answer_cell(field: &Field, answer: Option<&Answer>, l: Locale) -> OdsCell {
    let Some(answer) = answer else {
        return OdsCell::Empty;
    };
    match (field.input, answer) {
        (Input::AnyOf(_), Answer::Choices(chosen)) => OdsCell::Text(
            chosen
                .iter()
                .map(|c| option_label(c, l))
                .collect::<Vec<_>>()
                .join(CHOICE_SEPARATOR),
        ),
        (Input::OneOf(_), Answer::Text(t)) => OdsCell::Text(option_label(t, l).to_owned()),
        (Input::Number { .. }, Answer::Text(t)) => {
            parse_whole(t).map_or(OdsCell::Text(t.clone()), |n| OdsCell::Number(n.into()))
        }
        (Input::Hours { .. }, Answer::Text(t)) => parse_hours(t)
            .map_or(OdsCell::Text(t.clone()), |h| {
                OdsCell::Number(f64::from(h) / 100.0)
            }),
        (_, Answer::Text(t)) => OdsCell::Text(t.clone()),
        (_, Answer::Choices(c)) => OdsCell::Text(c.join(CHOICE_SEPARATOR)),
    }
}

fn form_sheet(form: &Form, entries: &[Entry], l: Locale) -> OdsSheet {
    let header = headers(form, l);
    let mut columns = vec![column(2.5, false), column(3.8, false)];
    for f in answer_fields(form) {
        columns.push(match f.input {
            Input::LongText => column(9.0, true),
            Input::Number { .. } | Input::Hours { .. } => column(2.5, false),
            Input::AnyOf(_) => column(7.0, true),
            _ => column(5.0, true),
        });
    }
    columns.extend([
        column(2.0, false),
        column(4.0, false),
        column(6.0, false),
        column(6.0, true),
    ]);
    for label in team_columns(form.id) {
        let mut c = column(6.0, true);
        if *label == Label::FollowUp {
            c.list = Some(
                [
                    Label::ToDo,
                    Label::InProgress,
                    Label::Proposed,
                    Label::Closed,
                ]
                .iter()
                .map(|x| x.text(l).to_owned())
                .collect(),
            );
            c.strict = true;
        }
        columns.push(c);
    }
    let mut rows = vec![header.into_iter().map(OdsCell::Text).collect::<Vec<_>>()];
    for entry in entries {
        let r = &entry.kept;
        let mut row = vec![
            OdsCell::Text(r.reference.clone()),
            OdsCell::DateTime(r.at.0),
        ];
        for f in answer_fields(form) {
            row.push(answer_cell(f, r.answers.0.get(&f.id), l));
        }
        row.push(OdsCell::Text(r.language.tag().to_owned()));
        row.push(OdsCell::Text(match &r.check {
            super::verify::Check::Verified(sum) => format!("{sum} ({})", Label::Verified.text(l)),
            super::verify::Check::Absent => Label::Absent.text(l).to_owned(),
        }));
        row.push(OdsCell::Text(entry.file.clone()));
        row.push(OdsCell::Text(entry.others.join("\n")));
        row.extend(team_columns(form.id).iter().map(|_| OdsCell::Empty));
        rows.push(row);
    }
    OdsSheet {
        name: sheet_name(form.id, l).to_owned(),
        columns,
        rows,
        blank_rows: 0,
    }
}

fn files_sheet(
    files: &[FileLine],
    notes: &[(String, super::messages::Reason)],
    l: Locale,
) -> OdsSheet {
    let header = [
        Label::File,
        Label::Status,
        Label::Form,
        Label::Reference,
        Label::Checksum,
        Label::Fingerprint,
        Label::Reason,
    ];
    let mut rows = vec![header
        .iter()
        .map(|h| OdsCell::Text(h.text(l).to_owned()))
        .collect::<Vec<_>>()];
    for f in files {
        let status = match &f.status {
            Status::Kept => Label::Kept.text(l).to_owned(),
            Status::Older { kept } => format!("{} ({kept})", Label::Older.text(l)),
            Status::Refused => Label::Refused.text(l).to_owned(),
        };
        let checksum = match &f.checksum {
            Some((sum, true)) => format!("{sum} ({})", Label::Verified.text(l)),
            Some((sum, false)) => format!("{sum} ({})", Label::Wrong.text(l)),
            None => Label::Absent.text(l).to_owned(),
        };
        rows.push(vec![
            OdsCell::Text(f.name.clone()),
            OdsCell::Text(status),
            f.form.map_or(OdsCell::Empty, |id| {
                OdsCell::Text(sheet_name(id, l).to_owned())
            }),
            f.reference.clone().map_or(OdsCell::Empty, OdsCell::Text),
            OdsCell::Text(checksum),
            OdsCell::Text(f.fingerprint.clone()),
            OdsCell::Text(
                f.reasons
                    .iter()
                    .map(|r| r.line(l))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ]);
    }
    for (name, reason) in notes {
        rows.push(vec![
            OdsCell::Text(name.clone()),
            OdsCell::Empty,
            OdsCell::Empty,
            OdsCell::Empty,
            OdsCell::Empty,
            OdsCell::Empty,
            OdsCell::Text(reason.line(l)),
        ]);
    }
    OdsSheet {
        name: Label::FilesSheet.text(l).to_owned(),
        columns: vec![
            column(7.0, false),
            column(5.0, true),
            column(4.0, false),
            column(2.5, false),
            column(5.0, false),
            column(4.0, false),
            column(12.0, true),
        ],
        rows,
        blank_rows: 0,
    }
}

/// The workbook's sheets: each form's, then the files read.
pub fn sheets(collection: &Collection, l: Locale) -> Vec<OdsSheet> {
    let mut out: Vec<OdsSheet> = FormId::ALL
        .into_iter()
        .map(|id| {
            let entries = collection.entries.get(&id).map_or(&[][..], Vec::as_slice);
            form_sheet(id.form(), entries, l)
        })
        .collect();
    out.push(files_sheet(&collection.files, &collection.notes, l));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_unique_and_in_the_form_order() {
        for l in Locale::ALL {
            for id in FormId::ALL {
                let h = headers(id.form(), l);
                let set: std::collections::BTreeSet<_> = h.iter().collect();
                assert_eq!(set.len(), h.len(), "{id:?} {l:?}: {h:?}");
            }
        }
        let h = headers(&campus_core::application::form::TRAINER, Locale::Fr);
        assert_eq!(&h[..4], ["Référence", "Déposée le (UTC)", "Prénom", "Nom"]);
        for branch in ["formation-existante", "idee-programme"] {
            let title = format!("Titre ({})", option_label(branch, Locale::Fr));
            assert!(h.contains(&title), "{title}: {h:?}");
        }
        assert!(
            h.contains(&"Expérience de formation (Votre expertise)".to_owned()),
            "{h:?}"
        );
        assert_eq!(
            &h[h.len() - 3..],
            [
                "Expertise technique",
                "Expérience de formation",
                "Engagement pour la transformation numérique de l'État"
            ]
        );
    }
}
