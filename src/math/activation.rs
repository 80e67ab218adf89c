//! Section 3 of the notebook: the five activation functions, their slopes and their formula text.

/// The logistic function `1 / (1 + exp(-z))`, written exactly as the notebook's `sigmoid`.
///
/// Shared by the activation explorer and the backpropagation neuron. It never produces NaN for a
/// non-NaN input: `exp(-z)` overflows to infinity for very negative `z`, giving `0`.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// One of the notebook's activation functions (its dropdown, in the same order).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Activation {
    /// `1 if z >= 0 else 0`: the perceptron's hard threshold.
    Step,
    /// `1/(1+exp(-z))`: squashes to (0, 1), read as a probability.
    Sigmoid,
    /// `tanh(z)`: squashes to (-1, 1), centred on zero.
    Tanh,
    /// `max(0, z)`: zero for negative inputs, identity for positive ones.
    Relu,
    /// `z if z >= 0 else alpha*z`: a small negative slope so neurons never go fully dead.
    LeakyRelu {
        /// Slope for negative inputs (the notebook's slider spans 0.01..=0.4, default 0.1).
        alpha: f64,
    },
}

impl Activation {
    /// All five activations in the notebook's dropdown order, Leaky ReLU using `alpha`.
    pub fn all(alpha: f64) -> [Activation; 5] {
        [
            Activation::Step,
            Activation::Sigmoid,
            Activation::Tanh,
            Activation::Relu,
            Activation::LeakyRelu { alpha },
        ]
    }

    /// The dropdown label the notebook uses for this activation.
    pub fn name(&self) -> &'static str {
        match self {
            Activation::Step => "Step",
            Activation::Sigmoid => "Sigmoid",
            Activation::Tanh => "Tanh",
            Activation::Relu => "ReLU",
            Activation::LeakyRelu { .. } => "Leaky ReLU",
        }
    }

    /// The formula text the notebook prints on the plot, character for character.
    ///
    /// Leaky ReLU shows `alpha` with two decimals, like Python's `{alpha:.2f}`.
    pub fn formula(&self) -> String {
        match self {
            Activation::Step => "f(z)=1 if z>=0 else 0".to_owned(),
            Activation::Sigmoid => "f(z)=1/(1+exp(-z))".to_owned(),
            Activation::Tanh => "f(z)=tanh(z)".to_owned(),
            Activation::Relu => "f(z)=max(0,z)".to_owned(),
            Activation::LeakyRelu { alpha } => format!("f(z)=z if z>=0 else {alpha:.2}*z"),
        }
    }

    /// Evaluates the activation at `z`, as the notebook's `activation_values`.
    ///
    /// A NaN input returns NaN for every variant (the honest answer; the notebook's numpy Step
    /// would say 0). Sigmoid and Tanh are finite for every other input, including infinities.
    pub fn apply(&self, z: f64) -> f64 {
        if z.is_nan() {
            return f64::NAN;
        }
        match *self {
            Activation::Step => {
                if z >= 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Sigmoid => sigmoid(z),
            Activation::Tanh => z.tanh(),
            Activation::Relu => z.max(0.0),
            Activation::LeakyRelu { alpha } => {
                if z >= 0.0 {
                    z
                } else {
                    alpha * z
                }
            }
        }
    }

    /// The slope `f'(z)`, drawn as the tangent and used to explain why smooth activations train.
    ///
    /// Step: undefined at 0, zero elsewhere (returns 0 everywhere). ReLU and Leaky ReLU are not
    /// differentiable at 0; there the left slope is returned (0 and `alpha`), the common
    /// framework convention. NaN input returns NaN.
    pub fn derivative(&self, z: f64) -> f64 {
        if z.is_nan() {
            return f64::NAN;
        }
        match *self {
            Activation::Step => 0.0,
            Activation::Sigmoid => {
                let s = sigmoid(z);
                s * (1.0 - s)
            }
            Activation::Tanh => {
                let t = z.tanh();
                1.0 - t * t
            }
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::LeakyRelu { alpha } => {
                if z > 0.0 {
                    1.0
                } else {
                    alpha
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // (z, Step, Sigmoid, Tanh, ReLU, Leaky ReLU alpha=0.1), from running the notebook's
    // `activation_values` with numpy 2.4.6.
    const NUMPY: [[f64; 6]; 6] = [
        [0.5, 1.0, 0.6224593312018546, 0.46211715726000974, 0.5, 0.5],
        [
            -0.5,
            0.0,
            0.3775406687981454,
            -0.46211715726000974,
            0.0,
            -0.05,
        ],
        [
            -6.0,
            0.0,
            0.0024726231566347743,
            -0.9999877116507956,
            0.0,
            -0.6000000000000001,
        ],
        [6.0, 1.0, 0.9975273768433653, 0.9999877116507956, 6.0, 6.0],
        [0.0, 1.0, 0.5, 0.0, 0.0, 0.0],
        [
            -1.3,
            0.0,
            0.2141650169574414,
            -0.8617231593133063,
            0.0,
            -0.13,
        ],
    ];

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
    }

    #[test]
    fn matches_numpy_values() {
        for row in NUMPY {
            let z = row[0];
            for (k, act) in Activation::all(0.1).iter().enumerate() {
                let got = act.apply(z);
                assert!(
                    close(got, row[k + 1], 1e-15),
                    "{act:?}({z}) = {got}, numpy {}",
                    row[k + 1]
                );
            }
        }
        // Other alphas, numpy: -0.925 (0.37), -0.0125 (0.005), -0.3125 (0.125) at z = -2.5.
        assert!(close(
            Activation::LeakyRelu { alpha: 0.37 }.apply(-2.5),
            -0.925,
            1e-15
        ));
        assert!(close(
            Activation::LeakyRelu { alpha: 0.005 }.apply(-2.5),
            -0.0125,
            1e-15
        ));
        assert!(close(
            Activation::LeakyRelu { alpha: 0.125 }.apply(-2.5),
            -0.3125,
            1e-15
        ));
    }

    #[test]
    fn notebook_default_point() {
        // Notebook default: Sigmoid at z = 0.5 prints "output=0.6225" (numpy 0.6224593312018546).
        assert!(close(
            Activation::Sigmoid.apply(0.5),
            0.6224593312018546,
            1e-15
        ));
    }

    #[test]
    fn formulas_and_names_match_the_notebook() {
        let names: Vec<_> = Activation::all(0.1).iter().map(|a| a.name()).collect();
        assert_eq!(names, ["Step", "Sigmoid", "Tanh", "ReLU", "Leaky ReLU"]);
        let formulas: Vec<_> = Activation::all(0.1).iter().map(|a| a.formula()).collect();
        assert_eq!(
            formulas,
            [
                "f(z)=1 if z>=0 else 0",
                "f(z)=1/(1+exp(-z))",
                "f(z)=tanh(z)",
                "f(z)=max(0,z)",
                "f(z)=z if z>=0 else 0.10*z",
            ]
        );
        // Python's f'{alpha:.2f}' for these alphas: '0.37', '0.01', '0.12' (0.125 rounds to even).
        assert_eq!(
            Activation::LeakyRelu { alpha: 0.37 }.formula(),
            "f(z)=z if z>=0 else 0.37*z"
        );
        assert_eq!(
            Activation::LeakyRelu { alpha: 0.005 }.formula(),
            "f(z)=z if z>=0 else 0.01*z"
        );
        assert_eq!(
            Activation::LeakyRelu { alpha: 0.125 }.formula(),
            "f(z)=z if z>=0 else 0.12*z"
        );
    }

    #[test]
    fn sigmoid_saturates_without_nan() {
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
        assert_eq!(sigmoid(f64::NEG_INFINITY), 0.0);
        assert_eq!(sigmoid(f64::INFINITY), 1.0);
        assert_eq!(sigmoid(-1e300), 0.0);
        assert_eq!(Activation::Tanh.apply(f64::INFINITY), 1.0);
        assert_eq!(Activation::Sigmoid.derivative(-1e300), 0.0);
        assert!(Activation::Sigmoid.apply(f64::NAN).is_nan());
        assert!(Activation::Step.apply(f64::NAN).is_nan());
    }

    #[test]
    fn kink_conventions() {
        assert_eq!(Activation::Step.derivative(0.0), 0.0);
        assert_eq!(Activation::Relu.derivative(0.0), 0.0);
        assert_eq!(Activation::LeakyRelu { alpha: 0.2 }.derivative(0.0), 0.2);
        assert_eq!(Activation::LeakyRelu { alpha: 0.2 }.derivative(3.0), 1.0);
    }

    proptest! {
        /// Central differences (h = 1e-6) agree with every analytic slope away from the kink.
        #[test]
        fn derivative_matches_finite_differences(z in -6.0f64..=6.0, alpha in 0.01f64..=0.4) {
            let h = 1e-6;
            prop_assume!(z.abs() > 1e-4);
            for act in Activation::all(alpha) {
                let fd = (act.apply(z + h) - act.apply(z - h)) / (2.0 * h);
                let an = act.derivative(z);
                prop_assert!((fd - an).abs() <= 1e-5 * (1.0 + an.abs()), "{act:?} at {z}: fd {fd} vs {an}");
            }
        }

        /// Every slider position (z in [-6, 6], alpha in [0.01, 0.4]) is finite and in range.
        #[test]
        fn slider_range_is_finite_and_bounded(z in -6.0f64..=6.0, alpha in 0.01f64..=0.4) {
            for act in Activation::all(alpha) {
                let y = act.apply(z);
                prop_assert!(y.is_finite());
                prop_assert!(act.derivative(z).is_finite());
                match act {
                    Activation::Step => prop_assert!(y == 0.0 || y == 1.0),
                    Activation::Sigmoid => prop_assert!((0.0..=1.0).contains(&y)),
                    Activation::Tanh => prop_assert!((-1.0..=1.0).contains(&y)),
                    Activation::Relu => prop_assert!(y >= 0.0),
                    Activation::LeakyRelu { alpha } => prop_assert!(y >= alpha * z - 1e-15),
                }
            }
        }

        /// Hostile inputs never panic; anything not NaN stays not NaN.
        #[test]
        fn hostile_inputs_do_not_panic(
            z in prop_oneof![any::<f64>(), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(1e300), Just(-1e300)],
            alpha in prop_oneof![0.01f64..=0.4, Just(f64::NAN), Just(1e300)],
        ) {
            for act in Activation::all(alpha) {
                let y = act.apply(z);
                let d = act.derivative(z);
                if !z.is_nan() && matches!(act, Activation::Step | Activation::Sigmoid | Activation::Tanh) {
                    prop_assert!(y.is_finite() && d.is_finite());
                }
                if !z.is_nan() && !alpha.is_nan() {
                    prop_assert!(!y.is_nan());
                }
                let _ = act.formula();
            }
        }
    }
}
