//! The landscape exhibit: the ball follows the notebook's descent path, parameter changes
//! rebuild it, divergence is a state rather than a NaN, and the basin map agrees with descent.

mod common;

use bevy::prelude::*;
use common::{all_meshes_finite, all_transforms_finite, app_on};
use nn_lab::{
    Exhibit,
    exhibits::landscape::{
        DescentPlayback, DescentRuns, LandscapeParams,
        ball::{BALL_RADIUS, BallMarker},
        surface::{BASIN_RES, BasinMap},
        surface_point,
    },
    math::landscape::{self, Basin, Outcome},
    playback::Playback,
};

fn playback(app: &mut App) -> Playback {
    *app.world_mut()
        .query_filtered::<&Playback, With<DescentPlayback>>()
        .single(app.world())
        .unwrap()
}

fn set_playback(app: &mut App, f: impl FnOnce(&mut Playback)) {
    let mut q = app
        .world_mut()
        .query_filtered::<&mut Playback, With<DescentPlayback>>();
    f(&mut q.single_mut(app.world_mut()).unwrap());
}

fn ball(app: &mut App, run: usize) -> Vec3 {
    let mut q = app.world_mut().query::<(&BallMarker, &Transform)>();
    q.iter(app.world())
        .find(|(b, _)| b.run == run)
        .map(|(_, t)| t.translation)
        .unwrap()
}

#[test]
fn after_n_fixed_steps_the_ball_sits_on_the_notebooks_path() {
    let mut app = app_on(Exhibit::Landscape);
    let path = landscape::descent_path(-1.8, 1.5, 0.05, 30);
    assert_eq!(
        app.world().resource::<DescentRuns>().runs[0].descent.points,
        path
    );
    set_playback(&mut app, |p| {
        p.cursor = 0.0;
        p.speed = 4.0;
        p.playing = true;
    });
    // 4 steps per second at 64 fixed steps per second: 16 updates per descent step.
    for (step, point) in path.iter().enumerate().take(6).skip(1) {
        for _ in 0..16 {
            app.update();
        }
        assert_eq!(playback(&mut app).cursor, step as f64);
        let expected = surface_point(point[0], point[1]) + Vec3::Y * BALL_RADIUS;
        assert!(ball(&mut app, 0).distance(expected) < 1e-5, "step {step}");
    }
}

#[test]
fn changing_a_slider_rebuilds_the_path_and_restarts_playback() {
    let mut app = app_on(Exhibit::Landscape);
    for _ in 0..40 {
        app.update();
    }
    assert!(playback(&mut app).cursor > 1.0);
    {
        let mut params = app.world_mut().resource_mut::<LandscapeParams>();
        params.start_w = 1.0;
        params.lr = 0.1;
    }
    app.update();
    let runs = app.world().resource::<DescentRuns>();
    assert_eq!(
        runs.runs[0].descent.points,
        landscape::descent_path(1.0, 1.5, 0.1, 30)
    );
    assert_eq!(playback(&mut app).cursor, 0.0);
    assert!(playback(&mut app).playing);
}

#[test]
fn a_diverging_learning_rate_is_a_state_not_a_nan() {
    let mut app = app_on(Exhibit::Landscape);
    app.world_mut().resource_mut::<LandscapeParams>().lr = 1.0;
    app.update();
    let run = app.world().resource::<DescentRuns>().runs[0].clone();
    assert!(
        matches!(run.descent.outcome, Outcome::Diverged { .. }),
        "{:?}",
        run.descent.outcome
    );
    assert!(run.descent.points.iter().flatten().all(|v| v.is_finite()));
    set_playback(&mut app, |p| p.speed = 30.0);
    for _ in 0..200 {
        app.update();
        assert!(all_transforms_finite(&mut app));
    }
    assert!(all_meshes_finite(&app));
    // Moving the slider back recovers.
    app.world_mut().resource_mut::<LandscapeParams>().lr = 0.05;
    app.update();
    let run = &app.world().resource::<DescentRuns>().runs[0];
    assert_eq!(run.descent.outcome, Outcome::Finished);
}

#[test]
fn the_race_runs_three_optimizers_from_the_same_start() {
    let mut app = app_on(Exhibit::Landscape);
    app.world_mut().resource_mut::<LandscapeParams>().race = true;
    app.update();
    let runs = app.world().resource::<DescentRuns>().runs.clone();
    assert_eq!(runs.len(), 3);
    for run in &runs {
        assert_eq!(run.descent.points[0][..2], [-1.8, 1.5]);
    }
    for _ in 0..100 {
        app.update();
    }
    assert!(all_transforms_finite(&mut app));
}

#[test]
fn the_basin_map_agrees_with_descent_from_the_notebooks_start() {
    let mut app = app_on(Exhibit::Landscape);
    app.world_mut().resource_mut::<LandscapeParams>().basins = true;
    app.update();
    let map = app.world().resource::<BasinMap>().clone();
    assert_eq!(map.cells.len(), BASIN_RES * BASIN_RES);
    // (-1.8, 1.5) is column 16 and row 104 of the map's linspace(-2.4, 2.4, 129) grid, and
    // column 8, row 52 of the basin grid linspace(-2.4, 2.4, 65).
    let cell = map.at_vertex(104, 16).unwrap();
    assert_eq!(cell, map.cells[52 * BASIN_RES + 8]);
    let end = *landscape::descent_path(-1.8, 1.5, 0.05, 30).last().unwrap();
    let minima = landscape::minima();
    let nearest = (0..minima.len())
        .min_by(|&a, &b| {
            let d = |i: usize| (minima[i].w - end[0]).hypot(minima[i].b - end[1]);
            d(a).total_cmp(&d(b))
        })
        .unwrap();
    assert_eq!(cell, Basin::Minimum(nearest));
}

#[test]
fn the_basin_map_survives_leaving_and_coming_back() {
    use bevy::mesh::VertexAttributeValues;
    use nn_lab::exhibits::landscape::surface::FlatMap;
    let mut app = app_on(Exhibit::Landscape);
    app.world_mut().resource_mut::<LandscapeParams>().basins = true;
    app.update();
    let colours = |app: &mut App| {
        let handle = app
            .world_mut()
            .query_filtered::<&Mesh3d, With<FlatMap>>()
            .single(app.world())
            .unwrap()
            .0
            .clone();
        match app
            .world()
            .resource::<Assets<Mesh>>()
            .get(&handle)
            .unwrap()
            .attribute(Mesh::ATTRIBUTE_COLOR)
        {
            Some(VertexAttributeValues::Float32x4(c)) => c.clone(),
            _ => panic!("the map has colours"),
        }
    };
    let with_basins = colours(&mut app);
    common::go_to(&mut app, Exhibit::Losses);
    common::go_to(&mut app, Exhibit::Landscape);
    app.update();
    assert_eq!(colours(&mut app), with_basins);
}
