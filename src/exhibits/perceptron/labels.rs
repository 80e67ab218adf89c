//! Words on the 3D perceptron: the axes, the two planes, the boundary and the output.

use bevy::{prelude::*, window::PrimaryWindow};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{
    INPUT_HALF, PerceptronOutput, PerceptronParams,
    scene::{floor_point, to_world},
};
use crate::{
    Exhibit,
    camera::OrbitCamera,
    math::perceptron::Boundary,
    ui::{SceneViewport, UiSystems, overlay::ScenePainter, theme},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        label_perceptron
            .in_set(UiSystems::Overlay)
            .run_if(in_state(Exhibit::Perceptron)),
    );
}

fn label_perceptron(
    mut contexts: EguiContexts,
    scene: Res<SceneViewport>,
    window: Query<&Window, With<PrimaryWindow>>,
    camera: Query<(&Camera, &GlobalTransform), With<OrbitCamera>>,
    params: Res<PerceptronParams>,
    out: Res<PerceptronOutput>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let (Ok(window), Ok((camera, transform))) = (window.single(), camera.single()) else {
        return Ok(());
    };
    let labels = ScenePainter::new(&ctx, &scene, window, camera, transform, "perceptron labels");
    let p = params.sanitized();
    let h = INPUT_HALF;
    let grey = egui::Color32::from_gray(215);
    let centre = egui::Align2::CENTER_CENTER;
    labels.label(
        floor_point(h * 1.18, 0.0),
        "x1",
        grey,
        20.0,
        centre,
        egui::Vec2::ZERO,
    );
    labels.label(
        floor_point(0.0, h * 1.18),
        "x2",
        grey,
        20.0,
        centre,
        egui::Vec2::ZERO,
    );
    let corner = [h, h];
    let z_corner = p.w1 * corner[0] + p.w2 * corner[1] + p.bias;
    labels.label(
        to_world(corner[0], corner[1], z_corner),
        "z = w1*x1 + w2*x2 + b",
        egui::Color32::from_rgb(0xbb, 0xf7, 0xd0),
        17.0,
        egui::Align2::LEFT_BOTTOM,
        egui::vec2(6.0, -4.0),
    );
    labels.label(
        to_world(-h, -h, p.threshold),
        &format!("threshold = {:.1}", p.threshold),
        theme::text_color(theme::ACCENT),
        17.0,
        egui::Align2::RIGHT_CENTER,
        egui::vec2(-8.0, 0.0),
    );
    if let Boundary::Line { p0, p1 } = out.boundary {
        let mid = [(p0[0] + p1[0]) / 2.0, (p0[1] + p1[1]) / 2.0];
        labels.label(
            to_world(mid[0], mid[1], p.threshold),
            "decision boundary",
            egui::Color32::WHITE,
            16.0,
            egui::Align2::LEFT_BOTTOM,
            egui::vec2(8.0, -6.0),
        );
    }
    let (text, color) = if out.output == 1 {
        ("Output = 1", theme::GOOD)
    } else {
        ("Output = 0", theme::BAD)
    };
    labels.label(
        to_world(p.x1, p.x2, out.z),
        &format!("{text}  (z = {:.3})", out.z),
        theme::text_color(color),
        19.0,
        egui::Align2::LEFT_CENTER,
        egui::vec2(14.0, 0.0),
    );
    labels.label(
        floor_point(p.x1, p.x2),
        "drag me",
        grey,
        14.0,
        egui::Align2::CENTER_TOP,
        egui::vec2(0.0, 12.0),
    );
    Ok(())
}
