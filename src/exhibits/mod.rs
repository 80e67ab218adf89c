//! The screens of the exhibit, in the notebook's order, and how to move between them.

pub mod activations;
pub mod backprop;
pub mod intro;
pub mod landscape;
pub mod losses;
pub mod neuron;
pub mod perceptron;
pub mod wrapup;

use bevy::prelude::*;

use crate::{AppSystems, ui::keyboard_free};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        intro::plugin,
        neuron::plugin,
        perceptron::plugin,
        activations::plugin,
        losses::plugin,
        backprop::plugin,
        landscape::plugin,
        wrapup::plugin,
    ))
    .add_systems(
        Update,
        navigate_with_keys
            .in_set(AppSystems::ReadInput)
            .run_if(keyboard_free),
    );
}

/// The screen being shown: the clinical framing, the notebook's six sections, the wrap-up.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Exhibit {
    /// Section 0: why this matters (a triage model from vitals).
    #[default]
    Intro,
    /// Section 1: from brain neuron to AI neuron.
    Neuron,
    /// Section 2: inputs, weights, bias, threshold, output.
    Perceptron,
    /// Section 3: activation functions.
    Activations,
    /// Section 4: loss functions.
    Losses,
    /// Section 5: backpropagation on a single sigmoid neuron.
    Backprop,
    /// Section 6: local and global minima on a loss landscape.
    Landscape,
    /// The notebook's wrap-up: the whole story in five lines.
    WrapUp,
}

impl Exhibit {
    /// Every screen in the notebook's order.
    pub const ALL: [Exhibit; 8] = [
        Exhibit::Intro,
        Exhibit::Neuron,
        Exhibit::Perceptron,
        Exhibit::Activations,
        Exhibit::Losses,
        Exhibit::Backprop,
        Exhibit::Landscape,
        Exhibit::WrapUp,
    ];

    /// The name used on the command line (`--exhibit landscape`).
    pub fn slug(self) -> &'static str {
        match self {
            Exhibit::Intro => "intro",
            Exhibit::Neuron => "neuron",
            Exhibit::Perceptron => "perceptron",
            Exhibit::Activations => "activations",
            Exhibit::Losses => "losses",
            Exhibit::Backprop => "backprop",
            Exhibit::Landscape => "landscape",
            Exhibit::WrapUp => "wrapup",
        }
    }

    /// The short title on the navigation bar.
    pub fn title(self) -> &'static str {
        match self {
            Exhibit::Intro => "Why it matters",
            Exhibit::Neuron => "1 Neuron",
            Exhibit::Perceptron => "2 Perceptron",
            Exhibit::Activations => "3 Activations",
            Exhibit::Losses => "4 Losses",
            Exhibit::Backprop => "5 Backprop",
            Exhibit::Landscape => "6 Landscape",
            Exhibit::WrapUp => "Wrap-up",
        }
    }

    /// Looks a screen up by its command-line name.
    pub fn from_slug(slug: &str) -> Option<Exhibit> {
        Exhibit::ALL.into_iter().find(|e| e.slug() == slug)
    }

    fn index(self) -> usize {
        Exhibit::ALL.iter().position(|e| *e == self).unwrap_or(0)
    }

    /// The next screen, stopping at the last one (a clicker must not wrap around mid-lecture).
    pub fn next(self) -> Exhibit {
        Exhibit::ALL[(self.index() + 1).min(Exhibit::ALL.len() - 1)]
    }

    /// The previous screen, stopping at the first one.
    pub fn previous(self) -> Exhibit {
        Exhibit::ALL[self.index().saturating_sub(1)]
    }

    /// Whether the arrow keys belong to this exhibit's playback rather than to navigation.
    pub fn owns_arrow_keys(self) -> bool {
        matches!(self, Exhibit::Backprop | Exhibit::Landscape)
    }
}

/// Digit keys jump to a section; PageUp/PageDown (a presenter's clicker) and, where no playback
/// claims them, Left/Right step through the screens.
fn navigate_with_keys(
    keys: Res<ButtonInput<KeyCode>>,
    current: Res<State<Exhibit>>,
    mut next: ResMut<NextState<Exhibit>>,
) {
    let here = *current.get();
    let arrows = !here.owns_arrow_keys();
    let target = if keys.just_pressed(KeyCode::PageDown)
        || (arrows && keys.just_pressed(KeyCode::ArrowRight))
    {
        Some(here.next())
    } else if keys.just_pressed(KeyCode::PageUp)
        || (arrows && keys.just_pressed(KeyCode::ArrowLeft))
    {
        Some(here.previous())
    } else {
        const DIGITS: [(KeyCode, Exhibit); 8] = [
            (KeyCode::Digit0, Exhibit::Intro),
            (KeyCode::Digit1, Exhibit::Neuron),
            (KeyCode::Digit2, Exhibit::Perceptron),
            (KeyCode::Digit3, Exhibit::Activations),
            (KeyCode::Digit4, Exhibit::Losses),
            (KeyCode::Digit5, Exhibit::Backprop),
            (KeyCode::Digit6, Exhibit::Landscape),
            (KeyCode::Digit7, Exhibit::WrapUp),
        ];
        DIGITS
            .into_iter()
            .find(|(key, _)| keys.just_pressed(*key))
            .map(|(_, exhibit)| exhibit)
    };
    if let Some(target) = target.filter(|t| *t != here) {
        next.set(target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip() {
        for exhibit in Exhibit::ALL {
            assert_eq!(Exhibit::from_slug(exhibit.slug()), Some(exhibit));
        }
        assert_eq!(Exhibit::from_slug("nope"), None);
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        assert_eq!(Exhibit::Intro.previous(), Exhibit::Intro);
        assert_eq!(Exhibit::WrapUp.next(), Exhibit::WrapUp);
        assert_eq!(Exhibit::Neuron.next(), Exhibit::Perceptron);
        assert_eq!(Exhibit::Landscape.previous(), Exhibit::Backprop);
    }
}
