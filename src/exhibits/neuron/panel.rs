//! The neuron's parameter panel: the notebook's four sliders, its result line, its
//! signal-integration bar chart and its "Try this" tasks.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Bar, BarChart, HLine, LineStyle, Points};

use super::{
    EXCITATORY_A, EXCITATORY_B, INHIBITORY, NeuronParams, NeuronSignal, NeuronView, THRESHOLD,
};
use crate::{
    Exhibit,
    ui::{UiLayout, UiSystems, parameter_panel, theme, widgets},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw_neuron_panel
            .in_set(UiSystems::Panels)
            .run_if(in_state(Exhibit::Neuron)),
    );
}

/// One possible answer to the section's reflective question.
const ANSWER: &str = "The threshold is how much combined evidence is needed before raising an alarm: a higher threshold means fewer, more certain alerts.";

const TASKS: [&str; 3] = [
    "Increase the inhibitory signal until the neuron no longer fires.",
    "Keep the inputs fixed and move the threshold up and down.",
    "In one sentence: what does the threshold represent clinically?",
];

/// The notebook's result line, exactly as it prints it.
pub fn result_line(signal: &NeuronSignal, threshold: f64) -> String {
    let state = if signal.fires {
        "FIRES"
    } else {
        "DOES NOT FIRE"
    };
    format!(
        "Integrated signal: {:.2} | Threshold: {:.2} | Result: {state}",
        signal.total, threshold
    )
}

fn draw_neuron_panel(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut params: ResMut<NeuronParams>,
    signal: Res<NeuronSignal>,
    mut view: ResMut<NeuronView>,
    mut done: Local<[bool; 3]>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    parameter_panel(&ctx, &mut layout, "neuron panel", |ui| {
        widgets::heading(ui, "From brain neuron to AI neuron");
        ui.horizontal(|ui| {
            for (ai, text) in [(false, "Brain neuron"), (true, "AI neuron")] {
                let button =
                    egui::Button::selectable(view.ai == ai, egui::RichText::new(text).size(18.0))
                        .min_size(egui::vec2(150.0, 40.0));
                if ui.add(button).clicked() && view.ai != ai {
                    view.ai = ai;
                }
            }
        });
        ui.separator();
        let p = *params;
        if let Some(v) = EXCITATORY_A.show(ui, p.excitatory_a) {
            params.excitatory_a = v;
        }
        if let Some(v) = EXCITATORY_B.show(ui, p.excitatory_b) {
            params.excitatory_b = v;
        }
        if let Some(v) = INHIBITORY.show(ui, p.inhibitory) {
            params.inhibitory = v;
        }
        if let Some(v) = THRESHOLD.show(ui, p.threshold) {
            params.threshold = v;
        }
        if ui.button("Reset to the notebook's values").clicked() && p != NeuronParams::default() {
            *params = NeuronParams::default();
        }
        ui.separator();
        let color = theme::text_color(if signal.fires {
            theme::GOOD
        } else {
            theme::BAD
        });
        widgets::readout(
            ui,
            "Result",
            (if signal.fires {
                "FIRES"
            } else {
                "DOES NOT FIRE"
            })
            .to_owned(),
            color,
        );
        ui.label(
            egui::RichText::new(result_line(&signal, p.threshold))
                .monospace()
                .size(15.0),
        );
        integration_chart(ui, &p, &signal);
        ui.label(egui::RichText::new("From brain to AI").strong());
        egui::Grid::new("neuron mapping")
            .num_columns(2)
            .spacing([10.0, 2.0])
            .show(ui, |ui| {
                for (bio, ai) in [
                    ("Dendrites receive signals", "inputs are numbers"),
                    ("Soma integrates them", "combine into one score"),
                    ("Axon hillock: strong enough?", "score crosses a threshold"),
                    ("Axon fires a spike", "output activates"),
                ] {
                    ui.label(egui::RichText::new(bio).size(14.0));
                    ui.label(
                        egui::RichText::new(format!("-> {ai}"))
                            .size(14.0)
                            .color(theme::text_color(theme::ACCENT)),
                    );
                    ui.end_row();
                }
            });
        widgets::try_this(ui, "neuron tasks", &TASKS, &mut done[..], ANSWER);
    });
    Ok(())
}

/// The notebook's "Signal integration" panel: A, B and -inhibitory as bars, the dashed
/// threshold line, and the total as a dot coloured by the outcome.
fn integration_chart(ui: &mut egui::Ui, p: &NeuronParams, signal: &NeuronSignal) {
    let blue = theme::text_color(theme::MAIN);
    let red = theme::text_color(theme::BAD);
    let bars = vec![
        Bar::new(0.0, p.excitatory_a)
            .name("Excitatory A")
            .fill(blue),
        Bar::new(1.0, p.excitatory_b)
            .name("Excitatory B")
            .fill(blue),
        Bar::new(2.0, -p.inhibitory).name("Inhibitory").fill(red),
    ];
    let total_color = theme::text_color(if signal.fires {
        theme::GOOD
    } else {
        theme::BAD
    });
    widgets::static_plot("neuron integration")
        .height(200.0)
        .show_x(false)
        .include_y(-10.0)
        .include_y(20.0)
        .x_axis_formatter(|mark, _| {
            ["A", "B", "-Inh", "Total"]
                .get(mark.value.round() as usize)
                .filter(|_| mark.value.fract() == 0.0 && mark.value >= 0.0)
                .map(|s| s.to_string())
                .unwrap_or_default()
        })
        .y_axis_label("Signal strength")
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("inputs", bars).width(0.7));
            plot.hline(
                HLine::new(format!("Threshold = {}", p.threshold), p.threshold)
                    .color(theme::egui_color(theme::ACCENT))
                    .style(LineStyle::dashed_loose())
                    .width(2.0),
            );
            plot.hline(
                HLine::new("zero", 0.0)
                    .color(egui::Color32::GRAY)
                    .width(1.0),
            );
            plot.text(
                egui_plot::Text::new(
                    "total label",
                    egui_plot::PlotPoint::new(3.2, signal.total + 1.5),
                    egui::RichText::new(format!("Total = {:.1}", signal.total)).size(15.0),
                )
                // Right-aligned so it stays inside the chart at the last column.
                .anchor(egui::Align2::RIGHT_BOTTOM)
                .color(total_color),
            );
            plot.points(
                Points::new("Total", vec![[3.0, signal.total]])
                    .radius(8.0)
                    .color(total_color),
            );
        });
}
