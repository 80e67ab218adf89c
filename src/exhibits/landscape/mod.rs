//! Section 6, local vs global minima: the notebook's loss surface in 3D with a ball rolling down
//! the gradient-descent path, the flat contour map below it, basins of attraction, and a race
//! of plain descent against momentum and Adam.

pub mod ball;
pub mod panel;
pub mod picking;
pub mod surface;

use bevy::prelude::*;

use crate::{
    AppSystems, Exhibit,
    camera::{OrbitCamera, orbit_camera},
    math::{
        landscape::{self, DOMAIN_HALF, Descent, Outcome},
        optimizer::Optimizer,
    },
    playback::Playback,
    ui::widgets::SliderSpec,
};

pub use ball::BallMarker;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LandscapeParams>()
        .init_resource::<DescentRuns>()
        .add_systems(
            OnEnter(Exhibit::Landscape),
            (compute_descents, spawn_landscape_stage).chain(),
        )
        .add_systems(
            PostUpdate,
            (compute_descents, restart_descent_playback)
                .chain()
                .in_set(AppSystems::Simulate)
                .run_if(in_state(Exhibit::Landscape).and_then(resource_changed::<LandscapeParams>)),
        )
        .add_plugins((
            surface::plugin,
            ball::plugin,
            picking::plugin,
            panel::plugin,
            crate::tunable::plugin::<LandscapeParams>,
        ));
}

/// The notebook's `start w` slider: -2.2..2.2, step 0.1, default -1.8.
pub const START_W: SliderSpec = SliderSpec {
    label: "start w",
    min: -2.2,
    max: 2.2,
    step: 0.1,
    default: -1.8,
    decimals: 1,
};
/// The notebook's `start b` slider: -2.2..2.2, step 0.1, default 1.5.
pub const START_B: SliderSpec = SliderSpec {
    label: "start b",
    min: -2.2,
    max: 2.2,
    step: 0.1,
    default: 1.5,
    decimals: 1,
};
/// The learning rate: the notebook's 0.005..0.2 (step 0.005, default 0.05), extended to 1.0 so
/// visitors can watch descent overshoot and diverge.
pub const LEARNING_RATE: SliderSpec = SliderSpec {
    label: "learn rate",
    min: 0.005,
    max: 1.0,
    step: 0.005,
    default: 0.05,
    decimals: 3,
};
/// The top of the notebook's own learning-rate range.
pub const NOTEBOOK_MAX_LR: f64 = 0.2;
/// The notebook's `steps` slider: 1..80, default 30.
pub const STEPS: SliderSpec = SliderSpec {
    label: "steps",
    min: 1.0,
    max: 80.0,
    step: 1.0,
    default: 30.0,
    decimals: 0,
};

/// Playback speed when a path starts, descent steps per second.
pub const DEFAULT_SPEED: f64 = 6.0;

/// World units of height per unit of loss: keeps the surface's relief readable without the
/// corners (loss 7.65) towering over the minima (loss -2.2).
pub const HEIGHT_SCALE: f32 = 0.35;
/// Height of the flat contour map below the surface, world units.
pub const MAP_HEIGHT: f32 = -1.6;
/// Drawn positions are clamped to this half-width so a diverging ball stays near the stage.
pub const DRAW_HALF: f64 = DOMAIN_HALF * 1.12;
/// Drawn losses are clamped to this range for the same reason.
pub const DRAW_LOSS: (f64, f64) = (-2.4, 9.0);

/// The visitor's descent set-up and view toggles.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct LandscapeParams {
    /// Starting weight.
    pub start_w: f64,
    /// Starting bias.
    pub start_b: f64,
    /// Learning rate.
    pub lr: f64,
    /// Number of descent steps.
    pub steps: f64,
    /// Race plain descent against momentum and Adam from the same start.
    pub race: bool,
    /// Colour the map below by the minimum each start point's descent ends in.
    pub basins: bool,
    /// Show the notebook's flat 2D picture (top view of the map) instead of the 3D surface.
    pub flat_map: bool,
}

impl Default for LandscapeParams {
    fn default() -> Self {
        Self {
            start_w: START_W.default,
            start_b: START_B.default,
            lr: LEARNING_RATE.default,
            steps: STEPS.default,
            race: false,
            basins: false,
            flat_map: false,
        }
    }
}

impl LandscapeParams {
    /// Every slider value clamped into range (NaN becomes the default).
    pub fn sanitized(&self) -> Self {
        Self {
            start_w: START_W.sanitize(self.start_w),
            start_b: START_B.sanitize(self.start_b),
            lr: LEARNING_RATE.sanitize(self.lr),
            steps: STEPS.sanitize(self.steps).round(),
            ..*self
        }
    }

    /// The number of descent steps as a count.
    pub fn step_count(&self) -> usize {
        self.sanitized().steps as usize
    }

    /// The optimizers on show: plain descent alone, or all three in a race.
    pub fn optimizers(&self) -> &'static [Optimizer] {
        static RACE: std::sync::OnceLock<[Optimizer; 3]> = std::sync::OnceLock::new();
        let race = RACE.get_or_init(Optimizer::defaults);
        if self.race { &race[..] } else { &race[..1] }
    }
}

impl crate::tunable::Tunable for LandscapeParams {
    const PREFIX: &'static str = "landscape";
    fn set(&mut self, field: &str, value: &str) -> Result<(), String> {
        use crate::tunable::{flag, number};
        match field {
            "start_w" => self.start_w = number(&START_W, value)?,
            "start_b" => self.start_b = number(&START_B, value)?,
            "lr" => self.lr = number(&LEARNING_RATE, value)?,
            "steps" => self.steps = number(&STEPS, value)?.round(),
            "race" => self.race = flag(value)?,
            "basins" => self.basins = flag(value)?,
            "flat_map" => self.flat_map = flag(value)?,
            _ => {
                return Err(format!(
                    "landscape has no field '{field}' (start_w, start_b, lr, steps, race, basins, flat_map)"
                ));
            }
        }
        Ok(())
    }
}

/// One descent per optimizer on show; index 0 is always plain gradient descent, the notebook's.
#[derive(Resource, Debug, Clone, Default)]
pub struct DescentRuns {
    /// The runs, each `steps + 1` finite points with its outcome.
    pub runs: Vec<Run>,
}

/// A descent path and which optimizer made it.
#[derive(Debug, Clone)]
pub struct Run {
    /// The update rule.
    pub optimizer: Optimizer,
    /// Its path and outcome.
    pub descent: Descent,
}

impl Run {
    /// The step at which the run diverged, if it did.
    pub fn diverged_at(&self) -> Option<usize> {
        match self.descent.outcome {
            Outcome::Diverged { step } => Some(step),
            Outcome::Finished => None,
        }
    }
}

/// Recomputes every run into the buffers it already has (no allocation once warm).
fn compute_descents(params: Res<LandscapeParams>, mut runs: ResMut<DescentRuns>) {
    let p = params.sanitized();
    let optimizers = p.optimizers();
    runs.runs.truncate(optimizers.len());
    for (i, optimizer) in optimizers.iter().enumerate() {
        if let Some(run) = runs.runs.get_mut(i) {
            run.optimizer = *optimizer;
            run.descent.outcome = landscape::descend_into(
                &mut run.descent.points,
                *optimizer,
                p.start_w,
                p.start_b,
                p.lr,
                p.step_count(),
            );
        } else {
            runs.runs.push(Run {
                optimizer: *optimizer,
                descent: landscape::descend(*optimizer, p.start_w, p.start_b, p.lr, p.step_count()),
            });
        }
    }
}

/// The descent's playback entity; one per visit.
#[derive(Component, Debug, Clone, Copy, Default)]
pub struct DescentPlayback;

fn spawn_landscape_stage(mut commands: Commands, params: Res<LandscapeParams>) {
    commands.spawn((
        Name::new("Descent playback"),
        DescentPlayback,
        Playback::new(params.step_count(), DEFAULT_SPEED),
        DespawnOnExit(Exhibit::Landscape),
    ));
    let view = if params.flat_map {
        top_view()
    } else {
        home_view()
    };
    commands.spawn((orbit_camera(view), DespawnOnExit(Exhibit::Landscape)));
    commands.spawn((
        Name::new("Sun"),
        DirectionalLight {
            illuminance: 9_000.0,
            shadow_maps_enabled: false,
            ..default()
        },
        Transform::from_xyz(3.0, 8.0, 5.0).looking_at(Vec3::ZERO, Vec3::Y),
        DespawnOnExit(Exhibit::Landscape),
    ));
    commands.insert_resource(GlobalAmbientLight {
        brightness: 450.0,
        ..default()
    });
}

/// The camera's resting view: three-quarters from the front, the whole surface in frame.
pub fn home_view() -> OrbitCamera {
    // From the (-w, +b) corner, so the notebook's default descent rolls towards the viewer.
    let mut orbit = OrbitCamera::new(
        Vec3::new(0.0, -0.45, 0.0),
        std::f32::consts::PI + 0.55,
        0.7,
        9.2,
    );
    orbit.min_pitch = 0.08;
    orbit
}

/// The notebook's picture: straight down, w to the right and b up the screen.
pub fn top_view() -> OrbitCamera {
    let home = home_view();
    let mut orbit = OrbitCamera::new(
        home.focus,
        0.0,
        std::f32::consts::FRAC_PI_2,
        home.distance * 0.85,
    );
    orbit.zoom_range = home.zoom_range;
    orbit.min_pitch = home.min_pitch;
    orbit
}

fn restart_descent_playback(
    mut last: Local<Option<(f64, f64, f64, usize, bool)>>,
    params: Res<LandscapeParams>,
    mut playbacks: Query<&mut Playback, With<DescentPlayback>>,
) {
    // Only a new path restarts the ball; view toggles (basin map, flat map) leave it where it is.
    let p = params.sanitized();
    let key = (p.start_w, p.start_b, p.lr, p.step_count(), p.race);
    if last.replace(key) == Some(key) {
        return;
    }
    for mut playback in &mut playbacks {
        playback.restart_with(params.step_count());
    }
}

/// Maps a model point `(w, b, loss)` to the world: x = w, z = -b (so b grows "up" the screen in
/// the top view, as on the notebook's axes), y = loss scaled. Clamped and NaN-safe, so nothing
/// a diverging path produces can reach a Transform.
pub fn to_world(w: f64, b: f64, loss: f64) -> Vec3 {
    let safe = |v: f64, lo: f64, hi: f64| if v.is_nan() { 0.0 } else { v.clamp(lo, hi) };
    Vec3::new(
        safe(w, -DRAW_HALF, DRAW_HALF) as f32,
        safe(loss, DRAW_LOSS.0, DRAW_LOSS.1) as f32 * HEIGHT_SCALE,
        -safe(b, -DRAW_HALF, DRAW_HALF) as f32,
    )
}

/// The point on the surface above `(w, b)`.
pub fn surface_point(w: f64, b: f64) -> Vec3 {
    to_world(w, b, landscape::loss(w, b))
}

/// The point on the flat map below `(w, b)`.
pub fn map_point(w: f64, b: f64) -> Vec3 {
    let p = to_world(w, b, 0.0);
    Vec3::new(p.x, MAP_HEIGHT, p.z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_world_is_finite_for_anything() {
        for v in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e300,
            -1e300,
            0.0,
        ] {
            assert!(to_world(v, v, v).is_finite());
            assert!(surface_point(v, 1.0).is_finite());
        }
    }

    #[test]
    fn defaults_are_the_notebooks() {
        let p = LandscapeParams::default();
        assert_eq!(
            (p.start_w, p.start_b, p.lr, p.step_count()),
            (-1.8, 1.5, 0.05, 30)
        );
    }
}
