//! A CSV file's rows as parts of a few tens of megabytes, split only between rows,
//! for polars' parallel CSV reader (see `frame.rs` for why).
//!
//! A part ends only where polars' own rule puts the end of a row: at a newline preceded
//! by an even number of quote characters since the start of the file (a quoted field
//! may hold newlines; an escaped quote `""` is two quotes and keeps the parity).

use std::fs::File;
use std::path::Path;

use polars::polars_utils::mmap::MMapSemaphore;
use polars::prelude::PolarsResult;
use polars_buffer::Buffer;

const QUOTE: u8 = b'"';
const NEWLINE: u8 = b'\n';

/// The rows of a CSV file after its header row, in parts of about `part_bytes` each
/// (the last part may be empty). Each part is found when it is asked for, and is a view
/// of the file's bytes: nothing is copied.
pub struct Parts {
    bytes: Buffer<u8>,
    part_bytes: usize,
    /// Where the next part starts (the start of a row), or `None` after the last.
    at: Option<usize>,
}

impl Parts {
    /// The rows of the file at `path`, through a memory map of it.
    pub fn of_file(path: &Path, part_bytes: usize) -> PolarsResult<Parts> {
        let map = MMapSemaphore::new_from_file(&File::open(path)?)?;
        Ok(Parts::of_bytes(Buffer::from_owner(map), part_bytes))
    }

    /// The rows of a CSV file's bytes.
    pub fn of_bytes(bytes: Buffer<u8>, part_bytes: usize) -> Parts {
        let start = row_end(&bytes, 0, false).unwrap_or(bytes.len());
        Parts {
            bytes,
            part_bytes: part_bytes.max(1),
            at: Some(start),
        }
    }
}

impl Iterator for Parts {
    type Item = Buffer<u8>;

    fn next(&mut self) -> Option<Buffer<u8>> {
        let start = self.at?;
        let len = self.bytes.len();
        let end = start
            .checked_add(self.part_bytes)
            .filter(|&want| want < len)
            .and_then(|want| {
                let in_quotes = odd_quotes(&self.bytes[start..want]);
                row_end(&self.bytes, want, in_quotes)
            })
            .filter(|&end| end < len)
            .unwrap_or(len);
        self.at = (end < len).then_some(end);
        Some(self.bytes.clone().sliced(start..end))
    }
}

/// The position just after the first newline at or after `from` that ends a row, given
/// whether `from` is inside quotes.
fn row_end(bytes: &[u8], from: usize, mut in_quotes: bool) -> Option<usize> {
    let mut at = from;
    loop {
        let newline = at + memchr::memchr(NEWLINE, &bytes[at..])?;
        in_quotes ^= odd_quotes(&bytes[at..newline]);
        at = newline + 1;
        if !in_quotes {
            return Some(at);
        }
    }
}

/// Whether `bytes` holds an odd number of quote characters.
fn odd_quotes(bytes: &[u8]) -> bool {
    memchr::memchr_iter(QUOTE, bytes).count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(csv: &str, part_bytes: usize) -> Vec<String> {
        Parts::of_bytes(Buffer::from_vec(csv.as_bytes().to_vec()), part_bytes)
            .map(|p| String::from_utf8(p.to_vec()).unwrap())
            .collect()
    }

    #[test]
    fn parts_skip_the_header_and_end_at_row_ends() {
        let csv = "a,b\n1,2\n3,4\n5,6\n";
        assert_eq!(parts(csv, 1), ["1,2\n", "3,4\n", "5,6\n"]);
        assert_eq!(parts(csv, 5), ["1,2\n3,4\n", "5,6\n"]);
        assert_eq!(parts(csv, 100), ["1,2\n3,4\n5,6\n"]);
        // No newline at the end; CRLF line ends.
        assert_eq!(parts("a\r\n1\r\n2", 1), ["1\r\n", "2"]);
    }

    #[test]
    fn a_header_alone_leaves_one_empty_part() {
        assert_eq!(parts("a,b\n", 1), [""]);
        assert_eq!(parts("a,b", 1), [""]);
    }

    /// A newline inside quotes (in the header or a row) does not end a part, however
    /// the quotes fall around the place a part would end; escaped quotes keep the parity.
    #[test]
    fn newlines_inside_quotes_do_not_end_a_part() {
        let csv = "\"a\nb\",c\n1,\"x\ny \"\"q\"\"\nz\"\n2,\"\"\n3,\"w\"\n";
        let rows = ["1,\"x\ny \"\"q\"\"\nz\"\n", "2,\"\"\n", "3,\"w\"\n"];
        for part_bytes in 1..=csv.len() {
            let got = parts(csv, part_bytes);
            assert_eq!(got.concat(), rows.concat(), "part size {part_bytes}");
            // Every part is whole rows.
            let mut rest = rows.as_slice();
            for p in &got {
                let n = (1..=rest.len())
                    .find(|&n| rest[..n].concat() == *p)
                    .unwrap_or_else(|| panic!("part {p:?} is not whole rows ({part_bytes})"));
                rest = &rest[n..];
            }
        }
    }

    /// An unterminated quote runs to the end of the file: one last part holds it all
    /// (polars then reports the malformed row).
    #[test]
    fn an_unclosed_quote_keeps_the_rest_together() {
        assert_eq!(parts("a\n1\n\"2\n3\n4\n", 1), ["1\n", "\"2\n3\n4\n"]);
    }
}
