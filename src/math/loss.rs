//! Section 4 of the notebook: how wrong a prediction is (MSE, MAE, BCE) and how that changes.

/// The notebook's guard against `log(0)` in binary cross-entropy (`eps = 1e-9`).
pub const BCE_EPS: f64 = 1e-9;

/// Mean squared error of one prediction, `(y_pred - y_true)^2`, as `regression_loss_demo`.
pub fn mse(y_true: f64, y_pred: f64) -> f64 {
    let d = y_pred - y_true;
    d * d
}

/// Mean absolute error of one prediction, `|y_pred - y_true|`, as `regression_loss_demo`.
pub fn mae(y_true: f64, y_pred: f64) -> f64 {
    (y_pred - y_true).abs()
}

/// Binary cross-entropy `-(y*ln(p+eps) + (1-y)*ln(1-p+eps))` with the notebook's `eps = 1e-9`.
///
/// Finite for `label` in `[0, 1]` and `prob` in `[0, 1]` (at most `-ln(1e-9) ≈ 20.72`).
/// A `prob` outside `[-eps, 1+eps]` takes the log of a negative number and gives NaN.
pub fn bce(label: f64, prob: f64) -> f64 {
    -(label * (prob + BCE_EPS).ln() + (1.0 - label) * (1.0 - prob + BCE_EPS).ln())
}

/// Slope of [`mse`] with respect to the prediction, `2*(y_pred - y_true)`.
pub fn mse_gradient(y_true: f64, y_pred: f64) -> f64 {
    2.0 * (y_pred - y_true)
}

/// Slope of [`mae`] with respect to the prediction: the sign of the error, 0 when exact.
///
/// MAE has a kink at equality; 0 there is the subgradient that makes "no error, no push" true.
/// NaN input gives NaN.
pub fn mae_gradient(y_true: f64, y_pred: f64) -> f64 {
    let d = y_pred - y_true;
    if d > 0.0 {
        1.0
    } else if d < 0.0 {
        -1.0
    } else if d == 0.0 {
        0.0
    } else {
        f64::NAN
    }
}

/// Slope of [`bce`] with respect to `prob`, of the eps form: `-(y/(p+eps) - (1-y)/(1-p+eps))`.
///
/// Shows why confident wrong answers are punished: it grows like `1/eps` near the wrong end.
/// Finite for `label` and `prob` in `[0, 1]`.
pub fn bce_gradient(label: f64, prob: f64) -> f64 {
    -(label / (prob + BCE_EPS) - (1.0 - label) / (1.0 - prob + BCE_EPS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
    }

    #[test]
    fn regression_defaults_match_numpy() {
        // Notebook defaults true 0.7, pred 0.4; the notebook's code with numpy gives
        // MSE 0.08999999999999996 and MAE 0.29999999999999993.
        assert_eq!(mse(0.7, 0.4), 0.08999999999999996);
        assert_eq!(mae(0.7, 0.4), 0.29999999999999993);
    }

    #[test]
    fn bce_matches_numpy() {
        // (label, prob, bce) from the notebook's classification_loss_demo formula run with
        // numpy; the first row is the notebook default (label 1, prob 0.8).
        let cases = [
            (1.0, 0.8, 0.22314355006420974),
            (0.0, 0.8, 1.6094379074341005),
            (1.0, 0.001, 6.907754278982637),
            (0.0, 0.999, 6.907754278982636),
            (1.0, 0.0, 20.72326583694641),
            (0.0, 1.0, 20.72326583694641),
        ];
        for (y, p, want) in cases {
            let got = bce(y, p);
            assert!(
                close(got, want, 1e-14),
                "bce({y}, {p}) = {got}, numpy {want}"
            );
        }
    }

    #[test]
    fn gradients_at_known_points() {
        assert!(close(mse_gradient(0.7, 0.4), -0.6, 1e-15));
        assert_eq!(mae_gradient(0.7, 0.4), -1.0);
        assert_eq!(mae_gradient(0.4, 0.7), 1.0);
        assert_eq!(mae_gradient(0.5, 0.5), 0.0);
        assert!(mae_gradient(f64::NAN, 0.5).is_nan());
        assert!(close(bce_gradient(1.0, 0.8), -1.0 / (0.8 + BCE_EPS), 1e-15));
        assert!(close(bce_gradient(0.0, 0.8), 1.0 / (0.2 + BCE_EPS), 1e-15));
    }

    proptest! {
        /// Central differences (h = 1e-6) confirm every analytic gradient over the slider range.
        #[test]
        fn gradients_match_finite_differences(t in 0.0f64..=1.0, p in 0.001f64..=0.999, label in 0u8..=1) {
            let h = 1e-6;
            let fd = (mse(t, p + h) - mse(t, p - h)) / (2.0 * h);
            prop_assert!(close(fd, mse_gradient(t, p), 1e-5));
            if (p - t).abs() > 1e-4 {
                let fd = (mae(t, p + h) - mae(t, p - h)) / (2.0 * h);
                prop_assert!(close(fd, mae_gradient(t, p), 1e-5));
            }
            let y = f64::from(label);
            let fd = (bce(y, p + h) - bce(y, p - h)) / (2.0 * h);
            prop_assert!(close(fd, bce_gradient(y, p), 1e-5), "fd {fd} vs {}", bce_gradient(y, p));
        }

        /// Every slider position gives finite, non-negative losses and finite gradients.
        #[test]
        fn slider_range_is_finite(t in 0.0f64..=1.0, pred in 0.0f64..=1.0, p in 0.001f64..=0.999, label in 0u8..=1) {
            prop_assert!(mse(t, pred).is_finite() && mse(t, pred) >= 0.0);
            prop_assert!(mae(t, pred).is_finite() && mae(t, pred) >= 0.0);
            let y = f64::from(label);
            prop_assert!(bce(y, p).is_finite() && bce(y, p) >= 0.0);
            prop_assert!(bce_gradient(y, p).is_finite());
        }

        /// The whole closed range [0, 1] for both label and probability stays finite.
        #[test]
        fn bce_is_finite_on_the_closed_unit_square(y in 0.0f64..=1.0, p in 0.0f64..=1.0) {
            prop_assert!(bce(y, p).is_finite());
            prop_assert!(bce_gradient(y, p).is_finite());
        }

        /// Hostile inputs never panic; MSE/MAE of finite inputs are never NaN.
        #[test]
        fn hostile_inputs_do_not_panic(
            a in prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(1e300), Just(-1e300)],
            b in prop_oneof![any::<f64>(), Just(f64::NEG_INFINITY), Just(1e300)],
        ) {
            let (m, e) = (mse(a, b), mae(a, b));
            let (_, _) = (bce(a, b), bce_gradient(a, b));
            let (_, _) = (mse_gradient(a, b), mae_gradient(a, b));
            if a.is_finite() && b.is_finite() {
                prop_assert!(!m.is_nan() && !e.is_nan());
                prop_assert!(!mae_gradient(a, b).is_nan());
            }
        }
    }
}
