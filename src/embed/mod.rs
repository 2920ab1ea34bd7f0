//! Embedding in other government sites: the widget parameters (pure) and the
//! embed mode of the app (browser only). The host side is `public/embed.js`.

pub mod params;

#[cfg(feature = "browser")]
pub mod widget;
