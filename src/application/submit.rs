//! Sending the application: `POST` JSON to `applications_endpoint` with the
//! draft's idempotency key, a timeout, and a typed outcome.

use gloo_net::http::Request;
use wasm_bindgen::{closure::Closure, JsCast};

/// How long to wait for the server before calling it a failure.
pub const TIMEOUT_MS: i32 = 10_000;

/// Why sending failed; the draft is kept in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitError {
    /// No answer (offline, DNS, CORS, timeout).
    Network(String),
    /// The server answered with an error status.
    Server(u16),
}

/// Sends `body` (JSON). The `Idempotency-Key` header lets the server store one
/// application per key, however many retries arrive.
pub async fn submit(endpoint: &str, body: &str, idempotency_key: &str) -> Result<(), SubmitError> {
    let controller =
        web_sys::AbortController::new().map_err(|_| SubmitError::Network("abort".into()))?;
    let signal = controller.signal();
    let abort = Closure::once_into_js(move || controller.abort());
    let timer = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_MS)
            .ok()
    });
    let result = async {
        let response = Request::post(endpoint)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotency_key)
            .abort_signal(Some(&signal))
            .body(body)
            .map_err(|e| SubmitError::Network(e.to_string()))?
            .send()
            .await
            .map_err(|e| SubmitError::Network(e.to_string()))?;
        if response.ok() {
            Ok(())
        } else {
            Err(SubmitError::Server(response.status()))
        }
    }
    .await;
    if let (Some(w), Some(t)) = (web_sys::window(), timer) {
        w.clear_timeout_with_handle(t);
    }
    result
}
