//! A headless nn-lab: `MinimalPlugins`, states, assets and input, our `CorePlugin`, no window and
//! no renderer. One update is exactly one fixed step, so playback is predictable.

#![allow(dead_code)]

use std::time::Duration;

use bevy::{prelude::*, time::TimeUpdateStrategy};
use nn_lab::Exhibit;

/// Simulated time per update: exactly one fixed step at Bevy's default 64 Hz.
pub const FRAME: Duration = Duration::from_micros(15_625);

/// An app opened on `exhibit`, after its first update (startup and `OnEnter` have run).
pub fn app_on(exhibit: Exhibit) -> App {
    let mut app = nn_lab::headless_app(exhibit);
    app.insert_resource(TimeUpdateStrategy::ManualDuration(FRAME));
    app.update();
    app
}

/// Switches the exhibit and runs the two updates a transition takes to settle.
pub fn go_to(app: &mut App, exhibit: Exhibit) {
    app.world_mut()
        .resource_mut::<NextState<Exhibit>>()
        .set(exhibit);
    app.update();
    app.update();
}

/// Every Transform in the world is finite.
pub fn all_transforms_finite(app: &mut App) -> bool {
    let mut query = app.world_mut().query::<&Transform>();
    query
        .iter(app.world())
        .all(|t| t.translation.is_finite() && t.rotation.is_finite() && t.scale.is_finite())
}

/// Presses and releases a key the way a keyboard does (through input messages), one update each.
pub fn tap_key(app: &mut App, key: KeyCode) {
    use bevy::input::{
        ButtonState,
        keyboard::{Key, KeyboardInput},
    };
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(KeyboardInput {
            key_code: key,
            logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
            state,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
        app.update();
    }
}

/// Every vertex position of every mesh asset is finite.
pub fn all_meshes_finite(app: &App) -> bool {
    use bevy::mesh::VertexAttributeValues;
    app.world()
        .resource::<Assets<Mesh>>()
        .iter()
        .all(|(_, mesh)| match mesh.attribute(Mesh::ATTRIBUTE_POSITION) {
            Some(VertexAttributeValues::Float32x3(positions)) => {
                positions.iter().flatten().all(|v| v.is_finite())
            }
            _ => true,
        })
}
