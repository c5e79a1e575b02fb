//! A `<select>` whose shown choice follows the page's state. Its options carry
//! `selected={…}`, an attribute; once a user has picked in a select, Firefox
//! keeps the options' picked state and ignores later changes of that attribute
//! (the HTML "dirtiness" rule, applied there to every option the pick touched),
//! so a change made elsewhere (an imported trace's lesson, a preset, a message
//! from an embedding page) left the user's old pick shown. After every render
//! the select's `value` is set to the state's, as a pick would set it.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The select's node ref: after each render its value is set to `value` where it differs.
#[hook]
pub fn use_select_value(value: String) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect(move || {
            if let Some(el) = node.cast::<HtmlSelectElement>() {
                if el.value() != value {
                    el.set_value(&value);
                }
            }
        });
    }
    node
}
