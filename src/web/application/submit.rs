//! Sending the application: `POST` of the frozen JSON body to the form's
//! receiver with its `Idempotency-Key` (judged by the receiver contract,
//! `receipt::judge`), or of its row to Grist without credentials nor extra
//! headers (judged by `grist::judge`); redirects not followed, a time limit.
//! Through gloo-net, the app's one HTTP client (`ui::fetch` reads with it
//! too). Every call that can throw is checked: a failure is a typed
//! [`SendError`], never an exception.

use gloo_net::http::Request;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestCredentials, RequestRedirect, ResponseType};

use super::storage::SentTo;
use crate::ui::clock::now_unix;
use crate::ui::fetch::request_deadline;
use campus_core::application::draft::valid_key;
use campus_core::application::receipt::{endpoint_allowed, judge, Response, SendError};

/// How long to wait for the receiver before calling it a failure.
pub const TIMEOUT_MS: i32 = 15_000;

/// Sends `body` once to `endpoint` and judges the answer: with `grist`, a
/// row to Grist (no credentials, no `Idempotency-Key`: Grist's CORS allows
/// neither); else the receiver contract.
pub async fn send(
    endpoint: &str,
    body: &str,
    key: &str,
    reference: &str,
    grist: bool,
) -> Result<SentTo, SendError> {
    // gloo-net's header setter throws on a value the Fetch standard refuses:
    // the key is one this app made (a v4 UUID), checked again here.
    if !grist && !valid_key(key) {
        return Err(SendError::Internal);
    }
    let (guard, signal, fired) = request_deadline(TIMEOUT_MS);
    let mut request = Request::post(endpoint)
        .header("Content-Type", "application/json")
        // An SSO or login page in front of the receiver answers with a
        // redirect: followed, it would look like a success. Not followed, it
        // is visible.
        .redirect(RequestRedirect::Manual)
        .cache(RequestCache::NoStore)
        .abort_signal(signal.as_ref());
    request = if grist {
        request.credentials(RequestCredentials::Omit)
    } else {
        request.header("Idempotency-Key", key)
    };
    let request = request.body(body).map_err(|_| SendError::Internal)?;
    let failed = |_| {
        if fired.get() {
            SendError::Timeout
        } else if !endpoint_allowed(endpoint, &page_url(), page_policy().as_deref()) {
            // The browser refused the request itself (the page's own policy, or
            // mixed content): it reports a network error, which retrying would
            // never fix. Said as what it is.
            SendError::Blocked
        } else {
            SendError::Network
        }
    };
    let response = request.send().await.map_err(failed)?;
    let redirected = response.type_() == ResponseType::Opaqueredirect;
    let header = |name: &str| response.headers().get(name);
    let content_type = header("Content-Type");
    let retry_after = header("Retry-After");
    let text = if redirected {
        String::new()
    } else {
        response.text().await.map_err(failed)?
    };
    drop(guard);
    let answer = Response {
        status: response.status(),
        redirected,
        content_type: content_type.as_deref(),
        retry_after: retry_after.as_deref(),
        body: &text,
    };
    if grist {
        campus_core::application::grist::judge(&answer, now_unix()).map(SentTo::Grist)
    } else {
        judge(&answer, reference, key, now_unix()).map(|()| SentTo::Campus)
    }
}

/// The address of this page.
fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's Content-Security-Policy, as its `<meta http-equiv>` gives it.
fn page_policy() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[http-equiv=\"Content-Security-Policy\"]")
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// Waits `seconds` (for an automatic retry after `Retry-After`).
pub async fn sleep(seconds: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                (seconds.min(600) * 1000) as i32,
            );
        }
    });
    let _ = JsFuture::from(promise).await;
}
