//! The site's own pages: home, institutional pages, sitemap, not found.

pub mod home;
pub mod info_page;
pub mod not_found;
pub mod sitemap;
