//! Runtime configuration: `config.json`, fetched next to `index.html` at start-up.
//!
//! A ministry changes where the catalogue comes from, or where applications are sent,
//! by editing this file: no rebuild. Anything missing or invalid falls back to the
//! default with a warning; configuration never blanks the page.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

use crate::application::form::{FieldId, FormId, CAMPUS_EMAIL};

/// Default catalogue location, relative to `index.html`.
pub const DEFAULT_CATALOGUE_URL: &str = "catalogue.json";

/// Where the configuration is fetched from, relative to `index.html`.
pub const CONFIG_URL: &str = "config.json";

/// The app's runtime configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// URL of the catalogue JSON document (relative to `index.html`, or absolute).
    pub catalogue_url: String,
    /// URL that receives applications with `POST`; `None` when there is no server
    /// (the applicant then downloads the application and emails it).
    pub applications_endpoint: Option<String>,
    /// URL that receives sur-mesure requests with `POST` (the same receiver
    /// contract); `None`: the manager downloads the request and emails it.
    pub requests_endpoint: Option<String>,
    /// Host origins (`https://www.interieur.gouv.fr`) allowed to show the
    /// application form in a widget. Empty: the form is never shown framed.
    pub embed_origins: Vec<String>,
    /// The text of `config.json` when it has a `forms` member (where each
    /// form goes), read per form by [`Config::destination`]: only the form
    /// pages need it, so reading it stays out of the start-up path.
    pub forms_source: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            catalogue_url: DEFAULT_CATALOGUE_URL.to_owned(),
            applications_endpoint: None,
            requests_endpoint: None,
            embed_origins: Vec::new(),
            forms_source: None,
        }
    }
}

/// Why (part of) a configuration was ignored. Shown as a console warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigWarning {
    /// `config.json` could not be fetched (missing, network error, HTTP status).
    Unavailable(String),
    /// The document is not valid JSON.
    NotJson(String),
    /// The document is valid JSON but not an object.
    NotAnObject,
    /// A known field has an unusable value; its default is used.
    InvalidField {
        /// The field name.
        field: &'static str,
        /// What was wrong.
        reason: &'static str,
    },
}

/// A form's destination (`forms.{form}…`) cannot work: that form falls back
/// to download and email. Said as a console warning by the form's pages
/// (apart from [`ConfigWarning`], said at start-up, so that its words stay
/// in the forms' chunk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormRefused {
    /// The key at fault, e.g. `forms.candidature.columns.foo`.
    pub key: String,
    /// What was wrong.
    pub reason: &'static str,
}

impl fmt::Display for FormRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let FormRefused { key, reason } = self;
        let form = key.split('.').nth(1).unwrap_or_default();
        write!(
            f,
            "{CONFIG_URL}: `{key}` {reason}; the form {form} falls back to download and email"
        )
    }
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigWarning::Unavailable(why) => {
                write!(f, "{CONFIG_URL} unavailable ({why}); using the defaults")
            }
            ConfigWarning::NotJson(why) => {
                write!(
                    f,
                    "{CONFIG_URL} is not valid JSON ({why}); using the defaults"
                )
            }
            ConfigWarning::NotAnObject => {
                write!(f, "{CONFIG_URL} is not a JSON object; using the defaults")
            }
            ConfigWarning::InvalidField { field, reason } => {
                write!(f, "{CONFIG_URL}: `{field}` {reason}; using its default")
            }
        }
    }
}

impl Config {
    /// Parses `config.json`. Unknown fields are ignored (forward compatibility);
    /// each invalid known field falls back to its own default.
    pub fn parse(text: &str) -> (Config, Vec<ConfigWarning>) {
        let mut warnings = Vec::new();
        let mut config = Config::default();
        let value: Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(err) => {
                warnings.push(ConfigWarning::NotJson(err.to_string()));
                return (config, warnings);
            }
        };
        let Some(object) = value.as_object() else {
            warnings.push(ConfigWarning::NotAnObject);
            return (config, warnings);
        };

        match object.get("catalogue_url") {
            None | Some(Value::Null) => {}
            Some(Value::String(url)) => match check_url(url) {
                Ok(()) => config.catalogue_url = url.trim().to_owned(),
                Err(reason) => warnings.push(ConfigWarning::InvalidField {
                    field: "catalogue_url",
                    reason,
                }),
            },
            Some(_) => warnings.push(ConfigWarning::InvalidField {
                field: "catalogue_url",
                reason: "is not a string",
            }),
        }

        config.applications_endpoint = endpoint(object, "applications_endpoint", &mut warnings);
        config.requests_endpoint = endpoint(object, "requests_endpoint", &mut warnings);

        match object.get("embed_origins") {
            None | Some(Value::Null) => {}
            Some(Value::Array(list)) => {
                for item in list {
                    match item.as_str().map(|o| o.trim().trim_end_matches('/')) {
                        Some(o) if crate::embed::params::valid_origin(o) => {
                            config.embed_origins.push(o.to_ascii_lowercase())
                        }
                        _ => warnings.push(ConfigWarning::InvalidField {
                            field: "embed_origins",
                            reason: "has an entry that is not an http(s) origin (ignored)",
                        }),
                    }
                }
            }
            Some(_) => warnings.push(ConfigWarning::InvalidField {
                field: "embed_origins",
                reason: "is not a list of origins",
            }),
        }

        if object.contains_key("forms") {
            config.forms_source = Some(text.to_owned());
        }
        (config, warnings)
    }

    /// Where `form` goes, and why its configuration was refused if it was.
    /// `forms.{slug}` wins over the older `applications_endpoint` /
    /// `requests_endpoint` when both are given; with neither, the form is
    /// downloaded and emailed to the campus team. A refused `forms.{slug}`
    /// never falls back to the older key: the form goes by email, so that a
    /// deployment's mistake shows instead of sending somewhere unexpected.
    pub fn destination(&self, form: FormId) -> (Destination, Option<FormRefused>) {
        let slug = form.form().slug;
        let email = || Destination::Email {
            address: CAMPUS_EMAIL.to_owned(),
        };
        let document = self
            .forms_source
            .as_deref()
            .and_then(|text| serde_json::from_str::<Value>(text).ok());
        let entry = match document.as_ref().and_then(|d| d.get("forms")) {
            Some(Value::Object(forms)) => forms.get(slug).filter(|v| !v.is_null()),
            Some(Value::Null) | None => None,
            Some(_) => {
                return (
                    email(),
                    Some(FormRefused {
                        key: format!("forms.{slug}"),
                        reason: "cannot be read: `forms` is not an object",
                    }),
                )
            }
        };
        let Some(entry) = entry else {
            let legacy = match form {
                FormId::Trainer => &self.applications_endpoint,
                FormId::Request => &self.requests_endpoint,
            };
            let to = match legacy {
                Some(url) => Destination::Endpoint { url: url.clone() },
                None => email(),
            };
            return (to, None);
        };
        match read_destination(form, entry) {
            Ok(to) => (to, None),
            Err((key, reason)) => (
                email(),
                Some(FormRefused {
                    key: format!("forms.{slug}{key}"),
                    reason,
                }),
            ),
        }
    }
}

/// Where a form's answers go (`forms.{form}.to`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// `endpoint`: `POST` to a server that follows the receiver contract.
    Endpoint {
        /// The receiver's URL.
        url: String,
    },
    /// `grist`: a row added to a Grist table through a published form's
    /// share key (`POST {server}/api/s/{share_key}/tables/{table}/records`).
    Grist {
        /// The Grist server, https (loopback http for tests), no trailing `/`.
        server: String,
        /// The share key of the published form.
        share_key: String,
        /// The table id.
        table: String,
        /// Column id of each field whose column is not named as the field.
        columns: BTreeMap<FieldId, String>,
    },
    /// `demarches-simplifiees`: the applicant continues on a démarche with a
    /// prefilled link.
    DemarchesSimplifiees {
        /// The démarche's start URL (`…/commencer/{path}`).
        url: String,
        /// The `champ_{id}` or `identite_{prenom,nom}` key of each mapped field.
        fields: BTreeMap<FieldId, String>,
    },
    /// `email`: the applicant downloads the file and emails it.
    Email {
        /// Where to email it.
        address: String,
    },
}

/// Reads one `forms.{form}` entry; the error names the key under it
/// (`.columns.foo`) and why.
fn read_destination(form: FormId, entry: &Value) -> Result<Destination, (String, &'static str)> {
    let object = entry
        .as_object()
        .ok_or((String::new(), "is not an object"))?;
    let text = |key: &'static str| -> Result<String, (String, &'static str)> {
        match object.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
            Some(_) => Err((format!(".{key}"), "is not a non-empty string")),
            None => Err((format!(".{key}"), "is missing")),
        }
    };
    let at = |key: &str| format!(".{key}");
    let mapping = |key: &'static str,
                   valid: fn(&str) -> bool|
     -> Result<BTreeMap<FieldId, String>, (String, &'static str)> {
        let mut out = BTreeMap::new();
        match object.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => {
                for (field, target) in map {
                    let id = FieldId::parse(field)
                        .filter(|id| form.form().has_field(*id))
                        .ok_or((format!(".{key}.{field}"), "names no field of this form"))?;
                    let target = target
                        .as_str()
                        .map(str::trim)
                        .filter(|t| valid(t))
                        .ok_or((format!(".{key}.{field}"), "is not a valid id there"))?;
                    out.insert(id, target.to_owned());
                }
            }
            Some(_) => return Err((at(key), "is not an object")),
        }
        Ok(out)
    };
    match object.get("to").and_then(Value::as_str) {
        Some("endpoint") => {
            let url = text("url")?;
            check_url(&url).map_err(|reason| (at("url"), reason))?;
            Ok(Destination::Endpoint { url })
        }
        Some("grist") => {
            let server = text("server")?;
            let server = secure_base(&server).map_err(|reason| (at("server"), reason))?;
            let share_key = text("share_key")?;
            if !share_key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                return Err((
                    at("share_key"),
                    "has characters other than letters, digits, - and _",
                ));
            }
            let table = text("table")?;
            if !grist_id(&table) {
                return Err((
                    at("table"),
                    "is not a Grist table id (a letter, then letters, digits or _)",
                ));
            }
            let columns = mapping("columns", grist_id)?;
            Ok(Destination::Grist {
                server,
                share_key,
                table,
                columns,
            })
        }
        Some("demarches-simplifiees") => {
            let url = text("url")?;
            let url = secure_base(&url).map_err(|reason| (at("url"), reason))?;
            let fields = mapping("fields", ds_key)?;
            Ok(Destination::DemarchesSimplifiees { url, fields })
        }
        Some("email") => {
            let address = text("address")?;
            if !email_address(&address) {
                return Err((at("address"), "is not an email address"));
            }
            Ok(Destination::Email { address })
        }
        Some(_) => Err((
            at("to"),
            "is not one of endpoint, grist, demarches-simplifiees, email",
        )),
        None => Err((at("to"), "is missing or not a string")),
    }
}

/// A server or page address that may receive answers: `https://`, or
/// `http://` on a loopback host (`localhost`, `127.0.0.1`, `[::1]`) for
/// tests; no user, query or fragment. Returned without a trailing `/`.
pub fn secure_base(url: &str) -> Result<String, &'static str> {
    check_url(url)?;
    let lower = url.to_ascii_lowercase();
    let rest = if let Some(rest) = lower.strip_prefix("https://") {
        rest
    } else if let Some(rest) = lower.strip_prefix("http://") {
        let host = rest.split(['/', ':']).next().unwrap_or_default();
        let host = if rest.starts_with("[::1]") {
            "[::1]"
        } else {
            host
        };
        if !matches!(host, "localhost" | "127.0.0.1" | "[::1]") {
            return Err("is not https (only loopback addresses may use http)");
        }
        rest
    } else {
        return Err("is not an absolute https address");
    };
    if rest.split('/').next().is_none_or(str::is_empty) {
        return Err("has no host");
    }
    if url.contains(['?', '#', '@']) {
        return Err("has a query, a fragment or a user name");
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// A Grist table or column id: a letter, then letters, digits or `_`.
pub fn grist_id(id: &str) -> bool {
    id.len() <= 100
        && id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A démarches simplifiées prefill key: `champ_{id}` (the typed id the
/// démarche's `/preremplir` page shows: letters, digits, `=`, `-`, `_`), or
/// `identite_prenom` / `identite_nom`.
pub fn ds_key(key: &str) -> bool {
    match key.strip_prefix("champ_") {
        Some(id) => {
            !id.is_empty()
                && id.len() <= 100
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'=' | b'-' | b'_'))
        }
        None => matches!(key, "identite_prenom" | "identite_nom"),
    }
}

/// An address a `mailto:` link can carry as is: one `@`, no spaces, no
/// characters that would start another part of the link.
fn email_address(a: &str) -> bool {
    a.len() <= 254
        && a.split('@').count() == 2
        && !a.starts_with('@')
        && !a.ends_with('@')
        && a.chars().all(|c| {
            c.is_ascii_graphic() && !matches!(c, '?' | '&' | '#' | ',' | '%' | '<' | '>' | '"')
        })
}

/// Accepts relative URLs and absolute `http(s)` URLs; refuses other schemes
/// (`javascript:`, `data:`), which must never be fetched or linked.
fn check_url(url: &str) -> Result<(), &'static str> {
    let url = url.trim();
    if url.is_empty() {
        return Err("is empty");
    }
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err("contains spaces or control characters");
    }
    let lower = url.to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon before any '/', '?' or '#' is a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            if scheme == "http" || scheme == "https" {
                Ok(())
            } else {
                Err("uses a scheme other than http or https")
            }
        }
        _ => Ok(()),
    }
}

/// An optional receiver URL: `null`/absent is `None`; a bad value warns.
fn endpoint(
    object: &serde_json::Map<String, Value>,
    field: &'static str,
    warnings: &mut Vec<ConfigWarning>,
) -> Option<String> {
    match object.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::String(url)) => match check_url(url) {
            Ok(()) => Some(url.trim().to_owned()),
            Err(reason) => {
                warnings.push(ConfigWarning::InvalidField { field, reason });
                None
            }
        },
        Some(_) => {
            warnings.push(ConfigWarning::InvalidField {
                field,
                reason: "is neither a string nor null",
            });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_point_to_the_bundled_catalogue_and_no_server() {
        let config = Config::default();
        assert_eq!(config.catalogue_url, "catalogue.json");
        assert_eq!(config.applications_endpoint, None);
    }

    #[test]
    fn a_full_valid_config_is_taken_as_is() {
        let (config, warnings) = Config::parse(
            r#"{"catalogue_url": "https://data.example.gouv.fr/c.json",
                "applications_endpoint": "/api/applications", "future": 1}"#,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.catalogue_url, "https://data.example.gouv.fr/c.json");
        assert_eq!(
            config.applications_endpoint.as_deref(),
            Some("/api/applications")
        );
    }

    #[test]
    fn invalid_json_gives_defaults_and_a_warning() {
        let (config, warnings) = Config::parse("{ not json");
        assert_eq!(config, Config::default());
        assert!(matches!(warnings.as_slice(), [ConfigWarning::NotJson(_)]));
        let (config, warnings) = Config::parse("[1, 2]");
        assert_eq!(config, Config::default());
        assert_eq!(warnings, vec![ConfigWarning::NotAnObject]);
    }

    #[test]
    fn each_bad_field_falls_back_on_its_own() {
        let (config, warnings) = Config::parse(
            r#"{"catalogue_url": "javascript:alert(1)", "applications_endpoint": "https://x.gouv.fr/a"}"#,
        );
        assert_eq!(config.catalogue_url, DEFAULT_CATALOGUE_URL);
        assert_eq!(
            config.applications_endpoint.as_deref(),
            Some("https://x.gouv.fr/a")
        );
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].to_string().contains("catalogue_url"));

        let (config, warnings) =
            Config::parse(r#"{"catalogue_url": 3, "applications_endpoint": false}"#);
        assert_eq!(config, Config::default());
        assert_eq!(warnings.len(), 2);

        // The two receivers are read apart: one bad does not drop the other.
        let (config, warnings) = Config::parse(
            r#"{"applications_endpoint": "javascript:x", "requests_endpoint": " /api/demandes "}"#,
        );
        assert_eq!(config.applications_endpoint, None);
        assert_eq!(config.requests_endpoint.as_deref(), Some("/api/demandes"));
        assert!(warnings[0].to_string().contains("applications_endpoint"));
        let (config, warnings) = Config::parse(r#"{"requests_endpoint": 7}"#);
        assert_eq!(config.requests_endpoint, None);
        assert!(warnings[0].to_string().contains("requests_endpoint"));
    }

    #[test]
    fn url_check_accepts_relative_and_http_only() {
        assert!(check_url("catalogue.json").is_ok());
        assert!(check_url("../data/c.json?v=2").is_ok());
        assert!(check_url("/x/y:z").is_ok());
        assert!(check_url("HTTPS://a.fr/x").is_ok());
        assert!(check_url("data:text/plain,x").is_err());
        assert!(check_url(" ").is_err());
        assert!(check_url("a b").is_err());
    }

    #[test]
    fn embed_origins_keep_only_valid_origins() {
        let (config, warnings) = Config::parse(
            r#"{"embed_origins": ["https://WWW.Interieur.gouv.fr/", "*", "javascript:x", 3, "http://127.0.0.1:8081"]}"#,
        );
        assert_eq!(
            config.embed_origins,
            ["https://www.interieur.gouv.fr", "http://127.0.0.1:8081"]
        );
        assert_eq!(warnings.len(), 3);
        let (config, warnings) = Config::parse(r#"{"embed_origins": "https://a.fr"}"#);
        assert!(config.embed_origins.is_empty());
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn null_endpoint_means_no_server() {
        let (config, warnings) = Config::parse(r#"{"applications_endpoint": null}"#);
        assert!(warnings.is_empty());
        assert_eq!(config.applications_endpoint, None);
    }

    fn dest(json: &str, form: FormId) -> (Destination, Option<String>) {
        let (config, warnings) = Config::parse(json);
        assert!(warnings.is_empty(), "{warnings:?}");
        let (to, warning) = config.destination(form);
        (to, warning.map(|w| w.to_string()))
    }

    fn campus() -> Destination {
        Destination::Email {
            address: CAMPUS_EMAIL.to_owned(),
        }
    }

    #[test]
    fn the_issue_example_is_read_as_written() {
        let json = r#"{ "forms": {
            "candidature": { "to": "grist", "server": "https://grist.numerique.gouv.fr/",
                             "share_key": "abc-DEF_1", "table": "Candidatures", "columns": { "email": "Courriel" } },
            "sur-mesure":  { "to": "demarches-simplifiees",
                             "url": "https://www.demarches-simplifiees.fr/commencer/campus-sur-mesure",
                             "fields": { "requester_first_name": "identite_prenom",
                                         "request_need": "champ_Q2hhbXAtMTIz" } } } }"#;
        let (to, warning) = dest(json, FormId::Trainer);
        assert_eq!(warning, None);
        assert_eq!(
            to,
            Destination::Grist {
                server: "https://grist.numerique.gouv.fr".into(),
                share_key: "abc-DEF_1".into(),
                table: "Candidatures".into(),
                columns: [(FieldId::Email, "Courriel".to_owned())].into(),
            }
        );
        let (to, warning) = dest(json, FormId::Request);
        assert_eq!(warning, None);
        assert_eq!(
            to,
            Destination::DemarchesSimplifiees {
                url: "https://www.demarches-simplifiees.fr/commencer/campus-sur-mesure".into(),
                fields: [
                    (FieldId::RequesterFirstName, "identite_prenom".to_owned()),
                    (FieldId::RequestNeed, "champ_Q2hhbXAtMTIz".to_owned()),
                ]
                .into(),
            }
        );
    }

    #[test]
    fn endpoint_and_email_destinations() {
        let json = r#"{"forms": {"candidature": {"to": "endpoint", "url": "/api/c"},
                                 "sur-mesure": {"to": "email", "address": "equipe@campus.gouv.fr"}}}"#;
        assert_eq!(
            dest(json, FormId::Trainer),
            (
                Destination::Endpoint {
                    url: "/api/c".into()
                },
                None
            )
        );
        assert_eq!(
            dest(json, FormId::Request),
            (
                Destination::Email {
                    address: "equipe@campus.gouv.fr".into()
                },
                None
            )
        );
    }

    #[test]
    fn forms_win_over_the_older_keys_which_keep_working_alone() {
        let (to, _) = dest(
            r#"{"applications_endpoint": "/old", "requests_endpoint": "/req",
                "forms": {"candidature": {"to": "email", "address": "a@b.fr"}}}"#,
            FormId::Trainer,
        );
        assert_eq!(
            to,
            Destination::Email {
                address: "a@b.fr".into()
            }
        );
        let (to, _) = dest(
            r#"{"applications_endpoint": "/old", "requests_endpoint": "/req",
                "forms": {"candidature": {"to": "email", "address": "a@b.fr"}}}"#,
            FormId::Request,
        );
        assert_eq!(to, Destination::Endpoint { url: "/req".into() });
        assert_eq!(dest("{}", FormId::Trainer), (campus(), None));
        assert_eq!(
            dest(r#"{"forms": {"candidature": null}}"#, FormId::Trainer),
            (campus(), None)
        );
    }

    #[test]
    fn each_bad_destination_is_refused_naming_its_key_and_falls_back_to_email() {
        let cases = [
            (r#"{"to": "fax"}"#, "forms.candidature.to"),
            (r#"{"to": 3}"#, "forms.candidature.to"),
            (r#"{}"#, "forms.candidature.to"),
            (r#""grist""#, "forms.candidature`"),
            (
                r#"{"to": "grist", "server": "http://grist.example.fr", "share_key": "k", "table": "T"}"#,
                "forms.candidature.server",
            ),
            (
                r#"{"to": "grist", "server": "http://10.0.0.1", "share_key": "k", "table": "T"}"#,
                "forms.candidature.server",
            ),
            (
                r#"{"to": "grist", "server": "javascript:alert(1)", "share_key": "k", "table": "T"}"#,
                "forms.candidature.server",
            ),
            (
                r#"{"to": "grist", "server": "https://u@g.fr", "share_key": "k", "table": "T"}"#,
                "forms.candidature.server",
            ),
            (
                r#"{"to": "grist", "server": "https://g.fr", "share_key": "k/../x", "table": "T"}"#,
                "forms.candidature.share_key",
            ),
            (
                r#"{"to": "grist", "server": "https://g.fr", "table": "T"}"#,
                "forms.candidature.share_key",
            ),
            (
                r#"{"to": "grist", "server": "https://g.fr", "share_key": "k", "table": "1T"}"#,
                "forms.candidature.table",
            ),
            (
                r#"{"to": "grist", "server": "https://g.fr", "share_key": "k", "table": "T", "columns": {"foo": "Foo"}}"#,
                "forms.candidature.columns.foo",
            ),
            (
                r#"{"to": "grist", "server": "https://g.fr", "share_key": "k", "table": "T", "columns": {"request_need": "Besoin"}}"#,
                "forms.candidature.columns.request_need",
            ),
            (
                r#"{"to": "grist", "server": "https://g.fr", "share_key": "k", "table": "T", "columns": {"email": "=Mail"}}"#,
                "forms.candidature.columns.email",
            ),
            (
                r#"{"to": "grist", "server": "https://g.fr", "share_key": "k", "table": "T", "columns": ["email"]}"#,
                "forms.candidature.columns",
            ),
            (
                r#"{"to": "demarches-simplifiees", "url": "http://www.demarches-simplifiees.fr/commencer/x"}"#,
                "forms.candidature.url",
            ),
            (
                r#"{"to": "demarches-simplifiees", "url": "https://ds.fr/commencer/x?a=1"}"#,
                "forms.candidature.url",
            ),
            (
                r#"{"to": "demarches-simplifiees", "url": "https://ds.fr/c", "fields": {"bio": "champ_a&b=c"}}"#,
                "forms.candidature.fields.bio",
            ),
            (
                r#"{"to": "demarches-simplifiees", "url": "https://ds.fr/c", "fields": {"bio": "identite_genre"}}"#,
                "forms.candidature.fields.bio",
            ),
            (
                r#"{"to": "demarches-simplifiees", "url": "https://ds.fr/c", "fields": {"bio\u200b": "champ_X"}}"#,
                "forms.candidature.fields.bio\u{200b}",
            ),
            (
                r#"{"to": "endpoint", "url": "data:text/plain,x"}"#,
                "forms.candidature.url",
            ),
            (
                r#"{"to": "email", "address": "a@b.fr?cc=x@y.fr"}"#,
                "forms.candidature.address",
            ),
            (r#"{"to": "email"}"#, "forms.candidature.address"),
        ];
        for (entry, key) in cases {
            let json = format!(
                r#"{{"applications_endpoint": "/old", "forms": {{"candidature": {entry}}}}}"#
            );
            let (to, warning) = dest(&json, FormId::Trainer);
            assert_eq!(to, campus(), "{entry}");
            let warning = warning.unwrap_or_else(|| panic!("no warning for {entry}"));
            assert!(
                warning.contains(&format!("`{}", key.trim_end_matches('`'))),
                "{entry}: {warning}"
            );
            assert!(
                warning.contains("falls back to download and email"),
                "{warning}"
            );
            // The other form is not affected.
            assert_eq!(dest(&json, FormId::Request), (campus(), None));
        }
        let (config, _) = Config::parse(r#"{"forms": [1]}"#);
        let (to, warning) = config.destination(FormId::Request);
        assert_eq!(to, campus());
        assert!(warning.unwrap().to_string().contains("`forms.sur-mesure`"));
    }

    #[test]
    fn loopback_servers_may_use_http() {
        for server in [
            "http://localhost:8080",
            "http://127.0.0.1:9/x/",
            "http://[::1]:3000",
        ] {
            assert!(secure_base(server).is_ok(), "{server}");
        }
        assert_eq!(
            secure_base("https://g.fr/o/team/").unwrap(),
            "https://g.fr/o/team"
        );
        for server in [
            "http://localhost.evil.fr",
            "http://127.0.0.2",
            "https://",
            "//g.fr",
            "g.fr",
            "ftp://g.fr",
        ] {
            assert!(secure_base(server).is_err(), "{server}");
        }
    }
}
