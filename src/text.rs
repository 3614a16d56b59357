//! Text normalisation shared by the dataset checks and the search.

/// Collapses every run of whitespace (including the PDF extract's line breaks and double spaces)
/// into one space and trims the ends. Quotes are compared in this form.
pub fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folds text for search: lower case, accents and typographic variants removed, and the spaces,
/// commas and thin spaces inside numbers dropped, so "1 070", "1,070" and "1070" all match.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev_digit = out.chars().last().is_some_and(|p: char| p.is_ascii_digit());
        let next_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if (c == ',' || c.is_whitespace()) && prev_digit && next_digit {
            continue;
        }
        match c {
            '‘' | '’' | '‛' | '′' => out.push('\''),
            '“' | '”' | '″' => out.push('"'),
            '–' | '—' | '‑' | '−' => out.push('-'),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ')
                }
            }
            c => match strip_accent(c) {
                Some(base) => out.push(base),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
    out.truncate(out.trim_end().len());
    out
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
    fn numbers_fold_to_digits() {
        assert_eq!(fold("around 1 070 in 2014"), "around 1070 in 2014");
        assert_eq!(fold("1,070"), "1070");
        assert_eq!(fold("HK$19.5 billion"), "hk$19.5 billion");
        // A comma between words or after a number followed by a word stays.
        assert_eq!(fold("2014, and"), "2014, and");
    }

    #[test]
    fn case_accents_and_quotes_fold() {
        assert_eq!(fold("Café “Loop” – Hong Kong’s"), "cafe \"loop\" - hong kong's");
    }
}
