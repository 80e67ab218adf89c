//! nn-lab: the notebook "Neural Networks from Scratch" as a touchable Bevy exhibit.
//!
//! `math` holds every formula (pure Rust, no Bevy); everything else adapts it to the screen.

pub mod camera;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod exhibits;
pub mod math;
pub mod playback;
pub mod screenshot;
pub mod tunable;
pub mod ui;

use bevy::{prelude::*, state::app::StatesPlugin, window::WindowResolution};
use bevy_egui::{EguiGlobalSettings, EguiPlugin, EguiPostUpdateSet};

pub use exhibits::Exhibit;

/// How the app is launched: parsed from the command line natively, defaulted on the web.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct LaunchOptions {
    /// The exhibit the app opens on.
    pub exhibit: Exhibit,
    /// Render a few frames, save the window to this PNG and exit (docs and CI).
    pub screenshot: Option<std::path::PathBuf>,
    /// Logical window size in pixels.
    pub window: (u32, u32),
    /// Borderless fullscreen on the primary monitor (kiosk and projector).
    pub fullscreen: bool,
    /// `exhibit.field=value` settings applied at start-up (see [`tunable`]).
    pub settings: Vec<String>,
}

impl Default for LaunchOptions {
    fn default() -> Self {
        Self {
            exhibit: Exhibit::Intro,
            screenshot: None,
            window: (1280, 720),
            fullscreen: false,
            settings: Vec::new(),
        }
    }
}

/// The one ordering of the app's systems: input first (in `Update`), then the model, then what
/// is drawn (both in `PostUpdate`, after the egui pass).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Keyboard, pointer and touch become parameter or camera changes.
    ReadInput,
    /// Parameters become derived model state (paths, outputs, meshes to rebuild).
    Simulate,
    /// Model state becomes transforms, meshes and materials.
    SyncVisuals,
}

/// The whole application with a window and a renderer.
#[derive(Default)]
pub struct AppPlugin {
    /// How the app was launched.
    pub options: LaunchOptions,
}

impl Plugin for AppPlugin {
    fn build(&self, app: &mut App) {
        let options = self.options.clone();
        let mut window = Window {
            title: "nn-lab: Neural Networks from Scratch".into(),
            resolution: WindowResolution::new(options.window.0, options.window.1),
            // Let the browser size the canvas to its parent on the web build.
            fit_canvas_to_parent: true,
            ..default()
        };
        if options.fullscreen {
            window.mode = bevy::window::WindowMode::BorderlessFullscreen(MonitorSelection::Primary);
        }
        app.insert_resource(ClearColor(ui::theme::BACKGROUND))
            .add_plugins(DefaultPlugins.set(WindowPlugin {
                primary_window: Some(window),
                ..default()
            }))
            .add_plugins(EguiPlugin::default())
            // The UI lives on its own camera so exhibits can spawn and despawn theirs freely.
            .insert_resource(EguiGlobalSettings {
                auto_create_primary_context: false,
                ..default()
            })
            .add_plugins(CorePlugin { options });
    }
}

/// Everything but the window and the renderer: states, exhibits, input and UI systems.
///
/// Headless tests add this on top of `MinimalPlugins`; the UI systems then simply never run,
/// because their egui schedule does not exist.
#[derive(Default)]
pub struct CorePlugin {
    /// How the app was launched.
    pub options: LaunchOptions,
}

impl Plugin for CorePlugin {
    fn build(&self, app: &mut App) {
        if !app.is_plugin_added::<StatesPlugin>() {
            app.add_plugins(StatesPlugin);
        }
        app.insert_resource(self.options.clone())
            // Input is read in Update; the model and the visuals follow in PostUpdate, after the
            // egui pass has written this frame's slider values and before transforms propagate,
            // so a slider change is on screen in the same frame.
            .configure_sets(
                PostUpdate,
                (AppSystems::Simulate, AppSystems::SyncVisuals)
                    .chain()
                    .after(EguiPostUpdateSet::EndPass)
                    .before(TransformSystems::Propagate),
            )
            .add_plugins((
                exhibits::plugin,
                camera::plugin,
                playback::plugin,
                ui::plugin,
                screenshot::plugin,
            ));
        app.insert_state(self.options.exhibit);
    }
}

/// A windowless, rendererless nn-lab opened on `exhibit`, not yet updated (so a caller can fix
/// the frame time first): the app the headless tests and the benchmarks drive
/// (`MinimalPlugins`, states, assets, input, [`CorePlugin`]).
pub fn headless_app(exhibit: Exhibit) -> App {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        bevy::asset::AssetPlugin::default(),
        bevy::input::InputPlugin,
    ))
    .init_asset::<Mesh>()
    .init_asset::<StandardMaterial>()
    .init_asset::<ColorMaterial>()
    .add_plugins(CorePlugin {
        options: LaunchOptions {
            exhibit,
            ..default()
        },
    });
    app
}
