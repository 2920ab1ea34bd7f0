//! The files named on the command line: files as given, folders as their
//! `.json` files (not their subfolders), each read up to the size limit and
//! no further, however large it says it is.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::collect::{Input, MAX_FILES, MAX_FILE_BYTES};
use super::messages::{ReadProblem, Reason};

/// The files to read, in the order given (a folder's files by name), and
/// notes about the paths themselves (an empty folder, too many files).
pub fn list(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(String, Reason)>) {
    let mut files = Vec::new();
    let mut notes = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(dir) => dir
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        p.is_file()
                            && p.extension()
                                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                    })
                    .collect(),
                Err(e) => {
                    notes.push((
                        path.display().to_string(),
                        Reason::Unreadable(ReadProblem::of(&e)),
                    ));
                    continue;
                }
            };
            found.sort();
            if found.is_empty() {
                notes.push((path.display().to_string(), Reason::EmptyFolder));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    if files.len() > MAX_FILES {
        let first_left = files[MAX_FILES].display().to_string();
        files.truncate(MAX_FILES);
        notes.push((first_left, Reason::TooManyFiles { max: MAX_FILES }));
    }
    (files, notes)
}

/// One file, read up to one byte past the limit (enough to know it is too
/// large). Only a regular file is opened: a pipe or a device named on the
/// command line is refused, never waited on.
pub fn read(path: &Path) -> Input {
    let name = path.display().to_string();
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        Ok(_) => {
            return Input {
                name,
                bytes: Err(Reason::Unreadable(ReadProblem::NotAFile)),
            }
        }
        Err(e) => {
            return Input {
                name,
                bytes: Err(Reason::Unreadable(ReadProblem::of(&e))),
            }
        }
    }
    let bytes = std::fs::File::open(path)
        .and_then(|f| {
            let mut bytes = Vec::new();
            f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
            Ok(bytes)
        })
        .map_err(|e| Reason::Unreadable(ReadProblem::of(&e)));
    Input { name, bytes }
}
