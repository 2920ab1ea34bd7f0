//! The receiver contract, as pure rules: what counts as proof that the campus
//! stored the application, and what every other answer means.
//!
//! Success is a `2xx` response whose body is JSON echoing the application's
//! `reference` (or its `idempotency_key`). A redirect (the request is sent with
//! `redirect: "manual"`, so an SSO or login page in front of the receiver shows
//! up as one), an HTML or empty body, or JSON without the echo is a failure:
//! nothing proves the application was stored. `429` and `503` carry
//! `Retry-After`. The schema is `public/application-receipt.schema.json`.

use crate::util::dates::days_from_civil;

/// What the browser saw of the receiver's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response<'a> {
    /// HTTP status (0 for an opaque redirect).
    pub status: u16,
    /// The response was a redirect (`type == "opaqueredirect"`).
    pub redirected: bool,
    /// `Content-Type`, if any.
    pub content_type: Option<&'a str>,
    /// `Retry-After`, if any.
    pub retry_after: Option<&'a str>,
    /// The body, as text.
    pub body: &'a str,
}

/// Why sending failed; the draft is kept in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// No answer: offline, DNS, refused or reset connection, CORS.
    Network,
    /// No answer within the time limit.
    Timeout,
    /// The receiver redirected (often a login page in front of it).
    Redirected,
    /// A `2xx` whose body is not JSON (an HTML page).
    NotJson,
    /// A `2xx` with no body at all (`204 No Content`, an empty `200`): the
    /// receiver said nothing of what it stored.
    Empty,
    /// JSON that does not echo this application's reference or key.
    NoEcho,
    /// Grist answered without the id of the row it created: nothing proves
    /// the row exists.
    NoRowId,
    /// JSON that acknowledges another application: its reference, when it
    /// is one this app makes (anything else is not repeated to the user).
    OtherReference(Option<String>),
    /// The site's own security policy (its Content-Security-Policy, or an
    /// `http:` endpoint from an `https:` page) forbids the endpoint: no
    /// request leaves the browser, and retrying never helps.
    Blocked,
    /// `429` or `503`: busy; try again after this many seconds, if said.
    Busy {
        /// The status.
        status: u16,
        /// Seconds to wait, from `Retry-After`.
        retry_after: Option<u32>,
    },
    /// Another error status (4xx: refused; 5xx: server error).
    Status(u16),
    /// The request could not be built (should not happen: keys are validated).
    Internal,
}

/// Judges the receiver's answer for the application `reference`/`key`.
pub fn judge(r: &Response<'_>, reference: &str, key: &str, now_unix: i64) -> Result<(), SendError> {
    let value = judge_json(r, now_unix)?;
    // The reference is the echo; the key stands in for it only when the
    // receiver does not return a reference. A wrong reference is never proof.
    match value.get("reference") {
        Some(r) if r.as_str() == Some(reference) => Ok(()),
        Some(other) => Err(SendError::OtherReference(
            other
                .as_str()
                .filter(|o| crate::application::draft::valid_reference(o))
                .map(str::to_owned),
        )),
        None if value.get("idempotency_key").and_then(|v| v.as_str()) == Some(key) => Ok(()),
        None => Err(SendError::NoEcho),
    }
}

/// The JSON body of a `2xx` answer, or what else the answer was: a
/// redirect, busy (`429`/`503` with `Retry-After`), another status, an empty
/// or non-JSON body. Shared by the receiver contract and Grist.
pub fn judge_json(r: &Response<'_>, now_unix: i64) -> Result<serde_json::Value, SendError> {
    if r.redirected || (300..400).contains(&r.status) {
        return Err(SendError::Redirected);
    }
    if matches!(r.status, 429 | 503) {
        return Err(SendError::Busy {
            status: r.status,
            retry_after: r.retry_after.and_then(|v| parse_retry_after(v, now_unix)),
        });
    }
    if !(200..300).contains(&r.status) {
        return Err(SendError::Status(r.status));
    }
    let json_type = r.content_type.is_some_and(|t| {
        let t = t
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        t == "application/json" || t.ends_with("+json")
    });
    if r.body.trim().is_empty() {
        return Err(SendError::Empty);
    }
    match serde_json::from_str(r.body) {
        Ok(v) if json_type => Ok(v),
        _ => Err(SendError::NotJson),
    }
}

/// Whether the page at `page_url`, under the Content-Security-Policy
/// `policy` (the `content` of its `<meta http-equiv>`, if any), may `fetch`
/// `endpoint`: its `connect-src` (else `default-src`) must allow the
/// endpoint's origin, and an `https:` page never reaches an `http:` one
/// (mixed content). A relative endpoint is the page's own origin. Unknown
/// source expressions allow nothing (the browser's own rule).
pub fn endpoint_allowed(endpoint: &str, page_url: &str, policy: Option<&str>) -> bool {
    let Some((page_scheme, page_host)) = origin(page_url) else {
        return true;
    };
    let (scheme, host) = origin(endpoint).unwrap_or((page_scheme, page_host));
    if page_scheme == "https" && scheme == "http" {
        return false;
    }
    let directive = |name: &str| {
        policy?.split(';').map(str::trim).find_map(|d| {
            let mut words = d.split_ascii_whitespace();
            words
                .next()
                .filter(|n| n.eq_ignore_ascii_case(name))
                .map(|_| words.map(str::to_owned).collect::<Vec<_>>())
        })
    };
    let Some(sources) = directive("connect-src").or_else(|| directive("default-src")) else {
        return true;
    };
    sources.iter().any(|source| {
        let source = source.to_ascii_lowercase();
        match source.as_str() {
            "'self'" => scheme == page_scheme && host == page_host,
            "*" => matches!(scheme, "http" | "https"),
            "https:" => scheme == "https",
            "http:" => matches!(scheme, "http" | "https"),
            s if s.starts_with('\'') => false,
            s => {
                // A host source: [scheme://]host[:port][/path].
                let (s_scheme, rest) = match s.split_once("://") {
                    Some((sc, rest)) => (Some(sc), rest),
                    None => (None, s),
                };
                let authority = rest.split('/').next().unwrap_or_default();
                let scheme_ok = match s_scheme {
                    Some(sc) => sc == scheme || (sc == "http" && scheme == "https"),
                    None => scheme == page_scheme || scheme == "https",
                };
                let (s_host, s_port) = match authority.rsplit_once(':') {
                    Some((h, p)) if !h.is_empty() && !h.ends_with(']') || p == "*" => (h, Some(p)),
                    _ => (authority, None),
                };
                let (h, port) = match host.rsplit_once(':') {
                    Some((h, p)) if p.bytes().all(|b| b.is_ascii_digit()) => (h, Some(p)),
                    _ => (host, None),
                };
                let host_ok = match s_host.strip_prefix("*.") {
                    Some(suffix) => h.ends_with(&format!(".{suffix}")),
                    None => s_host == h,
                };
                let default_port = |sc: &str| if sc == "https" { "443" } else { "80" };
                let port_ok = match s_port {
                    Some("*") => true,
                    Some(p) => port.unwrap_or(default_port(scheme)) == p,
                    None => port.is_none_or(|p| p == default_port(scheme)),
                };
                scheme_ok && host_ok && port_ok
            }
        }
    })
}

/// The scheme and authority (`host[:port]`, lower case) of an absolute URL.
fn origin(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = match scheme.to_ascii_lowercase().as_str() {
        "http" => "http",
        "https" => "https",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    (!authority.is_empty()).then_some((scheme, authority))
}

/// Longest wait honoured from `Retry-After` (a day); larger values are capped.
pub const MAX_RETRY_AFTER: u32 = 86_400;

/// `Retry-After`: delay-seconds or an HTTP-date (IMF-fixdate,
/// `Sun, 06 Nov 1994 08:49:37 GMT`), as seconds from `now_unix` (0 if past).
pub fn parse_retry_after(value: &str, now_unix: i64) -> Option<u32> {
    let v = value.trim();
    if !v.is_empty() && v.len() <= 10 && v.bytes().all(|b| b.is_ascii_digit()) {
        return v
            .parse::<u64>()
            .ok()
            .map(|s| s.min(u64::from(MAX_RETRY_AFTER)) as u32);
    }
    let at = parse_http_date(v)?;
    Some((at - now_unix).clamp(0, i64::from(MAX_RETRY_AFTER)) as u32)
}

fn parse_http_date(v: &str) -> Option<i64> {
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    let (_, rest) = v.split_once(", ")?;
    let parts: Vec<&str> = rest.split(' ').collect();
    let [day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| m == month)? as u32 + 1;
    let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    let year: i32 = year.parse().ok().filter(|y| (1970..=9999).contains(y))?;
    let hms: Vec<i64> = time
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [h, m, s] = hms.as_slice() else {
        return None;
    };
    if *h > 23 || *m > 59 || *s > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REF: &str = "ABCDEFGH";
    const KEY: &str = "0b0c6f0e-7c1b-4b8e-9a3b-2f8a1c9d0e11";

    fn r<'a>(status: u16, ct: Option<&'a str>, body: &'a str) -> Response<'a> {
        Response {
            status,
            redirected: false,
            content_type: ct,
            retry_after: None,
            body,
        }
    }

    #[test]
    fn only_an_echo_in_a_2xx_json_body_is_proof_of_receipt() {
        let json = Some("application/json; charset=utf-8");
        assert_eq!(
            judge(&r(201, json, r#"{"reference":"ABCDEFGH"}"#), REF, KEY, 0),
            Ok(())
        );
        let by_key = format!(r#"{{"idempotency_key":"{KEY}"}}"#);
        assert_eq!(judge(&r(200, json, &by_key), REF, KEY, 0), Ok(()));
        for (resp, why) in [
            (
                r(
                    200,
                    Some("text/html"),
                    "<!doctype html><title>Connexion</title>",
                ),
                SendError::NotJson,
            ),
            (r(200, None, ""), SendError::Empty),
            (r(200, json, ""), SendError::Empty),
            (r(204, None, ""), SendError::Empty),
            (
                r(200, Some("text/plain"), r#"{"reference":"ABCDEFGH"}"#),
                SendError::NotJson,
            ),
            (r(200, json, r#"{"ok":true}"#), SendError::NoEcho),
            (
                r(200, json, r#"{"reference":"ZZZZZZZZ"}"#),
                SendError::OtherReference(Some("ZZZZZZZZ".into())),
            ),
            (
                r(200, json, r#"{"reference":"<img src=x onerror=alert(1)>"}"#),
                SendError::OtherReference(None),
            ),
            (
                r(200, json, r#"{"reference":7}"#),
                SendError::OtherReference(None),
            ),
            (r(302, None, ""), SendError::Redirected),
            (r(500, json, "{}"), SendError::Status(500)),
            (r(422, json, "{}"), SendError::Status(422)),
        ] {
            assert_eq!(judge(&resp, REF, KEY, 0), Err(why), "{resp:?}");
        }
        let opaque = Response {
            redirected: true,
            ..r(0, None, "")
        };
        assert_eq!(judge(&opaque, REF, KEY, 0), Err(SendError::Redirected));
    }

    #[test]
    fn busy_answers_carry_their_retry_after() {
        let busy = Response {
            retry_after: Some("7"),
            ..r(429, None, "")
        };
        assert_eq!(
            judge(&busy, REF, KEY, 0),
            Err(SendError::Busy {
                status: 429,
                retry_after: Some(7)
            })
        );
        let now = days_from_civil(2026, 12, 1) * 86_400;
        assert_eq!(
            parse_retry_after("Tue, 01 Dec 2026 00:02:00 GMT", now),
            Some(120)
        );
        assert_eq!(
            parse_retry_after("Mon, 30 Nov 2026 00:00:00 GMT", now),
            Some(0)
        );
        assert_eq!(parse_retry_after("99999999999", now), None);
        assert_eq!(parse_retry_after("9999999", now), Some(MAX_RETRY_AFTER));
        for bad in ["", "soon", "-5", "1.5", "Tue, 41 Dec 2026 00:02:00 GMT"] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad}");
        }
    }

    #[test]
    fn an_endpoint_the_site_policy_forbids_is_known_before_sending() {
        const CSP: &str = "default-src 'self'; script-src 'self'; connect-src 'self' https:";
        let page = "http://127.0.0.1:8080/formations/campus/index.html";
        assert!(endpoint_allowed(
            "https://recepteur.gouv.fr/api",
            page,
            Some(CSP)
        ));
        assert!(
            endpoint_allowed("http://127.0.0.1:8080/api", page, Some(CSP)),
            "'self'"
        );
        assert!(
            endpoint_allowed("api/candidatures", page, Some(CSP)),
            "relative: same origin"
        );
        assert!(
            !endpoint_allowed("http://127.0.0.1:9999/api", page, Some(CSP)),
            "another port, http"
        );
        assert!(!endpoint_allowed(
            "http://recepteur.gouv.fr/api",
            page,
            Some(CSP)
        ));
        assert!(
            endpoint_allowed("http://127.0.0.1:9999/api", page, None),
            "no policy"
        );
        let https = "https://campus.numerique.gouv.fr/";
        assert!(
            !endpoint_allowed("http://recepteur.gouv.fr/api", https, None),
            "mixed content"
        );
        let narrow = "default-src 'self'; connect-src 'self' https://*.gouv.fr https://grist.numerique.gouv.fr:443";
        assert!(endpoint_allowed(
            "https://api.interieur.gouv.fr/x",
            https,
            Some(narrow)
        ));
        assert!(endpoint_allowed(
            "https://grist.numerique.gouv.fr/api",
            https,
            Some(narrow)
        ));
        assert!(!endpoint_allowed(
            "https://example.org/x",
            https,
            Some(narrow)
        ));
        assert!(!endpoint_allowed(
            "https://gouv.fr.evil.example/x",
            https,
            Some(narrow)
        ));
        assert!(!endpoint_allowed(
            "https://x.gouv.fr/",
            https,
            Some("default-src 'none'")
        ));
        assert!(endpoint_allowed(
            "https://x.gouv.fr/",
            https,
            Some("default-src *")
        ));
    }

    #[test]
    fn a_retry_after_in_the_past_means_now() {
        let now = days_from_civil(2026, 12, 1) * 86_400;
        let busy = Response {
            retry_after: Some("Mon, 30 Nov 2026 00:00:00 GMT"),
            ..r(503, None, "")
        };
        assert_eq!(
            judge(&busy, REF, KEY, now),
            Err(SendError::Busy {
                status: 503,
                retry_after: Some(0)
            })
        );
    }
}
