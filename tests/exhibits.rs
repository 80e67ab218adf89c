//! Each exhibit turns its slider resources into the state it shows, exactly as `nn_lab::math`.

mod common;

use bevy::prelude::*;
use common::{all_meshes_finite, all_transforms_finite, app_on};
use nn_lab::{
    Exhibit,
    exhibits::{
        activations::{ActivationCurve, ActivationParams},
        backprop::{BackpropParams, TrainingRun},
        losses::{LossCurves, LossParams},
        neuron::{NeuronParams, NeuronSignal},
        perceptron::{PerceptronOutput, PerceptronParams},
    },
    math,
};

#[test]
fn neuron_fire_state_follows_the_sliders() {
    let mut app = app_on(Exhibit::Neuron);
    // The notebook's defaults: 4 + 3 - 2 = 5 >= 5, it fires.
    assert_eq!(
        *app.world().resource::<NeuronSignal>(),
        NeuronSignal {
            total: 5.0,
            fires: true
        }
    );
    for (a, b, inh, th) in [
        (4.0, 3.0, 3.0, 5.0),
        (10.0, 10.0, 0.0, 12.0),
        (0.0, 0.0, 10.0, 0.0),
        (5.0, 5.0, 5.0, 5.0),
    ] {
        *app.world_mut().resource_mut::<NeuronParams>() = NeuronParams {
            excitatory_a: a,
            excitatory_b: b,
            inhibitory: inh,
            threshold: th,
        };
        app.update();
        let (total, fires) = math::neuron::integrate(a, b, inh, th);
        assert_eq!(
            *app.world().resource::<NeuronSignal>(),
            NeuronSignal { total, fires }
        );
    }
}

#[test]
fn neuron_survives_hostile_values() {
    let mut app = app_on(Exhibit::Neuron);
    *app.world_mut().resource_mut::<NeuronParams>() = NeuronParams {
        excitatory_a: f64::NAN,
        excitatory_b: f64::INFINITY,
        inhibitory: -1e300,
        threshold: f64::NEG_INFINITY,
    };
    app.update();
    let signal = *app.world().resource::<NeuronSignal>();
    assert!(signal.total.is_finite());
    assert!(all_transforms_finite(&mut app));
}

#[test]
fn perceptron_output_and_boundary_follow_the_sliders() {
    let mut app = app_on(Exhibit::Perceptron);
    let out = *app.world().resource::<PerceptronOutput>();
    // Notebook defaults: z = 1.5*0.5 - 1.0*(-0.2) + 0.1 = 1.05, output 1.
    assert!((out.z - 1.05).abs() < 1e-12);
    assert_eq!(out.output, 1);
    for (x1, x2, w1, w2, bias, threshold) in [
        (0.5, -0.2, 0.0, -1.0, 0.1, 0.0),
        (-1.0, 1.0, 3.0, 0.0, -2.0, 2.0),
        (0.3, 0.3, 0.0, 0.0, 0.5, 0.0),
        (0.3, 0.3, 0.0, 0.0, -0.5, 0.0),
        (1.0, 1.0, -3.0, -3.0, 2.0, -2.0),
    ] {
        let params = PerceptronParams {
            x1,
            x2,
            w1,
            w2,
            bias,
            threshold,
        };
        *app.world_mut().resource_mut::<PerceptronParams>() = params;
        app.update();
        let out = *app.world().resource::<PerceptronOutput>();
        let (z, y) = math::perceptron::evaluate(x1, x2, w1, w2, bias, threshold);
        assert_eq!((out.z, out.output), (z, y));
        assert_eq!(
            out.boundary,
            math::perceptron::boundary_in_square(w1, w2, bias, threshold, 1.0)
        );
        assert!(all_transforms_finite(&mut app));
    }
}

#[test]
fn activation_curve_follows_choice_and_alpha() {
    let mut app = app_on(Exhibit::Activations);
    let curve = app.world().resource::<ActivationCurve>().clone();
    assert_eq!(curve.values.len(), 500);
    assert!((curve.output - math::activation::sigmoid(0.5)).abs() < 1e-15);
    *app.world_mut().resource_mut::<ActivationParams>() = ActivationParams {
        choice: 4,
        z: -2.0,
        alpha: 0.3,
        show_derivative: true,
    };
    app.update();
    let curve = app.world().resource::<ActivationCurve>().clone();
    assert!((curve.output - (-0.6)).abs() < 1e-12);
    assert_eq!(curve.formula, "f(z)=z if z>=0 else 0.30*z");
}

#[test]
fn losses_follow_the_sliders() {
    let mut app = app_on(Exhibit::Losses);
    let c = app.world().resource::<LossCurves>().clone();
    assert!((c.mae_value - 0.3).abs() < 1e-12 && (c.mse_value - 0.09).abs() < 1e-12);
    assert!((c.bce_value - math::loss::bce(1.0, 0.8)).abs() < 1e-15);
    *app.world_mut().resource_mut::<LossParams>() = LossParams {
        true_value: 0.1,
        pred_value: 0.9,
        true_label: 0,
        pred_prob: 0.999,
    };
    app.update();
    let c = app.world().resource::<LossCurves>().clone();
    assert!((c.mse_value - 0.64).abs() < 1e-12);
    assert!((c.bce_value - math::loss::bce(0.0, 0.999)).abs() < 1e-15);
}

#[test]
fn backprop_history_is_the_notebooks() {
    let mut app = app_on(Exhibit::Backprop);
    let run = app.world().resource::<TrainingRun>().clone();
    let expected = math::backprop::train_single_neuron(0.7, 0.2, 1.0, -0.5, 0.6, 0.0, 0.4, 20);
    assert_eq!(run.history, expected);
    app.world_mut().resource_mut::<BackpropParams>().lr = 1.0;
    app.world_mut().resource_mut::<BackpropParams>().y_true = 0;
    app.update();
    let run = app.world().resource::<TrainingRun>().clone();
    assert_eq!(
        run.history,
        math::backprop::train_single_neuron(0.7, 0.2, 0.0, -0.5, 0.6, 0.0, 1.0, 20)
    );
}

#[test]
fn perceptron_planes_stay_finite_for_every_slider_value() {
    let mut app = app_on(Exhibit::Perceptron);
    let values = [-3.0, -1.0, 0.0, 1e-9, 0.5, 3.0];
    for w1 in values {
        for w2 in values {
            for (bias, threshold) in [(-2.0, 2.0), (0.0, 0.0), (2.0, -2.0), (0.1, 0.0)] {
                *app.world_mut().resource_mut::<PerceptronParams>() = PerceptronParams {
                    x1: 1.0,
                    x2: -1.0,
                    w1,
                    w2,
                    bias,
                    threshold,
                };
                app.update();
                assert!(
                    all_transforms_finite(&mut app),
                    "transform at w1={w1} w2={w2}"
                );
                assert!(all_meshes_finite(&app), "mesh at w1={w1} w2={w2}");
            }
        }
    }
    // Hostile values are sanitised before they reach a mesh.
    *app.world_mut().resource_mut::<PerceptronParams>() = PerceptronParams {
        x1: f64::NAN,
        x2: f64::INFINITY,
        w1: 1e300,
        w2: f64::NEG_INFINITY,
        bias: f64::NAN,
        threshold: -1e300,
    };
    app.update();
    assert!(all_transforms_finite(&mut app));
    assert!(all_meshes_finite(&app));
}

#[test]
fn the_neuron_drawing_morphs_into_the_ai_neuron() {
    use nn_lab::exhibits::neuron::NeuronView;
    let mut app = app_on(Exhibit::Neuron);
    let before = dendrite_tails(&mut app);
    app.world_mut().resource_mut::<NeuronView>().ai = true;
    for _ in 0..200 {
        app.update();
    }
    assert_eq!(app.world().resource::<NeuronView>().morph, 1.0);
    let after = dendrite_tails(&mut app);
    assert_ne!(
        before, after,
        "the dendrites straightened into input arrows"
    );
    assert!(all_transforms_finite(&mut app));
}

#[test]
fn the_perceptron_scene_is_shaped_when_entered_from_another_screen() {
    use nn_lab::exhibits::perceptron::scene::PerceptronPart;
    let mut app = app_on(Exhibit::Intro);
    for _ in 0..3 {
        common::go_to(&mut app, Exhibit::Perceptron);
        app.update();
        let mut q = app
            .world_mut()
            .query::<(&PerceptronPart, &Mesh3d, &Transform)>();
        let parts: Vec<_> = q
            .iter(app.world())
            .map(|(p, m, t)| (*p, m.0.clone(), *t))
            .collect();
        let meshes = app.world().resource::<Assets<Mesh>>();
        for (part, mesh, transform) in parts {
            match part {
                PerceptronPart::PlaneAbove
                | PerceptronPart::PlaneBelow
                | PerceptronPart::ThresholdPlane => {
                    assert!(
                        meshes.get(&mesh).unwrap().count_vertices() >= 3,
                        "{part:?} is empty"
                    );
                }
                PerceptronPart::FloorPoint
                | PerceptronPart::PlanePoint
                | PerceptronPart::FloorBoundary => {
                    assert_ne!(
                        transform.translation,
                        Vec3::ZERO,
                        "{part:?} was never placed"
                    );
                }
                _ => {}
            }
        }
        common::go_to(&mut app, Exhibit::Intro);
    }
}

#[test]
fn the_ai_neuron_is_still_an_ai_neuron_after_a_round_trip() {
    use nn_lab::exhibits::neuron::NeuronView;
    let mut app = app_on(Exhibit::Neuron);
    app.world_mut().resource_mut::<NeuronView>().ai = true;
    for _ in 0..120 {
        app.update();
    }
    let ai_pose = dendrite_tails(&mut app);
    common::go_to(&mut app, Exhibit::Losses);
    common::go_to(&mut app, Exhibit::Neuron);
    app.update();
    assert_eq!(dendrite_tails(&mut app), ai_pose);
}

/// Where each dendrite's drawn segment sits, in dendrite order.
fn dendrite_tails(app: &mut App) -> Vec<(usize, Vec3)> {
    use nn_lab::exhibits::neuron::scene::Dendrite;
    let mut q = app.world_mut().query::<(&Dendrite, &Transform)>();
    let mut v: Vec<_> = q
        .iter(app.world())
        .map(|(d, t)| (d.0, t.translation))
        .collect();
    v.sort_by_key(|(d, _)| *d);
    v
}
