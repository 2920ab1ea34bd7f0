//! Runtime configuration: `config.json`, fetched next to `index.html` at start-up.
//!
//! A ministry changes where the catalogue comes from, or where applications are sent,
//! by editing this file: no rebuild. Anything missing or invalid falls back to the
//! default with a warning; configuration never blanks the page.

use std::fmt;

use serde_json::Value;

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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            catalogue_url: DEFAULT_CATALOGUE_URL.to_owned(),
            applications_endpoint: None,
            requests_endpoint: None,
            embed_origins: Vec::new(),
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

        (config, warnings)
    }
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
}
