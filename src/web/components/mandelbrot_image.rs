//! Draws the image a run computed (`meta.image`, the Mandelbrot lesson) on a
//! canvas at one canvas pixel per raster pixel, scaled by CSS to the card.
//! Colours come from `view::palette`; this component only copies them.

use crate::engine::trace::Raster;
use crate::i18n::{tr, Lang};
use crate::state::TraceRef;
use crate::view::palette::rgba;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub trace: TraceRef,
    pub lang: Lang,
}

#[function_component(MandelbrotImage)]
pub fn mandelbrot_image(p: &Props) -> Html {
    let canvas = use_node_ref();
    let drawn = use_state(|| false);
    {
        let (canvas, drawn) = (canvas.clone(), drawn.clone());
        use_effect_with(p.trace.clone(), move |t| {
            let ok = match (canvas.cast::<HtmlCanvasElement>(), t.meta.image.as_ref()) {
                (Some(c), Some(img)) => paint(&c, img).is_some(),
                _ => false,
            };
            drawn.set(ok);
        });
    }
    let Some(img) = p.trace.meta.image.as_ref() else { return html! {} };
    html! {
        <div class="card chart">
            <h3>{ tr(p.lang, "mandelbrot.image") }</h3>
            <canvas ref={canvas} data-testid="mandelbrot-image"
                data-width={img.width.to_string()} data-height={img.height.to_string()}
                data-drawn={drawn.to_string()}
                width={img.width.to_string()} height={img.height.to_string()}
                style={format!("width: 100%; max-width: {}px; image-rendering: pixelated;", img.width.max(400))}
                role="img" aria-label={tr(p.lang, "mandelbrot.image").to_owned()} />
        </div>
    }
}

/// Copies the colours onto the canvas. The bytes go through a fresh JS array:
/// the wasm memory is a SharedArrayBuffer (threads), which `ImageData` refuses.
fn paint(c: &HtmlCanvasElement, img: &Raster) -> Option<()> {
    let ctx = c.get_context("2d").ok().flatten()?.dyn_into::<CanvasRenderingContext2d>().ok()?;
    let bytes = rgba(img);
    let array = js_sys::Uint8ClampedArray::new_with_length(bytes.len() as u32);
    array.copy_from(&bytes);
    let data = ImageData::new_with_js_u8_clamped_array(&array, img.width).ok()?;
    ctx.put_image_data(&data, 0.0, 0.0).ok()
}
