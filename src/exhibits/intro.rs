//! Section 0, the clinical framing: a triage model that estimates a patient's risk from vitals,
//! drawn as a small network with signals flowing through it, and the learning objectives.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::{
    Exhibit,
    ui::{UiLayout, UiSystems, central, theme},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_intro
            .in_set(UiSystems::Panels)
            .run_if(in_state(Exhibit::Intro)),
    );
}

/// The notebook's example inputs of a triage model, with plausible values for one patient.
const VITALS: [(&str, &str); 4] = [
    ("Heart rate", "118 bpm"),
    ("Blood pressure", "92/60"),
    ("Oxygen saturation", "91 %"),
    ("Age", "74"),
];

/// The notebook's six learning objectives.
const OBJECTIVES: [&str; 6] = [
    "Explain how neural network ideas were inspired by biological neurons.",
    "Understand perceptron inputs, weights, bias, threshold, and output.",
    "Compare common activation functions and when they help.",
    "Build intuition for loss functions as \"what the model is trying to minimize.\"",
    "See backpropagation as a practical error-correction mechanism.",
    "Understand local minima vs global minima using a visual loss landscape.",
];

fn draw_intro(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    time: Res<Time>,
    mut next: ResMut<NextState<Exhibit>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let t = time.elapsed_secs();
    central(&ctx, &mut layout, |ui| {
        ui.columns(2, |cols| {
            // Left-aligned rather than the columns' justified layout, which stretches the words.
            cols[0].with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.label(
                    egui::RichText::new("Neural Networks from Scratch")
                        .size(34.0)
                        .strong()
                        .color(theme::text_color(theme::ACCENT)),
                );
                ui.label(egui::RichText::new("Brain-inspired intuition to backpropagation").size(20.0));
                ui.add_space(12.0);
                ui.label(egui::RichText::new("Why this matters").size(24.0).strong());
                ui.label(
                    egui::RichText::new(
                        "Imagine a triage model that estimates patient risk from vitals and labs.\n\
                         Inputs: heart rate, blood pressure, oxygen saturation, age, etc.\n\
                         Output: probability of high-risk deterioration.",
                    )
                    .size(18.0),
                );
                ui.add_space(6.0);
                ui.label(
                    egui::RichText::new(
                        "A neural network is one way to map those inputs to a clinically useful \
                         prediction. Before using deep models in real medicine, you should understand \
                         these building blocks.",
                    )
                    .size(18.0),
                );
                ui.add_space(12.0);
                ui.label(egui::RichText::new("You will learn to").size(22.0).strong());
                for (i, objective) in OBJECTIVES.iter().enumerate() {
                    ui.label(egui::RichText::new(format!("{}. {objective}", i + 1)).size(16.0));
                }
                ui.add_space(16.0);
                let start = egui::Button::new(egui::RichText::new("Start with the neuron  >").size(24.0))
                    .min_size(egui::vec2(280.0, 56.0))
                    .fill(theme::egui_color(theme::MAIN));
                if ui.add(start).clicked() {
                    next.set(Exhibit::Neuron);
                }
            });
            triage_network(&mut cols[1], t);
        });
    });
    Ok(())
}

/// Vitals flow through a small network into a risk estimate; pulses show the flow.
fn triage_network(ui: &mut egui::Ui, t: f32) {
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), ui.available_height().max(300.0)),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let at = |fx: f32, fy: f32| rect.min + egui::vec2(rect.width() * fx, rect.height() * fy);
    let inputs: Vec<egui::Pos2> = (0..4).map(|i| at(0.34, 0.2 + 0.2 * i as f32)).collect();
    let hidden: Vec<egui::Pos2> = (0..3).map(|i| at(0.6, 0.3 + 0.2 * i as f32)).collect();
    let output = at(0.84, 0.5);
    let edge = egui::Stroke::new(2.0, egui::Color32::from_gray(90));
    let pulse = theme::text_color(theme::MAIN);
    for (k, a) in inputs.iter().enumerate() {
        for (j, b) in hidden.iter().enumerate() {
            painter.line_segment([*a, *b], edge);
            let phase = (t * 0.6 + 0.13 * (k * 3 + j) as f32).fract();
            painter.circle_filled(a.lerp(*b, phase), 4.0, pulse);
        }
    }
    for (j, h) in hidden.iter().enumerate() {
        painter.line_segment([*h, output], edge);
        let phase = (t * 0.6 + 0.5 + 0.21 * j as f32).fract();
        painter.circle_filled(h.lerp(output, phase), 4.0, theme::text_color(theme::ACCENT));
    }
    let font = egui::FontId::proportional(16.0);
    for (p, (name, value)) in inputs.iter().zip(VITALS) {
        painter.circle(
            *p,
            16.0,
            theme::egui_color([0xdb, 0xea, 0xfe]),
            egui::Stroke::new(2.0, theme::egui_color([0x1d, 0x4e, 0xd8])),
        );
        painter.text(
            *p - egui::vec2(24.0, 0.0),
            egui::Align2::RIGHT_CENTER,
            format!("{name}\n{value}"),
            font.clone(),
            egui::Color32::WHITE,
        );
    }
    for h in &hidden {
        painter.circle(
            *h,
            14.0,
            egui::Color32::from_gray(60),
            egui::Stroke::new(2.0, egui::Color32::from_gray(160)),
        );
    }
    painter.circle(
        output,
        22.0,
        theme::egui_color([0xfe, 0xe2, 0xe2]),
        egui::Stroke::new(2.0, theme::egui_color([0xb9, 0x1c, 0x1c])),
    );
    painter.text(
        output + egui::vec2(0.0, 34.0),
        egui::Align2::CENTER_TOP,
        "Risk of\ndeterioration",
        font,
        egui::Color32::WHITE,
    );
    painter.text(
        at(0.55, 0.06),
        egui::Align2::CENTER_CENTER,
        "inputs  ->  neurons  ->  prediction",
        egui::FontId::proportional(18.0),
        theme::text_color(theme::ACCENT),
    );
}
