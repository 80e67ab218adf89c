//! Tap or click the surface (or the flat map) to drop the ball there. A drag turns the camera
//! instead, so only a press and release close together counts as a tap.

use bevy::{prelude::*, window::PrimaryWindow};

use super::{LandscapeParams, MAP_HEIGHT, START_B, START_W, surface_point};
use crate::{
    AppSystems, Exhibit, camera::OrbitCamera, math::landscape::DOMAIN_HALF, ui::pointer_free,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        drop_ball_where_tapped
            .in_set(AppSystems::ReadInput)
            .run_if(in_state(Exhibit::Landscape).and_then(pointer_free)),
    );
}

/// A press that moves less than this many logical pixels before release is a tap.
const TAP_SLOP: f32 = 8.0;
/// Ray-marching step along the pick ray, world units; bisection refines the hit afterwards.
const MARCH_STEP: f32 = 0.02;
/// How far the pick ray is followed, world units.
const MARCH_LIMIT: f32 = 40.0;

fn drop_ball_where_tapped(
    buttons: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    window: Query<&Window, With<PrimaryWindow>>,
    camera: Query<(&Camera, &GlobalTransform), With<OrbitCamera>>,
    mut params: ResMut<LandscapeParams>,
    mut pressed_at: Local<Option<Vec2>>,
) {
    let Ok(window) = window.single() else {
        return;
    };
    let mut tap = None;
    if buttons.just_pressed(MouseButton::Left) {
        *pressed_at = window.cursor_position();
    }
    if buttons.just_released(MouseButton::Left)
        && let (Some(start), Some(end)) = (pressed_at.take(), window.cursor_position())
        && start.distance(end) < TAP_SLOP
    {
        tap = Some(end);
    }
    for touch in touches.iter_just_released() {
        if touch.start_position().distance(touch.position()) < TAP_SLOP {
            tap = Some(touch.position());
        }
    }
    let Some(screen) = tap else {
        return;
    };
    let Ok((camera, transform)) = camera.single() else {
        return;
    };
    let Ok(ray) = camera.viewport_to_world(transform, screen) else {
        return;
    };
    let hit = if params.flat_map {
        hit_map(ray.origin, *ray.direction)
    } else {
        hit_surface(ray.origin, *ray.direction)
    };
    if let Some((w, b)) = hit {
        // Snap to the sliders' 0.1 grid so the panel shows exactly where the ball starts.
        let snap = |v: f64| (v * 10.0).round() / 10.0;
        let (w, b) = (START_W.sanitize(snap(w)), START_B.sanitize(snap(b)));
        if (w, b) != (params.start_w, params.start_b) {
            params.start_w = w;
            params.start_b = b;
        }
    }
}

/// Where a ray meets the flat map, as `(w, b)` on the notebook's square.
pub fn hit_map(origin: Vec3, direction: Vec3) -> Option<(f64, f64)> {
    if direction.y.abs() < 1e-6 {
        return None;
    }
    let t = (MAP_HEIGHT - origin.y) / direction.y;
    let p = origin + direction * t;
    (t > 0.0).then_some(())?;
    on_square(p)
}

/// Where a ray first meets the loss surface, as `(w, b)`, by marching then bisecting.
pub fn hit_surface(origin: Vec3, direction: Vec3) -> Option<(f64, f64)> {
    let below = |p: Vec3| on_square(p).is_some_and(|(w, b)| p.y <= surface_point(w, b).y);
    let mut t = 0.0;
    while t < MARCH_LIMIT {
        let next = t + MARCH_STEP;
        if below(origin + direction * next) {
            let (mut lo, mut hi) = (t, next);
            for _ in 0..24 {
                let mid = 0.5 * (lo + hi);
                if below(origin + direction * mid) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return on_square(origin + direction * hi);
        }
        t = next;
    }
    None
}

fn on_square(p: Vec3) -> Option<(f64, f64)> {
    let (w, b) = (p.x as f64, -p.z as f64);
    (p.is_finite() && w.abs() <= DOMAIN_HALF && b.abs() <= DOMAIN_HALF).then_some((w, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ray_straight_down_hits_the_point_below() {
        let (w, b) = hit_surface(Vec3::new(1.0, 10.0, -0.5), Vec3::NEG_Y).unwrap();
        assert!((w - 1.0).abs() < 1e-4 && (b - 0.5).abs() < 1e-4);
        let (w, b) = hit_map(Vec3::new(-2.0, 10.0, 1.0), Vec3::NEG_Y).unwrap();
        assert!((w + 2.0).abs() < 1e-4 && (b + 1.0).abs() < 1e-4);
    }

    #[test]
    fn rays_that_miss_return_none() {
        assert_eq!(hit_surface(Vec3::new(0.0, 10.0, 0.0), Vec3::Y), None);
        assert_eq!(hit_map(Vec3::new(9.0, 10.0, 0.0), Vec3::NEG_Y), None);
        assert_eq!(hit_map(Vec3::ZERO, Vec3::new(f32::NAN, -1.0, 0.0)), None);
    }
}
