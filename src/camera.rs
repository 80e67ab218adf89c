//! The orbit camera of the 3D exhibits: drag to turn, scroll or pinch to zoom, and eased motion
//! so a projector audience is never jolted. Input egui wants never reaches it.

use std::f32::consts::FRAC_PI_2;

use bevy::{
    input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll, MouseScrollUnit},
    prelude::*,
    window::PrimaryWindow,
};

use crate::{
    AppSystems,
    ui::{SceneCamera, pointer_free},
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PointerGrab>()
        .add_systems(
            Update,
            orbit_with_pointer
                .in_set(AppSystems::ReadInput)
                .run_if(pointer_free),
        )
        .add_systems(
            PostUpdate,
            ease_orbit_cameras.in_set(AppSystems::SyncVisuals),
        );
}

/// Radians of turn per physical pixel dragged.
const TURN_PER_PIXEL: f32 = 0.006;
/// Fraction of the remaining way to the goal covered per second (critically damped feel).
const EASE_RATE: f32 = 10.0;
/// The camera never looks exactly straight down: the view matrix needs a defined "up".
const MAX_PITCH: f32 = FRAC_PI_2 - 0.001;

/// Set by an exhibit while it owns the pointer (dragging the perceptron's input point), so the
/// same drag does not also turn the camera.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PointerGrab(pub bool);

/// A camera circling a focus point. The `goal_*` fields are where input wants it; the others
/// ease towards them every frame.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
#[require(SceneCamera)]
pub struct OrbitCamera {
    /// Point looked at.
    pub focus: Vec3,
    /// Turn around the vertical axis, radians.
    pub yaw: f32,
    /// Elevation above the horizon, radians.
    pub pitch: f32,
    /// Distance from the focus, world units.
    pub distance: f32,
    /// Where input wants `yaw`.
    pub goal_yaw: f32,
    /// Where input wants `pitch`.
    pub goal_pitch: f32,
    /// Where input wants `distance`.
    pub goal_distance: f32,
    /// Closest and farthest zoom.
    pub zoom_range: (f32, f32),
    /// Lowest elevation (keep the camera above a surface's floor).
    pub min_pitch: f32,
}

impl OrbitCamera {
    /// A camera at rest at the given angles.
    pub fn new(focus: Vec3, yaw: f32, pitch: f32, distance: f32) -> Self {
        Self {
            focus,
            yaw,
            pitch,
            distance,
            goal_yaw: yaw,
            goal_pitch: pitch,
            goal_distance: distance,
            zoom_range: (distance * 0.35, distance * 2.5),
            min_pitch: 0.05,
        }
    }

    /// Sets where the camera should glide to (a "top view" or "reset view" button).
    pub fn glide_to(&mut self, yaw: f32, pitch: f32, distance: f32) {
        self.goal_yaw = yaw;
        self.goal_pitch = pitch.clamp(self.min_pitch, MAX_PITCH);
        self.goal_distance = distance.clamp(self.zoom_range.0, self.zoom_range.1);
    }

    /// The transform for the current angles; falls back to a safe view if anything is not finite.
    pub fn transform(&self) -> Transform {
        let pitch = self.pitch.clamp(-MAX_PITCH, MAX_PITCH);
        let offset = Vec3::new(
            self.distance * pitch.cos() * self.yaw.sin(),
            self.distance * pitch.sin(),
            self.distance * pitch.cos() * self.yaw.cos(),
        );
        let eye = self.focus + offset;
        if !eye.is_finite() {
            return Transform::from_xyz(0.0, 5.0, 8.0).looking_at(Vec3::ZERO, Vec3::Y);
        }
        Transform::from_translation(eye).looking_at(self.focus, Vec3::Y)
    }

    fn turn(&mut self, delta: Vec2) {
        self.goal_yaw -= delta.x * TURN_PER_PIXEL;
        self.goal_pitch =
            (self.goal_pitch + delta.y * TURN_PER_PIXEL).clamp(self.min_pitch, MAX_PITCH);
    }

    fn zoom(&mut self, factor: f32) {
        if factor.is_finite() && factor > 0.0 {
            self.goal_distance =
                (self.goal_distance * factor).clamp(self.zoom_range.0, self.zoom_range.1);
        }
    }
}

/// The camera bundle every 3D exhibit spawns (with its own `DespawnOnExit`).
pub fn orbit_camera(orbit: OrbitCamera) -> impl Bundle {
    (
        Name::new("Orbit camera"),
        Camera3d::default(),
        Camera {
            order: 0,
            // The backdrop camera already cleared the window.
            clear_color: ClearColorConfig::None,
            ..default()
        },
        orbit.transform(),
        orbit,
    )
}

/// Mouse: left or right drag turns, the wheel zooms. Touch: one finger turns, two pinch.
fn orbit_with_pointer(
    buttons: Res<ButtonInput<MouseButton>>,
    motion: Res<AccumulatedMouseMotion>,
    scroll: Res<AccumulatedMouseScroll>,
    touches: Res<Touches>,
    grab: Res<PointerGrab>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut last_cursor: Local<Option<Vec2>>,
    mut cameras: Query<&mut OrbitCamera>,
) {
    if grab.0 {
        *last_cursor = None;
        return;
    }
    // Follow the cursor rather than raw device motion: the turn then matches what the pointer
    // did on screen, and it works where no raw motion arrives (virtual displays, some touch
    // screens that drive the cursor).
    let dragging = buttons.pressed(MouseButton::Left) || buttons.pressed(MouseButton::Right);
    let cursor = window
        .single()
        .ok()
        .and_then(|w| w.cursor_position().map(|p| p * w.scale_factor()));
    let mut turn = Vec2::ZERO;
    if dragging
        && !buttons.just_pressed(MouseButton::Left)
        && !buttons.just_pressed(MouseButton::Right)
    {
        if let (Some(now), Some(before)) = (cursor, *last_cursor) {
            turn = now - before;
        } else if cursor.is_none() {
            turn = motion.delta;
        }
    }
    *last_cursor = if dragging { cursor } else { None };
    let mut zoom = 1.0;
    if scroll.delta.y != 0.0 {
        let lines = match scroll.unit {
            MouseScrollUnit::Line => scroll.delta.y,
            MouseScrollUnit::Pixel => scroll.delta.y / 40.0,
        };
        zoom *= 0.9f32.powf(lines.clamp(-10.0, 10.0));
    }
    let mut fingers = touches.iter();
    match (fingers.next(), fingers.next()) {
        (Some(one), None) => turn += one.delta(),
        (Some(a), Some(b)) => {
            let before = (a.previous_position() - b.previous_position()).length();
            let after = (a.position() - b.position()).length();
            if before > 1.0 && after > 1.0 {
                zoom *= before / after;
            }
        }
        _ => {}
    }
    for mut orbit in &mut cameras {
        if turn != Vec2::ZERO {
            orbit.turn(turn);
        }
        if zoom != 1.0 {
            orbit.zoom(zoom);
        }
    }
}

/// Moves each orbit camera part of the way to its goal and writes its transform.
fn ease_orbit_cameras(time: Res<Time>, mut cameras: Query<(&mut OrbitCamera, &mut Transform)>) {
    let t = 1.0 - (-EASE_RATE * time.delta_secs()).exp();
    for (mut orbit, mut transform) in &mut cameras {
        let o = *orbit;
        if o.yaw == o.goal_yaw && o.pitch == o.goal_pitch && o.distance == o.goal_distance {
            continue;
        }
        let close = |a: f32, b: f32| {
            if (a - b).abs() < 1e-4 {
                b
            } else {
                a + (b - a) * t
            }
        };
        orbit.yaw = close(o.yaw, o.goal_yaw);
        orbit.pitch = close(o.pitch, o.goal_pitch);
        orbit.distance = close(o.distance, o.goal_distance);
        *transform = orbit.transform();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transform_is_finite_even_for_hostile_angles() {
        let mut orbit = OrbitCamera::new(Vec3::ZERO, f32::NAN, 0.5, 6.0);
        assert!(orbit.transform().translation.is_finite());
        orbit.yaw = 0.3;
        orbit.distance = f32::INFINITY;
        assert!(orbit.transform().translation.is_finite());
    }

    #[test]
    fn zoom_and_pitch_stay_in_range() {
        let mut orbit = OrbitCamera::new(Vec3::ZERO, 0.0, 0.5, 6.0);
        orbit.zoom(1e9);
        assert!(orbit.goal_distance <= 6.0 * 2.5);
        orbit.zoom(f32::NAN);
        assert!(orbit.goal_distance.is_finite());
        orbit.turn(Vec2::new(0.0, 1e6));
        assert!(orbit.goal_pitch < FRAC_PI_2);
    }
}
