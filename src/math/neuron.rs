//! Section 1 of the notebook: a biological neuron reduced to "add the signals, fire past a threshold".

/// Sums two excitatory signals minus an inhibitory one and says whether the neuron fires.
///
/// This is the notebook's `biological_to_ai_neuron_demo`: `total = a + b - inhibitory` and
/// `fires = total >= threshold`. Returns `(total, fires)`. Any NaN input gives a NaN total that
/// never fires (an IEEE comparison with NaN is false); infinities follow IEEE arithmetic.
pub fn integrate(
    excitatory_a: f64,
    excitatory_b: f64,
    inhibitory: f64,
    threshold: f64,
) -> (f64, bool) {
    let total = excitatory_a + excitatory_b - inhibitory;
    (total, total >= threshold)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn notebook_default_fires_exactly_at_threshold() {
        // Notebook defaults (Exc A 4, Exc B 3, Inhibitory 2, Threshold 5); running the
        // notebook's code with numpy gives total_signal = 5 and fires = True.
        assert_eq!(integrate(4.0, 3.0, 2.0, 5.0), (5.0, true));
    }

    #[test]
    fn inhibition_and_threshold_switch_firing() {
        assert_eq!(integrate(4.0, 3.0, 3.0, 5.0), (4.0, false));
        assert_eq!(integrate(0.0, 0.0, 10.0, 0.0), (-10.0, false));
        assert_eq!(integrate(10.0, 10.0, 0.0, 12.0), (20.0, true));
        assert_eq!(integrate(0.0, 0.0, 0.0, 0.0), (0.0, true));
    }

    #[test]
    fn nan_never_fires() {
        let (total, fires) = integrate(f64::NAN, 1.0, 0.0, 0.0);
        assert!(total.is_nan());
        assert!(!fires);
        let (_, fires) = integrate(1.0, 1.0, 0.0, f64::NAN);
        assert!(!fires);
    }

    proptest! {
        /// Every position of the notebook's four integer sliders.
        #[test]
        fn slider_range_matches_definition(a in 0i32..=10, b in 0i32..=10, inh in 0i32..=10, th in 0i32..=12) {
            let (total, fires) = integrate(a as f64, b as f64, inh as f64, th as f64);
            prop_assert_eq!(total, (a + b - inh) as f64);
            prop_assert_eq!(fires, a + b - inh >= th);
        }

        /// Hostile values never panic and finite inputs give a total that is not NaN.
        #[test]
        fn hostile_inputs_do_not_panic(
            a in prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(1e300)],
            b in prop_oneof![any::<f64>(), Just(f64::NEG_INFINITY), Just(-1e300)],
            inh in any::<f64>(),
            th in any::<f64>(),
        ) {
            let (total, fires) = integrate(a, b, inh, th);
            if a.is_finite() && b.is_finite() && inh.is_finite() {
                prop_assert!(!total.is_nan());
            }
            if total.is_nan() || th.is_nan() {
                prop_assert!(!fires);
            }
        }
    }
}
