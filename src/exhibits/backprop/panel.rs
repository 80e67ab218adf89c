//! The backprop panel: the notebook's eight controls and summary, its two charts, and the
//! current step's forward and backward pass written out.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Bar, BarChart, Legend, Line, PlotPoint, Points, VLine};

use super::{BIAS, BackpropParams, LEARNING_RATE, STEPS, TrainingRun, W1, W2, X1, X2};
use crate::{
    Exhibit,
    playback::Playback,
    ui::{UiLayout, UiSystems, central, parameter_panel, theme, widgets},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_backprop_exhibit
            .in_set(UiSystems::Panels)
            .run_if(in_state(Exhibit::Backprop)),
    );
}

/// One possible answer to the section's reflective question.
const ANSWER: &str = "The gradient of the bias is y_hat - y: with label 1 it is negative, so the update raises the score; with label 0 it is positive, so the update lowers it.";

const TASKS: [&str; 3] = [
    "Start with a very high learning rate (~1.0) and observe instability.",
    "Use a very low learning rate (~0.01) and observe slow learning.",
    "Change the true label from 1 to 0: how does the gradient direction change?",
];

/// The notebook's summary under its charts.
pub fn summary_lines(run: &TrainingRun) -> Option<[String; 3]> {
    let (start, end) = (run.history.first()?, run.history.last()?);
    Some([
        format!(
            "Before training: prediction={:.4}, loss={:.4}",
            start.y_hat, start.loss
        ),
        format!(
            "After {} steps: prediction={:.4}, loss={:.4}",
            end.step, end.y_hat, end.loss
        ),
        "Update rule intuition: parameter_new = parameter_old - learning_rate * gradient"
            .to_owned(),
    ])
}

fn draw_backprop_exhibit(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut params: ResMut<BackpropParams>,
    run: Res<TrainingRun>,
    mut playback: Query<&mut Playback>,
    mut done: Local<[bool; 3]>,
    mut losses: Local<Vec<PlotPoint>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let p = *params;
    parameter_panel(&ctx, &mut layout, "backprop panel", |ui| {
        widgets::heading(ui, "Backpropagation");
        for (spec, value, write) in [
            (
                X1,
                p.x1,
                (|q: &mut BackpropParams, v| q.x1 = v) as fn(&mut BackpropParams, f64),
            ),
            (X2, p.x2, |q, v| q.x2 = v),
            (W1, p.w1, |q, v| q.w1 = v),
            (W2, p.w2, |q, v| q.w2 = v),
            (BIAS, p.b, |q, v| q.b = v),
            (LEARNING_RATE, p.lr, |q, v| q.lr = v),
            (STEPS, p.steps, |q, v| q.steps = v),
        ] {
            if let Some(v) = spec.show(ui, value) {
                write(&mut params, v);
            }
        }
        if let Some(label) = widgets::class_toggle(ui, "True y", p.y_true) {
            params.y_true = label;
        }
        if ui.button("Reset to the notebook's values").clicked() && p != BackpropParams::default() {
            *params = BackpropParams::default();
        }
        ui.separator();
        if let Ok(mut playback) = playback.single_mut() {
            Playback::show_controls(ui, &mut playback);
        }
        widgets::try_this(ui, "backprop tasks", &TASKS, &mut done[..], ANSWER);
    });
    let cursor = playback.single().map(|p| p.step()).unwrap_or(0);
    if run.is_changed() || losses.len() != run.history.len() {
        losses.clear();
        losses.extend(
            run.history
                .iter()
                .map(|h| PlotPoint::new(h.step as f64, h.loss)),
        );
    }
    central(&ctx, &mut layout, |ui| {
        if let Some(lines) = summary_lines(&run) {
            for line in lines {
                ui.label(egui::RichText::new(line).monospace().size(17.0));
            }
        }
        if let Some(now) = run.history.get(cursor) {
            ui.label(
                egui::RichText::new(format!(
                    "Step {}: z = {:.4}  y_hat = sigmoid(z) = {:.4}  loss = {:.4}  |  dz = y_hat - y = {:.4}  dw1 = {:.4}  dw2 = {:.4}  db = {:.4}",
                    now.step, now.z, now.y_hat, now.loss, now.y_hat - f64::from(p.y_true.min(1)), now.dw1, now.dw2, now.db
                ))
                .monospace()
                .size(16.0)
                .color(theme::text_color(theme::ACCENT)),
            );
        }
        let height = (ui.available_height() - 10.0).max(200.0);
        ui.columns(2, |cols| {
            widgets::static_plot("backprop loss")
                .height(height)
                .x_axis_label("Training step")
                .y_axis_label("BCE loss")
                .show(&mut cols[0], |plot| {
                    plot.line(
                        Line::new("loss", losses.as_slice())
                            .color(theme::text_color(theme::MAIN))
                            .width(3.0),
                    );
                    if let (Some(start), Some(end)) = (run.history.first(), run.history.last()) {
                        plot.points(
                            Points::new("start", vec![[0.0, start.loss]])
                                .radius(8.0)
                                .color(theme::egui_color(theme::BAD)),
                        );
                        plot.points(
                            Points::new("end", vec![[end.step as f64, end.loss]])
                                .radius(8.0)
                                .color(theme::egui_color(theme::GOOD)),
                        );
                    }
                    if let Some(now) = run.history.get(cursor) {
                        plot.vline(
                            VLine::new("now", now.step as f64)
                                .color(theme::egui_color(theme::ACCENT)),
                        );
                        plot.points(
                            Points::new("now", vec![[now.step as f64, now.loss]])
                                .radius(10.0)
                                .color(theme::egui_color(theme::ACCENT)),
                        );
                    }
                });
            let (Some(start), Some(now)) = (run.history.first(), run.history.get(cursor)) else {
                return;
            };
            let bars = |values: [f64; 3], offset: f64, name: &str, rgb: [u8; 3]| {
                BarChart::new(
                    name,
                    values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| Bar::new(i as f64 + offset, *v).width(0.33))
                        .collect(),
                )
                .color(theme::egui_color(rgb))
            };
            widgets::static_plot("backprop params")
                .height(height)
                .legend(Legend::default())
                .x_axis_formatter(|mark, _| {
                    ["w1", "w2", "bias"]
                        .get(mark.value.round() as usize)
                        .filter(|_| mark.value.fract() == 0.0 && mark.value >= 0.0)
                        .map(|s| s.to_string())
                        .unwrap_or_default()
                })
                .show(&mut cols[1], |plot| {
                    plot.bar_chart(bars(
                        [start.w1, start.w2, start.b],
                        -0.165,
                        "Start",
                        [0x93, 0xc5, 0xfd],
                    ));
                    let label = if now.step + 1 == run.history.len() {
                        format!("After {} steps", now.step)
                    } else {
                        format!("At step {}", now.step)
                    };
                    plot.bar_chart(bars(
                        [now.w1, now.w2, now.b],
                        0.165,
                        &label,
                        [0x34, 0xd3, 0x99],
                    ));
                });
        });
    });
    Ok(())
}
