//! Section 5, backpropagation: a single sigmoid neuron trained with binary cross-entropy,
//! replayed step by step (forward pass, loss, gradients, update).

mod panel;

use bevy::prelude::*;

use crate::{
    AppSystems, Exhibit,
    math::backprop::{TrainingStep, train_single_neuron},
    playback::Playback,
    ui::widgets::SliderSpec,
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BackpropParams>()
        .init_resource::<TrainingRun>()
        .add_systems(
            OnEnter(Exhibit::Backprop),
            (train, spawn_training_playback).chain(),
        )
        .add_systems(
            PostUpdate,
            (train, restart_playback)
                .chain()
                .in_set(AppSystems::Simulate)
                .run_if(in_state(Exhibit::Backprop).and_then(resource_changed::<BackpropParams>)),
        )
        .add_plugins((panel::plugin, crate::tunable::plugin::<BackpropParams>));
}

/// The notebook's sliders and defaults.
pub const X1: SliderSpec = SliderSpec {
    label: "x1",
    min: 0.0,
    max: 1.0,
    step: 0.01,
    default: 0.7,
    decimals: 2,
};
/// See [`X1`].
pub const X2: SliderSpec = SliderSpec {
    label: "x2",
    min: 0.0,
    max: 1.0,
    step: 0.01,
    default: 0.2,
    decimals: 2,
};
/// See [`X1`].
pub const W1: SliderSpec = SliderSpec {
    label: "w1",
    min: -2.0,
    max: 2.0,
    step: 0.05,
    default: -0.5,
    decimals: 2,
};
/// See [`X1`].
pub const W2: SliderSpec = SliderSpec {
    label: "w2",
    min: -2.0,
    max: 2.0,
    step: 0.05,
    default: 0.6,
    decimals: 2,
};
/// See [`X1`].
pub const BIAS: SliderSpec = SliderSpec {
    label: "bias",
    min: -2.0,
    max: 2.0,
    step: 0.05,
    default: 0.0,
    decimals: 2,
};
/// See [`X1`].
pub const LEARNING_RATE: SliderSpec = SliderSpec {
    label: "learn rate",
    min: 0.01,
    max: 1.0,
    step: 0.01,
    default: 0.4,
    decimals: 2,
};
/// See [`X1`].
pub const STEPS: SliderSpec = SliderSpec {
    label: "steps",
    min: 1.0,
    max: 100.0,
    step: 1.0,
    default: 20.0,
    decimals: 0,
};

/// Playback speed when the exhibit opens, training steps per second.
pub const DEFAULT_SPEED: f64 = 4.0;

/// The visitor's training set-up.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct BackpropParams {
    /// First input.
    pub x1: f64,
    /// Second input.
    pub x2: f64,
    /// Target label, 0 or 1.
    pub y_true: u8,
    /// Initial weight of `x1`.
    pub w1: f64,
    /// Initial weight of `x2`.
    pub w2: f64,
    /// Initial bias.
    pub b: f64,
    /// Learning rate.
    pub lr: f64,
    /// Number of updates.
    pub steps: f64,
}

impl Default for BackpropParams {
    fn default() -> Self {
        Self {
            x1: X1.default,
            x2: X2.default,
            y_true: 1,
            w1: W1.default,
            w2: W2.default,
            b: BIAS.default,
            lr: LEARNING_RATE.default,
            steps: STEPS.default,
        }
    }
}

impl crate::tunable::Tunable for BackpropParams {
    const PREFIX: &'static str = "backprop";
    fn set(&mut self, field: &str, value: &str) -> Result<(), String> {
        use crate::tunable::{label, number};
        match field {
            "x1" => self.x1 = number(&X1, value)?,
            "x2" => self.x2 = number(&X2, value)?,
            "y_true" => self.y_true = label(value)?,
            "w1" => self.w1 = number(&W1, value)?,
            "w2" => self.w2 = number(&W2, value)?,
            "b" | "bias" => self.b = number(&BIAS, value)?,
            "lr" => self.lr = number(&LEARNING_RATE, value)?,
            "steps" => self.steps = number(&STEPS, value)?.round(),
            _ => {
                return Err(format!(
                    "backprop has no field '{field}' (x1, x2, y_true, w1, w2, b, lr, steps)"
                ));
            }
        }
        Ok(())
    }
}

/// The whole training history for the current parameters.
#[derive(Resource, Debug, Clone, Default)]
pub struct TrainingRun {
    /// `steps + 1` entries, entry 0 before any update.
    pub history: Vec<TrainingStep>,
}

fn train(params: Res<BackpropParams>, mut run: ResMut<TrainingRun>) {
    let p = *params;
    run.history = train_single_neuron(
        X1.sanitize(p.x1),
        X2.sanitize(p.x2),
        f64::from(p.y_true.min(1)),
        W1.sanitize(p.w1),
        W2.sanitize(p.w2),
        BIAS.sanitize(p.b),
        LEARNING_RATE.sanitize(p.lr),
        STEPS.sanitize(p.steps) as usize,
    );
}

fn spawn_training_playback(mut commands: Commands, run: Res<TrainingRun>) {
    commands.spawn((
        Name::new("Training playback"),
        Playback::new(run.history.len().saturating_sub(1), DEFAULT_SPEED),
        DespawnOnExit(Exhibit::Backprop),
    ));
}

fn restart_playback(run: Res<TrainingRun>, mut playbacks: Query<&mut Playback>) {
    for mut playback in &mut playbacks {
        playback.restart_with(run.history.len().saturating_sub(1));
    }
}
