//! The collector (`campus-applications collect`) on files made by the app's
//! own code (a draft's answers, `payload::seal`, `file::file_body`: what the
//! review page downloads), plus tampered, duplicate, foreign and hostile
//! ones, and two files the real app downloaded in Chromium
//! (tests/fixtures/received/); the spreadsheet it writes is read back with
//! calamine.
//! `cargo test --test applications`.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use calamine::{Data, Reader};
use campus_core::application::answers::Answer;
use campus_core::application::draft::Draft;
use campus_core::application::file::file_body;
use campus_core::application::form::{FieldId as F, Form, FormId, REQUEST, TRAINER};
use campus_core::application::labels::option_label;
use campus_core::application::payload::seal;
use campus_core::application::progress::export_progress;
use campus_core::i18n::Locale;
use campus_core::util::dates::days_from_civil;
use campus_tools::applications::collect::{collect, Input, Status, MAX_FILE_BYTES};
use campus_tools::applications::messages::{ReadProblem, Reason};
use campus_tools::applications::sheet::sheets;
use campus_tools::sheets::ods;

/// A complete application's answers (the "existing course" branch).
fn trainer_draft(seed: u8) -> Draft {
    let mut d = Draft::new(&TRAINER, [seed; 24], 0);
    for (k, v) in [
        (F::FirstName, "Camille"),
        (F::LastName, "Martin"),
        (F::Email, "camille.martin@interieur.gouv.fr"),
        (F::Administration, "interieur"),
        (F::Department, "DNUM"),
        (F::JobTitle, "Cheffe de produit"),
        (F::Region, "bretagne"),
        (F::Status, "titulaire"),
        (F::YearsExperience, "8"),
        (F::TeachingExperience, "occasionnelle"),
        (F::Bio, "Dix ans de projets numériques."),
        (F::Motivation, "Transmettre."),
        (F::ProposalKind, "formation-existante"),
        (F::ExistingTitle, "Accessibilité des démarches en ligne"),
        (F::ExistingSummary, "Rendre une démarche conforme au RGAA."),
        (F::ExistingDomain, "design-accessibilite"),
        (F::ExistingFormat, "distanciel"),
        (F::ExistingDurationHours, "3,5"),
        (F::ExistingLevel, "intermediaire"),
        (F::ExistingObjectives, "Auditer, corriger, déclarer."),
        (F::DaysPerYear, "5"),
        (F::ManagerInformed, "oui"),
        (F::Consent, "oui"),
    ] {
        d.answers.set_text(k, v);
    }
    for (k, v) in [
        (F::Domains, &["data", "design-accessibilite"][..]),
        (F::Skills, &["design"]),
        (F::ExistingAudience, &["managers"]),
        (F::FormatsAccepted, &["distanciel"]),
        (F::RegionsAvailable, &["bretagne"]),
        (F::Periods, &["t1", "t3"]),
    ] {
        d.answers.0.insert(
            k,
            Answer::Choices(v.iter().map(|s| s.to_string()).collect()),
        );
    }
    d
}

/// A complete sur-mesure request's answers.
fn request_draft(seed: u8) -> Draft {
    let mut d = Draft::new(&REQUEST, [seed; 24], 0);
    for (k, v) in [
        (F::RequesterFirstName, "Dominique"),
        (F::RequesterLastName, "Lefèvre"),
        (F::RequesterEmail, "dominique.lefevre@culture.gouv.fr"),
        (F::RequesterAdministration, "culture"),
        (
            F::RequesterRole,
            "Cheffe du bureau des systèmes d'information",
        ),
        (F::RequestNeed, "Former l'équipe à la conduite de produit."),
        (F::RequestTeamSize, "12"),
        (F::RequestFormat, "presentiel"),
        (F::RequestPlace, "Paris"),
        (F::RequestConsent, "oui"),
    ] {
        d.answers.set_text(k, v);
    }
    d.answers
        .0
        .insert(F::RequestAudience, Answer::Choices(vec!["managers".into()]));
    d.answers.0.insert(
        F::RequestPeriods,
        Answer::Choices(vec!["t2".into(), "t3".into()]),
    );
    d
}

/// The file the review page downloads for `draft`, sent at `at`.
fn downloaded(form: &Form, draft: &mut Draft, at: &str) -> String {
    let body = seal(form, draft, at, "fr", || [42; 16]).expect("a complete form");
    file_body(&body)
}

/// The body a receiver got (no checksum), as the app POSTs it.
fn posted(form: &Form, draft: &mut Draft, at: &str) -> String {
    seal(form, draft, at, "fr", || [42; 16]).expect("a complete form")
}

fn input(name: &str, text: &str) -> Input {
    Input {
        name: name.to_owned(),
        bytes: Ok(text.as_bytes().to_vec()),
    }
}

/// The workbook written for `inputs`, read back: each sheet's rows.
fn workbook(inputs: Vec<Input>) -> Vec<(String, Vec<Vec<Data>>)> {
    let collection = collect(inputs);
    let bytes = ods::write(&sheets(&collection, Locale::Fr)).expect("written");
    let mut book = calamine::Ods::new(Cursor::new(bytes)).expect("an ODS calamine reads");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a sheet");
            (name, range.rows().map(<[Data]>::to_vec).collect())
        })
        .collect()
}

fn sheet<'b>(book: &'b [(String, Vec<Vec<Data>>)], name: &str) -> &'b [Vec<Data>] {
    &book.iter().find(|(n, _)| n == name).expect(name).1
}

/// The cell of `row` under `header`.
fn cell<'r>(rows: &'r [Vec<Data>], row: usize, header: &str) -> &'r Data {
    let col = rows[0]
        .iter()
        .position(|h| text(h) == header)
        .unwrap_or_else(|| panic!("no column {header}: {:?}", rows[0]));
    rows[row].get(col).unwrap_or(&Data::Empty)
}

/// The row of the files' sheet about `name`.
fn file_row(rows: &[Vec<Data>], name: &str) -> usize {
    rows.iter()
        .position(|r| text(&r[0]) == name)
        .unwrap_or_else(|| panic!("no line for {name}"))
}

fn text(d: &Data) -> String {
    d.to_string().replace('\u{a0}', " ")
}

#[test]
fn the_apps_files_make_one_row_per_reference_in_the_forms_order_and_words() {
    let mut first = trainer_draft(1);
    let older = downloaded(&TRAINER, &mut first, "2026-11-20T09:00:00.000Z");
    // The applicant changes an answer and downloads again: a new version.
    first.answers.set_text(F::JobTitle, "Directrice de projet");
    let newer = downloaded(&TRAINER, &mut first, "2026-11-23T10:05:00.000Z");
    let mut second = trainer_draft(2);
    second.answers.set_text(F::FirstName, "Alix");
    let other = downloaded(&TRAINER, &mut second, "2026-11-21T08:00:00Z");
    let mut request = request_draft(3);
    let asked = downloaded(&REQUEST, &mut request, "2026-12-01T10:00:00Z");

    let book = workbook(vec![
        input("candidature-nouvelle.json", &newer),
        input("candidature-ancienne.json", &older),
        input("candidature-alix.json", &other),
        input("demande.json", &asked),
    ]);
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Candidatures", "Demandes sur mesure", "Fichiers lus"]
    );

    let rows = sheet(&book, "Candidatures");
    assert_eq!(rows.len(), 3, "a header and one row per reference");
    let headers: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(
        &headers[..4],
        ["Référence", "Déposée le (UTC)", "Prénom", "Nom"]
    );
    let at = |h: &str| headers.iter().position(|x| x == h).unwrap();
    assert!(at("Adresse électronique professionnelle") < at("Domaines d'expertise"));
    assert!(at("Domaines d'expertise") < at("Que proposez-vous ?"));
    assert_eq!(
        &headers[headers.len() - 3..],
        [
            "Expertise technique",
            "Expérience de formation",
            "Engagement pour la transformation numérique de l'État"
        ]
    );
    let row = (1..rows.len())
        .find(|r| text(cell(rows, *r, "Prénom")) == "Camille")
        .expect("Camille's row");
    assert_eq!(text(cell(rows, row, "Référence")), first.reference);
    assert_eq!(
        text(cell(rows, row, "Intitulé de poste")),
        "Directrice de projet",
        "the newest version wins"
    );
    assert_eq!(
        text(cell(rows, row, "Autres versions")),
        "candidature-ancienne.json"
    );
    assert_eq!(
        text(cell(rows, row, "Fichier")),
        "candidature-nouvelle.json"
    );
    assert_eq!(
        text(cell(rows, row, "Domaines d'expertise")),
        "Data ; Design et accessibilité",
        "choices by their labels"
    );
    assert_eq!(
        text(cell(rows, row, "Administration")),
        "Ministère de l'Intérieur"
    );
    assert_eq!(
        cell(rows, row, "Années d'expérience dans ces domaines"),
        &Data::Float(8.0),
        "numbers as numbers"
    );
    let hours = headers
        .iter()
        .find(|h| h.starts_with("Durée"))
        .expect("the duration's column");
    assert_eq!(cell(rows, row, hours), &Data::Float(3.5));
    match cell(rows, row, "Déposée le (UTC)") {
        Data::DateTime(d) => {
            let days = days_from_civil(2026, 11, 23) - days_from_civil(1899, 12, 30);
            let expected = days as f64 + (10.0 * 60.0 + 5.0) / (24.0 * 60.0);
            assert!((d.as_f64() - expected).abs() < 1e-6, "{}", d.as_f64());
        }
        Data::DateTimeIso(t) => assert!(t.starts_with("2026-11-23T10:05:00"), "{t}"),
        other => panic!("the time sent is a date: {other:?}"),
    }
    assert!(text(cell(rows, row, "Somme de contrôle")).ends_with("(vérifiée)"));
    for criterion in [
        "Expertise technique",
        "Expérience de formation",
        "Engagement pour la transformation numérique de l'État",
    ] {
        assert_eq!(cell(rows, row, criterion), &Data::Empty, "{criterion}");
    }
    // A question of another branch is empty, not absent.
    let idea_title = format!("Titre ({})", option_label("idee-programme", Locale::Fr));
    assert_eq!(cell(rows, row, &idea_title), &Data::Empty);

    let requests = sheet(&book, "Demandes sur mesure");
    assert_eq!(requests.len(), 2);
    assert_eq!(text(cell(requests, 1, "Référence")), request.reference);
    assert_eq!(
        cell(requests, 1, "Nombre de personnes à former"),
        &Data::Float(12.0)
    );
    assert_eq!(text(cell(requests, 1, "Suite donnée")), "");

    let files = sheet(&book, "Fichiers lus");
    assert_eq!(files.len(), 5);
    let line = file_row(files, "candidature-ancienne.json");
    assert_eq!(
        text(cell(files, line, "Statut")),
        "version antérieure (candidature-nouvelle.json)"
    );
    let line = file_row(files, "demande.json");
    assert_eq!(text(cell(files, line, "Statut")), "retenu");
    assert_eq!(
        text(cell(files, line, "Empreinte du fichier")),
        campus_core::fingerprint::fnv1a_hex(asked.bytes())
    );
    assert_eq!(text(cell(files, line, "Formulaire")), "Demandes sur mesure");
    assert_eq!(text(cell(files, line, "Raison")), "");
}

/// Tampered files: a changed answer is refused; a body without checksum (an
/// older download, a receiver's copy) is kept with a warning.
#[test]
fn a_changed_file_is_refused_and_an_unsigned_one_is_kept_with_a_warning() {
    let mut d = trainer_draft(4);
    let honest = downloaded(&TRAINER, &mut d, "2026-11-23T10:00:00.000Z");
    let tampered = honest.replace("Camille", "Mallory");
    let body = posted(&TRAINER, &mut d, "2026-11-23T10:00:00.000Z");
    let mut r = request_draft(5);
    let reformatted = {
        let file = downloaded(&REQUEST, &mut r, "2026-12-01T10:00:00Z");
        let v: serde_json::Value = serde_json::from_str(&file).unwrap();
        serde_json::to_string_pretty(&v).unwrap()
    };
    let collection = collect(vec![
        input("modifie.json", &tampered),
        input("recu.json", &body),
        input("remis-en-forme.json", &reformatted),
    ]);
    let line = |name: &str| collection.files.iter().find(|f| f.name == name).unwrap();
    assert_eq!(line("modifie.json").status, Status::Refused);
    assert!(matches!(
        line("modifie.json").reasons[..],
        [Reason::Altered { .. }]
    ));
    let why = line("modifie.json").reasons[0].line(Locale::Fr);
    assert!(why.starts_with("modifié après téléchargement"), "{why}");
    assert_eq!(line("recu.json").status, Status::Kept);
    assert_eq!(line("recu.json").reasons, [Reason::NoChecksum]);
    assert_eq!(
        line("remis-en-forme.json").reasons,
        [Reason::ChecksumMisplaced]
    );
    assert_eq!(collection.count(FormId::Trainer), 1);
    assert_eq!(collection.count(FormId::Request), 0);
}

/// A file's name, bytes, and the reason expected for it.
type Case = (&'static str, Vec<u8>, fn(&Reason) -> bool);

/// Files of another kind, broken or hostile: each refused with its reason,
/// nothing panics, the rest is collected.
#[test]
fn foreign_broken_and_hostile_files_are_refused_with_their_reason() {
    let mut d = trainer_draft(6);
    let good = downloaded(&TRAINER, &mut d, "2026-11-23T10:00:00Z");
    let payload = posted(&TRAINER, &mut d, "2026-11-23T10:00:00Z");
    // Each a payload changed and its checksum recomputed, as by someone who
    // knows the format: the form's own rules still hold.
    let resealed = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&payload).unwrap();
        edit(&mut v);
        file_body(&v.to_string())
    };
    // A catalogue's shape (the real one is larger than any form's file).
    let catalogue =
        r#"{"domains":[],"courses":[{"id":"a11y","title":"Accessibilité"}]}"#.to_owned();
    let progress = export_progress(&TRAINER, &trainer_draft(7));
    let huge = format!("{{\"x\":\"{}\"}}", "a".repeat(MAX_FILE_BYTES as usize));
    let deep = "[".repeat(100_000);
    let cases: Vec<Case> = vec![
        ("catalogue.json", catalogue.into_bytes(), |r| {
            *r == Reason::Catalogue
        }),
        ("progression.json", progress.into_bytes(), |r| {
            *r == Reason::ProgressFile
        }),
        ("photo.json", vec![0xff, 0xd8, 0xff, 0xe0, 0, 1], |r| {
            *r == Reason::NotText
        }),
        (
            "lettre.json",
            b"Bonjour, voici ma candidature".to_vec(),
            |r| matches!(r, Reason::NotJson { line: 1, .. }),
        ),
        ("vide.json", Vec::new(), |r| {
            matches!(r, Reason::NotJson { .. })
        }),
        ("profond.json", deep.into_bytes(), |r| {
            matches!(r, Reason::NotJson { .. })
        }),
        ("liste.json", b"[1,2]".to_vec(), |r| {
            *r == Reason::NotAnObject
        }),
        ("autre.json", b"{\"a\":1}".to_vec(), |r| {
            *r == Reason::UnknownKind
        }),
        ("enorme.json", huge.into_bytes(), |r| {
            matches!(r, Reason::TooLarge { .. })
        }),
        (
            "version.json",
            resealed(&|v| v["schema_version"] = 2.into()).into_bytes(),
            |r| matches!(r, Reason::UnknownVersion { .. }),
        ),
        (
            "type.json",
            resealed(&|v| v["expertise"]["years_experience"] = "8".into()).into_bytes(),
            |r| matches!(r, Reason::WrongType { member, .. } if member == "expertise.years_experience"),
        ),
        (
            "membre.json",
            resealed(&|v| v["note"] = "20/20".into()).into_bytes(),
            |r| matches!(r, Reason::Unexpected { member } if member == "note"),
        ),
        (
            "branche.json",
            resealed(&|v| v["proposal"]["idea_title"] = "En plus".into()).into_bytes(),
            |r| matches!(r, Reason::Unexpected { member } if member == "proposal.idea_title"),
        ),
        (
            "option.json",
            resealed(&|v| v["applicant"]["region"] = "atlantide".into()).into_bytes(),
            |r| matches!(r, Reason::AnswerRefused { label, .. } if label == "Région d'affectation"),
        ),
        (
            "invisible.json",
            resealed(&|v| {
                v["applicant"]["email"] = "camille.mar\u{200b}tin@interieur.gouv.fr".into()
            })
            .into_bytes(),
            |r| matches!(r, Reason::AnswerRefused { rule, .. } if rule.contains("invisible")),
        ),
        (
            "espaces.json",
            resealed(&|v| v["applicant"]["first_name"] = " Camille ".into()).into_bytes(),
            |r| matches!(r, Reason::NotAsMade { member } if member == "applicant.first_name"),
        ),
        (
            "reference.json",
            resealed(&|v| v["reference"] = "=1+1".into()).into_bytes(),
            |r| matches!(r, Reason::NotAsMade { member } if member == "reference"),
        ),
        (
            "date.json",
            resealed(&|v| v["submitted_at"] = "2026-02-30T10:00:00Z".into()).into_bytes(),
            |r| matches!(r, Reason::NotAsMade { member } if member == "submitted_at"),
        ),
        (
            "consentement.json",
            resealed(&|v| v["consent"] = false.into()).into_bytes(),
            |r| matches!(r, Reason::WrongType { member, .. } if member == "consent"),
        ),
    ];
    let mut inputs = vec![input("bonne.json", &good)];
    inputs.extend(cases.iter().map(|(name, bytes, _)| Input {
        name: (*name).to_owned(),
        bytes: Ok(bytes.clone()),
    }));
    inputs.push(Input {
        name: "disparu.json".into(),
        bytes: Err(Reason::Unreadable(ReadProblem::NotFound)),
    });
    let collection = collect(inputs);
    for (name, _, expected) in &cases {
        let line = collection.files.iter().find(|f| f.name == *name).unwrap();
        assert_eq!(line.status, Status::Refused, "{name}");
        assert!(
            line.reasons.len() == 1 && expected(&line.reasons[0]),
            "{name}: {:?}",
            line.reasons
        );
        // Every reason reads as a sentence in French.
        assert!(!line.reasons[0].line(Locale::Fr).is_empty());
    }
    assert_eq!(
        collection.count(FormId::Trainer),
        1,
        "the good file is kept"
    );
    assert_eq!(collection.files.len(), cases.len() + 2);
}

/// Text is written as the applicant typed it (NFD letters, a zero-width
/// space inside), and a value that looks like a formula is a string cell
/// that no spreadsheet program evaluates.
#[test]
fn hostile_text_is_kept_as_text_and_never_a_formula() {
    let mut d = trainer_draft(8);
    let nfd = "Ce\u{301}line";
    d.answers.set_text(F::FirstName, nfd);
    d.answers.set_text(F::LastName, "Mar\u{200b}tin");
    d.answers.set_text(
        F::Department,
        "=HYPERLINK(\"https://evil.example\";\"clic\")",
    );
    d.answers.set_text(F::JobTitle, "+33 1 23 45 67 89");
    d.answers.set_text(F::ExistingTitle, "-1+1");
    d.answers.set_text(F::ExistingObjectives, "@SUM(A1:A9)");
    let file = downloaded(&TRAINER, &mut d, "2026-11-23T10:00:00Z");
    let name = "=cmd|' /C calc'!A0.json";
    let collection = collect(vec![input(name, &file)]);
    assert_eq!(
        collection.count(FormId::Trainer),
        1,
        "{:?}",
        collection.files
    );
    let bytes = ods::write(&sheets(&collection, Locale::Fr)).unwrap();

    let mut content = String::new();
    zip::ZipArchive::new(Cursor::new(bytes.clone()))
        .unwrap()
        .by_name("content.xml")
        .unwrap()
        .read_to_string(&mut content)
        .unwrap();
    assert!(!content.contains("table:formula"), "no formula anywhere");
    for value in [
        "=HYPERLINK(",
        "+33 1 23 45 67 89",
        "-1+1",
        "@SUM(A1:A9)",
        "=cmd|",
    ] {
        let escaped = value.replace('"', "&quot;");
        let at = content.find(&escaped).unwrap_or_else(|| panic!("{value}"));
        let cell_start = content[..at].rfind("<table:table-cell").unwrap();
        assert!(
            content[cell_start..at].contains("office:value-type=\"string\""),
            "{value} is a string cell"
        );
    }

    let mut book = calamine::Ods::new(Cursor::new(bytes)).unwrap();
    let rows: Vec<Vec<Data>> = book
        .worksheet_range("Candidatures")
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    assert_eq!(cell(&rows, 1, "Prénom"), &Data::String(nfd.into()));
    assert_eq!(
        cell(&rows, 1, "Nom"),
        &Data::String("Mar\u{200b}tin".into())
    );
    assert_eq!(
        cell(&rows, 1, "Direction ou service"),
        &Data::String("=HYPERLINK(\"https://evil.example\";\"clic\")".into())
    );
    assert_eq!(
        cell(&rows, 1, "Intitulé de poste"),
        &Data::String("+33 1 23 45 67 89".into())
    );
    assert_eq!(cell(&rows, 1, "Fichier"), &Data::String(name.into()));
}

/// The same reference twice at the same time with other content (one of
/// them edited, its checksum removed): both named, one kept, a warning.
/// The same file twice: one kept, the other listed.
#[test]
fn duplicates_are_listed_and_a_conflicting_one_is_warned_about() {
    let mut d = trainer_draft(9);
    let at = "2026-11-23T10:00:00Z";
    let honest = posted(&TRAINER, &mut d, at);
    let edited = honest.replace("Cheffe de produit", "Ministre");
    let collection = collect(vec![
        input("b.json", &edited),
        input("a.json", &honest),
        input("a-copie.json", &honest),
    ]);
    let entries = &collection.entries[&FormId::Trainer];
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].file, "a-copie.json", "the first by file name");
    assert_eq!(entries[0].others, ["a.json", "b.json"]);
    let kept = collection
        .files
        .iter()
        .find(|f| f.name == "a-copie.json")
        .unwrap();
    assert!(kept.reasons.contains(&Reason::SameTimeOtherContent {
        other: "b.json".into()
    }));
    assert!(!kept.reasons.contains(&Reason::SameTimeOtherContent {
        other: "a.json".into()
    }));
}

// The command itself: folders, exit statuses, the report.

struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn folder(name: &str) -> Folder {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "campus-applications-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    Folder(dir)
}

fn run(args: &[&Path]) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_campus-applications"))
        .args(args)
        .output()
        .expect("campus-applications");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).replace('\u{a0}', " "),
    )
}

#[test]
fn the_command_reads_folders_and_says_what_it_did() {
    let dir = folder("ok");
    let inbox = dir.0.join("pieces-jointes");
    std::fs::create_dir(&inbox).unwrap();
    let mut d = trainer_draft(10);
    std::fs::write(
        inbox.join("candidature.json"),
        downloaded(&TRAINER, &mut d, "2026-11-23T10:00:00Z"),
    )
    .unwrap();
    std::fs::write(inbox.join("lettre.JSON"), "Bonjour").unwrap();
    std::fs::write(inbox.join("notes.txt"), "not read").unwrap();
    let mut r = request_draft(11);
    let request = dir.0.join("demande.json");
    std::fs::write(&request, posted(&REQUEST, &mut r, "2026-12-01T10:00:00Z")).unwrap();
    let out = dir.0.join("candidatures.ods");
    let collect = Path::new("collect");
    let missing = dir.0.join("disparu.json");
    let device = Path::new("/dev/zero");
    let (code, report) = run(&[
        collect,
        &inbox,
        &request,
        &missing,
        device,
        Path::new("--out"),
        &out,
    ]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.starts_with("5 fichiers lus : 1 candidature, 1 demande sur mesure."),
        "{report}"
    );
    assert!(report.contains("Erreur · "), "{report}");
    assert!(
        report.contains("lettre.JSON : pas un fichier JSON lisible"),
        "{report}"
    );
    assert!(report.contains("Avertissement · "), "{report}");
    assert!(
        report.contains("demande.json : sans somme de contrôle"),
        "{report}"
    );
    assert!(report.contains("3 erreurs, 1 avertissement."), "{report}");
    assert!(
        report.contains("sans les fichiers refusés ci-dessus"),
        "{report}"
    );
    assert!(!report.contains("notes.txt"));
    assert!(
        report.contains("fichier illisible (introuvable)"),
        "{report}"
    );
    assert!(
        report.contains("fichier illisible (pas un fichier ordinaire)"),
        "{report}"
    );
    let mut book = calamine::open_workbook_auto(&out).expect("the spreadsheet");
    assert_eq!(book.worksheet_range("Candidatures").unwrap().height(), 2);

    // Nothing to collect: nothing written, status 1.
    let none = dir.0.join("rien.ods");
    let (code, report) = run(&[
        collect,
        &inbox.join("lettre.JSON"),
        Path::new("--out"),
        &none,
    ]);
    assert_eq!(code, 1, "{report}");
    assert!(report.contains("Rien n'a été écrit"), "{report}");
    assert!(!none.exists());
    let empty = dir.0.join("vide");
    std::fs::create_dir(&empty).unwrap();
    let (code, report) = run(&[collect, &empty, Path::new("--out"), &none]);
    assert_eq!(code, 1, "{report}");
    assert!(report.contains("dossier sans fichier .json"), "{report}");

    // Usage mistakes: status 2.
    assert_eq!(run(&[collect, &request]).0, 2, "no --out");
    assert_eq!(run(&[collect, Path::new("--out"), &none]).0, 2, "no file");
    assert_eq!(run(&[Path::new("gather"), &request]).0, 2);
}

/// A newer version without a checksum wins by its time, as any newer
/// version does, but the report says that an older one could be verified:
/// a file edited by hand, its checksum removed and its time moved on, does
/// not pass unseen.
#[test]
fn a_newer_unsigned_version_of_a_verified_one_is_warned_about() {
    let mut d = trainer_draft(12);
    let verified = downloaded(&TRAINER, &mut d, "2026-11-23T10:00:00Z");
    let forged = posted(&TRAINER, &mut d, "2026-11-23T10:00:00Z")
        .replace("2026-11-23T10:00:00Z", "2026-11-24T10:00:00Z")
        .replace("Cheffe de produit", "Ministre");
    let collection = collect(vec![
        input("original.json", &verified),
        input("suivant.json", &forged),
    ]);
    let entries = &collection.entries[&FormId::Trainer];
    assert_eq!(entries[0].file, "suivant.json");
    let kept = collection
        .files
        .iter()
        .find(|f| f.name == "suivant.json")
        .unwrap();
    assert_eq!(
        kept.reasons,
        [
            Reason::NoChecksum,
            Reason::KeptUnsigned {
                verified: "original.json".into()
            }
        ]
    );
}

/// 10,000 files (distinct references, a tenth of them an older version of
/// another, a tenth foreign) are gathered and written in bounded time.
#[test]
fn ten_thousand_files_are_gathered() {
    let started = std::time::Instant::now();
    let mut inputs = Vec::with_capacity(10_000);
    for i in 0..10_000u32 {
        let name = format!("f{i:05}.json");
        if i % 10 == 9 {
            inputs.push(input(&name, "{\"format\":\"autre chose\"}"));
            continue;
        }
        let mut seed = [0u8; 24];
        seed[16..20].copy_from_slice(&(i / 2 * 2).to_le_bytes());
        seed[..4].copy_from_slice(&i.to_le_bytes());
        let mut d = Draft::new(&TRAINER, seed, 0);
        d.answers = trainer_draft(0).answers;
        let at = format!("2026-11-{:02}T10:00:00Z", 1 + i % 2);
        inputs.push(input(&name, &downloaded(&TRAINER, &mut d, &at)));
    }
    let collection = collect(inputs);
    let kept = collection.count(FormId::Trainer);
    // Files 2k and 2k+1 share a reference (the same bytes make it).
    let refused = collection
        .files
        .iter()
        .filter(|f| f.status == Status::Refused)
        .count();
    assert_eq!(refused, 1_000);
    let older = collection
        .files
        .iter()
        .filter(|f| matches!(f.status, Status::Older { .. }))
        .count();
    // 5,000 pairs: 1,000 with a foreign file (one kept), 4,000 of two
    // versions (one kept, one older).
    assert_eq!((kept, older), (5_000, 4_000));
    let bytes = ods::write(&sheets(&collection, Locale::Fr)).unwrap();
    let mut book = calamine::Ods::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.worksheet_range("Candidatures").unwrap().height(),
        kept + 1
    );
    assert_eq!(
        book.worksheet_range("Fichiers lus").unwrap().height(),
        10_001
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}

/// Two files the real app downloaded in Chromium (the e2e journey of
/// tests/e2e/applications-collect.test.mjs, saved on 2026-12-07 in
/// tests/fixtures/received/): version 1 files as applicants hold them, which
/// every later collector must still gather. Their hostile answers (a
/// formula, a script tag) stay text.
#[test]
fn files_downloaded_by_the_real_app_are_gathered() {
    let dir = Path::new("tests/fixtures/received");
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let texts: Vec<(String, String)> = names
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    assert_eq!(texts.len(), 2);
    let mut inputs: Vec<Input> = texts.iter().map(|(n, t)| input(n, t)).collect();
    let (first, first_text) = &texts[0];
    inputs.push(input(
        &format!("copie-{first}"),
        &first_text.replace("Cheffe de produit", "Cheffe de produits"),
    ));
    let collection = collect(inputs);
    for (name, _) in &texts {
        let line = collection.files.iter().find(|f| f.name == *name).unwrap();
        assert_eq!(line.status, Status::Kept, "{name}: {:?}", line.reasons);
        assert!(line.reasons.is_empty(), "{name}: {:?}", line.reasons);
        assert!(matches!(line.checksum, Some((_, true))), "{name}");
    }
    assert!(matches!(
        collection.files[2].reasons[..],
        [Reason::Altered { .. }]
    ));
    assert_eq!(collection.count(FormId::Trainer), 1);
    assert_eq!(collection.count(FormId::Request), 1);
    let book = {
        let bytes = ods::write(&sheets(&collection, Locale::Fr)).unwrap();
        let mut book = calamine::Ods::new(Cursor::new(bytes)).unwrap();
        book.worksheet_range("Candidatures")
            .unwrap()
            .rows()
            .map(<[Data]>::to_vec)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        cell(&book, 1, "Direction ou service"),
        &Data::String("=HYPERLINK(\"https://evil.example\";\"clic\")".into())
    );
    assert!(text(cell(&book, 1, "Présentez votre parcours")).contains("<script>"));
}
