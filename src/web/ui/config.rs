//! The configuration context: `config.json` fetched once with a time limit
//! (the parsing rules are in the pure `config` module). A missing or broken
//! file falls back to the defaults; a file that does not answer in time is
//! reported, with a way to retry, instead of a page that waits forever.

use leptos::prelude::*;

use crate::ui::fetch::{get_text, FetchError};
use campus_core::config::{Config, ConfigWarning, CONFIG_URL};

/// How long `config.json` may take.
pub const CONFIG_TIMEOUT_MS: i32 = 10_000;

/// `config.json` did not answer in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConfigTimedOut;

/// The configuration context: `config.json` as a [`LocalResource`] (`None`
/// while in flight), or the configuration given to the static-page renderer.
#[derive(Clone, Copy)]
pub enum ConfigContext {
    /// In the browser.
    Fetched(LocalResource<Result<Config, ConfigTimedOut>>),
    /// While rendering the static pages.
    Given(StoredValue<Config>),
}

impl ConfigContext {
    /// The configuration once loaded (tracked).
    pub fn get(self) -> Option<Config> {
        match self {
            ConfigContext::Fetched(resource) => resource.get().and_then(Result::ok),
            ConfigContext::Given(config) => Some(config.get_value()),
        }
    }

    /// Whether `config.json` timed out (tracked).
    pub fn timed_out(self) -> bool {
        match self {
            ConfigContext::Fetched(resource) => {
                matches!(resource.get(), Some(Err(ConfigTimedOut)))
            }
            ConfigContext::Given(_) => false,
        }
    }

    /// Fetches `config.json` again.
    pub fn retry(self) {
        if let ConfigContext::Fetched(resource) = self {
            resource.refetch();
        }
    }
}

/// Fetches and parses `config.json`. A timeout is an error; every other problem
/// becomes a console warning and the defaults.
async fn load_config() -> Result<Config, ConfigTimedOut> {
    let (config, warnings) = match get_text(CONFIG_URL, CONFIG_TIMEOUT_MS).await {
        Ok(text) => Config::parse(&text),
        Err(FetchError::Timeout) => {
            web_sys::console::warn_1(
                &format!("[campus] {CONFIG_URL} did not answer in {CONFIG_TIMEOUT_MS} ms").into(),
            );
            return Err(ConfigTimedOut);
        }
        Err(why) => (
            Config::default(),
            vec![ConfigWarning::Unavailable(why.to_string())],
        ),
    };
    for warning in warnings {
        web_sys::console::warn_1(&format!("[campus] {warning}").into());
    }
    Ok(config)
}

/// Starts loading the configuration and provides the context.
pub fn provide_config() -> ConfigContext {
    let ctx = match crate::ui::boot::prerender() {
        Some(prerender) => ConfigContext::Given(StoredValue::new(prerender.config)),
        None => ConfigContext::Fetched(LocalResource::new(load_config)),
    };
    provide_context(ctx);
    ctx
}

/// The configuration context.
pub fn use_config() -> ConfigContext {
    expect_context::<ConfigContext>()
}
