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

/// Every script, in the order ties between equal counts are broken.
const SCRIPTS: [Script; 8] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Cjk,
    Script::Indic,
    Script::Other,
];

/// Letters per script: a fixed table, so counting a paragraph allocates
/// nothing and an article's total is a sum of tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCounts([usize; SCRIPTS.len()]);

impl ScriptCounts {
    /// The letters of `text`, counted by script, char by char: what
    /// [`super::tally::Tally`] counts in its faster pass.
    #[cfg(test)]
    pub fn of(text: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        for script in text.chars().filter_map(script_of) {
            counts.0[script as usize] += 1;
        }
        counts
    }

    /// Counts one letter.
    pub fn count(&mut self, script: Script) {
        self.count_many(script, 1);
    }

    /// Counts `n` letters of one script.
    pub fn count_many(&mut self, script: Script, n: usize) {
        if let Some(total) = self.0.get_mut(script as usize) {
            *total += n;
        }
    }

    /// Adds another text's counts.
    pub fn add(&mut self, other: &ScriptCounts) {
        for (total, n) in self.0.iter_mut().zip(other.0) {
            *total += n;
        }
    }

    /// Letters counted, in all scripts.
    pub fn letters(&self) -> usize {
        self.0.iter().sum()
    }

    /// The most frequent script and its count (the first in script order
    /// on a tie); `None` without letters.
    pub fn dominant_count(&self) -> Option<(Script, usize)> {
        let mut best: Option<(Script, usize)> = None;
        for (script, &n) in SCRIPTS.iter().zip(&self.0) {
            if n > 0 && best.is_none_or(|(_, top)| n > top) {
                best = Some((*script, n));
            }
        }
        best
    }

    /// The script most letters are written in.
    pub fn dominant(&self) -> Option<Script> {
        self.dominant_count().map(|(script, _)| script)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dominant_script(text: &str) -> Option<Script> {
        ScriptCounts::of(text).dominant()
    }

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
    fn ties_go_to_the_first_script_in_order() {
        assert_eq!(dominant_script("ab вг"), Some(Script::Latin));
        assert_eq!(dominant_script("αβ вг"), Some(Script::Cyrillic));
        let mut total = ScriptCounts::of("abc");
        total.add(&ScriptCounts::of("где"));
        assert_eq!(total.letters(), 6);
        assert_eq!(total.dominant_count(), Some((Script::Latin, 3)));
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
