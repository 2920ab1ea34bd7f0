//! Fetching `config.json` (the parsing rules are in the pure `config` module).

use gloo_net::http::Request;

use crate::config::{Config, ConfigWarning, CONFIG_URL};

/// Fetches and parses `config.json`. Never fails: every problem becomes a console
/// warning and the defaults are used, so a bad deployment still shows the site.
pub async fn load_config() -> Config {
    let (config, warnings) = match fetch_text().await {
        Ok(text) => Config::parse(&text),
        Err(why) => (Config::default(), vec![ConfigWarning::Unavailable(why)]),
    };
    for warning in warnings {
        web_sys::console::warn_1(&format!("[campus] {warning}").into());
    }
    config
}

async fn fetch_text() -> Result<String, String> {
    let response = Request::get(CONFIG_URL)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.text().await.map_err(|e| e.to_string())
}
