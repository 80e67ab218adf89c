//! The notebook's wrap-up: the whole story in five steps, each a button back to its exhibit.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::{
    Exhibit,
    ui::{UiLayout, UiSystems, central, theme},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_wrapup
            .in_set(UiSystems::Panels)
            .run_if(in_state(Exhibit::WrapUp)),
    );
}

/// The notebook's five-line mental model, each with the exhibit that shows it.
const STORY: [(&str, Exhibit); 5] = [
    (
        "Neuron inspiration -> perceptron mechanics",
        Exhibit::Neuron,
    ),
    (
        "Activation functions make networks expressive and trainable",
        Exhibit::Activations,
    ),
    ("Loss measures error", Exhibit::Losses),
    (
        "Backpropagation adjusts parameters to reduce loss",
        Exhibit::Backprop,
    ),
    (
        "Optimization can get trapped in local minima",
        Exhibit::Landscape,
    ),
];

fn draw_wrapup(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut next: ResMut<NextState<Exhibit>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    central(&ctx, &mut layout, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(20.0);
            ui.label(
                egui::RichText::new("You now have the core mental model")
                    .size(34.0)
                    .strong()
                    .color(theme::text_color(theme::ACCENT)),
            );
            ui.add_space(20.0);
            for (i, (line, exhibit)) in STORY.iter().enumerate() {
                let text = egui::RichText::new(format!("{}. {line}", i + 1)).size(24.0);
                if ui
                    .add(egui::Button::new(text).min_size(egui::vec2(720.0, 56.0)))
                    .clicked()
                {
                    next.set(*exhibit);
                }
                ui.add_space(6.0);
            }
            ui.add_space(24.0);
            ui.label(
                egui::RichText::new(
                    "Next step in the curriculum: stack many neurons into hidden layers and train \
                     a small network end-to-end on a medical dataset.",
                )
                .size(20.0),
            );
        });
    });
    Ok(())
}
