//! Playback of an animation made of discrete steps (a descent path, a training run): play,
//! pause, single steps both ways, scrubbing, speed and replay. One component shared by every
//! exhibit that animates, advanced in fixed steps so a test can predict it exactly.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::{AppSystems, ui::keyboard_free};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(FixedUpdate, advance_playback).add_systems(
        Update,
        control_playback_with_keys
            .in_set(AppSystems::ReadInput)
            .run_if(keyboard_free),
    );
}

/// Slowest and fastest playback, in steps per second.
pub const SPEED_RANGE: std::ops::RangeInclusive<f64> = 0.25..=30.0;

/// Where an animation of `len` steps stands. `cursor` is fractional: 2.5 is half-way from step
/// 2 to step 3, so a ball can roll smoothly between the points the model computed.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct Playback {
    /// Position in steps, in `0..=len`.
    pub cursor: f64,
    /// Number of steps; the last point is at `cursor == len`.
    pub len: usize,
    /// Whether fixed updates move the cursor.
    pub playing: bool,
    /// Steps per second.
    pub speed: f64,
}

impl Playback {
    /// A playback at step 0, playing at `speed` steps per second.
    pub fn new(len: usize, speed: f64) -> Self {
        Self {
            cursor: 0.0,
            len,
            playing: true,
            speed: speed.clamp(*SPEED_RANGE.start(), *SPEED_RANGE.end()),
        }
    }

    /// The step the cursor is on or has just passed.
    pub fn step(&self) -> usize {
        (self.cursor.floor().max(0.0) as usize).min(self.len)
    }

    /// Whether the animation has reached its last step.
    pub fn finished(&self) -> bool {
        self.cursor >= self.len as f64
    }

    /// Starts over from step 0 and plays (the lecturer's "watch that again").
    pub fn replay(&mut self) {
        self.cursor = 0.0;
        self.playing = true;
    }

    /// A new animation replaced the old one (a parameter changed): start it from the top.
    pub fn restart_with(&mut self, len: usize) {
        self.len = len;
        self.replay();
    }

    /// Play or pause; playing from the end starts over.
    pub fn toggle(&mut self) {
        if self.playing {
            self.playing = false;
        } else {
            if self.finished() {
                self.cursor = 0.0;
            }
            self.playing = true;
        }
    }

    /// Pauses on the next whole step.
    pub fn step_forward(&mut self) {
        self.playing = false;
        self.cursor = (self.cursor.floor() + 1.0).min(self.len as f64);
    }

    /// Pauses on the previous whole step.
    pub fn step_back(&mut self) {
        self.playing = false;
        self.cursor = (self.cursor.ceil() - 1.0).max(0.0);
    }

    /// Jumps to a position (the timeline), pausing so the frame can be discussed.
    pub fn seek(&mut self, cursor: f64) {
        self.playing = false;
        self.cursor = if cursor.is_nan() {
            0.0
        } else {
            cursor.clamp(0.0, self.len as f64)
        };
    }

    /// The cursor as it should be drawn this frame: fixed steps advance it at 64 Hz, so a
    /// faster display adds the time already elapsed towards the next fixed step (Bevy's
    /// "overstep") and the ball glides instead of pausing on some frames.
    pub fn cursor_at(&self, overstep_secs: f64) -> f64 {
        if self.playing && overstep_secs.is_finite() {
            (self.cursor + self.speed * overstep_secs.max(0.0)).min(self.len as f64)
        } else {
            self.cursor
        }
    }

    /// Moves the cursor by `dt` seconds of play; stops at the end.
    pub fn advance(&mut self, dt: f64) {
        if !self.playing {
            return;
        }
        self.cursor = (self.cursor + self.speed * dt).min(self.len as f64);
        if self.finished() {
            self.playing = false;
        }
    }

    /// The playback bar: replay, step back, play/pause, step forward, timeline and speed.
    /// Writes to `self` only on a click or drag, so change detection stays meaningful.
    pub fn show_controls(ui: &mut egui::Ui, playback: &mut Mut<Playback>) {
        let p = **playback;
        let big = |text: &str| {
            egui::Button::new(egui::RichText::new(text).size(18.0)).min_size(egui::vec2(64.0, 40.0))
        };
        ui.horizontal(|ui| {
            if ui
                .add(big("Replay"))
                .on_hover_text("Start again (R)")
                .clicked()
            {
                playback.replay();
            }
            if ui
                .add(big("< Step"))
                .on_hover_text("One step back (Left)")
                .clicked()
            {
                playback.step_back();
            }
            let label = if p.playing { "Pause" } else { "Play" };
            if ui
                .add(big(label))
                .on_hover_text("Play / pause (Space)")
                .clicked()
            {
                playback.toggle();
            }
            if ui
                .add(big("Step >"))
                .on_hover_text("One step forward (Right)")
                .clicked()
            {
                playback.step_forward();
            }
        });
        let mut cursor = p.cursor;
        // No clamping, step or decimals: any of them makes egui re-round the cursor every frame
        // and report a change, which would pause playback.
        let timeline = egui::Slider::new(&mut cursor, 0.0..=p.len as f64)
            .clamping(egui::SliderClamping::Never)
            .custom_formatter(|v, _| format!("{v:.1}"))
            .text("step");
        if ui.add(timeline).changed() && cursor != p.cursor {
            playback.seek(cursor);
        }
        let mut speed = p.speed;
        let slider = egui::Slider::new(&mut speed, SPEED_RANGE)
            .logarithmic(true)
            .fixed_decimals(1)
            .text("steps / s");
        if ui.add(slider).changed() && speed != p.speed {
            playback.speed = speed;
        }
    }
}

/// Moves every playing animation on by one fixed step of time.
fn advance_playback(time: Res<Time>, mut playbacks: Query<&mut Playback>) {
    let dt = time.delta_secs_f64();
    for mut playback in &mut playbacks {
        if playback.playing {
            playback.advance(dt);
        }
    }
}

/// Space plays or pauses, Left/Right step, R replays, Home/End jump to the ends.
fn control_playback_with_keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut playbacks: Query<&mut Playback>,
) {
    for mut playback in &mut playbacks {
        if keys.just_pressed(KeyCode::Space) {
            playback.toggle();
        }
        if keys.just_pressed(KeyCode::ArrowRight) {
            playback.step_forward();
        }
        if keys.just_pressed(KeyCode::ArrowLeft) {
            playback.step_back();
        }
        if keys.just_pressed(KeyCode::KeyR) {
            playback.replay();
        }
        if keys.just_pressed(KeyCode::Home) {
            playback.seek(0.0);
        }
        if keys.just_pressed(KeyCode::End) {
            let len = playback.len as f64;
            playback.seek(len);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plays_to_the_end_and_stops() {
        let mut p = Playback::new(3, 4.0);
        for _ in 0..16 {
            p.advance(1.0 / 16.0);
        }
        assert_eq!(p.cursor, 3.0);
        assert!(!p.playing);
        p.toggle();
        assert_eq!(p.cursor, 0.0, "play from the end starts over");
    }

    #[test]
    fn steps_land_on_whole_steps() {
        let mut p = Playback::new(5, 1.0);
        p.cursor = 2.4;
        p.step_forward();
        assert_eq!(p.cursor, 3.0);
        p.step_back();
        assert_eq!(p.cursor, 2.0);
        p.step_back();
        p.step_back();
        p.step_back();
        assert_eq!(p.cursor, 0.0);
        p.seek(f64::NAN);
        assert_eq!(p.cursor, 0.0);
        p.seek(99.0);
        assert_eq!(p.cursor, 5.0);
    }
}
