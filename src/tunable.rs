//! `--set exhibit.field=value`: open an exhibit in a prepared state (a lecturer's starting
//! point, a README picture). Values are checked against the notebook's slider ranges when the
//! command line is parsed, so a bad one is an error before any window opens.

use bevy::prelude::*;

use crate::{LaunchOptions, ui::widgets::SliderSpec};

/// Parameters that can be set from the command line.
pub trait Tunable: Resource + Default {
    /// The exhibit name before the dot (`landscape` in `landscape.lr=0.3`).
    const PREFIX: &'static str;
    /// Sets one field from text; an unknown field or a bad value is an error message.
    fn set(&mut self, field: &str, value: &str) -> Result<(), String>;
}

/// Parses a number for a slider: finite and inside the slider's range.
pub fn number(spec: &SliderSpec, value: &str) -> Result<f64, String> {
    let v: f64 = value
        .trim()
        .parse()
        .map_err(|_| format!("{}: '{value}' is not a number", spec.label))?;
    if !v.is_finite() || v < spec.min || v > spec.max {
        return Err(format!(
            "{}: {value} is outside {}..={}",
            spec.label, spec.min, spec.max
        ));
    }
    // The slider can only show values on its steps; so can the command line.
    let k = (v - spec.min) / spec.step;
    if (k - k.round()).abs() > 1e-6 {
        return Err(format!(
            "{}: {value} is not on the slider's steps of {} from {}",
            spec.label, spec.step, spec.min
        ));
    }
    Ok(v)
}

/// Parses `true`/`false` (also `on`/`off`, `1`/`0`).
pub fn flag(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "1" | "yes" => Ok(true),
        "false" | "off" | "0" | "no" => Ok(false),
        _ => Err(format!("'{value}' is not true or false")),
    }
}

/// Parses a class label 0 or 1.
pub fn label(value: &str) -> Result<u8, String> {
    match value.trim() {
        "0" => Ok(0),
        "1" => Ok(1),
        _ => Err(format!("'{value}' is not a class label (0 or 1)")),
    }
}

/// Splits `exhibit.field=value`.
pub fn split(setting: &str) -> Result<(&str, &str, &str), String> {
    let (key, value) = setting
        .split_once('=')
        .ok_or_else(|| format!("'{setting}' is not of the form exhibit.field=value"))?;
    let (prefix, field) = key
        .split_once('.')
        .ok_or_else(|| format!("'{key}' is not of the form exhibit.field"))?;
    Ok((prefix.trim(), field.trim(), value))
}

/// Checks a setting against every tunable exhibit (used by the command line).
pub fn validate(setting: &str) -> Result<(), String> {
    use crate::exhibits::{
        activations::ActivationParams, backprop::BackpropParams, landscape::LandscapeParams,
        losses::LossParams, neuron::NeuronParams, perceptron::PerceptronParams,
    };
    fn check<T: Tunable>(prefix: &str, field: &str, value: &str) -> Option<Result<(), String>> {
        (prefix == T::PREFIX).then(|| T::default().set(field, value))
    }
    let (prefix, field, value) = split(setting)?;
    check::<NeuronParams>(prefix, field, value)
        .or_else(|| check::<PerceptronParams>(prefix, field, value))
        .or_else(|| check::<ActivationParams>(prefix, field, value))
        .or_else(|| check::<LossParams>(prefix, field, value))
        .or_else(|| check::<BackpropParams>(prefix, field, value))
        .or_else(|| check::<LandscapeParams>(prefix, field, value))
        .unwrap_or_else(|| {
            Err(format!(
                "unknown exhibit '{prefix}' in '{setting}'; settable: neuron, perceptron, activations, losses, backprop, landscape"
            ))
        })
}

/// Applies this exhibit's `--set` values when the app is built, before the first state is
/// entered, so the exhibit opens in the prepared state rather than switching into it.
pub fn plugin<T: Tunable>(app: &mut App) {
    let settings = app
        .world()
        .get_resource::<LaunchOptions>()
        .map(|o| o.settings.clone())
        .unwrap_or_default();
    let mut params = T::default();
    let mut any = false;
    for setting in &settings {
        let Ok((prefix, field, value)) = split(setting) else {
            continue;
        };
        if prefix != T::PREFIX {
            continue;
        }
        match params.set(field, value) {
            Ok(()) => any = true,
            // Already validated natively; on the web a bad value is skipped with a warning.
            Err(message) => warn!("ignoring --set {setting}: {message}"),
        }
    }
    if any {
        app.insert_resource(params);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_settings_validate() {
        for s in [
            "landscape.lr=0.3",
            "landscape.race=true",
            "landscape.basins=on",
            "neuron.inhibitory=7",
            "neuron.view=ai",
            "perceptron.w2=0",
            "perceptron.view=top",
            "backprop.y_true=0",
            "losses.pred_prob=0.001",
            "activations.function=relu",
        ] {
            assert_eq!(validate(s), Ok(()), "{s}");
        }
    }

    #[test]
    fn bad_settings_say_why() {
        for s in [
            "landscape.lr=9",
            "landscape.lr=nan",
            "landscape.lr=",
            "landscape.colour=red",
            "moon.x=1",
            "landscape",
            "landscape.race=maybe",
            "perceptron.x1=2",
            "backprop.y_true=2",
            "neuron.inhibitory=2.5",
            "landscape.lr=0.0051",
        ] {
            let err = validate(s).expect_err(s);
            assert!(!err.is_empty());
        }
    }
}
