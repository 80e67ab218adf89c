//! The app shell: every exhibit enters and exits cleanly, and switching leaks nothing.

mod common;

use bevy::prelude::*;
use common::{app_on, go_to};

use nn_lab::Exhibit;

fn entity_count(app: &mut App) -> usize {
    app.world_mut().query::<Entity>().iter(app.world()).count()
}

#[test]
fn every_exhibit_opens_from_the_command_line() {
    for exhibit in Exhibit::ALL {
        let mut app = app_on(exhibit);
        assert_eq!(*app.world().resource::<State<Exhibit>>().get(), exhibit);
        app.update();
        assert!(common::all_transforms_finite(&mut app));
    }
}

#[test]
fn switching_back_and_forth_leaks_no_entities_or_meshes() {
    let mut app = app_on(Exhibit::Intro);
    // Visit everything once so lazily registered observers and resources exist, then measure.
    for exhibit in Exhibit::ALL {
        go_to(&mut app, exhibit);
    }
    go_to(&mut app, Exhibit::Intro);
    let baseline = entity_count(&mut app);
    let meshes_after_first_tour = app.world().resource::<Assets<Mesh>>().len();
    for _ in 0..40 {
        for exhibit in Exhibit::ALL {
            go_to(&mut app, exhibit);
            assert!(common::all_transforms_finite(&mut app));
        }
        go_to(&mut app, Exhibit::Intro);
    }
    assert_eq!(entity_count(&mut app), baseline, "entities leaked");
    assert!(
        app.world().resource::<Assets<Mesh>>().len() <= meshes_after_first_tour,
        "meshes leaked"
    );
}

#[test]
fn exhibits_spawn_their_scene_and_remove_it_on_exit() {
    let mut app = app_on(Exhibit::Landscape);
    let with_scene = entity_count(&mut app);
    go_to(&mut app, Exhibit::Losses);
    assert!(entity_count(&mut app) < with_scene);
    assert!(
        app.world_mut()
            .query::<&Camera3d>()
            .iter(app.world())
            .next()
            .is_none(),
        "the landscape camera left with the landscape"
    );
}

#[test]
fn number_keys_and_clicker_keys_navigate() {
    let mut app = app_on(Exhibit::Intro);
    let press = common::tap_key;
    press(&mut app, KeyCode::Digit6);
    assert_eq!(
        *app.world().resource::<State<Exhibit>>().get(),
        Exhibit::Landscape
    );
    press(&mut app, KeyCode::PageUp);
    assert_eq!(
        *app.world().resource::<State<Exhibit>>().get(),
        Exhibit::Backprop
    );
    // On a playback exhibit the arrows step the animation, not the screens.
    press(&mut app, KeyCode::ArrowLeft);
    assert_eq!(
        *app.world().resource::<State<Exhibit>>().get(),
        Exhibit::Backprop
    );
    press(&mut app, KeyCode::Digit2);
    press(&mut app, KeyCode::ArrowRight);
    assert_eq!(
        *app.world().resource::<State<Exhibit>>().get(),
        Exhibit::Activations
    );
}
