//! The JSON exporter: pretty-printed, two-space indented, with a final newline. Non-finite
//! numbers come out as `null`.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// `x` as pretty JSON bytes with a final newline.
pub fn to_bytes<T: Serialize + ?Sized>(x: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(x).expect("JSON of plain values");
    bytes.push(b'\n');
    bytes
}

/// A JSON object whose keys keep their order here (criteria order, method order) rather
/// than a map's: `{"key": value, ...}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Object<'a, V>(pub Vec<(&'a str, V)>);

impl<V: Serialize> Serialize for Object<'_, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<V: JsonSchema> JsonSchema for Object<'_, V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("Object_of_{}", V::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "additionalProperties": generator.subschema_for::<V>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_keep_their_order_and_numbers_print_as_serde_json_does() {
        let o = Object(vec![
            ("b", Some(0.1 + 0.2)),
            ("a", None),
            ("c", Some(f64::NAN)),
        ]);
        assert_eq!(
            String::from_utf8(to_bytes(&o)).unwrap(),
            "{\n  \"b\": 0.30000000000000004,\n  \"a\": null,\n  \"c\": null\n}\n"
        );
        assert_eq!(to_bytes(&Object::<f64>(vec![])), b"{}\n");
    }
}
