//! The embed API's messages (`state::embed_msg`): what is accepted is within
//! its limits, every refusal is translated with its placeholders filled.

use super::{assert_message, config, known_key, nasty_value, no_placeholder};
use concurrency_playground::i18n::{fill, has, tr, Lang};
use concurrency_playground::state::embed_msg::{self, EmbedCommand, EmbedError};
use proptest::prelude::*;

fn check_embed(text: &str) {
    match embed_msg::parse(text) {
        Ok(EmbedCommand::Set { params, .. }) => assert!(params.len() <= embed_msg::MAX_PARAMS),
        Ok(_) | Err(EmbedError::NotForUs) => {}
        Err(e) => {
            assert!(has(e.key()), "{}", e.key());
            let args = e.args();
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            for lang in Lang::ALL {
                let m = fill(tr(lang, e.key()), &args);
                assert_message(e.key(), &m);
                no_placeholder(tr(lang, e.key()), &m);
            }
        }
    }
}

/// Arbitrary JSON values, shaped like embed messages most of the time.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|v| serde_json::json!(v)),
        any::<f64>().prop_map(|v| serde_json::json!(v)),
        nasty_value().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(known_key(), inner, 0..6).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn embed_message() -> impl Strategy<Value = String> {
    let kind = prop_oneof![
        Just("playground:run".to_owned()),
        Just("playground:stop".to_owned()),
        Just("playground:set".to_owned()),
        Just("playground:status".to_owned()),
        "playground:\\PC{0,8}",
        "\\PC{0,12}",
    ];
    let field =
        prop_oneof![Just("lesson".to_owned()), Just("params".to_owned()), Just("lang".to_owned()), Just("clock".to_owned()), "[a-z]{1,6}"];
    prop_oneof![
        4 => (kind, proptest::collection::btree_map(field, json_value(), 0..5)).prop_map(|(k, fields)| {
            let mut m: serde_json::Map<String, serde_json::Value> = fields.into_iter().collect();
            m.insert("type".into(), serde_json::Value::String(k));
            serde_json::Value::Object(m).to_string()
        }),
        1 => json_value().prop_map(|v| v.to_string()),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_embed_messages(msg in embed_message()) {
        check_embed(&msg);
    }
}

/// Inputs the property above found failing.
#[test]
fn regression_cases() {
    // Embed messages.
    for m in [
        "",
        "{}",
        "{\"type\":\"playground:\"}",
        "{\"type\":\"playground:set\",\"params\":{\"k\":null}}",
        "{\"type\":\"playground:set\",\"lang\":1}",
    ] {
        check_embed(m);
    }
}
