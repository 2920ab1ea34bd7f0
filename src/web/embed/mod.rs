//! Embedding in other government sites: the embed mode of the app. The widget
//! parameters are `campus_core::embed::params`, re-exported here; the host
//! side is `public/embed.js`.

pub mod widget;
