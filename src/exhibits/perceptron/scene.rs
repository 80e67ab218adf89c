//! The perceptron in 3D: the score plane `z = w1*x1 + w2*x2 + b` over the input square, the flat
//! threshold plane, the line where they cross (the decision boundary), and on the floor below the
//! notebook's classification picture with the input point, which can be dragged.

use bevy::{
    asset::RenderAssetUsages,
    mesh::{Indices, PrimitiveTopology},
    prelude::*,
    window::PrimaryWindow,
};

use super::{INPUT_HALF, PerceptronOutput, PerceptronParams, X1, X2};
use crate::{
    AppSystems, Exhibit,
    camera::{OrbitCamera, PointerGrab, orbit_camera},
    math::perceptron::{Boundary, class_region},
    ui::{pointer_free, theme},
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Exhibit::Perceptron), spawn_perceptron_scene)
        .add_systems(OnExit(Exhibit::Perceptron), release_pointer)
        .add_systems(
            Update,
            drag_input_point
                .in_set(AppSystems::ReadInput)
                .run_if(in_state(Exhibit::Perceptron).and_then(drag_may_start_or_continue)),
        )
        .add_systems(
            PostUpdate,
            (
                shape_planes,
                place_input_point,
                draw_guides.run_if(resource_exists::<GizmoConfigStore>),
            )
                .in_set(AppSystems::SyncVisuals)
                .run_if(in_state(Exhibit::Perceptron)),
        );
}

/// World units per unit of input: the square `[-1, 1]^2` becomes 4.4 units wide.
pub const SQUARE_SCALE: f32 = 2.2;
/// World units of height per unit of `z` (which reaches ±8 at the sliders' extremes).
pub const Z_SCALE: f32 = 0.28;
/// Height of the floor picture, below the lowest the score plane can go.
pub const FLOOR: f32 = -2.5;
/// Radius of the highlighted boundary lines, world units.
const LINE_RADIUS: f32 = 0.035;
/// A press within this many logical pixels of the input point grabs it.
const GRAB_RADIUS: f32 = 36.0;

/// Which part of the drawing an entity is, so the systems can reshape it.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerceptronPart {
    /// The score plane's class-1 part (z >= threshold).
    PlaneAbove,
    /// The score plane's class-0 part.
    PlaneBelow,
    /// The horizontal threshold plane.
    ThresholdPlane,
    /// The floor region of class 1.
    FloorClass1,
    /// The floor region of class 0.
    FloorClass0,
    /// The boundary on the floor.
    FloorBoundary,
    /// Where the two planes cross.
    PlaneBoundary,
    /// The input on the floor (draggable).
    FloorPoint,
    /// The input lifted to its z on the plane.
    PlanePoint,
}

/// Maps input-square coordinates and a score to the world (x1 to the right, x2 away from the
/// viewer, z up), so the top view reads like the notebook's picture.
pub fn to_world(x1: f64, x2: f64, z: f64) -> Vec3 {
    let safe = |v: f64, r: f64| {
        if v.is_finite() {
            v.clamp(-r, r) as f32
        } else {
            0.0
        }
    };
    Vec3::new(
        safe(x1, 1.5) * SQUARE_SCALE,
        safe(z, 12.0) * Z_SCALE,
        -safe(x2, 1.5) * SQUARE_SCALE,
    )
}

/// A point of the floor picture.
pub fn floor_point(x1: f64, x2: f64) -> Vec3 {
    let p = to_world(x1, x2, 0.0);
    Vec3::new(p.x, FLOOR, p.z)
}

/// A flat, double-sided polygon (a triangle fan) through the given world points.
pub fn polygon_mesh(points: &[Vec3]) -> Mesh {
    let mut indices = Vec::new();
    for k in 1..points.len().saturating_sub(1) {
        indices.extend_from_slice(&[0, k as u32, k as u32 + 1]);
    }
    let normal = if points.len() >= 3 {
        (points[1] - points[0])
            .cross(points[2] - points[0])
            .normalize_or(Vec3::Y)
    } else {
        Vec3::Y
    };
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(
        Mesh::ATTRIBUTE_POSITION,
        points.iter().map(|p| p.to_array()).collect::<Vec<_>>(),
    )
    .with_inserted_attribute(
        Mesh::ATTRIBUTE_NORMAL,
        vec![normal.to_array(); points.len()],
    )
    .with_inserted_indices(Indices::U32(indices))
}

/// The transform that stretches a unit cylinder (along y) from `a` to `b`.
fn segment(a: Vec3, b: Vec3) -> Transform {
    let d = b - a;
    let length = d.length();
    if !(length.is_finite() && length > 1e-5) {
        return Transform::from_scale(Vec3::ZERO);
    }
    Transform::from_translation((a + b) / 2.0)
        .with_rotation(Quat::from_rotation_arc(Vec3::Y, d / length))
        .with_scale(Vec3::new(1.0, length, 1.0))
}

/// The perceptron's resting 3D view.
pub fn home_view() -> OrbitCamera {
    let mut orbit = OrbitCamera::new(Vec3::new(0.0, -0.9, 0.0), 0.65, 0.5, 10.5);
    orbit.min_pitch = -0.2;
    orbit
}

/// Straight down onto the floor: the notebook's classification-region picture.
pub fn top_view() -> OrbitCamera {
    let home = home_view();
    let mut orbit = OrbitCamera::new(
        Vec3::new(0.0, FLOOR, 0.0),
        0.0,
        std::f32::consts::FRAC_PI_2,
        9.0,
    );
    orbit.zoom_range = home.zoom_range;
    orbit.min_pitch = home.min_pitch;
    orbit
}

fn spawn_perceptron_scene(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    options: Option<Res<crate::LaunchOptions>>,
) {
    let top = options.is_some_and(|o| {
        o.settings
            .iter()
            .any(|s| s.replace(' ', "") == "perceptron.view=top")
    });
    let orbit = if top { top_view() } else { home_view() };
    commands.spawn((orbit_camera(orbit), DespawnOnExit(Exhibit::Perceptron)));
    commands.spawn((
        Name::new("Light"),
        DirectionalLight {
            illuminance: 6_000.0,
            ..default()
        },
        Transform::from_xyz(2.0, 8.0, 4.0).looking_at(Vec3::ZERO, Vec3::Y),
        DespawnOnExit(Exhibit::Perceptron),
    ));
    commands.insert_resource(GlobalAmbientLight {
        brightness: 700.0,
        ..default()
    });
    let glass = |materials: &mut Assets<StandardMaterial>, color: Color| {
        materials.add(StandardMaterial {
            base_color: color,
            alpha_mode: AlphaMode::Blend,
            double_sided: true,
            cull_mode: None,
            unlit: true,
            ..default()
        })
    };
    let [r1, g1, b1] = super::panel::REGION_1;
    let [r0, g0, b0] = super::panel::REGION_0;
    let parts = [
        (
            PerceptronPart::PlaneAbove,
            glass(&mut materials, Color::srgba(0.2, 0.8, 0.5, 0.55)),
        ),
        (
            PerceptronPart::PlaneBelow,
            glass(&mut materials, Color::srgba(0.95, 0.35, 0.35, 0.55)),
        ),
        (
            PerceptronPart::ThresholdPlane,
            glass(
                &mut materials,
                theme::bevy_color(theme::ACCENT).with_alpha(0.28),
            ),
        ),
        (
            PerceptronPart::FloorClass1,
            glass(&mut materials, Color::srgb_u8(r1, g1, b1)),
        ),
        (
            PerceptronPart::FloorClass0,
            glass(&mut materials, Color::srgb_u8(r0, g0, b0)),
        ),
    ];
    for (part, material) in parts {
        commands.spawn((
            Name::new(format!("{part:?}")),
            part,
            Mesh3d(meshes.add(polygon_mesh(&[]))),
            MeshMaterial3d(material),
            DespawnOnExit(Exhibit::Perceptron),
        ));
    }
    let rod = meshes.add(Cylinder::new(LINE_RADIUS, 1.0));
    let black = materials.add(StandardMaterial {
        base_color: Color::BLACK,
        unlit: true,
        ..default()
    });
    let white = materials.add(StandardMaterial {
        base_color: Color::WHITE,
        unlit: true,
        ..default()
    });
    for (part, material) in [
        (PerceptronPart::FloorBoundary, black),
        (PerceptronPart::PlaneBoundary, white),
    ] {
        commands.spawn((
            Name::new(format!("{part:?}")),
            part,
            Mesh3d(rod.clone()),
            MeshMaterial3d(material),
            Transform::from_scale(Vec3::ZERO),
            DespawnOnExit(Exhibit::Perceptron),
        ));
    }
    let ball = meshes.add(Sphere::new(0.13).mesh().uv(24, 16));
    for part in [PerceptronPart::FloorPoint, PerceptronPart::PlanePoint] {
        commands.spawn((
            Name::new(format!("{part:?}")),
            part,
            Mesh3d(ball.clone()),
            MeshMaterial3d(materials.add(StandardMaterial {
                base_color: theme::bevy_color(theme::GOOD),
                ..default()
            })),
            Transform::default(),
            DespawnOnExit(Exhibit::Perceptron),
        ));
    }
}

/// Rebuilds the planes, floor regions and boundary lines for new weights, bias or threshold.
fn shape_planes(
    params: Res<PerceptronParams>,
    out: Res<PerceptronOutput>,
    mut parts: Query<(&PerceptronPart, &Mesh3d, &mut Transform)>,
    fresh: Query<(), Added<PerceptronPart>>,
    mut meshes: ResMut<Assets<Mesh>>,
) {
    // New parts (a new visit) need shaping even when no parameter changed since the last one.
    if !(params.is_changed() || out.is_changed() || !fresh.is_empty()) {
        return;
    }
    let p = params.sanitized();
    let h = INPUT_HALF;
    let score = |q: [f64; 2]| p.w1 * q[0] + p.w2 * q[1] + p.bias;
    let lifted = |region: Vec<[f64; 2]>| {
        region
            .into_iter()
            .map(|q| to_world(q[0], q[1], score(q)))
            .collect::<Vec<_>>()
    };
    let floor = |region: Vec<[f64; 2]>| {
        region
            .into_iter()
            .map(|q| floor_point(q[0], q[1]) + Vec3::Y * 0.002)
            .collect::<Vec<_>>()
    };
    let (region_1, region_0) = (
        class_region(p.w1, p.w2, p.bias, p.threshold, h, 1),
        class_region(p.w1, p.w2, p.bias, p.threshold, h, 0),
    );
    let square = [[-h, -h], [h, -h], [h, h], [-h, h]];
    for (part, mesh, mut transform) in &mut parts {
        let points = match part {
            PerceptronPart::PlaneAbove => lifted(region_1.clone()),
            PerceptronPart::PlaneBelow => lifted(region_0.clone()),
            PerceptronPart::ThresholdPlane => square
                .iter()
                .map(|q| to_world(q[0], q[1], p.threshold))
                .collect(),
            PerceptronPart::FloorClass1 => floor(region_1.clone()),
            PerceptronPart::FloorClass0 => floor(region_0.clone()),
            PerceptronPart::FloorBoundary | PerceptronPart::PlaneBoundary => {
                *transform = match out.boundary {
                    Boundary::Line { p0, p1 } if *part == PerceptronPart::FloorBoundary => segment(
                        floor_point(p0[0], p0[1]) + Vec3::Y * 0.01,
                        floor_point(p1[0], p1[1]) + Vec3::Y * 0.01,
                    ),
                    Boundary::Line { p0, p1 } => segment(
                        to_world(p0[0], p0[1], p.threshold),
                        to_world(p1[0], p1[1], p.threshold),
                    ),
                    _ => Transform::from_scale(Vec3::ZERO),
                };
                continue;
            }
            _ => continue,
        };
        if let Some(mut mesh) = meshes.get_mut(&mesh.0) {
            *mesh = polygon_mesh(&points);
        }
    }
}

/// The input on the floor and lifted onto the plane, coloured by the output.
fn place_input_point(
    params: Res<PerceptronParams>,
    out: Res<PerceptronOutput>,
    mut parts: Query<(
        &PerceptronPart,
        &mut Transform,
        &MeshMaterial3d<StandardMaterial>,
    )>,
    fresh: Query<(), Added<PerceptronPart>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    if !(params.is_changed() || out.is_changed() || !fresh.is_empty()) {
        return;
    }
    let p = params.sanitized();
    let color = theme::bevy_color(if out.output == 1 {
        theme::GOOD
    } else {
        theme::BAD
    });
    for (part, mut transform, material) in &mut parts {
        let at = match part {
            PerceptronPart::FloorPoint => floor_point(p.x1, p.x2) + Vec3::Y * 0.1,
            PerceptronPart::PlanePoint => to_world(p.x1, p.x2, out.z),
            _ => continue,
        };
        transform.translation = at;
        if let Some(mut m) = materials.get_mut(&material.0) {
            m.base_color = color;
            m.emissive = LinearRgba::from(color) * 0.3;
        }
    }
}

/// The input square's outline on the floor, and the drop line from the plane to the floor.
fn draw_guides(mut gizmos: Gizmos, params: Res<PerceptronParams>, out: Res<PerceptronOutput>) {
    let p = params.sanitized();
    let h = INPUT_HALF;
    let corners = [[-h, -h], [h, -h], [h, h], [-h, h], [-h, -h]];
    gizmos.linestrip(
        corners.iter().map(|q| floor_point(q[0], q[1])),
        Color::srgb(0.7, 0.75, 0.8),
    );
    gizmos.line(
        floor_point(-h, 0.0),
        floor_point(h, 0.0),
        Color::srgba(1.0, 1.0, 1.0, 0.25),
    );
    gizmos.line(
        floor_point(0.0, -h),
        floor_point(0.0, h),
        Color::srgba(1.0, 1.0, 1.0, 0.25),
    );
    let color = theme::bevy_color(if out.output == 1 {
        theme::GOOD
    } else {
        theme::BAD
    });
    gizmos.line(floor_point(p.x1, p.x2), to_world(p.x1, p.x2, out.z), color);
    gizmos.line(
        to_world(p.x1, p.x2, p.threshold),
        to_world(p.x1, p.x2, out.z),
        theme::bevy_color(theme::ACCENT),
    );
}

/// A drag cut short by leaving the exhibit must not keep the camera of the next one frozen.
fn release_pointer(mut grab: ResMut<PointerGrab>) {
    grab.set_if_neq(PointerGrab(false));
}

/// Only start a drag over the scene; continue one wherever the pointer goes.
fn drag_may_start_or_continue(
    grab: Res<PointerGrab>,
    wants: Option<Res<bevy_egui::input::EguiWantsInput>>,
    scene: Res<crate::ui::SceneViewport>,
    window: Query<&Window, With<PrimaryWindow>>,
    touches: Option<Res<Touches>>,
) -> bool {
    grab.0 || pointer_free(wants, scene, window, touches)
}

/// Press on the floor point and drag: x1 and x2 follow, snapped to the sliders' 0.05 steps.
fn drag_input_point(
    buttons: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    window: Query<&Window, With<PrimaryWindow>>,
    camera: Query<(&Camera, &GlobalTransform), With<OrbitCamera>>,
    mut grab: ResMut<PointerGrab>,
    mut params: ResMut<PerceptronParams>,
) {
    let (Ok(window), Ok((camera, transform))) = (window.single(), camera.single()) else {
        return;
    };
    let finger = touches.iter().next().map(|t| t.position());
    let pointer = finger.or_else(|| window.cursor_position());
    let pressed = buttons.pressed(MouseButton::Left) || finger.is_some();
    let just_pressed =
        buttons.just_pressed(MouseButton::Left) || touches.iter_just_pressed().next().is_some();
    if !pressed {
        if grab.0 {
            grab.0 = false;
        }
        return;
    }
    let Some(pointer) = pointer else {
        return;
    };
    if just_pressed {
        let p = params.sanitized();
        let near = camera
            .world_to_viewport(transform, floor_point(p.x1, p.x2))
            .is_ok_and(|at| at.distance(pointer) < GRAB_RADIUS);
        if near != grab.0 {
            grab.0 = near;
        }
    }
    if !grab.0 {
        return;
    }
    let Ok(ray) = camera.viewport_to_world(transform, pointer) else {
        return;
    };
    if ray.direction.y.abs() < 1e-6 {
        return;
    }
    let t = (FLOOR - ray.origin.y) / ray.direction.y;
    if t <= 0.0 {
        return;
    }
    let hit = ray.origin + *ray.direction * t;
    let snap = |v: f64| (v / 0.05).round() * 0.05;
    let x1 = X1.sanitize(snap((hit.x / SQUARE_SCALE) as f64));
    let x2 = X2.sanitize(snap((-hit.z / SQUARE_SCALE) as f64));
    if (x1, x2) != (params.x1, params.x2) {
        params.x1 = x1;
        params.x2 = x2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn world_mapping_is_finite_and_upright() {
        assert!(to_world(f64::NAN, f64::INFINITY, -1e300).is_finite());
        assert!(to_world(0.0, 0.0, 1.0).y > to_world(0.0, 0.0, -1.0).y);
        assert!(
            floor_point(1.0, 1.0).z < 0.0,
            "x2 grows away from the viewer"
        );
    }

    #[test]
    fn degenerate_polygons_make_empty_meshes() {
        let mesh = polygon_mesh(&[]);
        assert_eq!(mesh.count_vertices(), 0);
        let mesh = polygon_mesh(&[Vec3::ZERO, Vec3::X, Vec3::Z]);
        assert_eq!(mesh.indices().map(|i| i.len()), Some(3));
    }
}
