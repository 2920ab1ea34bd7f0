//! The helpers the model's tests share: a document and a course as JSON.

pub(super) fn doc(courses: &str) -> String {
    format!(
        r#"{{"version": 1, "updated": "2026-11-20",
            "domains": [{{"id": "data", "label": "Data", "description": "d"}},
                        {{"id": "cyber", "label": "Cybersécurité"}}],
            "courses": [{courses}], "unknown_field": true}}"#
    )
}

pub(super) fn course(id: &str, kind: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "{id}", "kind": "{kind}", "title": "Titre {id}", "summary": "s",
            "description": "p1\n\np2", "domains": ["data"], "level": "decouverte",
            "audience": ["tous-agents"], "format": "distanciel", "duration_hours": 3.5,
            "provider": "DINUM", "free": true, "objectives": ["o"], "prerequisites": []
            {sessions} {extra}}}"#,
        sessions = if extra.contains("\"sessions\"") {
            ""
        } else {
            r#", "sessions": []"#
        },
    )
}
