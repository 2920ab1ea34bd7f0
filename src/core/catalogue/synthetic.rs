//! A deterministic generator of large synthetic catalogues (contract v1), for tests
//! and benchmarks at 10,000 and 50,000 courses. Same seed, same document.

use std::fmt::Write;

/// A small xorshift generator: deterministic and dependency-free.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (0 is replaced by a constant).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// One item of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const DOMAINS: [(&str, &str); 9] = [
    ("agilite-produit", "Agilité et produit"),
    ("communs-logiciels-libres", "Communs et logiciels libres"),
    ("cybersecurite", "Cybersécurité"),
    ("data", "Data"),
    ("design-accessibilite", "Design et accessibilité"),
    (
        "environnement-numerique-travail",
        "Environnement numérique de travail",
    ),
    ("numerique-responsable", "Numérique responsable"),
    (
        "cloud-infrastructures",
        "Technologie et infrastructures numériques cloud",
    ),
    ("transformation-numerique", "Transformation numérique"),
];

const TOPICS: [&str; 40] = [
    "sécurité des systèmes d'information",
    "gestion de crise cyber",
    "hameçonnage",
    "homologation",
    "pilotage par la donnée",
    "science des données",
    "open data",
    "langage SQL",
    "tableaux de bord",
    "intelligence artificielle générative",
    "apprentissage automatique",
    "accessibilité numérique",
    "RGAA",
    "design de services",
    "recherche utilisateur",
    "système de design de l'État",
    "méthode agile",
    "Scrum",
    "Kanban",
    "management de produit",
    "startup d'État",
    "logiciels libres",
    "communs numériques",
    "éco-conception",
    "sobriété numérique",
    "RGESN",
    "cloud souverain",
    "SecNumCloud",
    "Kubernetes",
    "conteneurs",
    "infrastructure as code",
    "observabilité",
    "messagerie collaborative",
    "visioconférence",
    "suite bureautique",
    "conduite du changement",
    "marchés publics du numérique",
    "protection des données personnelles",
    "RGPD",
    "API",
];

const VERBS: [&str; 12] = [
    "Comprendre",
    "Maîtriser",
    "Piloter",
    "Déployer",
    "Concevoir",
    "Évaluer",
    "Sécuriser",
    "Animer",
    "Mesurer",
    "Documenter",
    "Outiller",
    "Réussir",
];

const CONTEXTS: [&str; 10] = [
    "dans une administration centrale",
    "en service déconcentré",
    "pour les équipes projet",
    "au sein d'une collectivité",
    "pour les managers",
    "en mode produit",
    "à l'échelle d'un ministère",
    "pour les agents d'accueil",
    "dans un établissement public",
    "pour les cadres dirigeants",
];

/// Syllables of made-up project names: they give the synthetic vocabulary the
/// long tail of rare words (names, acronyms) a real catalogue has.
const SYLLABLES: [&str; 32] = [
    "ka", "lo", "mi", "ra", "tu", "vé", "zo", "ni", "pa", "ré", "so", "di", "fa", "gu", "jo", "be",
    "cy", "xe", "wa", "qui", "bri", "clo", "dra", "fle", "gro", "plu", "tra", "ste", "mon", "ver",
    "lin", "dor",
];

fn project_name(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut name = String::new();
    for _ in 0..n {
        let syllable: &&str = rng.pick(&SYLLABLES);
        name.push_str(syllable);
    }
    let mut chars = name.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

const PROVIDERS: [&str; 10] = [
    "DINUM",
    "ANSSI",
    "Inria",
    "IGPDE",
    "INSP",
    "ENM",
    "École des Mines",
    "CNIL",
    "Etalab",
    "Campus du numérique public",
];

const PLACES: [(&str, &str); 12] = [
    ("Paris", "Île-de-France"),
    ("Lyon", "Auvergne-Rhône-Alpes"),
    ("Lille", "Hauts-de-France"),
    ("Bordeaux", "Nouvelle-Aquitaine"),
    ("Toulouse", "Occitanie"),
    ("Strasbourg", "Grand Est"),
    ("Marseille", "Provence-Alpes-Côte d'Azur"),
    ("Rennes", "Bretagne"),
    ("Nantes", "Pays de la Loire"),
    ("Rouen", "Normandie"),
    ("Dijon", "Bourgogne-Franche-Comté"),
    ("Saint-Denis", "La Réunion"),
];

fn json_string(out: &mut String, s: &str) {
    // serde_json escapes correctly; the generator stays readable.
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

/// Writes a catalogue document with `n` courses (about 10 % parcours, 5 %
/// sur-mesure, the rest modules), each with a realistic amount of French text.
pub fn catalogue_json(n: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(n * 1700);
    out.push_str(r#"{"version":1,"updated":"2026-11-20","domains":["#);
    for (i, (id, label)) in DOMAINS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            r#"{{"id":"{id}","label":"{label}","description":"Formations du domaine {label}."}}"#
        );
    }
    out.push_str(r#"],"courses":["#);
    let module_count = n - n / 10 - n / 20;
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        let (kind, id) = if i < module_count {
            ("module", format!("module-{i}"))
        } else if i < n - n / 20 {
            ("parcours", format!("parcours-{i}"))
        } else {
            ("sur-mesure", format!("sur-mesure-{i}"))
        };
        let topic = *rng.pick(&TOPICS);
        let topic2 = *rng.pick(&TOPICS);
        let verb = *rng.pick(&VERBS);
        let context = *rng.pick(&CONTEXTS);
        let title = format!("{verb} {topic} {context}");
        let summary = format!(
            "Une formation pour {} {topic} et {topic2}.",
            verb.to_lowercase()
        );
        let mut description = String::new();
        for p in 0..3 {
            if p > 0 {
                description.push_str("\n\n");
            }
            let _ = write!(
                description,
                "Cette session aborde {topic} avec des cas concrets issus de l'administration. \
                 Les participants travaillent sur {} et comparent leurs pratiques {}. \
                 Des exercices guidés, tirés du projet {}, relient {topic2} aux missions quotidiennes.",
                rng.pick(&TOPICS),
                rng.pick(&CONTEXTS),
                project_name(&mut rng)
            );
        }
        out.push_str(r#"{"id":""#);
        out.push_str(&id);
        let _ = write!(out, r#"","kind":"{kind}","title":"#);
        json_string(&mut out, &title);
        out.push_str(r#","summary":"#);
        json_string(&mut out, &summary);
        out.push_str(r#","description":"#);
        json_string(&mut out, &description);
        let d1 = rng.pick(&DOMAINS).0;
        let d2 = rng.pick(&DOMAINS).0;
        if d1 == d2 {
            let _ = write!(out, r#","domains":["{d1}"]"#);
        } else {
            let _ = write!(out, r#","domains":["{d1}","{d2}"]"#);
        }
        let level = rng.pick(&["decouverte", "intermediaire", "expert"]);
        let audience = rng.pick(&[
            r#"["tous-agents"]"#,
            r#"["agents-numerique"]"#,
            r#"["managers","cadres-dirigeants"]"#,
            r#"["tous-agents","managers"]"#,
        ]);
        let format = *rng.pick(&["e-learning", "distanciel", "presentiel", "hybride"]);
        let hours = match kind {
            "parcours" => 10 + rng.below(30),
            "sur-mesure" => 7 + rng.below(28),
            _ => 1 + rng.below(7),
        };
        let _ = write!(
            out,
            r#","level":"{level}","audience":{audience},"format":"{format}","duration_hours":{hours},"provider":"{}","free":{}"#,
            rng.pick(&PROVIDERS),
            rng.below(10) > 0
        );
        let _ = write!(
            out,
            r#","objectives":["Identifier les enjeux de {topic}","Mettre en œuvre {topic2}","Évaluer les résultats {context}"],"prerequisites":[]"#
        );
        if kind == "parcours" && module_count > 0 {
            out.push_str(r#","modules":["#);
            for m in 0..(2 + rng.below(4)) {
                if m > 0 {
                    out.push(',');
                }
                let _ = write!(out, r#""module-{}""#, rng.below(module_count));
            }
            out.push(']');
        }
        out.push_str(r#","sessions":["#);
        if format != "e-learning" {
            for s in 0..rng.below(4) {
                if s > 0 {
                    out.push(',');
                }
                let month = 1 + rng.below(12);
                let day = 1 + rng.below(28);
                let year = 2026 + rng.below(2);
                // Paris offset: summer time from April to October is close enough here.
                let offset = if (4..=10).contains(&month) {
                    "+02:00"
                } else {
                    "+01:00"
                };
                let session_format = if format == "hybride" {
                    "hybride"
                } else {
                    format
                };
                let _ = write!(
                    out,
                    r#"{{"id":"s-{i}-{s}","start":"{year}-{month:02}-{day:02}T09:30:00{offset}","end":"{year}-{month:02}-{day:02}T17:00:00{offset}","format":"{session_format}","seats_left":{}"#,
                    rng.below(25)
                );
                if session_format != "distanciel" {
                    let (city, region) = rng.pick(&PLACES);
                    let _ = write!(
                        out,
                        r#","location":{{"city":"{city}","region":"{region}"}}"#
                    );
                }
                out.push('}');
            }
        }
        out.push_str("]}");
    }
    out.push_str("]}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::Parsed;

    #[test]
    fn generates_a_valid_deterministic_catalogue() {
        let a = catalogue_json(500, 7);
        assert_eq!(a, catalogue_json(500, 7));
        assert_ne!(a, catalogue_json(500, 8));
        let parsed = Parsed::from_json(&a).unwrap();
        assert!(
            parsed.skipped.is_empty(),
            "{:?}",
            &parsed.skipped[..parsed.skipped.len().min(3)]
        );
        assert_eq!(parsed.catalogue.courses.len(), 500);
        assert_eq!(parsed.catalogue.domains.len(), 9);
    }
}
