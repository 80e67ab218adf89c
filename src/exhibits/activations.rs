//! Section 3, activation functions: the notebook's five curves, the point `(z, f(z))`, the
//! formula, and (beyond the notebook) the slope `f'(z)` that learning depends on.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Legend, Line, LineStyle, PlotPoint, Points, VLine};

use crate::{
    AppSystems, Exhibit,
    math::activation::Activation,
    ui::{UiLayout, UiSystems, central, parameter_panel, theme, widgets, widgets::SliderSpec},
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ActivationParams>()
        .init_resource::<ActivationCurve>()
        .add_systems(OnEnter(Exhibit::Activations), sample_activation)
        .add_systems(
            PostUpdate,
            sample_activation.in_set(AppSystems::Simulate).run_if(
                in_state(Exhibit::Activations).and_then(resource_changed::<ActivationParams>),
            ),
        )
        .add_systems(
            EguiPrimaryContextPass,
            draw_activation_exhibit
                .in_set(UiSystems::Panels)
                .run_if(in_state(Exhibit::Activations)),
        )
        .add_plugins(crate::tunable::plugin::<ActivationParams>);
}

/// The notebook's `z` slider: -6..6, step 0.1, default 0.5.
pub const Z_POINT: SliderSpec = SliderSpec {
    label: "z",
    min: -6.0,
    max: 6.0,
    step: 0.1,
    default: 0.5,
    decimals: 1,
};
/// The notebook's `alpha` slider (Leaky ReLU's negative slope): 0.01..0.4, step 0.01, default 0.1.
pub const ALPHA: SliderSpec = SliderSpec {
    label: "alpha",
    min: 0.01,
    max: 0.4,
    step: 0.01,
    default: 0.1,
    decimals: 2,
};
/// The notebook plots `np.linspace(-6, 6, 500)`.
pub const CURVE_SAMPLES: usize = 500;

/// Which activation is chosen, where it is probed, and Leaky ReLU's slope.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct ActivationParams {
    /// Index into [`Activation::all`], the notebook's dropdown order (default Sigmoid).
    pub choice: usize,
    /// The probed input.
    pub z: f64,
    /// Leaky ReLU's negative slope.
    pub alpha: f64,
    /// Also draw the derivative.
    pub show_derivative: bool,
}

impl Default for ActivationParams {
    fn default() -> Self {
        Self {
            choice: 1,
            z: Z_POINT.default,
            alpha: ALPHA.default,
            show_derivative: false,
        }
    }
}

impl ActivationParams {
    /// The chosen activation with the current alpha (an out-of-range choice falls back to Sigmoid).
    pub fn activation(&self) -> Activation {
        let all = Activation::all(ALPHA.sanitize(self.alpha));
        all.get(self.choice).copied().unwrap_or(all[1])
    }
}

impl crate::tunable::Tunable for ActivationParams {
    const PREFIX: &'static str = "activations";
    fn set(&mut self, field: &str, value: &str) -> Result<(), String> {
        use crate::tunable::{flag, number};
        match field {
            "function" => {
                let wanted = value
                    .trim()
                    .to_ascii_lowercase()
                    .replace([' ', '_', '-'], "");
                self.choice = Activation::all(0.1)
                    .iter()
                    .position(|a| a.name().to_ascii_lowercase().replace(' ', "") == wanted)
                    .ok_or_else(|| format!("activations.function: '{value}' is not step, sigmoid, tanh, relu or leakyrelu"))?;
            }
            "z" => self.z = number(&Z_POINT, value)?,
            "alpha" => self.alpha = number(&ALPHA, value)?,
            "slope" => self.show_derivative = flag(value)?,
            _ => {
                return Err(format!(
                    "activations has no field '{field}' (function, z, alpha, slope)"
                ));
            }
        }
        Ok(())
    }
}

/// The sampled curve and probe, recomputed only when a parameter changes.
#[derive(Resource, Debug, Clone, Default)]
pub struct ActivationCurve {
    /// `(z, f(z))` over `[-6, 6]`, in the plot's own point type so drawing borrows it.
    pub values: Vec<PlotPoint>,
    /// `(z, f'(z))` over `[-6, 6]`.
    pub slopes: Vec<PlotPoint>,
    /// `f(z)` at the probe.
    pub output: f64,
    /// `f'(z)` at the probe.
    pub slope: f64,
    /// The notebook's formula text.
    pub formula: String,
}

fn sample_activation(params: Res<ActivationParams>, mut curve: ResMut<ActivationCurve>) {
    let f = params.activation();
    let z = Z_POINT.sanitize(params.z);
    let curve = &mut *curve;
    curve.values.clear();
    curve.slopes.clear();
    let step = 12.0 / (CURVE_SAMPLES - 1) as f64;
    for i in 0..CURVE_SAMPLES {
        let x = -6.0 + i as f64 * step;
        curve.values.push(PlotPoint::new(x, f.apply(x)));
        curve.slopes.push(PlotPoint::new(x, f.derivative(x)));
    }
    curve.output = f.apply(z);
    curve.slope = f.derivative(z);
    curve.formula = f.formula();
}

/// One possible answer to the section's reflective question.
const ANSWER: &str = "A step function is flat almost everywhere: its slope is zero, so gradient descent gets no signal about which way to move. Sigmoid and ReLU have slopes that say which way is downhill.";

const TASKS: [&str; 3] = [
    "Compare sigmoid vs ReLU at large positive and negative z.",
    "Use Leaky ReLU and change alpha; observe the negative side.",
    "Why might a hard step function be harder to train than sigmoid/ReLU? (Show the slope.)",
];

fn draw_activation_exhibit(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut params: ResMut<ActivationParams>,
    curve: Res<ActivationCurve>,
    mut done: Local<[bool; 3]>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let p = *params;
    let f = p.activation();
    parameter_panel(&ctx, &mut layout, "activation panel", |ui| {
        widgets::heading(ui, "Activation functions");
        ui.label("Step functions are rigid. Smooth activations make learning easier.");
        ui.horizontal_wrapped(|ui| {
            for (i, a) in Activation::all(p.alpha).iter().enumerate() {
                if ui
                    .add(
                        egui::Button::selectable(i == p.choice, a.name())
                            .min_size(egui::vec2(0.0, 34.0)),
                    )
                    .clicked()
                    && i != p.choice
                {
                    params.choice = i;
                }
            }
        });
        if let Some(v) = Z_POINT.show(ui, p.z) {
            params.z = v;
        }
        ui.add_enabled_ui(matches!(f, Activation::LeakyRelu { .. }), |ui| {
            if let Some(v) = ALPHA.show(ui, p.alpha) {
                params.alpha = v;
            }
        });
        let mut show = p.show_derivative;
        if ui
            .checkbox(&mut show, "Show the slope f'(z) (what gradients see)")
            .changed()
        {
            params.show_derivative = show;
        }
        if ui.button("Reset to the notebook's values").clicked() && p != ActivationParams::default()
        {
            *params = ActivationParams::default();
        }
        ui.separator();
        ui.label(egui::RichText::new(&curve.formula).monospace().size(18.0));
        ui.label(
            egui::RichText::new(format!("At z={:.2}, output={:.4}", p.z, curve.output))
                .monospace()
                .size(18.0)
                .color(theme::text_color(theme::ACCENT)),
        );
        ui.label(egui::RichText::new(format!("slope f'(z) = {:.4}", curve.slope)).monospace());
        widgets::try_this(ui, "activation tasks", &TASKS, &mut done[..], ANSWER);
    });
    central(&ctx, &mut layout, |ui| {
        ui.label(
            egui::RichText::new(format!("{} activation", f.name()))
                .size(26.0)
                .strong(),
        );
        widgets::static_plot("activation plot")
            .legend(Legend::default())
            .x_axis_label("Input z")
            .y_axis_label("Output f(z)")
            .include_x(-6.0)
            .include_x(6.0)
            .include_y(-1.1)
            .include_y(1.1)
            .show(ui, |plot| {
                plot.vline(
                    VLine::new("", 0.0)
                        .color(egui::Color32::GRAY)
                        .style(LineStyle::dashed_dense()),
                );
                plot.hline(
                    egui_plot::HLine::new("", 0.0)
                        .color(egui::Color32::GRAY)
                        .style(LineStyle::dashed_dense()),
                );
                plot.line(
                    Line::new(f.name(), curve.values.as_slice())
                        .color(theme::text_color(theme::MAIN))
                        .width(4.0),
                );
                if p.show_derivative {
                    plot.line(
                        Line::new("slope f'(z)", curve.slopes.as_slice())
                            .color(theme::text_color(theme::GOOD))
                            .style(LineStyle::dashed_loose())
                            .width(2.5),
                    );
                }
                plot.points(
                    Points::new(format!("z = {:.2}", p.z), vec![[p.z, curve.output]])
                        .radius(9.0)
                        .color(theme::egui_color(theme::ACCENT)),
                );
            });
    });
    Ok(())
}
