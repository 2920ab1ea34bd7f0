//! The campus team's side of the email path (`campus-applications`, see
//! docs/applications-collector.md): the forms applicants downloaded and
//! emailed, gathered into one spreadsheet. Each file is verified (its
//! checksum, then the app's own rules: `verify`), the versions of one
//! reference are sorted out (`collect`), and the workbook is written with
//! the spreadsheet writer of `sheets` (`sheet`). Native only, behind the
//! `sheets` feature.

pub mod collect;
pub mod grist_table;
pub mod messages;
pub mod read;
pub mod report;
pub mod sheet;
pub mod verify;
