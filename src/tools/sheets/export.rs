//! A catalogue into the template: one sheet per table, French headers from
//! the columns table, drop-down lists of the allowed values, and a « Mode
//! d'emploi » sheet that explains every column. Importing the file gives the
//! catalogue back.

use super::columns::{Choices, Column, Field, SheetId, SheetSpec, GUIDE, SHEETS};
use super::dates::paris_offset;
use super::durations::format_hours;
use super::labels::{self, Labelled, AUDIENCES, FORMATS, KINDS, LANGUAGES, LEVELS, NO, YES};
use super::limits;
use super::ods::{OdsCell, OdsColumn, OdsSheet};
use super::table::Civil;
use campus_core::catalogue::model::{Catalogue, Course, Session};
use campus_core::catalogue::time::Timestamp;

/// Empty rows below the data that carry the drop-down lists.
const BLANK_ROWS: u32 = 500;

fn text(t: impl Into<String>) -> OdsCell {
    OdsCell::Text(t.into())
}

fn opt(t: &Option<String>) -> OdsCell {
    t.as_deref().map_or(OdsCell::Empty, text)
}

/// A time as a date cell when it is Paris time, else as text with its offset.
fn time_cell(t: Timestamp) -> OdsCell {
    let w = t.wall_clock();
    let civil = Civil {
        year: w.year,
        month: w.month,
        day: w.day,
        hour: w.hour,
        minute: w.minute,
        second: w.second,
    };
    if t.offset_minutes == paris_offset(w.year, w.month, w.day) {
        OdsCell::DateTime(civil)
    } else {
        text(t.to_string().replacen('T', " ", 1))
    }
}

/// The labels a domain list writes: the label, or the id when the label
/// holds a separator.
fn domain_names(catalogue: &Catalogue, ids: &[String]) -> String {
    ids.iter()
        .map(|id| match catalogue.domain(id) {
            Some(d) if !d.label.contains([',', ';', '\n']) => d.label.clone(),
            _ => id.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn course_cell(catalogue: &Catalogue, c: &Course, field: Field) -> OdsCell {
    match field {
        Field::Id => text(&c.id),
        Field::Kind => text(c.kind.label()),
        Field::Title => text(&c.title),
        Field::Summary => text(&c.summary),
        Field::Description => text(&c.description),
        Field::Domains => text(domain_names(catalogue, &c.domains)),
        Field::Level => text(c.level.label()),
        Field::Audience => text(
            c.audience
                .iter()
                .map(|a| a.label())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Field::Format => text(c.format.label()),
        Field::Duration => text(format_hours(f64::from(c.duration_hours))),
        Field::Provider => text(&c.provider),
        Field::Free => text(if c.free { YES } else { NO }),
        Field::Price => opt(&c.price),
        Field::Eligibility => opt(&c.eligibility),
        Field::Languages => text(
            c.languages
                .iter()
                .map(|l| l.label())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Field::Objectives => text(c.objectives.join("\n")),
        Field::Prerequisites => text(c.prerequisites.join("\n")),
        Field::Modules => text(c.modules.join(", ")),
        Field::Url => opt(&c.url),
        Field::Contact => opt(&c.contact),
        Field::AccessUrl => opt(&c.access_url),
        _ => OdsCell::Empty,
    }
}

fn session_cell(course: &Course, s: &Session, field: Field) -> OdsCell {
    match field {
        Field::SessionCourse => text(&course.id),
        Field::SessionId => text(&s.id),
        Field::Start => time_cell(s.start),
        Field::End => time_cell(s.end),
        Field::SessionFormat => text(s.format.label()),
        Field::City => s.place.as_ref().map_or(OdsCell::Empty, |p| text(&p.city)),
        Field::Region => s.place.as_ref().map_or(OdsCell::Empty, |p| text(&p.region)),
        Field::Seats => s
            .seats_left
            .map_or(OdsCell::Empty, |n| OdsCell::Number(f64::from(n))),
        Field::Registration => opt(&s.registration_url),
        _ => OdsCell::Empty,
    }
}

/// The values a column offers, for its drop-down list and the guide.
fn choices(catalogue: &Catalogue, choices: Choices) -> Option<Vec<String>> {
    let owned = |v: Vec<&str>| Some(v.into_iter().map(str::to_owned).collect());
    match choices {
        Choices::Free => None,
        Choices::Kind => owned(labels::all(&KINDS)),
        Choices::Level => owned(labels::all(&LEVELS)),
        Choices::Audience => owned(labels::all(&AUDIENCES)),
        Choices::Languages => owned(labels::all(&LANGUAGES)),
        Choices::Format => owned(labels::all(&FORMATS)),
        Choices::YesNo => owned(vec![YES, NO]),
        Choices::Domains => Some(catalogue.domains.iter().map(|d| d.label.clone()).collect()),
    }
}

fn width(column: &Column) -> f32 {
    match column.field {
        Field::Description | Field::Objectives | Field::Prerequisites | Field::CallSkills => 12.0,
        Field::Title | Field::Summary | Field::DomainDescription | Field::Eligibility => 9.0,
        Field::Id
        | Field::SessionCourse
        | Field::SessionId
        | Field::Domains
        | Field::Url
        | Field::Registration
        | Field::AccessUrl
        | Field::Contact
        | Field::SynonymTerms
        | Field::FigureLabel
        | Field::Audience
        | Field::Modules => 7.0,
        _ => 3.8,
    }
}

fn columns(spec: &SheetSpec) -> Vec<&'static Column> {
    spec.columns.iter().filter(|c| c.in_template).collect()
}

fn sheet(catalogue: &Catalogue, spec: &SheetSpec, rows: Vec<Vec<OdsCell>>) -> OdsSheet {
    let cols = columns(spec);
    let mut all = vec![cols.iter().map(|c| text(c.header)).collect::<Vec<_>>()];
    all.extend(rows);
    OdsSheet {
        name: spec.name.to_owned(),
        columns: cols
            .iter()
            .map(|c| OdsColumn {
                width_cm: width(c),
                list: choices(catalogue, c.choices),
                strict: !matches!(
                    c.choices,
                    Choices::Domains | Choices::Audience | Choices::Languages
                ),
                wrap: width(c) >= 9.0,
            })
            .collect(),
        rows: all,
        blank_rows: if spec.single_row { 0 } else { BLANK_ROWS },
    }
}

fn rows_of(catalogue: &Catalogue, spec: &SheetSpec) -> Vec<Vec<OdsCell>> {
    let cols = columns(spec);
    let row = |f: &dyn Fn(Field) -> OdsCell| cols.iter().map(|c| f(c.field)).collect::<Vec<_>>();
    match spec.id {
        SheetId::Courses => catalogue
            .courses
            .iter()
            .map(|c| row(&|f| course_cell(catalogue, c, f)))
            .collect(),
        SheetId::Sessions => catalogue
            .courses
            .iter()
            .flat_map(|c| c.sessions.iter().map(move |s| (c, s)))
            .map(|(c, s)| row(&|f| session_cell(c, s, f)))
            .collect(),
        SheetId::Domains => catalogue
            .domains
            .iter()
            .map(|d| {
                row(&|f| match f {
                    Field::DomainId => text(&d.id),
                    Field::DomainLabel => text(&d.label),
                    Field::DomainDescription => text(&d.description),
                    _ => OdsCell::Empty,
                })
            })
            .collect(),
        SheetId::Call => catalogue
            .trainer_call
            .iter()
            .map(|t| {
                row(&|f| match f {
                    Field::CallOpen => text(if t.open { YES } else { NO }),
                    Field::CallYear => t
                        .year
                        .map_or(OdsCell::Empty, |y| OdsCell::Number(f64::from(y))),
                    Field::CallDeadline => match t.deadline_date() {
                        Some((year, month, day)) => OdsCell::Date(Civil {
                            year,
                            month,
                            day,
                            hour: 0,
                            minute: 0,
                            second: 0,
                        }),
                        None => opt(&t.deadline),
                    },
                    Field::CallTitle => opt(&t.title),
                    Field::CallSkills => text(t.sought_skills.join("\n")),
                    _ => OdsCell::Empty,
                })
            })
            .collect(),
        SheetId::Synonyms => catalogue
            .synonyms
            .iter()
            .map(|g| row(&|_| text(g.join(", "))))
            .collect(),
        SheetId::Figures => catalogue
            .figures
            .iter()
            .map(|fig| {
                row(&|f| match f {
                    Field::FigureValue => text(&fig.value),
                    Field::FigureLabel => text(&fig.label),
                    _ => OdsCell::Empty,
                })
            })
            .collect(),
        SheetId::Catalogue => vec![row(&|_| text(&catalogue.updated))],
    }
}

/// The guide: every sheet, every column, what it holds and what it accepts.
fn guide(catalogue: &Catalogue) -> OdsSheet {
    let mut rows = vec![vec![
        text("Feuille"),
        text("Colonne"),
        text("Ce qu'elle contient"),
        text("Valeurs permises"),
    ]];
    for line in [
        "Ce classeur est le catalogue du Campus du numérique public. Modifiez les feuilles, enregistrez au format .ods (ou .xlsx), puis\u{a0}: npm run catalogue -- check FICHIER pour le rapport, npm run catalogue -- import FICHIER --out catalogue.json pour le catalogue.",
        "La première ligne de chaque feuille nomme ses colonnes\u{a0}: ne la modifiez pas. L'ordre des colonnes est libre\u{a0}; une colonne inconnue est signalée et ignorée.",
        "Les erreurs (formation sans intitulé, thématique inconnue, date qui n'en est pas une, session d'une formation inconnue, identifiant en double) arrêtent l'import\u{a0}: rien n'est écrit. Les avertissements n'arrêtent rien, mais sont dits.",
        "Tout est lu comme texte saisi\u{a0}: une valeur qui commence par =, +, - ou @ reste du texte. Une formule est lue par sa dernière valeur calculée (avertissement). Les lignes, colonnes et feuilles masquées sont lues comme les autres (avertissement). Des cellules fusionnées\u{a0}: seule la première porte la valeur (avertissement).",
    ] {
        rows.push(vec![text(""), text(""), text(line), text("")]);
    }
    let limits_line = format!(
        "Limites\u{a0}: fichier de {} Mo au plus, {} lignes remplies par feuille, {} colonnes, {} caractères par cellule. Un fichier protégé par un mot de passe est refusé.",
        limits::MAX_FILE_BYTES / (1024 * 1024),
        limits::MAX_ROWS,
        limits::MAX_COLUMNS,
        limits::MAX_CELL_CHARS
    );
    rows.push(vec![text(""), text(""), text(limits_line), text("")]);
    for spec in &SHEETS {
        rows.push(vec![text(spec.name), text(""), text(spec.help), text("")]);
        for c in columns(spec) {
            let allowed = choices(catalogue, c.choices)
                .map(|v| v.join(", "))
                .unwrap_or_default();
            rows.push(vec![
                text(spec.name),
                text(c.header),
                text(c.help),
                text(allowed),
            ]);
        }
    }
    OdsSheet {
        name: GUIDE.to_owned(),
        columns: vec![
            OdsColumn {
                width_cm: 4.0,
                ..OdsColumn::default()
            },
            OdsColumn {
                width_cm: 5.0,
                ..OdsColumn::default()
            },
            OdsColumn {
                width_cm: 16.0,
                wrap: true,
                ..OdsColumn::default()
            },
            OdsColumn {
                width_cm: 10.0,
                wrap: true,
                ..OdsColumn::default()
            },
        ],
        rows,
        blank_rows: 0,
    }
}

/// The template's sheets for `catalogue`, the guide last.
pub fn sheets(catalogue: &Catalogue) -> Vec<OdsSheet> {
    let mut out: Vec<OdsSheet> = SHEETS
        .iter()
        .map(|spec| sheet(catalogue, spec, rows_of(catalogue, spec)))
        .collect();
    out.push(guide(catalogue));
    out
}

/// The template for `catalogue`, as an ODS file.
pub fn to_ods(catalogue: &Catalogue) -> Result<Vec<u8>, String> {
    super::ods::write(&sheets(catalogue))
}
