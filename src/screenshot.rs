//! `--screenshot out.png`: render a fixed number of frames at a fixed frame time, save the
//! window and exit. Used for the README's pictures and CI's render smoke test.

use std::time::Duration;

use bevy::{
    prelude::*,
    render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk},
    time::TimeUpdateStrategy,
};

use crate::LaunchOptions;

pub(super) fn plugin(app: &mut App) {
    let wants_screenshot = app
        .world()
        .get_resource::<LaunchOptions>()
        .is_some_and(|o| o.screenshot.is_some());
    if wants_screenshot {
        // A fixed frame time makes the picture independent of how fast the renderer is
        // (software Vulkan in CI manages a few frames per second).
        app.insert_resource(TimeUpdateStrategy::ManualDuration(FRAME_TIME))
            .add_systems(Last, take_screenshot_then_exit)
            .add_systems(Update, park_cursor);
    }
}

/// Simulated time per frame in screenshot mode.
const FRAME_TIME: Duration = Duration::from_millis(33);
/// Frame at which the window is captured: enough for egui to lay out (it needs two passes),
/// meshes to upload and animations to show motion.
pub const CAPTURE_FRAME: u32 = 30;
/// Give up if the capture has not arrived this many frames later.
const GIVE_UP_AFTER: u32 = 300;

/// A virtual display puts the pointer in the middle of the window, where it would light up
/// hover effects and tooltips in the picture: park it in the top-left corner, over no widget.
fn park_cursor(
    mut windows: Query<&mut Window, With<bevy::window::PrimaryWindow>>,
    mut frames: Local<u32>,
) {
    if *frames < 3 {
        *frames += 1;
        for mut window in &mut windows {
            window.set_cursor_position(Some(Vec2::new(2.0, 2.0)));
        }
    }
}

fn take_screenshot_then_exit(
    mut commands: Commands,
    options: Res<LaunchOptions>,
    mut frame: Local<u32>,
    mut exit: MessageWriter<AppExit>,
) {
    *frame += 1;
    let Some(path) = options.screenshot.clone() else {
        return;
    };
    if *frame == CAPTURE_FRAME {
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(path))
            .observe(
                |_: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
                    exit.write(AppExit::Success);
                },
            );
    } else if *frame > CAPTURE_FRAME + GIVE_UP_AFTER {
        error!("the screenshot never arrived; is a renderer available?");
        exit.write(AppExit::error());
    }
}
