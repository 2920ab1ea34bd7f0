//! Sending the application: `POST` of the frozen JSON body to the form's
//! receiver with its `Idempotency-Key` (judged by the receiver contract,
//! `receipt::judge`), or of its row to Grist without credentials nor extra
//! headers (judged by `grist::judge`); redirects not followed, a time limit.
//! Every browser call that can throw is checked: a failure is a typed
//! [`SendError`], never an exception.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::storage::SentTo;
use crate::ui::clock::now_unix;
use crate::ui::fetch::request_deadline;
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
    let (guard, signal, fired) = request_deadline(TIMEOUT_MS);
    let headers = web_sys::Headers::new().map_err(|_| SendError::Internal)?;
    headers
        .set("Content-Type", "application/json")
        .map_err(|_| SendError::Internal)?;
    let init = web_sys::RequestInit::new();
    if grist {
        init.set_credentials(web_sys::RequestCredentials::Omit);
    } else {
        headers
            .set("Idempotency-Key", key)
            .map_err(|_| SendError::Internal)?;
    }
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&body.into());
    // An SSO or login page in front of the receiver answers with a redirect:
    // followed, it would look like a success. Not followed, it is visible.
    init.set_redirect(web_sys::RequestRedirect::Manual);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_signal(signal.as_ref());
    let request = web_sys::Request::new_with_str_and_init(endpoint, &init)
        .map_err(|_| SendError::Internal)?;
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
    let response: web_sys::Response = JsFuture::from(window_fetch(&request)?)
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| SendError::Internal)?;
    let redirected = response.type_() == web_sys::ResponseType::Opaqueredirect;
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let content_type = header("Content-Type");
    let retry_after = header("Retry-After");
    let text = if redirected {
        String::new()
    } else {
        match response.text() {
            Ok(promise) => JsFuture::from(promise)
                .await
                .map_err(failed)?
                .as_string()
                .unwrap_or_default(),
            Err(_) => String::new(),
        }
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

fn window_fetch(request: &web_sys::Request) -> Result<js_sys::Promise, SendError> {
    Ok(web_sys::window()
        .ok_or(SendError::Internal)?
        .fetch_with_request(request))
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
