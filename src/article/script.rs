//! Writing-script detection by code-point ranges. An English article with a
//! Ukrainian photo caption, or a Ukrainian article with an English credit
//! line: the odd-script line is page furniture, whatever the language.

/// The broad writing systems that matter for telling lines apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Cjk,
    Indic,
    Other,
}

/// The script of one letter, or `None` for digits, punctuation and spaces.
pub fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    let script = match c as u32 {
        0x0000..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF => Script::Arabic,
        0x0900..=0x0DFF => Script::Indic,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF => {
            Script::Cjk
        }
        _ => Script::Other,
    };
    Some(script)
}

/// Letter counts per script in `text`, most frequent first (ties by script
/// order so the result is deterministic).
pub fn script_counts(text: &str) -> Vec<(Script, usize)> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for script in text.chars().filter_map(script_of) {
        match counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

/// The script most letters of `text` are written in.
pub fn dominant_script(text: &str) -> Option<Script> {
    script_counts(text).first().map(|(s, _)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_scripts() {
        assert_eq!(dominant_script("Hello, world"), Some(Script::Latin));
        assert_eq!(
            dominant_script("Зустріч представників"),
            Some(Script::Cyrillic)
        );
        assert_eq!(dominant_script("東京で会議"), Some(Script::Cjk));
        assert_eq!(dominant_script("123 — 456"), None);
    }

    #[test]
    fn mixed_text_takes_the_majority() {
        assert_eq!(dominant_script("Фото ОП and a few"), Some(Script::Latin));
        assert_eq!(
            dominant_script("Зустріч у Мюнхені. Photo"),
            Some(Script::Cyrillic)
        );
    }
}
