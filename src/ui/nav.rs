//! The navigation bar: one large button per screen, in the notebook's order, and the UI scale.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use super::{UI_SCALE_RANGE, UiLayout, UiSettings, panel, theme};
use crate::Exhibit;

pub(super) fn plugin(_app: &mut App) {}

/// Draws the top bar and switches the exhibit state when a button is pressed.
pub(super) fn draw_navigation(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    current: Res<State<Exhibit>>,
    mut next: ResMut<NextState<Exhibit>>,
    mut settings: ResMut<UiSettings>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let here = *current.get();
    let bar = egui::Panel::top("navigation").frame(
        egui::Frame::side_top_panel(&ctx.global_style())
            .inner_margin(egui::Margin::symmetric(10, 6)),
    );
    panel(&ctx, &mut layout, bar, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new("nn-lab")
                    .heading()
                    .strong()
                    .color(theme::text_color(theme::ACCENT)),
            );
            ui.separator();
            for exhibit in Exhibit::ALL {
                let selected = exhibit == here;
                let text = egui::RichText::new(exhibit.title()).size(18.0);
                let button =
                    egui::Button::selectable(selected, text).min_size(egui::vec2(0.0, 36.0));
                if ui.add(button).clicked() && !selected {
                    next.set(exhibit);
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let mut scale = settings.scale;
                if ui
                    .add(egui::Button::new("A+").min_size(egui::vec2(36.0, 36.0)))
                    .on_hover_text("Larger text")
                    .clicked()
                {
                    scale += 0.1;
                }
                if ui
                    .add(egui::Button::new("A-").min_size(egui::vec2(36.0, 36.0)))
                    .on_hover_text("Smaller text")
                    .clicked()
                {
                    scale -= 0.1;
                }
                let scale = scale.clamp(*UI_SCALE_RANGE.start(), *UI_SCALE_RANGE.end());
                if (scale - settings.scale).abs() > f32::EPSILON {
                    settings.scale = scale;
                }
            });
        });
    });
    Ok(())
}
