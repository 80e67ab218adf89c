//! The look of the exhibit: the notebook's palette on a dark, projector-friendly ground, and
//! text sized to be read from two metres.

use bevy::prelude::*;
use bevy_egui::egui;

/// Clear colour behind every scene: deep slate, so lit surfaces and glowing pulses stand out.
pub const BACKGROUND: Color = Color::srgb(0.059, 0.09, 0.165);

/// The notebook's `COLOR_MAIN` (#2563eb): excitatory signals, weights, main curves.
pub const MAIN: [u8; 3] = [0x25, 0x63, 0xeb];
/// The notebook's `COLOR_ACCENT` (#f59e0b): thresholds and the point being inspected.
pub const ACCENT: [u8; 3] = [0xf5, 0x9e, 0x0b];
/// The notebook's `COLOR_GOOD` (#059669): firing, output 1, after training.
pub const GOOD: [u8; 3] = [0x05, 0x96, 0x69];
/// The notebook's `COLOR_BAD` (#dc2626): inhibition, output 0, divergence.
pub const BAD: [u8; 3] = [0xdc, 0x26, 0x26];
/// The notebook's descent-path orange (#f97316).
pub const PATH: [u8; 3] = [0xf9, 0x73, 0x16];
/// The notebook's MSE purple (#7c3aed).
pub const MSE: [u8; 3] = [0x7c, 0x3a, 0xed];
/// The notebook's MAE green (#16a34a).
pub const MAE: [u8; 3] = [0x16, 0xa3, 0x4a];
/// Muted grey for things that are off (a silent axon).
pub const MUTED: [u8; 3] = [0x6b, 0x72, 0x80];

/// A palette entry as an egui colour.
pub fn egui_color(rgb: [u8; 3]) -> egui::Color32 {
    egui::Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// A palette entry as a Bevy colour.
pub fn bevy_color(rgb: [u8; 3]) -> Color {
    Color::srgb_u8(rgb[0], rgb[1], rgb[2])
}

/// A palette entry brightened for text on the dark ground (the notebook's colours were chosen
/// for white paper; on slate the blue and red need lifting to stay legible).
pub fn text_color(rgb: [u8; 3]) -> egui::Color32 {
    let lift = |c: u8| c.saturating_add(((255 - c as u16) * 2 / 5) as u8);
    egui::Color32::from_rgb(lift(rgb[0]), lift(rgb[1]), lift(rgb[2]))
}

/// Large type and generous touch targets: the panel is read from two metres and used by finger.
pub fn apply(ctx: &egui::Context) {
    use egui::{FontFamily::Proportional, FontId, TextStyle};
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(26.0, Proportional)),
            (TextStyle::Body, FontId::new(17.0, Proportional)),
            (TextStyle::Button, FontId::new(17.0, Proportional)),
            (TextStyle::Small, FontId::new(13.0, Proportional)),
            (
                TextStyle::Monospace,
                FontId::new(16.0, egui::FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.interact_size = egui::vec2(40.0, 28.0);
        style.spacing.slider_width = 190.0;
        style.spacing.button_padding = egui::vec2(10.0, 5.0);
        style.spacing.item_spacing = egui::vec2(8.0, 7.0);
        style.interaction.interact_radius = 8.0;
    });
    let mut visuals = egui::Visuals::dark();
    // Panels in the slate of the 3D backdrop, a shade lighter, so the screen reads as one surface.
    visuals.panel_fill = egui::Color32::from_rgb(0x16, 0x20, 0x33);
    visuals.window_fill = visuals.panel_fill;
    visuals.extreme_bg_color = egui::Color32::from_rgb(0x0b, 0x12, 0x20);
    visuals.faint_bg_color = egui::Color32::from_rgb(0x1c, 0x27, 0x3d);
    ctx.set_visuals(visuals);
    // A kiosk has no business zooming with Ctrl +/-; the UI scale setting does that job.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}
