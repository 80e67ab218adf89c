//! Reusable panel pieces: a slider row that carries the notebook's range, step and default,
//! and writes back only when the visitor actually moves it.

use bevy_egui::egui;

/// A notebook slider: its range, step and default, and how many decimals to print.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SliderSpec {
    /// The label the notebook gives it.
    pub label: &'static str,
    /// Lowest value.
    pub min: f64,
    /// Highest value.
    pub max: f64,
    /// Step between values (1 for the notebook's IntSliders).
    pub step: f64,
    /// The notebook's default.
    pub default: f64,
    /// Decimals shown beside the slider.
    pub decimals: usize,
}

impl SliderSpec {
    /// Clamps a value into range and replaces NaN by the default, so a hostile value from a
    /// config or URL can never reach the model.
    pub fn sanitize(&self, value: f64) -> f64 {
        if value.is_nan() {
            self.default
        } else {
            value.clamp(self.min, self.max)
        }
    }

    /// Shows the slider; returns the new value only when the visitor changed it.
    pub fn show(&self, ui: &mut egui::Ui, value: f64) -> Option<f64> {
        self.show_with_mark(ui, value, None)
    }

    /// Like [`Self::show`], with a tick and caption under the rail at `mark` (the end of the
    /// notebook's own range on an extended slider).
    pub fn show_with_mark(
        &self,
        ui: &mut egui::Ui,
        value: f64,
        mark: Option<(f64, &str)>,
    ) -> Option<f64> {
        let mut edited = self.sanitize(value);
        let response = ui.add(
            egui::Slider::new(&mut edited, self.min..=self.max)
                .step_by(self.step)
                .fixed_decimals(self.decimals)
                .text(self.label),
        );
        if let Some((at, caption)) = mark {
            // The rail starts at the response's left edge and is `slider_width` long, inset by
            // the handle's radius at both ends.
            let rail = ui.spacing().slider_width;
            let inset = response.rect.height() / 2.5;
            let t = ((at - self.min) / (self.max - self.min)).clamp(0.0, 1.0) as f32;
            let x = response.rect.left() + inset + t * (rail - 2.0 * inset);
            let color = egui::Color32::from_rgb(0xf5, 0x9e, 0x0b);
            let y = response.rect.bottom();
            ui.painter().line_segment(
                [egui::pos2(x, y - 8.0), egui::pos2(x, y + 3.0)],
                egui::Stroke::new(2.5, color),
            );
            ui.painter().text(
                egui::pos2(x, y + 3.0),
                egui::Align2::CENTER_TOP,
                caption,
                egui::FontId::proportional(12.0),
                color,
            );
            ui.add_space(12.0);
        }
        (response.changed() && edited != value).then_some(self.sanitize(edited))
    }
}

/// The notebook's 0/1 ToggleButtons (a class label); returns the new label when clicked.
pub fn class_toggle(ui: &mut egui::Ui, text: &str, current: u8) -> Option<u8> {
    let mut picked = None;
    ui.horizontal(|ui| {
        ui.label(text);
        for label in [0u8, 1] {
            let button = egui::Button::selectable(current == label, label.to_string())
                .min_size(egui::vec2(44.0, 34.0));
            if ui.add(button).clicked() && current != label {
                picked = Some(label);
            }
        }
    });
    picked
}

/// A plot that shows rather than explores: no panning or zooming, which on a touch screen
/// would only lose the picture.
pub fn static_plot(id: &'static str) -> egui_plot::Plot<'static> {
    egui_plot::Plot::new(id)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
}

/// A "label: value" line in large monospace digits, the form the notebook prints its results in.
pub fn readout(ui: &mut egui::Ui, label: &str, value: String, color: egui::Color32) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(label).strong());
        ui.label(
            egui::RichText::new(value)
                .monospace()
                .color(color)
                .size(19.0),
        );
    });
}

/// A section heading inside a panel.
pub fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(4.0);
    ui.label(egui::RichText::new(text).heading().strong());
}

/// The notebook's "Try this" prompts, one checkbox each so a visitor can tick them off, and one
/// possible answer to the reflective question, folded away until asked for.
pub fn try_this(ui: &mut egui::Ui, id: &str, tasks: &[&str], done: &mut [bool], answer: &str) {
    egui::CollapsingHeader::new(egui::RichText::new("Try this").strong())
        .id_salt(id)
        .default_open(true)
        .show(ui, |ui| {
            for (task, done) in tasks.iter().zip(done.iter_mut()) {
                ui.checkbox(done, egui::RichText::new(*task).size(15.0));
            }
            egui::CollapsingHeader::new("One possible answer")
                .id_salt((id, "answer"))
                .default_open(false)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(answer).size(15.0).italics());
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: SliderSpec = SliderSpec {
        label: "x",
        min: -1.0,
        max: 1.0,
        step: 0.05,
        default: 0.5,
        decimals: 2,
    };

    #[test]
    fn sanitize_clamps_and_replaces_nan() {
        assert_eq!(SPEC.sanitize(f64::NAN), 0.5);
        assert_eq!(SPEC.sanitize(f64::INFINITY), 1.0);
        assert_eq!(SPEC.sanitize(-1e300), -1.0);
        assert_eq!(SPEC.sanitize(0.25), 0.25);
    }
}
