//! The bounds a sheet must stay within before anything reads it: a hostile or
//! broken file (a zip bomb disguised as a workbook, a million rows, a cell of a
//! gigabyte) is refused with a message, in bounded time and memory.
//!
//! Every bound is generous for a catalogue (the campus has about 160 courses
//! and 500 sessions; 20,000 rows is a hundred times that).

/// Largest file read, in bytes (ODS, XLSX, CSV or JSON).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Most rows with content in one sheet (the header included).
pub const MAX_ROWS: usize = 20_000;

/// Most columns read in a sheet; cells further right are refused.
pub const MAX_COLUMNS: usize = 100;

/// Longest cell, in characters (a spreadsheet's own limit is 32,767).
pub const MAX_CELL_CHARS: usize = 32_767;

/// Most entries in a workbook's zip archive (an ODS or XLSX has a few dozen).
pub const MAX_ZIP_ENTRIES: usize = 2_000;

/// Most bytes all the entries of a workbook's archive may declare, and the
/// most the entries read are allowed to inflate to, whatever they declare.
pub const MAX_UNCOMPRESSED_BYTES: u64 = 128 * 1024 * 1024;

/// Highest compression ratio accepted for an entry larger than
/// [`RATIO_FLOOR_BYTES`]: spreadsheet XML compresses 10 to 30 times, a zip bomb
/// a thousand times or more.
pub const MAX_COMPRESSION_RATIO: u64 = 200;

/// Entries smaller than this are not held to [`MAX_COMPRESSION_RATIO`].
pub const RATIO_FLOOR_BYTES: u64 = 1024 * 1024;

/// Most spaces one `<text:s text:c="…"/>` of an ODS cell may stand for, and
/// most times one cell or row may be repeated with content
/// (`table:number-columns-repeated`, `table:number-rows-repeated`).
pub const MAX_REPEAT: u64 = MAX_ROWS as u64;

/// Most cells a workbook's sheets may span together (each sheet's rows up to
/// its last filled one, times its columns up to its last filled one): what a
/// reader holds in memory.
pub const MAX_CELLS: u64 = 2_000_000;

/// Most strings an XLSX workbook's shared table may hold.
pub const MAX_SHARED_STRINGS: u64 = 1_000_000;
