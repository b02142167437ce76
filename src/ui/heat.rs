//! Shading of the similarity matrix: darker to brighter as two articles
//! share more. Shading is only a second signal — every cell also prints
//! its number — so monochrome terminals get no shading at all.

use ratatui::style::{Color, Style};

use super::theme::ColorMode;

/// Steps of the 16- and 256-colour ramps.
const STEPS: usize = 5;

/// The cell style of a similarity in `0.0..=1.0`.
pub fn heat(value: f64, mode: ColorMode) -> Style {
    let value = value.clamp(0.0, 1.0);
    let step = ((value * STEPS as f64) as usize).min(STEPS - 1);
    let bright = step >= 3;
    let text = if bright { Color::Black } else { Color::White };
    match mode {
        ColorMode::None => Style::new(),
        ColorMode::Ansi16 => {
            let ramp = [
                Color::Reset,
                Color::Blue,
                Color::Cyan,
                Color::Green,
                Color::LightGreen,
            ];
            let fg = if step == 0 { Color::Reset } else { text };
            Style::new().fg(fg).bg(ramp[step])
        }
        ColorMode::Indexed256 => {
            let ramp = [236u8, 24, 30, 36, 78];
            Style::new().fg(text).bg(Color::Indexed(ramp[step]))
        }
        ColorMode::TrueColor => {
            let mix = |from: f64, to: f64| (from + (to - from) * value).round() as u8;
            let bg = Color::Rgb(mix(36.0, 90.0), mix(36.0, 200.0), mix(48.0, 120.0));
            let fg = if value >= 0.6 {
                Color::Black
            } else {
                Color::White
            };
            Style::new().fg(fg).bg(bg)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_has_no_shading() {
        assert_eq!(heat(0.9, ColorMode::None), Style::new());
    }

    #[test]
    fn more_similar_is_a_different_shade() {
        for mode in [
            ColorMode::Ansi16,
            ColorMode::Indexed256,
            ColorMode::TrueColor,
        ] {
            assert_ne!(heat(0.05, mode), heat(0.95, mode), "{mode:?}");
        }
    }
}
