//! An ODS or XLSX file is a zip archive: before any reader opens it, its
//! entries are counted, their declared sizes added up, their compression
//! ratios checked, and each is inflated once, counting bytes, so that an entry
//! that lies about its size (a zip bomb) is refused as soon as it inflates
//! past what it declared. Only then may calamine read it.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::limits::{
    MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES, RATIO_FLOOR_BYTES,
};
use super::messages::Message;
use super::report::Problem;

/// The start of every zip archive.
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The start of an OLE compound file: an Excel 97–2003 workbook, or an
/// encrypted (password-protected) XLSX.
pub const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Refuses a compound file with the right message: encrypted Office files
/// hold an `EncryptedPackage` stream (its name in UTF-16).
pub fn compound_file_problem(bytes: &[u8]) -> Problem {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
        Problem::refusal(Message::PasswordProtected)
    } else {
        Problem::refusal(Message::LegacyXls)
    }
}

/// Opens the archive in `bytes` and checks it as said above.
pub fn check(bytes: &[u8]) -> Result<(), Problem> {
    let broken = |e: zip::result::ZipError| Problem::refusal(Message::ZipBroken(e.to_string()));
    // The entry count, from the end record, before the reader lists them all.
    if let Some(count) = declared_entries(bytes) {
        if count > MAX_ZIP_ENTRIES {
            return Err(Problem::refusal(Message::ZipTooManyEntries {
                count,
                max: MAX_ZIP_ENTRIES,
            }));
        }
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(broken)?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(Problem::refusal(Message::ZipTooManyEntries {
            count: archive.len(),
            max: MAX_ZIP_ENTRIES,
        }));
    }
    let too_large = || {
        Problem::refusal(Message::ZipTooLarge {
            max: MAX_UNCOMPRESSED_BYTES,
        })
    };
    let mut declared: u64 = 0;
    let mut sizes = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(broken)?;
        if entry.encrypted() {
            return Err(Problem::refusal(Message::PasswordProtected));
        }
        let (size, packed) = (entry.size(), entry.compressed_size());
        declared = declared.saturating_add(size);
        if declared > MAX_UNCOMPRESSED_BYTES {
            return Err(too_large());
        }
        if size > RATIO_FLOOR_BYTES {
            let ratio = size / packed.max(1);
            if ratio > MAX_COMPRESSION_RATIO {
                return Err(Problem::refusal(Message::ZipRatio {
                    ratio,
                    max: MAX_COMPRESSION_RATIO,
                }));
            }
        }
        sizes.push(size);
    }
    // Inflate each entry once: none may give more than it declared.
    let mut sink = vec![0u8; 64 * 1024];
    for (i, size) in sizes.into_iter().enumerate() {
        let entry = archive.by_index(i).map_err(broken)?;
        let mut limited = entry.take(size.saturating_add(1));
        let mut read: u64 = 0;
        loop {
            match limited.read(&mut sink) {
                Ok(0) => break,
                Ok(n) => read += n as u64,
                // The zip reader also stops an entry that inflates past its
                // declared size.
                Err(e) if e.to_string().contains("larger than its declared") => {
                    return Err(too_large());
                }
                Err(e) => {
                    return Err(Problem::refusal(Message::ZipBroken(e.to_string())));
                }
            }
        }
        if read > size {
            return Err(too_large());
        }
    }
    // An encrypted ODS says so in its manifest (its entries are not flagged).
    if let Ok(mut manifest) = archive.by_name("META-INF/manifest.xml") {
        let mut text = String::new();
        if manifest.read_to_string(&mut text).is_ok() && text.contains("encryption-data") {
            return Err(Problem::refusal(Message::PasswordProtected));
        }
    }
    Ok(())
}

/// The entry count the archive's end-of-central-directory record declares
/// (`None` if there is none to read; zip64's 0xFFFF counts as more than the limit).
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let from = bytes.len().saturating_sub(22 + 65_535);
    let tail = bytes.get(from..)?;
    let at = tail.windows(4).rposition(|w| w == EOCD)?;
    let record = tail.get(at..at + 22)?;
    let total = u16::from_le_bytes([record[10], record[11]]);
    Some(if total == u16::MAX {
        usize::MAX
    } else {
        usize::from(total)
    })
}
