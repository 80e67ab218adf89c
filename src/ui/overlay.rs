//! Text painted over a scene at world positions (labels on minima, on dendrites), so the app
//! needs no 3D text: egui draws it at `Camera::world_to_viewport`, clipped to the scene.

use bevy::prelude::*;
use bevy_egui::egui;

use super::SceneViewport;

/// Paints labels over one camera's scene.
pub struct ScenePainter<'a> {
    painter: egui::Painter,
    camera: &'a Camera,
    transform: &'a GlobalTransform,
    /// Window logical pixels to egui points.
    to_points: f32,
}

impl<'a> ScenePainter<'a> {
    /// A painter clipped to the scene viewport, on a layer above it and below the panels' popups.
    pub fn new(
        ctx: &egui::Context,
        scene: &SceneViewport,
        window: &Window,
        camera: &'a Camera,
        transform: &'a GlobalTransform,
        id: &'static str,
    ) -> Self {
        let ppp = ctx.pixels_per_point();
        let clip = egui::Rect::from_min_size(
            egui::pos2(scene.min.x as f32 / ppp, scene.min.y as f32 / ppp),
            egui::vec2(scene.size.x as f32 / ppp, scene.size.y as f32 / ppp),
        );
        Self {
            painter: ctx
                .layer_painter(egui::LayerId::new(egui::Order::Middle, egui::Id::new(id)))
                .with_clip_rect(clip),
            camera,
            transform,
            to_points: window.scale_factor() / ppp,
        }
    }

    /// The scene's rectangle in egui points.
    pub fn clip_rect(&self) -> egui::Rect {
        self.painter.clip_rect()
    }

    /// The underlying painter, for shapes that are not labels (a colour bar).
    pub fn painter(&self) -> &egui::Painter {
        &self.painter
    }

    /// Where a world point lands on screen, in egui points, if it is in front of the camera.
    pub fn project(&self, world: Vec3) -> Option<egui::Pos2> {
        let p = self.camera.world_to_viewport(self.transform, world).ok()?;
        let p = egui::pos2(p.x * self.to_points, p.y * self.to_points);
        p.is_finite().then_some(p)
    }

    /// A label on a dark rounded plate, anchored at a world point plus an offset in points.
    pub fn label(
        &self,
        world: Vec3,
        text: &str,
        color: egui::Color32,
        size: f32,
        anchor: egui::Align2,
        offset: egui::Vec2,
    ) {
        let Some(at) = self.project(world) else {
            return;
        };
        let galley =
            self.painter
                .layout_no_wrap(text.to_owned(), egui::FontId::proportional(size), color);
        let rect = anchor.anchor_size(at + offset, galley.size()).expand(4.0);
        self.painter
            .rect_filled(rect, 5.0, egui::Color32::from_black_alpha(170));
        self.painter
            .galley(rect.min + egui::vec2(4.0, 4.0), galley, color);
    }
}
