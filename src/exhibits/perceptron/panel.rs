//! The perceptron's parameter panel: the notebook's six sliders, the live equation, and its
//! classification-region picture.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Line, MarkerShape, Points, Polygon};

use super::{BIAS, INPUT_HALF, PerceptronOutput, PerceptronParams, THRESHOLD, W1, W2, X1, X2};
use crate::{
    Exhibit,
    camera::OrbitCamera,
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

/// One possible answer to the section's reflective question.
const ANSWER: &str = "A higher threshold makes the perceptron a more conservative trigger: it needs a larger score before it flags a patient, trading more missed cases for fewer false alarms.";

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
    mut camera: Query<&mut OrbitCamera>,
    mut done: Local<[bool; 3]>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    parameter_panel(&ctx, &mut layout, "perceptron panel", |ui| {
        widgets::heading(ui, "Perceptron mechanics");
        let p = *params;
        mechanics_diagram(ui, &p.sanitized(), &out);
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
        ui.horizontal(|ui| {
            if ui.button("Top view (the notebook's picture)").clicked()
                && let Ok(mut orbit) = camera.single_mut()
            {
                let top = super::scene::top_view();
                orbit.glide_to(top.yaw, top.pitch, top.distance);
            }
            if ui.button("3D view").clicked()
                && let Ok(mut orbit) = camera.single_mut()
            {
                let home = super::scene::home_view();
                orbit.glide_to(home.yaw, home.pitch, home.distance);
            }
        });
        ui.label(egui::RichText::new("Classification region (step output)").strong());
        classification_plot(ui, &p, &out);
        widgets::try_this(ui, "perceptron tasks", &TASKS, &mut done[..], ANSWER);
    });
    Ok(())
}

/// The notebook's "Classification region (step output)" picture.
fn classification_plot(ui: &mut egui::Ui, p: &PerceptronParams, out: &PerceptronOutput) {
    let p = p.sanitized();
    widgets::static_plot("perceptron regions")
        .height(220.0)
        .data_aspect(1.0)
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

/// The notebook's "Perceptron mechanics" drawing: two input nodes with their values, weighted
/// edges (thicker for larger |w|, blue for positive, red for negative), the perceptron, and the
/// output arrow in green for 1 and red for 0.
fn mechanics_diagram(ui: &mut egui::Ui, p: &PerceptronParams, out: &PerceptronOutput) {
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), 150.0),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let at = |fx: f32, fy: f32| rect.min + egui::vec2(rect.width() * fx, rect.height() * fy);
    let (n1, n2, body, tip) = (at(0.1, 0.22), at(0.1, 0.78), at(0.58, 0.5), at(0.97, 0.5));
    let font = egui::FontId::proportional(15.0);
    for (node, w, name) in [(n1, p.w1, "w1"), (n2, p.w2, "w2")] {
        let color = theme::text_color(if w >= 0.0 { theme::MAIN } else { theme::BAD });
        let width = 1.0 + 2.5 * w.abs() as f32;
        let end = node + (body - node) * 0.78;
        painter.arrow(node, end - node, egui::Stroke::new(width, color));
        let mid = node.lerp(end, 0.45) + egui::vec2(0.0, -16.0);
        painter.text(
            mid,
            egui::Align2::CENTER_CENTER,
            format!("{name}={w:.2}"),
            font.clone(),
            color,
        );
    }
    for (node, name, value) in [(n1, "x1", p.x1), (n2, "x2", p.x2)] {
        painter.circle(
            node,
            24.0,
            egui::Color32::from_rgb(0xdb, 0xea, 0xfe),
            egui::Stroke::new(2.0, egui::Color32::from_rgb(0x1d, 0x4e, 0xd8)),
        );
        painter.text(
            node,
            egui::Align2::CENTER_CENTER,
            format!("{name}\n{value:.2}"),
            egui::FontId::proportional(13.0),
            egui::Color32::BLACK,
        );
    }
    painter.circle(
        body,
        36.0,
        egui::Color32::from_rgb(0xfe, 0xe2, 0xe2),
        egui::Stroke::new(2.0, egui::Color32::from_rgb(0xb9, 0x1c, 0x1c)),
    );
    painter.text(
        body,
        egui::Align2::CENTER_CENTER,
        format!("z={:.2}", out.z),
        egui::FontId::proportional(15.0),
        egui::Color32::BLACK,
    );
    let out_color = theme::text_color(if out.output == 1 {
        theme::GOOD
    } else {
        theme::BAD
    });
    let start = body + egui::vec2(38.0, 0.0);
    painter.arrow(
        start,
        tip - start - egui::vec2(0.0, 0.0),
        egui::Stroke::new(4.0, out_color),
    );
    painter.text(
        start.lerp(tip, 0.5) + egui::vec2(0.0, -16.0),
        egui::Align2::CENTER_CENTER,
        format!("Output={}", out.output),
        font,
        out_color,
    );
}
