//! UI pieces shared by every feature: the DSFR page shell, the language context,
//! the hash router, browser storage.

pub mod boot;
pub mod chunks;
pub mod clipboard;
pub mod clock;
pub mod config;
pub mod download;
pub mod external_link;
pub mod fetch;
pub mod focus;
pub mod i18n;
pub mod layout;
pub mod page;
pub mod perf;
pub mod router;
pub mod search_bar;
pub mod storage;
pub mod tasks;
