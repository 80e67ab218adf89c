//! The rolling balls (one per optimizer on show), their trails, the start and end markers and
//! the true minima. The ball glides along the surface between the points the model computed.

use bevy::prelude::*;

use super::{
    DescentPlayback, DescentRuns, LandscapeParams, Run, map_point, surface_point, to_world,
};
use crate::{
    AppSystems, Exhibit,
    math::{
        landscape::{self, PointKind},
        optimizer::Optimizer,
    },
    playback::Playback,
    ui::theme,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Exhibit::Landscape), spawn_balls_and_markers)
        .add_systems(
            PostUpdate,
            (
                roll_balls.in_set(AppSystems::SyncVisuals),
                move_start_and_end_markers
                    .in_set(AppSystems::SyncVisuals)
                    .run_if(resource_changed::<DescentRuns>),
                draw_trails
                    .in_set(AppSystems::SyncVisuals)
                    .run_if(resource_exists::<GizmoConfigStore>),
            )
                .run_if(in_state(Exhibit::Landscape)),
        );
}

/// Ball radius, world units: big enough to see from the back of a lecture hall.
pub const BALL_RADIUS: f32 = 0.16;
/// Trail samples between two path points, so the trail hugs the surface instead of cutting it.
const TRAIL_SUBSTEPS: usize = 8;
/// World units per step a diverged ball climbs away from the surface.
const ESCAPE_PER_STEP: f32 = 0.9;
/// Highest a diverged ball flies, world units.
const ESCAPE_CEILING: f32 = 5.0;

/// The colour of each optimizer's ball and trail: the notebook's path orange for plain
/// descent, then cyan and magenta, far from viridis's hues.
pub fn run_color(optimizer: Optimizer) -> [u8; 3] {
    match optimizer {
        Optimizer::GradientDescent => theme::PATH,
        Optimizer::Momentum { .. } => [0x22, 0xd3, 0xee],
        Optimizer::Adam { .. } => [0xe8, 0x79, 0xf9],
    }
}

/// A ball following run `run` of [`DescentRuns`].
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct BallMarker {
    /// Index into the runs.
    pub run: usize,
    /// Where it was last frame, to turn travel into rolling.
    pub last: Vec3,
}

/// The red start marker.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct StartMarker;

/// The green end marker (of plain descent's path).
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct EndMarker;

/// A true stationary minimum, labelled by the overlay.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct MinimumMarker {
    /// Global or local.
    pub kind: PointKind,
    /// Its loss.
    pub loss: f64,
}

/// Where a run's ball is at a (fractional) playback cursor: on the path interpolated along the
/// surface, resting on it; climbing away once the run has diverged. Always finite.
pub fn ball_position(run: &Run, cursor: f64, flat: bool) -> Vec3 {
    let points = &run.descent.points;
    let Some(last) = points.len().checked_sub(1) else {
        return Vec3::ZERO;
    };
    let cursor = if cursor.is_nan() {
        0.0
    } else {
        cursor.clamp(0.0, last as f64)
    };
    let k = (cursor.floor() as usize).min(last);
    let f = cursor - k as f64;
    let (a, b) = (points[k], points[(k + 1).min(last)]);
    let (w, bias) = (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f);
    let rest = if flat {
        map_point(w, bias)
    } else {
        surface_point(w, bias)
    } + Vec3::Y * BALL_RADIUS;
    let escape = run
        .diverged_at()
        .map(|step| {
            ((cursor - step as f64 + 1.0).max(0.0) as f32 * ESCAPE_PER_STEP).min(ESCAPE_CEILING)
        })
        .unwrap_or(0.0);
    let p = rest + Vec3::Y * escape;
    if p.is_finite() { p } else { Vec3::ZERO }
}

fn spawn_balls_and_markers(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    runs: Res<DescentRuns>,
) {
    let ball_mesh = meshes.add(Sphere::new(BALL_RADIUS).mesh().uv(32, 18));
    for (i, optimizer) in Optimizer::defaults().into_iter().enumerate() {
        let color = theme::bevy_color(run_color(optimizer));
        let start = runs
            .runs
            .first()
            .map(|r| ball_position(r, 0.0, false))
            .unwrap_or_default();
        commands.spawn((
            Name::new(format!("Ball ({})", optimizer.name())),
            BallMarker {
                run: i,
                last: start,
            },
            Mesh3d(ball_mesh.clone()),
            MeshMaterial3d(materials.add(StandardMaterial {
                base_color: color,
                perceptual_roughness: 0.35,
                emissive: LinearRgba::from(color) * 0.25,
                ..default()
            })),
            Transform::from_translation(start),
            if i < runs.runs.len() {
                Visibility::Inherited
            } else {
                Visibility::Hidden
            },
            DespawnOnExit(Exhibit::Landscape),
        ));
    }
    let marker_mesh = meshes.add(Sphere::new(0.075).mesh().uv(20, 12));
    let unlit = |materials: &mut Assets<StandardMaterial>, rgb: [u8; 3]| {
        materials.add(StandardMaterial {
            base_color: theme::bevy_color(rgb),
            unlit: true,
            ..default()
        })
    };
    commands.spawn((
        Name::new("Start marker"),
        StartMarker,
        Mesh3d(marker_mesh.clone()),
        MeshMaterial3d(unlit(&mut materials, [0xef, 0x44, 0x44])),
        Transform::default(),
        DespawnOnExit(Exhibit::Landscape),
    ));
    commands.spawn((
        Name::new("End marker"),
        EndMarker,
        Mesh3d(marker_mesh),
        MeshMaterial3d(unlit(&mut materials, [0x22, 0xc5, 0x5e])),
        Transform::default(),
        DespawnOnExit(Exhibit::Landscape),
    ));
    let pole = meshes.add(Cylinder::new(0.02, 1.0).mesh());
    let gem = meshes.add(
        Sphere::new(0.09)
            .mesh()
            .ico(2)
            .unwrap_or_else(|_| Sphere::new(0.09).mesh().uv(16, 10)),
    );
    for point in landscape::minima() {
        let (rgb, pole_height) = match point.kind {
            PointKind::GlobalMinimum => ([0xfa, 0xcc, 0x15], 1.1),
            _ => ([0xcb, 0xd5, 0xe1], 0.8),
        };
        let base = surface_point(point.w, point.b);
        commands.spawn((
            Name::new(format!(
                "{:?} at ({:.3}, {:.3})",
                point.kind, point.w, point.b
            )),
            MinimumMarker {
                kind: point.kind,
                loss: point.loss,
            },
            Mesh3d(gem.clone()),
            MeshMaterial3d(unlit(&mut materials, rgb)),
            Transform::from_translation(base + Vec3::Y * pole_height),
            DespawnOnExit(Exhibit::Landscape),
            children![(
                Mesh3d(pole.clone()),
                MeshMaterial3d(unlit(&mut materials, rgb)),
                Transform::from_translation(Vec3::Y * -pole_height / 2.0).with_scale(Vec3::new(
                    1.0,
                    pole_height,
                    1.0
                )),
            )],
        ));
        // The same minimum on the flat map, so the notebook's 2D picture has its star too.
        commands.spawn((
            Name::new("Minimum on map"),
            Mesh3d(gem.clone()),
            MeshMaterial3d(unlit(&mut materials, rgb)),
            Transform::from_translation(map_point(point.w, point.b) + Vec3::Y * 0.05),
            DespawnOnExit(Exhibit::Landscape),
        ));
    }
}

/// Places each ball at the playback cursor and turns it by the distance travelled, so it rolls.
fn roll_balls(
    runs: Res<DescentRuns>,
    params: Res<LandscapeParams>,
    playback: Query<&Playback, With<DescentPlayback>>,
    fixed: Res<Time<Fixed>>,
    mut balls: Query<(&mut BallMarker, &mut Transform, &mut Visibility)>,
) {
    let overstep = fixed.overstep().as_secs_f64();
    let cursor = playback
        .single()
        .map(|p| p.cursor_at(overstep))
        .unwrap_or(0.0);
    for (mut ball, mut transform, mut visibility) in &mut balls {
        let Some(run) = runs.runs.get(ball.run) else {
            visibility.set_if_neq(Visibility::Hidden);
            continue;
        };
        visibility.set_if_neq(Visibility::Inherited);
        let target = ball_position(run, cursor, params.flat_map);
        let travel = target - ball.last;
        if travel.length_squared() > 1e-10 {
            let axis = Vec3::Y.cross(travel).normalize_or_zero();
            if axis != Vec3::ZERO {
                let angle = travel.length() / BALL_RADIUS;
                transform.rotate(Quat::from_axis_angle(axis, angle));
            }
            transform.translation = target;
            ball.last = target;
        } else if transform.translation != target {
            transform.translation = target;
        }
    }
}

fn move_start_and_end_markers(
    runs: Res<DescentRuns>,
    params: Res<LandscapeParams>,
    mut start: Query<&mut Transform, (With<StartMarker>, Without<EndMarker>)>,
    mut end: Query<&mut Transform, (With<EndMarker>, Without<StartMarker>)>,
) {
    let Some(run) = runs.runs.first() else {
        return;
    };
    let place = |p: [f64; 3]| {
        if params.flat_map {
            map_point(p[0], p[1]) + Vec3::Y * 0.06
        } else {
            to_world(p[0], p[1], p[2]) + Vec3::Y * 0.06
        }
    };
    if let (Some(first), Some(last)) = (run.descent.points.first(), run.descent.points.last()) {
        for mut t in &mut start {
            t.translation = place(*first);
        }
        for mut t in &mut end {
            t.translation = place(*last);
        }
    }
}

/// Trails: each run's path up to the cursor, hugging the surface, and its shadow on the map
/// with a dot per step like the notebook's `marker='o'`.
fn draw_trails(
    mut gizmos: Gizmos,
    runs: Res<DescentRuns>,
    params: Res<LandscapeParams>,
    playback: Query<&Playback, With<DescentPlayback>>,
    fixed: Res<Time<Fixed>>,
) {
    let overstep = fixed.overstep().as_secs_f64();
    let cursor = playback
        .single()
        .map(|p| p.cursor_at(overstep))
        .unwrap_or(0.0);
    for run in &runs.runs {
        let color = theme::bevy_color(run_color(run.optimizer));
        let points = &run.descent.points;
        if points.is_empty() {
            continue;
        }
        let shown = match run.diverged_at() {
            Some(step) => cursor.min(step.saturating_sub(1) as f64),
            None => cursor,
        };
        let samples = (shown * TRAIL_SUBSTEPS as f64).floor() as usize;
        let at = |s: usize| {
            let t = s as f64 / TRAIL_SUBSTEPS as f64;
            let k = (t.floor() as usize).min(points.len().saturating_sub(1));
            let f = t - k as f64;
            let (a, b) = (points[k], points[(k + 1).min(points.len() - 1)]);
            (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)
        };
        if !params.flat_map {
            gizmos.linestrip(
                (0..=samples).map(|s| {
                    let (w, b) = at(s);
                    surface_point(w, b) + Vec3::Y * 0.03
                }),
                color,
            );
        }
        gizmos.linestrip(
            (0..=samples).map(|s| {
                let (w, b) = at(s);
                map_point(w, b) + Vec3::Y * 0.02
            }),
            color,
        );
        for p in points.iter().take(shown.floor() as usize + 1) {
            let c = map_point(p[0], p[1]) + Vec3::Y * 0.02;
            gizmos.sphere(Isometry3d::from_translation(c), 0.025, color);
        }
    }
}
