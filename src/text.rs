//! Text handling without a browser: estimated text widths (chart and timeline layouts), search
//! folding, escaping for markup we write as text (SVG titles, embed snippets), and whitespace
//! normalisation (dataset checks).

/// `s` as text or an attribute value in HTML or SVG markup: `&`, `<`, `>` and `"` escaped.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Collapses every run of whitespace (including the PDF extract's line breaks and double spaces)
/// into one space and trims the ends. Quotes are compared in this form (dataset checks only: not
/// compiled for wasm).
#[cfg(not(target_arch = "wasm32"))]
pub fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Estimated width of text, in em: multiply by the font size in px. The one estimate of the
/// chart and timeline layouts, which cannot measure text (the charts are drawn without a DOM,
/// and DOM measurement would cost a layout per label).
pub fn width_em(s: &str) -> f64 {
    s.chars().map(char_em).sum()
}

/// Estimated advance of a character, in em. Generous (close to DejaVu Sans, a wide default
/// sans-serif), so that real text is at most as wide as estimated, also with a reader's wider
/// text spacing ([`spacing_allowance_em`]).
pub fn char_em(c: char) -> f64 {
    glyph_em(c) + spacing_allowance_em(c)
}

fn glyph_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '.' | ',' | ':' | ';' | '|' | '!' => 0.3,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' | 'I' => 0.43,
        '‘' | '’' | '“' | '”' | '"' => 0.45,
        'm' => 0.98,
        'w' => 0.83,
        'M' => 0.88,
        'W' => 1.0,
        'A'..='Z' => 0.8,
        'a'..='z' | '0'..='9' => 0.64,
        '&' | '%' | '$' | '@' | '#' => 0.86,
        '…' => 1.0,
        c if c.is_ascii() => 0.7,
        _ => 1.0,
    }
}

/// Extra width, in em, that a reader's own text spacing may give a character (WCAG 1.4.12:
/// letter spacing 0.12em, word spacing 0.16em more). [`char_em`] adds it, so labels laid out
/// with estimated widths still fit and never overlap when a reader widens the spacing.
pub fn spacing_allowance_em(c: char) -> f64 {
    if c == ' ' {
        0.28
    } else {
        0.12
    }
}

/// Folds text for search: lower case, accents and typographic variants removed, and the spaces,
/// commas and thin spaces inside numbers dropped, so "1 070", "1,070" and "1070" all match.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Most of the text is ASCII letters, digits and signs other than the comma, which
        // `push_folded` keeps as they are (lower case): copied a run at a time.
        let run = bytes[at..]
            .iter()
            .position(|&b| !b.is_ascii_graphic() || b == b',')
            .map_or(bytes.len(), |n| at + n);
        if run > at {
            let from = out.len();
            out.push_str(&s[at..run]);
            out[from..].make_ascii_lowercase();
            at = run;
            continue;
        }
        let mut chars = s[at..].chars();
        let Some(c) = chars.next() else { break };
        at += c.len_utf8();
        let next_digit = match bytes.get(at) {
            Some(b) if b.is_ascii() => b.is_ascii_digit(),
            _ => chars.next().is_some_and(is_digit),
        };
        push_folded(&mut out, c, next_digit);
    }
    out.truncate(out.trim_end().len());
    out
}

/// A digit as typed: ASCII or full-width ("１").
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Appends the folded form of `c` to `out` (possibly nothing): the one rule shared by [`fold`]
/// and by search highlighting, which must map folded text back to the original.
pub fn push_folded(out: &mut String, c: char, next_is_digit: bool) {
    let prev_digit = out.as_bytes().last().is_some_and(u8::is_ascii_digit);
    if (c == ',' || c.is_whitespace()) && prev_digit && next_is_digit {
        return;
    }
    match c {
        // Full-width Latin letters, digits and punctuation, as Chinese input methods type them.
        '\u{FF01}'..='\u{FF5E}' => {
            if let Some(ascii) = char::from_u32(c as u32 - 0xFEE0) {
                push_folded(out, ascii, next_is_digit);
            }
        }
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        c if c.is_ascii() && !c.is_ascii_whitespace() => out.push(c),
        '‘' | '’' | '‛' | '′' => out.push('\''),
        '“' | '”' | '″' => out.push('"'),
        '–' | '—' | '‑' | '−' => out.push('-'),
        c if c.is_whitespace() => {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ')
            }
        }
        c => match strip_accent(c) {
            Some(base) => out.push(base),
            None => push_lowercase(out, c),
        },
    }
}

/// Appends the lower case of `c` (Unicode's full mapping: one character may give two). Outside
/// ASCII the browser's `toLowerCase` gives it in the wasm: the standard library's mapping table
/// (11.7 KB, a 3.3 KB brotli share of the first load) stays out of it; natively the standard
/// library's. Scripts without case (Chinese, Japanese, Korean) are kept as they are, unasked.
pub fn push_lowercase(out: &mut String, c: char) {
    match u32::from(c) {
        0..=0x7F => out.push(c.to_ascii_lowercase()),
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0x20000.. => {
            out.push(c)
        }
        #[cfg(target_arch = "wasm32")]
        _ => out.push_str(&String::from(js_sys::JsString::from(c).to_lower_case())),
        #[cfg(not(target_arch = "wasm32"))]
        _ => out.extend(c.to_lowercase()),
    }
}

/// Latin letters with diacritics mapped to their base letter (lower case).
fn strip_accent(c: char) -> Option<char> {
    const TABLE: [(&str, char); 12] = [
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("èéêëēĕėęě", 'e'),
        ("ìíîïĩīĭį", 'i'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ùúûüũūŭůűų", 'u'),
        ("ýÿŷ", 'y'),
        ("ÀÁÂÃÄÅĀĂĄ", 'a'),
        ("ÈÉÊËĒĔĖĘĚ", 'e'),
        ("ÒÓÔÕÖØŌŎŐ", 'o'),
        ("ÙÚÛÜŨŪŬŮŰŲ", 'u'),
    ];
    TABLE
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|&(_, base)| base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses() {
        assert_eq!(normalize_ws("  a \n\n b\t c  "), "a b c");
    }

    #[test]
    fn widths_are_estimated_generously_with_room_for_text_spacing() {
        assert!(width_em("WWW") > width_em("Mmm") && width_em("Mmm") > width_em("iii"));
        // A Chinese character is a full em, plus the letter-spacing allowance.
        assert!((width_em("一二") - 2.24).abs() < 1e-9);
        // A space also gets the word-spacing allowance.
        assert!((char_em(' ') - char_em('f') - 0.16).abs() < 1e-9);
    }

    proptest::proptest! {
        /// `fold` copies runs of plain ASCII at a time: it gives what the character-by-character
        /// rule (`push_folded`, which highlighting uses) gives, for any text.
        #[test]
        fn fold_is_the_character_rule(s in "[ -~\t\n\u{a0}\u{2009}\u{3000}０-９Ａ-Ｚ，、數码Éé’–·▾]{0,40}") {
            let mut expected = String::new();
            let mut chars = s.chars().peekable();
            while let Some(c) = chars.next() {
                let next_digit = chars.peek().copied().is_some_and(is_digit);
                push_folded(&mut expected, c, next_digit);
            }
            expected.truncate(expected.trim_end().len());
            proptest::prop_assert_eq!(fold(&s), expected);
        }
    }

    #[test]
    fn numbers_fold_to_digits() {
        assert_eq!(fold("around 1 070 in 2014"), "around 1070 in 2014");
        assert_eq!(fold("1,070"), "1070");
        assert_eq!(fold("HK$19.5 billion"), "hk$19.5 billion");
        // A comma between words or after a number followed by a word stays.
        assert_eq!(fold("2014, and"), "2014, and");
    }

    #[test]
    fn full_width_input_folds_to_ascii() {
        assert_eq!(fold("ＳＴＥＭ　２６．３億"), "stem 26.3億");
        assert_eq!(fold("１，０７０"), "1070");
    }

    #[test]
    fn case_accents_and_quotes_fold() {
        assert_eq!(
            fold("Café “Loop” – Hong Kong’s"),
            "cafe \"loop\" - hong kong's"
        );
    }

    #[test]
    fn lower_case_of_other_scripts() {
        assert_eq!(
            fold("ΣΩΜΑ ДАННЫЕ Æsir İ 創科"),
            "σωμα данные æsir i\u{307} 創科"
        );
    }

    /// The ranges `push_lowercase` keeps unasked really have no lower case.
    #[test]
    fn caseless_ranges_have_no_lower_case() {
        let ranges = [
            0x2E80..=0x9FFF,
            0xAC00..=0xD7AF,
            0xF900..=0xFAFF,
            0xFE30..=0xFE4F,
            0x20000..=0x10FFFF,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert!(c.to_lowercase().eq([c]), "{c:?} has a lower case");
        }
    }
}
