//! Writing one CSV file row by row, to memory or to a file, with the dataset's conventions:
//! comma-separated, LF line endings, a field quoted only when it must be.

use std::io::Write;

/// A CSV file being written row by row, so even a large pilot is never held twice (in memory) or
/// at all (on disk). The first write error is kept and reported by [`Sink::finish`], so the
/// row generators need no error handling.
pub(super) struct Sink<W: Write> {
    writer: csv::Writer<W>,
    rows: usize,
    error: Option<csv::Error>,
}

impl<W: Write> Sink<W> {
    /// A file on `out` with `header` (comma-separated column names) as its first row.
    pub(super) fn new(header: &str, out: W) -> Self {
        let writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(out);
        let mut sink = Sink {
            writer,
            rows: 0,
            error: None,
        };
        sink.error = sink.writer.write_record(header.split(',')).err();
        sink
    }

    /// Writes one data row, unless an earlier write failed.
    pub(super) fn push<I, T>(&mut self, row: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        if self.error.is_none() {
            match self.writer.write_record(row) {
                Ok(()) => self.rows += 1,
                Err(e) => self.error = Some(e),
            }
        }
    }

    /// Flushes the CSV buffer and gives back the output and the number of data rows.
    pub(super) fn finish(self) -> Result<(W, usize), csv::Error> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let rows = self.rows;
        let out = self
            .writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))?;
        Ok((out, rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that accepts `room` bytes and then fails.
    struct Full {
        room: usize,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if buf.len() > self.room {
                return Err(std::io::Error::other("disk full"));
            }
            self.room -= buf.len();
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn writes_header_rows_lf_and_quotes_only_when_needed() {
        let mut sink = Sink::new("a,b", Vec::new());
        sink.push(["1", "x,y"]);
        sink.push(["", "say \"hi\""]);
        let (bytes, rows) = sink.finish().unwrap();
        assert_eq!(rows, 2);
        assert_eq!(bytes, b"a,b\n1,\"x,y\"\n,\"say \"\"hi\"\"\"\n");
    }

    #[test]
    fn a_failing_writer_is_reported_at_finish() {
        let mut sink = Sink::new("a,b", Full { room: 100 });
        for _ in 0..10_000 {
            sink.push(["1", "2"]);
        }
        let err = sink.finish().err().expect("the write fails");
        assert!(err.is_io_error(), "{err}");
    }
}
