//! The JSON exporter: pretty-printed, two-space indented, with a final newline. Non-finite
//! numbers come out as `null`.

use serde::Serialize;

/// `x` as pretty JSON bytes with a final newline.
pub fn to_bytes<T: Serialize + ?Sized>(x: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(x).expect("JSON of plain values");
    bytes.push(b'\n');
    bytes
}
