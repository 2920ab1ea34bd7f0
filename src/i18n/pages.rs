//! TEMPORARY stub until the content lands.
use super::Locale;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Heading(&'static str),
    Paragraph(&'static str),
    List(&'static [&'static str]),
    Link(&'static str, &'static str),
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoPage {
    Accessibility,
    LegalNotice,
    PersonalData,
}
pub fn info_page_blocks(_page: InfoPage, _locale: Locale) -> &'static [Block] {
    &[Block::Heading("x")]
}
