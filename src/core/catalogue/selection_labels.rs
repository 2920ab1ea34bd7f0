//! The counted and composed messages of "Ma sélection" (navigation count,
//! shared links, undo notices), in French and English. Fixed strings are in the
//! [`crate::i18n::Text`] table; these need a number or a title.

use crate::catalogue::selection::{EditKind, MAX_BOOKMARKS};
use crate::i18n::labels::{courses_count, group_thousands};
use crate::i18n::Locale;

/// The words screen readers hear after "Ma sélection" in the navigation:
/// ", 3 formations" (nothing when empty: the link then reads "Ma sélection").
pub fn nav_count(n: usize, l: Locale) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(", {}", courses_count(n, l))
    }
}

/// "Sélection partagée : 3 formations", the heading of a shared selection.
pub fn shared_heading(n: usize, l: Locale) -> String {
    match l {
        Locale::Fr => format!("Sélection partagée\u{a0}: {}", courses_count(n, l)),
        Locale::En => format!("Shared selection: {}", courses_count(n, l)),
    }
}

/// "2 formations de ce lien n'existent plus dans le catalogue."
pub fn unknown_in_link(n: usize, l: Locale) -> String {
    let count = courses_count(n, l);
    match (l, n) {
        (Locale::Fr, 1) => format!("{count} de ce lien n'existe plus dans le catalogue."),
        (Locale::Fr, _) => format!("{count} de ce lien n'existent plus dans le catalogue."),
        (Locale::En, 1) => format!("{count} in this link is no longer in the catalogue."),
        (Locale::En, _) => format!("{count} in this link are no longer in the catalogue."),
    }
}

/// "1 élément illisible de ce lien a été ignoré." (a malformed escape).
pub fn unreadable_in_link(n: usize, l: Locale) -> String {
    let count = group_thousands(n, l);
    match (l, n) {
        (Locale::Fr, 1) => "1 élément illisible de ce lien a été ignoré.".to_owned(),
        (Locale::Fr, _) => format!("{count} éléments illisibles de ce lien ont été ignorés."),
        (Locale::En, 1) => "1 unreadable item in this link was ignored.".to_owned(),
        (Locale::En, _) => format!("{count} unreadable items in this link were ignored."),
    }
}

/// "Ce lien contient plus de 500 formations : seules les 500 premières sont
/// prises en compte."
pub fn over_limit(l: Locale) -> String {
    let max = group_thousands(MAX_BOOKMARKS, l);
    match l {
        Locale::Fr => format!(
            "Ce lien contient plus de {max}\u{a0}formations\u{a0}: seules les {max}\u{a0}premières sont prises en compte."
        ),
        Locale::En => format!(
            "This link holds more than {max} trainings: only the first {max} are taken into account."
        ),
    }
}

/// The notice of an edit of the selection. `title` is the removed course's
/// title when the catalogue has it.
pub fn edit_notice(kind: &EditKind, title: Option<&str>, l: Locale) -> String {
    let quoted = |t: &str| match l {
        Locale::Fr => format!("«\u{a0}{t}\u{a0}»"),
        Locale::En => format!("\u{201c}{t}\u{201d}"),
    };
    match (kind, l) {
        (EditKind::Removed(_), Locale::Fr) => match title {
            Some(t) => format!("{} a été retirée de votre sélection.", quoted(t)),
            None => "Une formation a été retirée de votre sélection.".to_owned(),
        },
        (EditKind::Removed(_), Locale::En) => match title {
            Some(t) => format!("{} was removed from your selection.", quoted(t)),
            None => "A training was removed from your selection.".to_owned(),
        },
        (EditKind::Cleared(n), Locale::Fr) => format!(
            "Votre sélection a été vidée\u{a0}: {} {}.",
            courses_count(*n, l),
            if *n > 1 { "retirées" } else { "retirée" }
        ),
        (EditKind::Cleared(n), Locale::En) => {
            format!(
                "Your selection was emptied: {} removed.",
                courses_count(*n, l)
            )
        }
        (EditKind::AddedShared { added, left_out: 0 }, Locale::Fr) => format!(
            "{} {} à votre sélection.",
            courses_count(*added, l),
            if *added > 1 { "ajoutées" } else { "ajoutée" }
        ),
        (EditKind::AddedShared { added, left_out }, Locale::Fr) => format!(
            "{} {} à votre sélection\u{a0}; {} n'y {} pas (une sélection compte {}\u{a0}formations au plus).",
            courses_count(*added, l),
            if *added > 1 { "ajoutées" } else { "ajoutée" },
            courses_count(*left_out, l),
            if *left_out > 1 { "tiennent" } else { "tient" },
            group_thousands(MAX_BOOKMARKS, l),
        ),
        (EditKind::AddedShared { added, left_out: 0 }, Locale::En) => {
            format!("{} added to your selection.", courses_count(*added, l))
        }
        (EditKind::AddedShared { added, left_out }, Locale::En) => format!(
            "{} added to your selection; {} more did not fit (a selection holds at most {} trainings).",
            courses_count(*added, l),
            group_thousands(*left_out, l),
            group_thousands(MAX_BOOKMARKS, l),
        ),
        (EditKind::Replaced(1), Locale::Fr) => {
            "Votre sélection a été remplacée par la formation de ce lien.".to_owned()
        }
        (EditKind::Replaced(n), Locale::Fr) => format!(
            "Votre sélection a été remplacée par les {} de ce lien.",
            courses_count(*n, l)
        ),
        (EditKind::Replaced(1), Locale::En) => {
            "Your selection was replaced by the training of this link.".to_owned()
        }
        (EditKind::Replaced(n), Locale::En) => format!(
            "Your selection was replaced by the {} of this link.",
            courses_count(*n, l)
        ),
        (EditKind::Restored, Locale::Fr) => "Votre sélection a été rétablie.".to_owned(),
        (EditKind::Restored, Locale::En) => "Your selection was restored.".to_owned(),
    }
}

// --- Ma sélection to take away (the selection chunk's own texts) -------------

pub use crate::i18n::takeaway::Takeaway;

/// What the calendar file holds: "5 sessions à venir de 3 formations, en un
/// seul fichier (sans les sessions complètes)."
pub fn calendar_hint(sessions: usize, courses: usize, l: Locale) -> String {
    let n = group_thousands(sessions, l);
    let of = courses_count(courses, l);
    match (l, sessions) {
        (Locale::Fr, 1) => {
            format!("1 session à venir de {of}, en un fichier (sans les sessions complètes).")
        }
        (Locale::Fr, _) => format!(
            "{n}\u{a0}sessions à venir de {of}, en un seul fichier (sans les sessions complètes)."
        ),
        (Locale::En, 1) => {
            format!("1 upcoming session of {of}, in one file (full sessions left out).")
        }
        (Locale::En, _) => {
            format!("{n} upcoming sessions of {of}, in one file (full sessions left out).")
        }
    }
}

/// The comparison's heading: "Comparaison de 3 formations".
pub fn compare_heading(n: usize, l: Locale) -> String {
    match l {
        Locale::Fr => format!("Comparaison de {}", courses_count(n, l)),
        Locale::En => format!("Comparing {}", courses_count(n, l)),
    }
}

/// What the live region says when the comparison appears or changes.
pub fn compare_announce(n: usize, l: Locale) -> String {
    match l {
        Locale::Fr => format!("Comparaison de {} affichée.", courses_count(n, l)),
        Locale::En => format!("Comparison of {} shown.", courses_count(n, l)),
    }
}

/// "1 formation de l'adresse n'est pas dans le catalogue : elle n'est pas
/// comparée."
pub fn compare_unknown(n: usize, l: Locale) -> String {
    let count = courses_count(n, l);
    match (l, n) {
        (Locale::Fr, 1) => format!(
            "{count} de l'adresse n'est pas dans le catalogue\u{a0}: elle n'est pas comparée."
        ),
        (Locale::Fr, _) => format!(
            "{count} de l'adresse ne sont pas dans le catalogue\u{a0}: elles ne sont pas comparées."
        ),
        (Locale::En, 1) => {
            format!("{count} in the address is not in the catalogue: it is not compared.")
        }
        (Locale::En, _) => {
            format!("{count} in the address are not in the catalogue: they are not compared.")
        }
    }
}

/// "et 2 autres sessions" after a course's first sessions.
pub fn more_sessions(n: usize, l: Locale) -> String {
    match (l, n) {
        (Locale::Fr, 1) => "et 1 autre session".to_owned(),
        (Locale::Fr, _) => format!("et {} autres sessions", group_thousands(n, l)),
        (Locale::En, 1) => "and 1 more session".to_owned(),
        (Locale::En, _) => format!("and {} more sessions", group_thousands(n, l)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_KINDS: [EditKind; 9] = [
        EditKind::Removed(String::new()),
        EditKind::Cleared(1),
        EditKind::Cleared(3),
        EditKind::AddedShared {
            added: 1,
            left_out: 0,
        },
        EditKind::AddedShared {
            added: 1200,
            left_out: 0,
        },
        EditKind::AddedShared {
            added: 50,
            left_out: 250,
        },
        EditKind::Replaced(1),
        EditKind::Replaced(2),
        EditKind::Restored,
    ];

    #[test]
    fn the_navigation_count_reads_as_words() {
        assert_eq!(
            format!("Ma sélection{}", nav_count(3, Locale::Fr)),
            "Ma sélection, 3 formations"
        );
        assert_eq!(
            format!("My selection{}", nav_count(1, Locale::En)),
            "My selection, 1 training"
        );
        assert_eq!(nav_count(0, Locale::Fr), "");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(
            shared_heading(3, Locale::Fr),
            "Sélection partagée\u{a0}: 3 formations"
        );
        assert_eq!(
            shared_heading(1, Locale::En),
            "Shared selection: 1 training"
        );
        assert_eq!(
            unknown_in_link(2, Locale::Fr),
            "2 formations de ce lien n'existent plus dans le catalogue."
        );
        assert_eq!(
            unknown_in_link(1, Locale::Fr),
            "1 formation de ce lien n'existe plus dans le catalogue."
        );
        assert_eq!(
            unknown_in_link(1, Locale::En),
            "1 training in this link is no longer in the catalogue."
        );
        assert_eq!(
            unreadable_in_link(2, Locale::En),
            "2 unreadable items in this link were ignored."
        );
        assert_eq!(
            edit_notice(&EditKind::Cleared(3), None, Locale::Fr),
            "Votre sélection a été vidée\u{a0}: 3 formations retirées."
        );
        assert_eq!(
            edit_notice(
                &EditKind::AddedShared {
                    added: 1,
                    left_out: 0
                },
                None,
                Locale::Fr
            ),
            "1 formation ajoutée à votre sélection."
        );
        assert_eq!(
            edit_notice(&EditKind::Removed("x".into()), Some("Data"), Locale::Fr),
            "«\u{a0}Data\u{a0}» a été retirée de votre sélection."
        );
        assert_eq!(
            edit_notice(&EditKind::Removed("x".into()), Some("Data"), Locale::En),
            "\u{201c}Data\u{201d} was removed from your selection."
        );
    }

    #[test]
    fn takeaway_counts_agree_in_number() {
        assert_eq!(
            calendar_hint(5, 3, Locale::Fr),
            "5\u{a0}sessions à venir de 3 formations, en un seul fichier (sans les sessions complètes)."
        );
        assert_eq!(
            calendar_hint(1, 1, Locale::En),
            "1 upcoming session of 1 training, in one file (full sessions left out)."
        );
        assert_eq!(
            compare_heading(3, Locale::Fr),
            "Comparaison de 3 formations"
        );
        assert_eq!(compare_heading(2, Locale::En), "Comparing 2 trainings");
        assert_eq!(
            compare_unknown(1, Locale::Fr),
            "1 formation de l'adresse n'est pas dans le catalogue\u{a0}: elle n'est pas comparée."
        );
        assert_eq!(more_sessions(2, Locale::Fr), "et 2 autres sessions");
        assert_eq!(more_sessions(1, Locale::En), "and 1 more session");
    }

    #[test]
    fn typography_follows_each_language() {
        let mut texts = Vec::new();
        for l in Locale::ALL {
            texts.push((l, over_limit(l)));
            texts.push((l, shared_heading(2, l)));
            texts.push((l, unreadable_in_link(1, l)));
            texts.push((l, unknown_in_link(2, l)));
            for t in Takeaway::ALL {
                texts.push((l, t.get(l).to_owned()));
            }
            for n in [1, 2, 1200] {
                texts.push((l, calendar_hint(n, n, l)));
                texts.push((l, compare_heading(n, l)));
                texts.push((l, compare_announce(n, l)));
                texts.push((l, compare_unknown(n, l)));
                texts.push((l, more_sessions(n, l)));
            }
            for kind in &ALL_KINDS {
                texts.push((l, edit_notice(kind, Some("Titre"), l)));
                texts.push((l, edit_notice(kind, None, l)));
            }
        }
        for (l, text) in &texts {
            for mark in [':', ';', '!', '?'] {
                for (i, _) in text.match_indices(mark) {
                    let before = text[..i].chars().last();
                    match l {
                        Locale::En => {
                            assert_ne!(before, Some('\u{a0}'), "French spacing in English: {text}")
                        }
                        Locale::Fr => assert_eq!(
                            before,
                            Some('\u{a0}'),
                            "no-break space before {mark}: {text}"
                        ),
                    }
                }
            }
            assert!(
                !text.contains(" :") && !text.contains("« ") && !text.contains(" »"),
                "{text}"
            );
        }
        assert!(over_limit(Locale::Fr).contains("500\u{a0}formations"));
        assert_eq!(
            edit_notice(&EditKind::AddedShared { added: 50, left_out: 250 }, None, Locale::Fr),
            "50 formations ajoutées à votre sélection\u{a0}; 250 formations n'y tiennent pas (une sélection compte 500\u{a0}formations au plus)."
        );
        assert_eq!(
            edit_notice(&EditKind::AddedShared { added: 50, left_out: 250 }, None, Locale::En),
            "50 trainings added to your selection; 250 more did not fit (a selection holds at most 500 trainings)."
        );
        // The full selection's text says the limit there is.
        let max = group_thousands(MAX_BOOKMARKS, Locale::Fr);
        assert!(crate::i18n::Text::SharedSelectionFull
            .get(Locale::Fr)
            .contains(&format!("{max}\u{a0}formations")));
        assert!(crate::i18n::Text::SelectionFull
            .get(Locale::Fr)
            .contains(&format!("{max}\u{a0}au plus")));
        assert_eq!(
            edit_notice(
                &EditKind::AddedShared {
                    added: 1200,
                    left_out: 0
                },
                None,
                Locale::En
            ),
            "1,200 trainings added to your selection."
        );
    }
}
