//! Words on the neuron drawing: each input's value at its dendrite, "Soma", "Spike" or
//! "No spike" at the axon's end; and, once morphed, the AI neuron's names for the same parts.

use bevy::{prelude::*, window::PrimaryWindow};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{
    NeuronParams, NeuronSignal, NeuronView,
    scene::{AXON_END, SOMA_RADIUS, dendrite_start, smooth},
};
use crate::{
    Exhibit,
    ui::{SceneCamera, SceneViewport, UiSystems, overlay::ScenePainter, theme},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        label_neuron
            .in_set(UiSystems::Overlay)
            .run_if(in_state(Exhibit::Neuron)),
    );
}

fn label_neuron(
    mut contexts: EguiContexts,
    scene: Res<SceneViewport>,
    window: Query<&Window, With<PrimaryWindow>>,
    camera: Query<(&Camera, &GlobalTransform), (With<SceneCamera>, With<Camera2d>)>,
    params: Res<NeuronParams>,
    signal: Res<NeuronSignal>,
    view: Res<NeuronView>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let (Ok(window), Ok((camera, transform))) = (window.single(), camera.single()) else {
        return Ok(());
    };
    let labels = ScenePainter::new(&ctx, &scene, window, camera, transform, "neuron labels");
    let ai = view.morph > 0.5;
    let blue = theme::text_color(theme::MAIN);
    let red = theme::text_color(theme::BAD);
    let white = egui::Color32::WHITE;
    let inputs = [
        (params.excitatory_a, "+", blue, "x1", "+1"),
        (params.excitatory_b, "+", blue, "x2", "+1"),
        (params.inhibitory, "-", red, "x3", "-1"),
    ];
    for (i, (value, sign, color, name, weight)) in inputs.into_iter().enumerate() {
        let at = dendrite_start(i, smooth(view.morph)).extend(0.0);
        if ai {
            // Above the arrow's tail: the AI inputs start near the scene's left edge.
            let text = format!("{name} = {value:.0}  (weight {weight})");
            labels.label(
                at,
                &text,
                color,
                22.0,
                egui::Align2::LEFT_BOTTOM,
                egui::vec2(-6.0, -14.0),
            );
        } else {
            labels.label(
                at,
                &format!("{sign}{value:.0}"),
                color,
                24.0,
                egui::Align2::RIGHT_CENTER,
                egui::vec2(-12.0, 0.0),
            );
        }
    }
    let soma_text = if ai {
        format!("sum = {:.2}", signal.total)
    } else {
        "Soma".to_owned()
    };
    labels.label(
        Vec3::ZERO,
        &soma_text,
        white,
        20.0,
        egui::Align2::CENTER_CENTER,
        egui::Vec2::ZERO,
    );
    let hillock = if ai {
        format!("step: sum >= {:.0} ?", params.threshold)
    } else {
        format!("threshold {:.0}", params.threshold)
    };
    labels.label(
        Vec3::new(SOMA_RADIUS + 40.0, -60.0, 0.0),
        &hillock,
        theme::text_color(theme::ACCENT),
        18.0,
        egui::Align2::CENTER_TOP,
        egui::Vec2::ZERO,
    );
    let (outcome, color) = match (signal.fires, ai) {
        (true, false) => ("Spike".to_owned(), theme::text_color(theme::GOOD)),
        (false, false) => ("No spike".to_owned(), egui::Color32::from_gray(170)),
        (fires, true) => (
            format!("output {}", u8::from(fires)),
            theme::text_color(if fires { theme::GOOD } else { theme::BAD }),
        ),
    };
    labels.label(
        (AXON_END + Vec2::new(80.0, 0.0)).extend(0.0),
        &outcome,
        color,
        26.0,
        egui::Align2::LEFT_CENTER,
        egui::vec2(8.0, 0.0),
    );
    let heading = if ai {
        "AI neuron: weighted inputs -> sum -> threshold -> output"
    } else {
        "Biological neuron (intuition)"
    };
    labels.label(
        Vec3::new(0.0, 265.0, 0.0),
        heading,
        white,
        24.0,
        egui::Align2::CENTER_BOTTOM,
        egui::Vec2::ZERO,
    );
    if !ai {
        labels.label(
            Vec3::new(-260.0, 140.0, 0.0),
            "dendrites",
            egui::Color32::from_gray(200),
            17.0,
            egui::Align2::CENTER_CENTER,
            egui::Vec2::ZERO,
        );
        labels.label(
            Vec3::new(270.0, 30.0, 0.0),
            "axon",
            egui::Color32::from_gray(200),
            17.0,
            egui::Align2::CENTER_BOTTOM,
            egui::Vec2::ZERO,
        );
    }
    Ok(())
}
