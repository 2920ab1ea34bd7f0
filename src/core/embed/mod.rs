//! Embedding in other government sites: the widget parameters (pure). The
//! host side is `public/embed.js`; the embed mode of the app is in the web crate.

pub mod params;
