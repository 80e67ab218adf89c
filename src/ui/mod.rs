//! The egui overlay: its camera, the navigation bar, the layout that exhibits' panels share, and
//! the run conditions that keep egui's input out of the 3D scene.

pub mod nav;
pub mod overlay;
pub mod theme;
pub mod widgets;

use bevy::{
    camera::{CameraOutputMode, Viewport, visibility::RenderLayers},
    prelude::*,
    render::render_resource::BlendState,
    window::PrimaryWindow,
};
use bevy_egui::{
    EguiContexts, EguiPrimaryContextPass, PrimaryEguiContext, egui, input::EguiWantsInput,
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiLayout>()
        .init_resource::<SceneViewport>()
        .init_resource::<UiSettings>()
        .configure_sets(
            EguiPrimaryContextPass,
            (UiSystems::Shell, UiSystems::Panels, UiSystems::Overlay).chain(),
        )
        .add_systems(Startup, spawn_backdrop_and_ui_cameras)
        .add_systems(
            EguiPrimaryContextPass,
            (
                (apply_ui_settings, nav::draw_navigation)
                    .chain()
                    .in_set(UiSystems::Shell),
                publish_scene_viewport.in_set(UiSystems::Overlay),
            ),
        )
        .add_systems(
            PostUpdate,
            fit_scene_cameras.in_set(crate::AppSystems::SyncVisuals),
        )
        .add_plugins(nav::plugin);
}

/// Order of the egui pass: the shell claims the top, exhibits their panels, overlays paint last.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiSystems {
    /// Settings, navigation bar.
    Shell,
    /// Each exhibit's parameter panel and playback bar.
    Panels,
    /// Labels painted over the scene and the scene viewport that remains.
    Overlay,
}

/// The part of the window that panels have not claimed yet this frame, in egui points.
#[derive(Resource, Debug, Clone, Copy)]
pub struct UiLayout {
    /// The free rectangle; each panel shrinks it.
    pub free: egui::Rect,
}

impl Default for UiLayout {
    fn default() -> Self {
        Self {
            free: egui::Rect::EVERYTHING,
        }
    }
}

/// The window area left for the 3D/2D scene, in physical pixels. Cameras fit their viewport to
/// it so the scene is centred in the space the panels leave, and pointer input outside it
/// belongs to egui.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq)]
pub struct SceneViewport {
    /// Top-left corner, physical pixels.
    pub min: UVec2,
    /// Size, physical pixels; zero until the UI has been laid out once.
    pub size: UVec2,
}

impl SceneViewport {
    /// Whether a physical-pixel position falls in the scene.
    pub fn contains(&self, p: Vec2) -> bool {
        self.size == UVec2::ZERO
            || (p.x >= self.min.x as f32
                && p.y >= self.min.y as f32
                && p.x < (self.min.x + self.size.x) as f32
                && p.y < (self.min.y + self.size.y) as f32)
    }
}

/// Visitor-adjustable presentation settings.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct UiSettings {
    /// Multiplies egui's automatic scale (which follows the window height, so a 4K projector
    /// shows the same layout as a 1280x720 laptop).
    pub scale: f32,
}

impl Default for UiSettings {
    fn default() -> Self {
        Self { scale: 1.0 }
    }
}

/// Range of the UI scale setting.
pub const UI_SCALE_RANGE: std::ops::RangeInclusive<f32> = 0.6..=2.0;

/// Logical window height the layout is designed for; taller windows scale egui up.
const DESIGN_HEIGHT: f32 = 720.0;

/// Run condition: egui is not typing into a text field, so shortcuts may act.
pub fn keyboard_free(wants: Option<Res<EguiWantsInput>>) -> bool {
    wants.is_none_or(|w| !w.wants_keyboard_input())
}

/// Run condition: the pointer (or first finger) is over the scene and not dragging a widget.
pub fn pointer_free(
    wants: Option<Res<EguiWantsInput>>,
    scene: Res<SceneViewport>,
    window: Query<&Window, With<PrimaryWindow>>,
    touches: Option<Res<Touches>>,
) -> bool {
    if wants.is_some_and(|w| w.is_using_pointer() || w.is_popup_open()) {
        return false;
    }
    let Ok(window) = window.single() else {
        return true;
    };
    let scale = window.scale_factor();
    let finger = touches.and_then(|t| t.iter().next().map(|t| t.position() * scale));
    match finger.or_else(|| window.physical_cursor_position()) {
        Some(p) => scene.contains(p),
        None => true,
    }
}

/// Marks a camera that draws an exhibit's scene: its viewport follows [`SceneViewport`].
#[derive(Component, Debug, Clone, Copy, Default)]
pub struct SceneCamera;

/// The backdrop clears the window every frame (exhibit cameras draw into a sub-rectangle over
/// it without clearing), and the UI camera draws egui on top of everything. Both live for the
/// whole run, so exhibits can spawn and despawn their cameras without losing the egui context.
fn spawn_backdrop_and_ui_cameras(mut commands: Commands) {
    commands.spawn((
        Name::new("Backdrop camera"),
        Camera2d,
        Camera {
            order: -1,
            clear_color: ClearColorConfig::Default,
            ..default()
        },
        RenderLayers::none(),
    ));
    commands.spawn((
        Name::new("UI camera"),
        PrimaryEguiContext,
        Camera2d,
        RenderLayers::none(),
        Camera {
            order: 100,
            output_mode: CameraOutputMode::Write {
                blend_state: Some(BlendState::ALPHA_BLENDING),
                clear_color: ClearColorConfig::None,
            },
            clear_color: ClearColorConfig::None,
            ..default()
        },
    ));
}

/// Applies the theme once and the zoom whenever the window height or the setting changes.
fn apply_ui_settings(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut applied: Local<Option<(f32, f32)>>,
    mut layout: ResMut<UiLayout>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let height = window.single().map(|w| w.height()).unwrap_or(DESIGN_HEIGHT);
    let key = (height, settings.scale);
    if *applied != Some(key) {
        if applied.is_none() {
            theme::apply(ctx);
        }
        let auto = (height / DESIGN_HEIGHT).clamp(0.75, 3.0);
        ctx.set_zoom_factor(auto * settings.scale);
        *applied = Some(key);
    }
    layout.free = ctx.viewport_rect();
    Ok(())
}

/// Converts what the panels left free into the physical-pixel scene viewport.
fn publish_scene_viewport(
    mut contexts: EguiContexts,
    layout: Res<UiLayout>,
    mut scene: ResMut<SceneViewport>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let ppp = ctx.pixels_per_point();
    let rect = layout.free;
    let min = UVec2::new(
        (rect.min.x * ppp).max(0.0) as u32,
        (rect.min.y * ppp).max(0.0) as u32,
    );
    let size = UVec2::new(
        (rect.width() * ppp).max(1.0) as u32,
        (rect.height() * ppp).max(1.0) as u32,
    );
    let next = SceneViewport { min, size };
    if *scene != next {
        *scene = next;
    }
    Ok(())
}

/// Fits every scene camera's viewport to the area the panels leave, when that area changes or
/// a camera appears.
fn fit_scene_cameras(
    scene: Res<SceneViewport>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut cameras: Query<(&mut Camera, Ref<SceneCamera>)>,
) {
    let Ok(window) = window.single() else {
        return;
    };
    let window_size = window.physical_size();
    let fits = scene.size.x > 0
        && scene.size.y > 0
        && scene.min.x + scene.size.x <= window_size.x
        && scene.min.y + scene.size.y <= window_size.y;
    let viewport = fits.then(|| Viewport {
        physical_position: scene.min,
        physical_size: scene.size,
        ..default()
    });
    for (mut camera, marker) in &mut cameras {
        let same = match (&camera.viewport, &viewport) {
            (Some(a), Some(b)) => {
                a.physical_position == b.physical_position && a.physical_size == b.physical_size
            }
            (None, None) => true,
            _ => false,
        };
        if (scene.is_changed() || marker.is_added()) && !same {
            camera.viewport = viewport.clone();
        }
    }
}

/// Gives the whole free area to a screen drawn entirely by egui (plots, text).
pub fn central<R>(
    ctx: &egui::Context,
    layout: &mut UiLayout,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let mut root = egui::Ui::new(
        ctx.clone(),
        egui::Id::new("nn-lab central"),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(layout.free),
    );
    let inner = egui::CentralPanel::default()
        .show(&mut root, add_contents)
        .inner;
    layout.free = egui::Rect::from_min_size(layout.free.min, egui::Vec2::ZERO);
    inner
}

/// Shows a panel on one side of the free area and shrinks the free area by it.
pub fn panel<R>(
    ctx: &egui::Context,
    layout: &mut UiLayout,
    panel: egui::Panel,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let mut root = egui::Ui::new(
        ctx.clone(),
        egui::Id::new((
            "nn-lab panel root",
            layout.free.min.x as i32,
            layout.free.min.y as i32,
        )),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(layout.free),
    );
    let inner = panel.show(&mut root, add_contents).inner;
    layout.free = root.available_rect_before_wrap();
    inner
}

/// The standard right-hand parameter panel of an exhibit, scrolling when the window is short.
pub fn parameter_panel<R>(
    ctx: &egui::Context,
    layout: &mut UiLayout,
    id: &'static str,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    panel(
        ctx,
        layout,
        egui::Panel::right(id)
            .resizable(false)
            .exact_size(PANEL_WIDTH),
        |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, add_contents)
                .inner
        },
    )
}

/// Width of the parameter panel in points: wide enough for a slider, its label and its value.
pub const PANEL_WIDTH: f32 = 380.0;
