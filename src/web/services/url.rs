//! The page URL as the share link: read at start-up, rewritten (without a new
//! history entry) whenever the lesson, a parameter or the language changes.

use crate::i18n::Lang;

pub fn query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

pub fn replace_query(query: &str) {
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = w.history() else { return };
    // The page's theme (`theme=`, static/theme.js) is not app state: kept as it is.
    let theme = form_urlencoded::parse(self::query().trim_start_matches('?').as_bytes())
        .find(|(k, v)| k == "theme" && matches!(v.as_ref(), "dark" | "light"))
        .map(|(_, v)| format!("&theme={v}"))
        .unwrap_or_default();
    // The fragment is not app state either: the Python runner keeps edited source there (`#py=`).
    let hash = w.location().hash().unwrap_or_default();
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?{query}{theme}{hash}")));
}

/// Sets `<html lang>` and the document title for the chosen language.
pub fn set_document_lang(lang: Lang, title: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(el) = doc.document_element() {
        let _ = el.set_attribute("lang", lang.html_tag());
    }
    doc.set_title(title);
}
