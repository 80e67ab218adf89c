//! Section 4, loss functions: MSE and MAE against a prediction for regression, binary
//! cross-entropy against a predicted probability for classification.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Legend, Line, LineStyle, PlotPoint, Points, VLine};

use crate::{
    AppSystems, Exhibit,
    math::loss,
    ui::{UiLayout, UiSystems, central, parameter_panel, theme, widgets, widgets::SliderSpec},
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LossParams>()
        .init_resource::<LossCurves>()
        .add_systems(OnEnter(Exhibit::Losses), sample_losses)
        .add_systems(
            PostUpdate,
            sample_losses
                .in_set(AppSystems::Simulate)
                .run_if(in_state(Exhibit::Losses).and_then(resource_changed::<LossParams>)),
        )
        .add_systems(
            EguiPrimaryContextPass,
            draw_loss_exhibit
                .in_set(UiSystems::Panels)
                .run_if(in_state(Exhibit::Losses)),
        )
        .add_plugins(crate::tunable::plugin::<LossParams>);
}

/// The notebook's `True y` slider: 0..1, step 0.01, default 0.7.
pub const TRUE_VALUE: SliderSpec = SliderSpec {
    label: "True y",
    min: 0.0,
    max: 1.0,
    step: 0.01,
    default: 0.7,
    decimals: 2,
};
/// The notebook's `Pred y` slider: 0..1, step 0.01, default 0.4.
pub const PRED_VALUE: SliderSpec = SliderSpec {
    label: "Pred y",
    min: 0.0,
    max: 1.0,
    step: 0.01,
    default: 0.4,
    decimals: 2,
};
/// The notebook's `Pred prob` slider: 0.001..0.999, step 0.001, default 0.8.
pub const PRED_PROB: SliderSpec = SliderSpec {
    label: "Pred prob",
    min: 0.001,
    max: 0.999,
    step: 0.001,
    default: 0.8,
    decimals: 3,
};

/// Both of the notebook's loss demos.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct LossParams {
    /// Regression target.
    pub true_value: f64,
    /// Regression prediction.
    pub pred_value: f64,
    /// Classification label, 0 or 1 (the notebook's ToggleButtons, default 1).
    pub true_label: u8,
    /// Predicted probability of class 1.
    pub pred_prob: f64,
}

impl Default for LossParams {
    fn default() -> Self {
        Self {
            true_value: TRUE_VALUE.default,
            pred_value: PRED_VALUE.default,
            true_label: 1,
            pred_prob: PRED_PROB.default,
        }
    }
}

impl crate::tunable::Tunable for LossParams {
    const PREFIX: &'static str = "losses";
    fn set(&mut self, field: &str, value: &str) -> Result<(), String> {
        use crate::tunable::{label, number};
        match field {
            "true_value" => self.true_value = number(&TRUE_VALUE, value)?,
            "pred_value" => self.pred_value = number(&PRED_VALUE, value)?,
            "true_label" => self.true_label = label(value)?,
            "pred_prob" => self.pred_prob = number(&PRED_PROB, value)?,
            _ => {
                return Err(format!(
                    "losses has no field '{field}' (true_value, pred_value, true_label, pred_prob)"
                ));
            }
        }
        Ok(())
    }
}

/// Curves and values derived from [`LossParams`].
#[derive(Resource, Debug, Clone, Default)]
pub struct LossCurves {
    /// MSE over predictions in [0, 1] (the notebook's 400 samples).
    pub mse: Vec<PlotPoint>,
    /// MAE over predictions in [0, 1].
    pub mae: Vec<PlotPoint>,
    /// BCE for label 1 over probabilities in [0.001, 0.999] (500 samples).
    pub bce_1: Vec<PlotPoint>,
    /// BCE for label 0.
    pub bce_0: Vec<PlotPoint>,
    /// MSE at the prediction.
    pub mse_value: f64,
    /// MAE at the prediction.
    pub mae_value: f64,
    /// BCE at the predicted probability.
    pub bce_value: f64,
}

fn sample_losses(params: Res<LossParams>, mut curves: ResMut<LossCurves>) {
    let t = TRUE_VALUE.sanitize(params.true_value);
    let y = PRED_VALUE.sanitize(params.pred_value);
    let label = f64::from(params.true_label.min(1));
    let prob = PRED_PROB.sanitize(params.pred_prob);
    let c = &mut *curves;
    c.mse.clear();
    c.mae.clear();
    for i in 0..400 {
        let x = i as f64 / 399.0;
        c.mse.push(PlotPoint::new(x, loss::mse(t, x)));
        c.mae.push(PlotPoint::new(x, loss::mae(t, x)));
    }
    // The notebook's curves omit eps (`-np.log(p)`); with p >= 0.001 the difference is < 1e-6.
    c.bce_1.clear();
    c.bce_0.clear();
    for i in 0..500 {
        let p = 0.001 + i as f64 * (0.998 / 499.0);
        c.bce_1.push(PlotPoint::new(p, -p.ln()));
        c.bce_0.push(PlotPoint::new(p, -(1.0 - p).ln()));
    }
    c.mse_value = loss::mse(t, y);
    c.mae_value = loss::mae(t, y);
    c.bce_value = loss::bce(label, prob);
}

/// The notebook's regression summary line.
pub fn regression_line(curves: &LossCurves) -> String {
    format!(
        "MAE: {:.4} | MSE: {:.4}",
        curves.mae_value, curves.mse_value
    )
}

/// The notebook's classification summary line.
pub fn classification_line(params: &LossParams, curves: &LossCurves) -> String {
    format!(
        "True label: {} | Pred prob: {:.3} | BCE: {:.4}",
        params.true_label, params.pred_prob, curves.bce_value
    )
}

/// One possible answer to the section's reflective question.
const ANSWER: &str = "BCE punishes confident mistakes hardest. A model that gives 0.001 to a patient who then deteriorates is badly wrong, and such confident errors can stop a clinician from looking again.";

const TASKS: [&str; 3] = [
    "Regression: move the prediction away from the true value; compare MAE and MSE.",
    "BCE: set the true label to 1 and push the probability toward 0. What happens?",
    "Why might wrong-but-confident predictions be dangerous in medicine?",
];

fn draw_loss_exhibit(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut params: ResMut<LossParams>,
    curves: Res<LossCurves>,
    mut done: Local<[bool; 3]>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let p = *params;
    parameter_panel(&ctx, &mut layout, "loss panel", |ui| {
        widgets::heading(ui, "Regression: MAE and MSE");
        if let Some(v) = TRUE_VALUE.show(ui, p.true_value) {
            params.true_value = v;
        }
        if let Some(v) = PRED_VALUE.show(ui, p.pred_value) {
            params.pred_value = v;
        }
        ui.label(
            egui::RichText::new(regression_line(&curves))
                .monospace()
                .size(18.0),
        );
        ui.separator();
        widgets::heading(ui, "Classification: BCE");
        if let Some(label) = widgets::class_toggle(ui, "True class", p.true_label) {
            params.true_label = label;
        }
        if let Some(v) = PRED_PROB.show(ui, p.pred_prob) {
            params.pred_prob = v;
        }
        ui.label(
            egui::RichText::new(classification_line(&p, &curves))
                .monospace()
                .size(18.0),
        );
        if ui.button("Reset to the notebook's values").clicked() && p != LossParams::default() {
            *params = LossParams::default();
        }
        widgets::try_this(ui, "loss tasks", &TASKS, &mut done[..], ANSWER);
    });
    central(&ctx, &mut layout, |ui| {
        let half = (ui.available_height() - 80.0).max(200.0) / 2.0;
        ui.label(
            egui::RichText::new("Regression losses vs prediction")
                .size(22.0)
                .strong(),
        );
        widgets::static_plot("regression losses")
            .height(half)
            .legend(Legend::default().position(egui_plot::Corner::RightTop))
            .x_axis_label("Prediction")
            .y_axis_label("Loss")
            .show(ui, |plot| {
                plot.line(
                    Line::new("MSE", curves.mse.as_slice())
                        .color(theme::text_color(theme::MSE))
                        .width(3.0),
                );
                plot.line(
                    Line::new("MAE", curves.mae.as_slice())
                        .color(theme::text_color(theme::MAE))
                        .width(3.0),
                );
                plot.points(
                    Points::new("MSE", vec![[p.pred_value, curves.mse_value]])
                        .radius(8.0)
                        .color(theme::text_color(theme::MSE)),
                );
                plot.points(
                    Points::new("MAE", vec![[p.pred_value, curves.mae_value]])
                        .radius(8.0)
                        .color(theme::text_color(theme::MAE)),
                );
                plot.vline(
                    VLine::new(format!("True value={:.2}", p.true_value), p.true_value)
                        .color(theme::egui_color(theme::ACCENT))
                        .style(LineStyle::dashed_loose())
                        .width(2.0),
                );
            });
        ui.label(
            egui::RichText::new("Binary cross-entropy intuition")
                .size(22.0)
                .strong(),
        );
        widgets::static_plot("bce")
            .height(half)
            .legend(Legend::default().position(egui_plot::Corner::RightTop))
            .default_y_bounds(0.0, 6.0)
            .default_x_bounds(0.0, 1.0)
            .x_axis_label("Predicted probability for class 1")
            .y_axis_label("BCE loss")
            .show(ui, |plot| {
                plot.line(
                    Line::new("BCE when true label=1", curves.bce_1.as_slice())
                        .color(theme::text_color(theme::MAIN))
                        .width(3.0),
                );
                plot.line(
                    Line::new("BCE when true label=0", curves.bce_0.as_slice())
                        .color(theme::text_color(theme::BAD))
                        .width(3.0),
                );
                plot.points(
                    Points::new("prediction", vec![[p.pred_prob, curves.bce_value.min(6.0)]])
                        .radius(9.0)
                        .color(theme::egui_color(theme::ACCENT)),
                );
            });
    });
    Ok(())
}
