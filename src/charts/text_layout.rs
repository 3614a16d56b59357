//! Text layout without measuring: widths from the layouts' one estimate (`text::width_em`),
//! and wrapping to a width.

/// Bold text is about a tenth wider: estimate it at this size.
pub(super) fn bold_size(size: f64) -> f64 {
    size * 1.1
}

/// Estimated width of text in pixels at `size` px (`text::width_em`: no measuring, see the
/// module comment of `charts`).
pub(super) fn text_width(s: &str, size: f64) -> f64 {
    crate::text::width_em(s) * size
}

/// Breaks text into at most `max_lines` lines of `max_w` pixels; the last line ends in "…" if cut.
pub(super) fn wrap(s: &str, size: f64, max_w: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Words; text without spaces (Chinese) breaks between any characters.
    let mut tokens: Vec<String> = Vec::new();
    for w in s.split(' ') {
        if text_width(w, size) <= max_w {
            tokens.push(w.to_string());
        } else {
            let mut chunk = String::new();
            for c in w.chars() {
                chunk.push(c);
                if text_width(&chunk, size) > max_w {
                    chunk.pop();
                    tokens.push(std::mem::take(&mut chunk));
                    chunk.push(c);
                }
            }
            tokens.push(chunk);
        }
    }
    for tok in tokens {
        let candidate = if line.is_empty() {
            tok.clone()
        } else {
            format!("{line} {tok}")
        };
        if text_width(&candidate, size) <= max_w || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, tok));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        let last = lines.last_mut().expect("at least one line");
        while !last.is_empty() && text_width(&format!("{last}…"), size) > max_w {
            last.pop();
        }
        last.push('…');
    }
    lines
}
