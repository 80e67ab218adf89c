//! Section 2, the perceptron: `z = w1*x1 + w2*x2 + bias`, output 1 when `z >= threshold`.

mod labels;
pub mod panel;
pub mod scene;

use bevy::prelude::*;

use crate::{
    AppSystems, Exhibit,
    math::perceptron::{self, Boundary},
    ui::widgets::SliderSpec,
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PerceptronParams>()
        .init_resource::<PerceptronOutput>()
        .add_systems(
            PostUpdate,
            evaluate_perceptron.in_set(AppSystems::Simulate).run_if(
                in_state(Exhibit::Perceptron).and_then(resource_changed::<PerceptronParams>),
            ),
        )
        .add_systems(OnEnter(Exhibit::Perceptron), evaluate_perceptron)
        .add_plugins((
            panel::plugin,
            scene::plugin,
            labels::plugin,
            crate::tunable::plugin::<PerceptronParams>,
        ));
}

/// The notebook's FloatSliders and defaults.
pub const X1: SliderSpec = SliderSpec {
    label: "x1",
    min: -1.0,
    max: 1.0,
    step: 0.05,
    default: 0.5,
    decimals: 2,
};
/// See [`X1`].
pub const X2: SliderSpec = SliderSpec {
    label: "x2",
    min: -1.0,
    max: 1.0,
    step: 0.05,
    default: -0.2,
    decimals: 2,
};
/// See [`X1`].
pub const W1: SliderSpec = SliderSpec {
    label: "w1",
    min: -3.0,
    max: 3.0,
    step: 0.1,
    default: 1.5,
    decimals: 1,
};
/// See [`X1`].
pub const W2: SliderSpec = SliderSpec {
    label: "w2",
    min: -3.0,
    max: 3.0,
    step: 0.1,
    default: -1.0,
    decimals: 1,
};
/// See [`X1`].
pub const BIAS: SliderSpec = SliderSpec {
    label: "bias",
    min: -2.0,
    max: 2.0,
    step: 0.1,
    default: 0.1,
    decimals: 1,
};
/// See [`X1`].
pub const THRESHOLD: SliderSpec = SliderSpec {
    label: "threshold",
    min: -2.0,
    max: 2.0,
    step: 0.1,
    default: 0.0,
    decimals: 1,
};

/// Half the side of the notebook's input square `[-1, 1]^2`.
pub const INPUT_HALF: f64 = 1.0;

/// The visitor's inputs, weights, bias and threshold.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct PerceptronParams {
    /// First input.
    pub x1: f64,
    /// Second input.
    pub x2: f64,
    /// Weight of `x1`.
    pub w1: f64,
    /// Weight of `x2`.
    pub w2: f64,
    /// Bias added to the weighted sum.
    pub bias: f64,
    /// Output is 1 when `z >= threshold`.
    pub threshold: f64,
}

impl Default for PerceptronParams {
    fn default() -> Self {
        Self {
            x1: X1.default,
            x2: X2.default,
            w1: W1.default,
            w2: W2.default,
            bias: BIAS.default,
            threshold: THRESHOLD.default,
        }
    }
}

impl PerceptronParams {
    /// Every value clamped into its slider's range (NaN becomes the default).
    pub fn sanitized(&self) -> Self {
        Self {
            x1: X1.sanitize(self.x1),
            x2: X2.sanitize(self.x2),
            w1: W1.sanitize(self.w1),
            w2: W2.sanitize(self.w2),
            bias: BIAS.sanitize(self.bias),
            threshold: THRESHOLD.sanitize(self.threshold),
        }
    }
}

impl crate::tunable::Tunable for PerceptronParams {
    const PREFIX: &'static str = "perceptron";
    fn set(&mut self, field: &str, value: &str) -> Result<(), String> {
        use crate::tunable::number;
        match field {
            "x1" => self.x1 = number(&X1, value)?,
            "x2" => self.x2 = number(&X2, value)?,
            "w1" => self.w1 = number(&W1, value)?,
            "w2" => self.w2 = number(&W2, value)?,
            "bias" => self.bias = number(&BIAS, value)?,
            "threshold" => self.threshold = number(&THRESHOLD, value)?,
            // The camera is not a parameter; the scene reads this setting when it opens.
            "view" => match value.trim() {
                "top" | "3d" => {}
                _ => return Err(format!("perceptron.view: '{value}' is not top or 3d")),
            },
            _ => {
                return Err(format!(
                    "perceptron has no field '{field}' (x1, x2, w1, w2, bias, threshold, view)"
                ));
            }
        }
        Ok(())
    }
}

/// The perceptron's answer for the current parameters.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct PerceptronOutput {
    /// The weighted sum plus bias.
    pub z: f64,
    /// 1 when `z >= threshold`, else 0.
    pub output: u8,
    /// The decision line clipped to the input square.
    pub boundary: Boundary,
}

impl Default for PerceptronOutput {
    fn default() -> Self {
        let p = PerceptronParams::default();
        let (z, output) = perceptron::evaluate(p.x1, p.x2, p.w1, p.w2, p.bias, p.threshold);
        Self {
            z,
            output,
            boundary: perceptron::boundary_in_square(p.w1, p.w2, p.bias, p.threshold, INPUT_HALF),
        }
    }
}

fn evaluate_perceptron(params: Res<PerceptronParams>, mut out: ResMut<PerceptronOutput>) {
    let p = params.sanitized();
    let (z, output) = perceptron::evaluate(p.x1, p.x2, p.w1, p.w2, p.bias, p.threshold);
    let boundary = perceptron::boundary_in_square(p.w1, p.w2, p.bias, p.threshold, INPUT_HALF);
    out.set_if_neq(PerceptronOutput {
        z,
        output,
        boundary,
    });
}
