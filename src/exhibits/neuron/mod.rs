//! Section 1, from brain neuron to AI neuron: three inputs integrate in the soma and the neuron
//! fires when the total reaches the threshold.

mod labels;
mod panel;
pub mod scene;

use bevy::prelude::*;

use crate::{AppSystems, Exhibit, math::neuron, ui::widgets::SliderSpec};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<NeuronParams>()
        .init_resource::<NeuronSignal>()
        .init_resource::<NeuronView>()
        .add_systems(
            PostUpdate,
            integrate_signal
                .in_set(AppSystems::Simulate)
                .run_if(in_state(Exhibit::Neuron).and_then(resource_changed::<NeuronParams>)),
        )
        .add_systems(OnEnter(Exhibit::Neuron), integrate_signal)
        .add_plugins((
            panel::plugin,
            scene::plugin,
            labels::plugin,
            crate::tunable::plugin::<NeuronParams>,
        ))
        .add_systems(Startup, open_ai_view_if_asked);
}

/// The notebook's IntSliders: `Exc A` 0..10 (4), `Exc B` 0..10 (3), `Inhibitory` 0..10 (2),
/// `Threshold` 0..12 (5).
pub const EXCITATORY_A: SliderSpec = SliderSpec {
    label: "Exc A",
    min: 0.0,
    max: 10.0,
    step: 1.0,
    default: 4.0,
    decimals: 0,
};
/// See [`EXCITATORY_A`].
pub const EXCITATORY_B: SliderSpec = SliderSpec {
    label: "Exc B",
    min: 0.0,
    max: 10.0,
    step: 1.0,
    default: 3.0,
    decimals: 0,
};
/// See [`EXCITATORY_A`].
pub const INHIBITORY: SliderSpec = SliderSpec {
    label: "Inhibitory",
    min: 0.0,
    max: 10.0,
    step: 1.0,
    default: 2.0,
    decimals: 0,
};
/// See [`EXCITATORY_A`].
pub const THRESHOLD: SliderSpec = SliderSpec {
    label: "Threshold",
    min: 0.0,
    max: 12.0,
    step: 1.0,
    default: 5.0,
    decimals: 0,
};

/// The visitor's inputs to the neuron.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct NeuronParams {
    /// First excitatory input (blue dendrite).
    pub excitatory_a: f64,
    /// Second excitatory input (blue dendrite).
    pub excitatory_b: f64,
    /// Inhibitory input (red dendrite), subtracted.
    pub inhibitory: f64,
    /// Total the soma needs to fire.
    pub threshold: f64,
}

impl Default for NeuronParams {
    fn default() -> Self {
        Self {
            excitatory_a: EXCITATORY_A.default,
            excitatory_b: EXCITATORY_B.default,
            inhibitory: INHIBITORY.default,
            threshold: THRESHOLD.default,
        }
    }
}

/// What the soma makes of the inputs.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Default)]
pub struct NeuronSignal {
    /// `A + B - inhibitory`.
    pub total: f64,
    /// Whether the total reached the threshold.
    pub fires: bool,
}

impl crate::tunable::Tunable for NeuronParams {
    const PREFIX: &'static str = "neuron";
    fn set(&mut self, field: &str, value: &str) -> Result<(), String> {
        use crate::tunable::number;
        match field {
            "excitatory_a" | "a" => self.excitatory_a = number(&EXCITATORY_A, value)?,
            "excitatory_b" | "b" => self.excitatory_b = number(&EXCITATORY_B, value)?,
            "inhibitory" => self.inhibitory = number(&INHIBITORY, value)?,
            "threshold" => self.threshold = number(&THRESHOLD, value)?,
            // The view is not a slider but a prepared lecture often starts on the AI neuron.
            "view" => match value {
                "ai" | "brain" => {}
                _ => return Err(format!("neuron.view: '{value}' is not ai or brain")),
            },
            _ => {
                return Err(format!(
                    "neuron has no field '{field}' (excitatory_a, excitatory_b, inhibitory, threshold, view)"
                ));
            }
        }
        Ok(())
    }
}

/// Whether the drawing shows the biological neuron or the AI neuron it inspired.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Default)]
pub struct NeuronView {
    /// The visitor asked for the AI neuron.
    pub ai: bool,
    /// Progress of the morph, 0 (biological) to 1 (AI); eases towards `ai`.
    pub morph: f32,
}

fn integrate_signal(params: Res<NeuronParams>, mut signal: ResMut<NeuronSignal>) {
    let (total, fires) = neuron::integrate(
        EXCITATORY_A.sanitize(params.excitatory_a),
        EXCITATORY_B.sanitize(params.excitatory_b),
        INHIBITORY.sanitize(params.inhibitory),
        THRESHOLD.sanitize(params.threshold),
    );
    signal.set_if_neq(NeuronSignal { total, fires });
}

/// `--set neuron.view=ai` opens on the AI neuron.
fn open_ai_view_if_asked(options: Option<Res<crate::LaunchOptions>>, mut view: ResMut<NeuronView>) {
    if options.is_some_and(|o| {
        o.settings
            .iter()
            .any(|s| s.replace(' ', "") == "neuron.view=ai")
    }) {
        *view = NeuronView {
            ai: true,
            morph: 1.0,
        };
    }
}
