//! `campus-applications grist-table`: the Grist table a form's answers go
//! into, as the JSON body of Grist's `POST /api/docs/{docId}/tables`, so that
//! the team creates it in one request (see docs/back-office.md). The columns
//! come from the deployment's own `config.json` (`forms.{form}.columns`),
//! read by the app's own rules: a configuration the app would refuse is
//! refused here too, with the app's warning.

use std::collections::BTreeMap;

use serde_json::Value;

use campus_core::application::form::FormId;
use campus_core::application::grist::table_definition;
use campus_core::config::{Config, Destination};

/// The table to create for the form whose slug is `form`
/// (`candidature`, `sur-mesure`), and the request that creates it.
#[derive(Debug, Clone, PartialEq)]
pub struct GristTable {
    /// The body of `POST /api/docs/{docId}/tables`.
    pub body: Value,
    /// The Grist server the configuration names, if it names one.
    pub server: Option<String>,
}

/// Reads `config` (the text of `config.json`, if given) for `form`'s Grist
/// table and columns; `table` names the table when the configuration does
/// not send that form to Grist. The error says what is missing or refused.
pub fn grist_table(
    config: Option<&str>,
    form: &str,
    table: Option<&str>,
) -> Result<GristTable, String> {
    let id = FormId::ALL
        .into_iter()
        .find(|f| f.form().slug == form)
        .ok_or_else(|| format!("unknown form {form:?} (candidature or sur-mesure)"))?;
    let (destination, warning) = match config {
        Some(text) => {
            let (parsed, _) = Config::parse(text);
            parsed.destination(id)
        }
        None => (Config::default().destination(id).0, None),
    };
    if let Some(w) = warning {
        return Err(format!("{w}"));
    }
    let (name, columns, server) = match destination {
        Destination::Grist {
            server,
            table: configured,
            columns,
            ..
        } => (table.map_or(configured, str::to_owned), columns, Some(server)),
        _ => match table {
            Some(t) => (t.to_owned(), BTreeMap::new(), None),
            None => {
                return Err(format!(
                    "forms.{form}.to is not \"grist\" in this configuration: give the table's id with --table"
                ))
            }
        },
    };
    if !campus_core::config::grist_id(&name) {
        return Err(format!(
            "{name:?} is not a Grist table id (a letter, then letters, digits or _)"
        ));
    }
    Ok(GristTable {
        body: table_definition(id.form(), &name, &columns),
        server,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r#"{"forms": {"candidature": {"to": "grist",
        "server": "https://grist.numerique.gouv.fr", "share_key": "abc",
        "table": "Candidatures", "columns": {"email": "Courriel"}}}}"#;

    fn column_ids(t: &GristTable) -> Vec<String> {
        t.body["tables"][0]["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn the_table_follows_the_configuration_s_columns() {
        let t = grist_table(Some(CONFIG), "candidature", None).unwrap();
        assert_eq!(t.body["tables"][0]["id"], "Candidatures");
        assert_eq!(t.server.as_deref(), Some("https://grist.numerique.gouv.fr"));
        let ids = column_ids(&t);
        assert!(
            ids.contains(&"Courriel".to_owned()) && !ids.contains(&"email".to_owned()),
            "{ids:?}"
        );
        assert!(
            ids.contains(&"reference".to_owned()) && ids.contains(&"idempotency_key".to_owned())
        );
    }

    #[test]
    fn a_form_not_sent_to_grist_needs_a_table_and_a_refused_configuration_is_refused() {
        let err = grist_table(Some(CONFIG), "sur-mesure", None).unwrap_err();
        assert!(err.contains("--table"), "{err}");
        let t = grist_table(None, "sur-mesure", Some("Demandes")).unwrap();
        assert_eq!(t.body["tables"][0]["id"], "Demandes");
        assert_eq!(t.server, None);
        let bad = CONFIG.replace("\"email\"", "\"nope\"");
        let err = grist_table(Some(&bad), "candidature", None).unwrap_err();
        assert!(err.contains("forms.candidature.columns.nope"), "{err}");
        assert!(grist_table(None, "x", Some("T"))
            .unwrap_err()
            .contains("unknown form"));
        assert!(grist_table(None, "candidature", Some("=HYPERLINK()")).is_err());
    }
}
