//! The landscape's panel (sliders, the notebook's numbers, toggles, playback, legends) and the
//! overlay that labels the minima and draws the colour bar over the scene.

use bevy::{prelude::*, window::PrimaryWindow};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{
    DescentPlayback, DescentRuns, LEARNING_RATE, LandscapeParams, NOTEBOOK_MAX_LR, START_B,
    START_W, STEPS,
    ball::{EndMarker, MinimumMarker, StartMarker, run_color},
    home_view,
    surface::{BASIN_COLORS, DIVERGED_COLOR, UNSETTLED_COLOR, loss_range},
    top_view,
};
use crate::{
    Exhibit,
    camera::OrbitCamera,
    math::{
        colormap::viridis,
        landscape::{self, PointKind},
    },
    playback::Playback,
    ui::{
        SceneViewport, UiLayout, UiSystems, overlay::ScenePainter, parameter_panel, theme, widgets,
    },
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (
            draw_landscape_panel.in_set(UiSystems::Panels),
            label_scene.in_set(UiSystems::Overlay),
        )
            .run_if(in_state(Exhibit::Landscape)),
    );
}

/// The notebook's grid resolution for its "approx global minimum".
const NOTEBOOK_GRID: usize = 220;

/// One possible answer to the section's reflective question.
const ANSWER: &str = "Gradient descent only follows the local slope, so where it starts decides which valley it ends in: a different initialization can settle in a worse, local minimum.";

const TASKS: [&str; 3] = [
    "Keep the learning rate fixed and move only the start point. Same end every time? (Try the basin map.)",
    "Increase the learning rate and watch overshooting and divergence.",
    "In one sentence: why can initialization matter in neural networks?",
];

/// The notebook's result line.
pub fn notebook_line(start_loss: f64, end_loss: f64, grid_loss: f64) -> String {
    format!(
        "Start loss: {start_loss:.4} | End loss: {end_loss:.4} | Approx global minimum loss (grid): {grid_loss:.4}"
    )
}

fn grid_minimum() -> [f64; 3] {
    static GRID: std::sync::OnceLock<[f64; 3]> = std::sync::OnceLock::new();
    *GRID.get_or_init(|| landscape::grid_minimum(NOTEBOOK_GRID))
}

fn draw_landscape_panel(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut params: ResMut<LandscapeParams>,
    runs: Res<DescentRuns>,
    mut playback: Query<&mut Playback, With<DescentPlayback>>,
    mut camera: Query<&mut OrbitCamera>,
    mut done: Local<[bool; 3]>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let p = *params;
    let cursor = playback.single().map(|pb| pb.cursor).unwrap_or(0.0);
    parameter_panel(&ctx, &mut layout, "landscape panel", |ui| {
        widgets::heading(ui, "Local vs global minima");
        if let Some(v) = START_W.show(ui, p.start_w) {
            params.start_w = v;
        }
        if let Some(v) = START_B.show(ui, p.start_b) {
            params.start_b = v;
        }
        if let Some(v) =
            LEARNING_RATE.show_with_mark(ui, p.lr, Some((NOTEBOOK_MAX_LR, "notebook's max")))
        {
            params.lr = v;
        }
        if p.lr > NOTEBOOK_MAX_LR + 1e-12 {
            ui.label(
                egui::RichText::new(format!(
                    "Beyond the notebook's range (up to {NOTEBOOK_MAX_LR}): watch it overshoot"
                ))
                .color(theme::text_color(theme::ACCENT)),
            );
        }
        if let Some(v) = STEPS.show(ui, p.steps) {
            params.steps = v;
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Reset")
                .on_hover_text("The notebook's values")
                .clicked()
            {
                let defaults = LandscapeParams {
                    race: p.race,
                    basins: p.basins,
                    flat_map: p.flat_map,
                    ..default()
                };
                if p != defaults {
                    *params = defaults;
                }
            }
            let mut race = p.race;
            if ui.checkbox(&mut race, "Race optimizers").changed() {
                params.race = race;
            }
            let mut basins = p.basins;
            if ui.checkbox(&mut basins, "Basin map").changed() {
                params.basins = basins;
            }
        });
        ui.horizontal_wrapped(|ui| {
            let mut flat = p.flat_map;
            if ui.checkbox(&mut flat, "Flat 2D map").changed() {
                params.flat_map = flat;
                if let Ok(mut orbit) = camera.single_mut() {
                    let view = if flat { top_view() } else { home_view() };
                    orbit.glide_to(view.yaw, view.pitch, view.distance);
                }
            }
            if ui.button("Top view").clicked()
                && let Ok(mut orbit) = camera.single_mut()
            {
                let top = top_view();
                orbit.glide_to(top.yaw, top.pitch, top.distance);
            }
            if ui.button("Reset view").clicked()
                && let Ok(mut orbit) = camera.single_mut()
            {
                let home = home_view();
                orbit.glide_to(home.yaw, home.pitch, home.distance);
            }
        });
        ui.separator();
        if let Ok(mut playback) = playback.single_mut() {
            Playback::show_controls(ui, &mut playback);
        }
        ui.separator();
        numbers(ui, &runs, cursor);
        if p.race {
            race_legend(ui, &runs);
        }
        if p.basins {
            basin_legend(ui);
        }
        widgets::try_this(ui, "landscape tasks", &TASKS, &mut done[..], ANSWER);
    });
    Ok(())
}

/// The notebook's line, then the live state of plain descent at the cursor.
fn numbers(ui: &mut egui::Ui, runs: &DescentRuns, cursor: f64) {
    let Some(run) = runs.runs.first() else {
        return;
    };
    let points = &run.descent.points;
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return;
    };
    let grid = grid_minimum();
    // The notebook's line, one figure per row so it reads at a distance.
    widgets::readout(
        ui,
        "Start loss",
        format!("{:.4}", first[2]),
        egui::Color32::from_rgb(0xfc, 0xa5, 0xa5),
    );
    widgets::readout(
        ui,
        "End loss",
        format!("{:.4}", last[2]),
        egui::Color32::from_rgb(0x86, 0xef, 0xac),
    );
    widgets::readout(
        ui,
        "Approx global minimum loss (grid)",
        format!("{:.4}", grid[2]),
        egui::Color32::from_rgb(0xfa, 0xcc, 0x15),
    );
    ui.label(
        egui::RichText::new(notebook_line(first[2], last[2], grid[2]))
            .monospace()
            .size(12.0)
            .weak(),
    );
    ui.separator();
    let step = (cursor.floor().max(0.0) as usize).min(points.len() - 1);
    let now = points[step];
    let (gw, gb) = landscape::gradient(now[0], now[1]);
    widgets::readout(
        ui,
        "Step",
        format!("{step} / {}", points.len() - 1),
        egui::Color32::WHITE,
    );
    widgets::readout(
        ui,
        "w, b",
        format!("{:.3}, {:.3}", now[0], now[1]),
        egui::Color32::WHITE,
    );
    widgets::readout(
        ui,
        "Loss",
        format!("{:.4}", now[2]),
        theme::text_color(theme::ACCENT),
    );
    widgets::readout(
        ui,
        "Gradient",
        format!("({gw:.3}, {gb:.3})"),
        egui::Color32::LIGHT_GRAY,
    );
    if let Some(at) = run.diverged_at() {
        ui.label(
            egui::RichText::new(format!(
                "Diverged at step {at}: the learning rate is too large"
            ))
            .strong()
            .size(18.0)
            .color(theme::text_color(theme::BAD)),
        );
    }
    if let Some(global) = landscape::minima()
        .iter()
        .find(|m| m.kind == PointKind::GlobalMinimum)
    {
        ui.label(
            egui::RichText::new(format!(
                "True global minimum: loss {:.4} at w, b = ±({:.3}, {:.3})",
                global.loss,
                global.w.abs(),
                -global.w.abs()
            ))
            .small(),
        );
    }
}

fn race_legend(ui: &mut egui::Ui, runs: &DescentRuns) {
    ui.label(egui::RichText::new("Race").strong());
    for run in &runs.runs {
        let color = theme::egui_color(run_color(run.optimizer));
        let end = run.descent.points.last().map(|p| p[2]).unwrap_or(f64::NAN);
        let status = match run.diverged_at() {
            Some(step) => format!("diverged at step {step}"),
            None => format!("end loss {end:.4}"),
        };
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new("●").color(color).size(22.0));
            ui.label(
                egui::RichText::new(format!("{}: {status}", run.optimizer.name())).color(color),
            );
        });
    }
}

fn basin_legend(ui: &mut egui::Ui) {
    ui.label(egui::RichText::new("Basins: where plain descent ends from each start").strong());
    let minima = landscape::minima();
    for (i, m) in minima.iter().enumerate() {
        let kind = if m.kind == PointKind::GlobalMinimum {
            "global"
        } else {
            "local"
        };
        swatch(
            ui,
            BASIN_COLORS[i % BASIN_COLORS.len()],
            &format!("{kind} minimum ({:.2}, {:.2})", m.w, m.b),
        );
    }
    swatch(ui, UNSETTLED_COLOR, "not settled yet (more steps)");
    swatch(ui, DIVERGED_COLOR, "diverged");
}

fn swatch(ui: &mut egui::Ui, rgb: [u8; 3], text: &str) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 3.0, theme::egui_color(rgb));
        ui.label(text);
    });
}

/// Labels over the 3D scene: the minima by name, start and end, and the loss colour bar.
fn label_scene(
    mut contexts: EguiContexts,
    scene: Res<SceneViewport>,
    window: Query<&Window, With<PrimaryWindow>>,
    camera: Query<(&Camera, &GlobalTransform), With<OrbitCamera>>,
    minima: Query<(&GlobalTransform, &MinimumMarker)>,
    start: Query<&GlobalTransform, With<StartMarker>>,
    end: Query<&GlobalTransform, With<EndMarker>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let (Ok(window), Ok((camera, camera_transform))) = (window.single(), camera.single()) else {
        return Ok(());
    };
    let labels = ScenePainter::new(
        &ctx,
        &scene,
        window,
        camera,
        camera_transform,
        "landscape labels",
    );
    let above = |lift: f32| (egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -lift));
    for (transform, marker) in &minima {
        let (text, color) = match marker.kind {
            PointKind::GlobalMinimum => {
                ("global minimum", egui::Color32::from_rgb(0xfa, 0xcc, 0x15))
            }
            _ => ("local minimum", egui::Color32::from_rgb(0xe2, 0xe8, 0xf0)),
        };
        let (anchor, offset) = above(12.0);
        labels.label(transform.translation(), text, color, 17.0, anchor, offset);
    }
    if let Ok(t) = start.single() {
        let (anchor, offset) = above(34.0);
        labels.label(
            t.translation(),
            "start",
            egui::Color32::from_rgb(0xfc, 0xa5, 0xa5),
            17.0,
            anchor,
            offset,
        );
    }
    if let Ok(t) = end.single() {
        labels.label(
            t.translation(),
            "end",
            egui::Color32::from_rgb(0x86, 0xef, 0xac),
            17.0,
            egui::Align2::CENTER_TOP,
            egui::vec2(0.0, 12.0),
        );
    }
    color_bar(labels.painter(), labels.clip_rect());
    Ok(())
}

/// The notebook's colour bar ("Loss"), at the scene's left edge.
fn color_bar(painter: &egui::Painter, scene: egui::Rect) {
    let (lo, hi) = loss_range();
    let bar = egui::Rect::from_min_size(
        scene.left_top() + egui::vec2(16.0, 40.0),
        egui::vec2(22.0, (scene.height() - 90.0).clamp(80.0, 360.0)),
    );
    let slices = 48;
    for i in 0..slices {
        let t0 = i as f32 / slices as f32;
        let t1 = (i + 1) as f32 / slices as f32;
        let [r, g, b] = viridis(1.0 - t0 as f64);
        let rect = egui::Rect::from_min_max(
            egui::pos2(bar.min.x, bar.min.y + bar.height() * t0),
            egui::pos2(bar.max.x, bar.min.y + bar.height() * t1),
        );
        painter.rect_filled(
            rect,
            0.0,
            egui::Color32::from_rgb((r * 255.0) as u8, (g * 255.0) as u8, (b * 255.0) as u8),
        );
    }
    painter.rect_stroke(
        bar,
        0.0,
        egui::Stroke::new(1.0, egui::Color32::WHITE),
        egui::StrokeKind::Outside,
    );
    let font = egui::FontId::proportional(15.0);
    for k in 0..=4 {
        let t = k as f64 / 4.0;
        let value = hi - (hi - lo) * t;
        let y = bar.min.y + bar.height() * t as f32;
        painter.text(
            egui::pos2(bar.max.x + 6.0, y),
            egui::Align2::LEFT_CENTER,
            format!("{value:.1}"),
            font.clone(),
            egui::Color32::WHITE,
        );
    }
    painter.text(
        bar.center_top() - egui::vec2(0.0, 8.0),
        egui::Align2::CENTER_BOTTOM,
        "Loss",
        egui::FontId::proportional(17.0),
        egui::Color32::WHITE,
    );
}
