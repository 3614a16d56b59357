//! Links with real `href`s handle plain clicks in place; any other click keeps its browser
//! meaning (new tab, new window, download, context menu).

/// True for a click the app must leave to the browser: with Ctrl, Cmd or Shift held, or with
/// a button other than the main one.
pub fn is_modified_click(ev: &web_sys::MouseEvent) -> bool {
    ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0
}
