//! Entry point: parse the command line (natively), build the app, run it.

use bevy::prelude::*;
use nn_lab::{AppPlugin, LaunchOptions};

fn main() -> AppExit {
    let options = launch_options();
    App::new().add_plugins(AppPlugin { options }).run()
}

#[cfg(not(target_arch = "wasm32"))]
fn launch_options() -> LaunchOptions {
    nn_lab::cli::parse_or_exit()
}

#[cfg(target_arch = "wasm32")]
fn launch_options() -> LaunchOptions {
    LaunchOptions::default()
}
