//! The perceptron's parameter panel: the notebook's six sliders, the live equation, and its
//! classification-region picture.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Line, MarkerShape, Plot, Points, Polygon};

use super::{BIAS, INPUT_HALF, PerceptronOutput, PerceptronParams, THRESHOLD, W1, W2, X1, X2};
use crate::{
    Exhibit,
    math::perceptron::{Boundary, class_region},
    ui::{UiLayout, UiSystems, parameter_panel, theme, widgets},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_perceptron_panel
            .in_set(UiSystems::Panels)
            .run_if(in_state(Exhibit::Perceptron)),
    );
}

const TASKS: [&str; 3] = [
    "Set w1 close to zero and observe how x1 loses influence.",
    "Increase bias while keeping inputs fixed. What happens to the output?",
    "Move the threshold higher: a more conservative trigger, clinically.",
];

/// The notebook's pale red (class 0) and pale green (class 1) regions.
pub const REGION_0: [u8; 3] = [0xfe, 0xe2, 0xe2];
/// See [`REGION_0`].
pub const REGION_1: [u8; 3] = [0xdc, 0xfc, 0xe7];

/// The equation line the notebook prints above its diagram.
pub fn equation_line(z: f64) -> String {
    format!("z = w1*x1 + w2*x2 + b = {z:.3}")
}

fn draw_perceptron_panel(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut params: ResMut<PerceptronParams>,
    out: Res<PerceptronOutput>,
    mut done: Local<[bool; 3]>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    parameter_panel(&ctx, &mut layout, "perceptron panel", |ui| {
        widgets::heading(ui, "Perceptron");
        let p = *params;
        if let Some(v) = X1.show(ui, p.x1) {
            params.x1 = v;
        }
        if let Some(v) = X2.show(ui, p.x2) {
            params.x2 = v;
        }
        if let Some(v) = W1.show(ui, p.w1) {
            params.w1 = v;
        }
        if let Some(v) = W2.show(ui, p.w2) {
            params.w2 = v;
        }
        if let Some(v) = BIAS.show(ui, p.bias) {
            params.bias = v;
        }
        if let Some(v) = THRESHOLD.show(ui, p.threshold) {
            params.threshold = v;
        }
        if ui.button("Reset to the notebook's values").clicked() && p != PerceptronParams::default()
        {
            *params = PerceptronParams::default();
        }
        ui.separator();
        let out_color = theme::text_color(if out.output == 1 {
            theme::GOOD
        } else {
            theme::BAD
        });
        ui.label(
            egui::RichText::new(equation_line(out.z))
                .monospace()
                .size(18.0),
        );
        ui.label(
            egui::RichText::new(format!("Threshold = {:.3}", p.threshold))
                .monospace()
                .size(18.0)
                .color(theme::text_color(theme::ACCENT)),
        );
        widgets::readout(ui, "Output", out.output.to_string(), out_color);
        classification_plot(ui, &p, &out);
        widgets::try_this(ui, "perceptron tasks", &TASKS, &mut done[..]);
    });
    Ok(())
}

/// The notebook's "Classification region (step output)" picture.
fn classification_plot(ui: &mut egui::Ui, p: &PerceptronParams, out: &PerceptronOutput) {
    let p = p.sanitized();
    Plot::new("perceptron regions")
        .height(260.0)
        .data_aspect(1.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .default_x_bounds(-INPUT_HALF, INPUT_HALF)
        .default_y_bounds(-INPUT_HALF, INPUT_HALF)
        .x_axis_label("x1")
        .y_axis_label("x2")
        .show(ui, |plot| {
            for (class, rgb) in [(0u8, REGION_0), (1u8, REGION_1)] {
                let region = class_region(p.w1, p.w2, p.bias, p.threshold, INPUT_HALF, class);
                if region.len() >= 3 {
                    let fill = theme::egui_color(rgb).gamma_multiply(0.75);
                    plot.add(
                        Polygon::new(format!("class {class}"), region)
                            .fill_color(fill)
                            .width(0.0),
                    );
                }
            }
            if let Boundary::Line { p0, p1 } = out.boundary {
                plot.line(
                    Line::new("Decision boundary", vec![p0, p1])
                        .color(egui::Color32::BLACK)
                        .width(2.5),
                );
            }
            let color = theme::egui_color(if out.output == 1 {
                theme::GOOD
            } else {
                theme::BAD
            });
            plot.points(
                Points::new("input", vec![[p.x1, p.x2]])
                    .shape(MarkerShape::Circle)
                    .radius(7.0)
                    .color(color),
            );
        });
}
