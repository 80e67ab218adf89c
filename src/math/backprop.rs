//! Section 5 of the notebook: one sigmoid neuron trained on one example with binary
//! cross-entropy, recording every forward pass, loss and gradient along the way.

use super::activation::sigmoid;
use super::loss::bce;

/// One row of the training history: the parameters at a step, what they predict, and the
/// gradient there (the notebook's `history` entry plus the quantities the app animates).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainingStep {
    /// Index in the history; 0 is before any update.
    pub step: usize,
    /// Weight on `x1` at this step.
    pub w1: f64,
    /// Weight on `x2` at this step.
    pub w2: f64,
    /// Bias at this step.
    pub b: f64,
    /// Pre-activation `w1*x1 + w2*x2 + b`.
    pub z: f64,
    /// Prediction `sigmoid(z)`.
    pub y_hat: f64,
    /// BCE loss of `y_hat` against the label, with the notebook's `eps = 1e-9`.
    pub loss: f64,
    /// Gradient of the loss with respect to `w1`: `(y_hat - y_true) * x1`.
    pub dw1: f64,
    /// Gradient of the loss with respect to `w2`: `(y_hat - y_true) * x2`.
    pub dw2: f64,
    /// Gradient of the loss with respect to `b`: `y_hat - y_true`.
    pub db: f64,
}

impl TrainingStep {
    /// Whether every number in the row is finite, so the app can flag a blown-up run.
    pub fn is_finite(&self) -> bool {
        [
            self.w1, self.w2, self.b, self.z, self.y_hat, self.loss, self.dw1, self.dw2, self.db,
        ]
        .iter()
        .all(|v| v.is_finite())
    }

    /// The error signal `dz = y_hat - y_true` that backpropagation sends to every parameter.
    pub fn dz(&self) -> f64 {
        self.db
    }
}

/// One forward and backward pass (recorded as step 0) so the app can animate a single update.
///
/// `z = w1*x1 + w2*x2 + b`, `y_hat = sigmoid(z)`, `loss = bce(y_true, y_hat)`,
/// `dz = y_hat - y_true`, `dw1 = dz*x1`, `dw2 = dz*x2`, `db = dz`, in the notebook's order.
/// `dz` is the exact gradient of BCE without the `eps` guard (the notebook's choice). Never
/// panics; non-finite input propagates into the row (see [`TrainingStep::is_finite`]).
pub fn forward(x1: f64, x2: f64, y_true: f64, w1: f64, w2: f64, b: f64) -> TrainingStep {
    let z = w1 * x1 + w2 * x2 + b;
    let y_hat = sigmoid(z);
    let loss = bce(y_true, y_hat);
    let dz = y_hat - y_true;
    TrainingStep {
        step: 0,
        w1,
        w2,
        b,
        z,
        y_hat,
        loss,
        dw1: dz * x1,
        dw2: dz * x2,
        db: dz,
    }
}

/// Trains the neuron for `steps` gradient steps, as the notebook's `run_single_neuron_training`.
///
/// Returns `steps + 1` rows: row 0 is before any update, row `k` after `k` updates of
/// `w = w - lr * dw`. Every row carries the gradient at its own parameters (the last row's is
/// the update that would come next). Never panics: with a huge `lr` (say 1e300) or NaN input the
/// numbers may overflow to infinity or NaN, which [`TrainingStep::is_finite`] reports.
/// Memory grows with `steps`; the app's slider stops at 100.
#[allow(clippy::too_many_arguments)]
pub fn train_single_neuron(
    x1: f64,
    x2: f64,
    y_true: f64,
    w1: f64,
    w2: f64,
    b: f64,
    lr: f64,
    steps: usize,
) -> Vec<TrainingStep> {
    let mut history = Vec::with_capacity(steps.saturating_add(1));
    train_single_neuron_into(&mut history, x1, x2, y_true, w1, w2, b, lr, steps);
    history
}

/// [`train_single_neuron`] into a caller's buffer, so slider changes reuse its allocation.
///
/// Clears `history` first; allocates only when its capacity is below `steps + 1`.
#[allow(clippy::too_many_arguments)]
pub fn train_single_neuron_into(
    history: &mut Vec<TrainingStep>,
    x1: f64,
    x2: f64,
    y_true: f64,
    w1: f64,
    w2: f64,
    b: f64,
    lr: f64,
    steps: usize,
) {
    history.clear();
    history.reserve(steps.saturating_add(1));
    let (mut w1, mut w2, mut b) = (w1, w2, b);
    for step in 0..=steps {
        let row = TrainingStep {
            step,
            ..forward(x1, x2, y_true, w1, w2, b)
        };
        history.push(row);
        if step == steps {
            break;
        }
        w1 -= lr * row.dw1;
        w2 -= lr * row.dw2;
        b -= lr * row.db;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
    }

    /// (step, w1, w2, b, y_hat, loss) rows from running the notebook's
    /// `run_single_neuron_training` with numpy 2.4.6.
    fn assert_row(row: &TrainingStep, want: [f64; 6]) {
        assert_eq!(row.step as f64, want[0]);
        let got = [row.w1, row.w2, row.b, row.y_hat, row.loss];
        for (g, w) in got.iter().zip(&want[1..]) {
            assert!(close(*g, *w, 1e-12), "{row:?} vs {want:?}");
        }
    }

    #[test]
    fn notebook_defaults_match_numpy() {
        // backprop_demo defaults: x1=0.7, x2=0.2, y_true=1, w1=-0.5, w2=0.6, b=0.0, lr=0.4, steps=20.
        // The notebook prints: before prediction 0.4428, loss 0.8147; after 20 steps 0.9167, 0.0870.
        let h = train_single_neuron(0.7, 0.2, 1.0, -0.5, 0.6, 0.0, 0.4, 20);
        assert_eq!(h.len(), 21);
        assert_row(
            &h[0],
            [0.0, -0.5, 0.6, 0.0, 0.44275214540144436, 0.8147451544451305],
        );
        assert_row(
            &h[1],
            [
                1.0,
                -0.34397060071240443,
                0.6445798283678844,
                0.22289914183942228,
                0.5277304370690463,
                0.6391696596028504,
            ],
        );
        assert_row(
            &h[20],
            [
                20.0,
                0.7024881717536334,
                0.9435680490724666,
                1.7178402453623336,
                0.9166972402381,
                0.08697802346793747,
            ],
        );
    }

    #[test]
    fn label_zero_high_lr_matches_numpy() {
        // x1=0.3, x2=0.9, y_true=0, w1=1.2, w2=-0.4, b=0.5, lr=1.0, steps=100 (numpy).
        let h = train_single_neuron(0.3, 0.9, 0.0, 1.2, -0.4, 0.5, 1.0, 100);
        assert_eq!(h.len(), 101);
        assert_row(
            &h[0],
            [0.0, 1.2, -0.4, 0.5, 0.6224593312018546, 0.9740769815313854],
        );
        assert_row(
            &h[1],
            [
                1.0,
                1.0132622006394436,
                -0.9602133980816692,
                -0.1224593312018546,
                0.3356650384093627,
                0.4089687949708598,
            ],
        );
        assert_row(
            &h[100],
            [
                100.0,
                0.2928678551814923,
                -3.121396434455525,
                -2.523773816061692,
                0.0052452660116576715,
                0.00525906970819967,
            ],
        );
    }

    #[test]
    fn rows_carry_their_own_gradient_and_the_update_rule() {
        let (x1, x2, y, lr) = (0.7, 0.2, 1.0, 0.4);
        let h = train_single_neuron(x1, x2, y, -0.5, 0.6, 0.0, lr, 5);
        for pair in h.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert_eq!(
                a,
                TrainingStep {
                    step: a.step,
                    ..forward(x1, x2, y, a.w1, a.w2, a.b)
                }
            );
            assert_eq!(b.w1, a.w1 - lr * a.dw1);
            assert_eq!(b.w2, a.w2 - lr * a.dw2);
            assert_eq!(b.b, a.b - lr * a.db);
            assert_eq!(a.dz(), a.y_hat - y);
        }
        let last = h[5];
        assert_eq!(
            last,
            TrainingStep {
                step: 5,
                ..forward(x1, x2, y, last.w1, last.w2, last.b)
            }
        );
    }

    #[test]
    fn zero_steps_is_just_the_start() {
        let h = train_single_neuron(0.7, 0.2, 1.0, -0.5, 0.6, 0.0, 0.4, 0);
        assert_eq!(h, vec![forward(0.7, 0.2, 1.0, -0.5, 0.6, 0.0)]);
    }

    #[test]
    fn into_reuses_the_buffer() {
        let mut buf = Vec::with_capacity(101);
        let ptr = buf.as_ptr();
        for steps in [100, 3, 57] {
            train_single_neuron_into(&mut buf, 0.7, 0.2, 1.0, -0.5, 0.6, 0.0, 0.4, steps);
            assert_eq!(buf.len(), steps + 1);
            assert_eq!(buf.as_ptr(), ptr);
        }
        assert_eq!(
            buf,
            train_single_neuron(0.7, 0.2, 1.0, -0.5, 0.6, 0.0, 0.4, 57)
        );
    }

    #[test]
    fn hostile_learning_rate_is_reported_not_panicking() {
        let h = train_single_neuron(0.7, 0.2, 1.0, -0.5, 0.6, 0.0, 1e300, 20);
        assert_eq!(h.len(), 21);
        assert!(h[0].is_finite());
        let h = train_single_neuron(f64::NAN, 0.2, 1.0, -0.5, 0.6, 0.0, 0.4, 3);
        assert!(!h[0].is_finite());
    }

    proptest! {
        /// dz*x1, dz*x2 and dz are the gradients of BCE (up to its eps) by central differences.
        #[test]
        fn gradients_match_finite_differences(
            x1 in 0.0f64..=1.0, x2 in 0.0f64..=1.0, label in 0u8..=1,
            w1 in -2.0f64..=2.0, w2 in -2.0f64..=2.0, b in -2.0f64..=2.0,
        ) {
            let y = f64::from(label);
            let h = 1e-6;
            let r = forward(x1, x2, y, w1, w2, b);
            let loss = |w1: f64, w2: f64, b: f64| forward(x1, x2, y, w1, w2, b).loss;
            let fd = [
                (loss(w1 + h, w2, b) - loss(w1 - h, w2, b)) / (2.0 * h),
                (loss(w1, w2 + h, b) - loss(w1, w2 - h, b)) / (2.0 * h),
                (loss(w1, w2, b + h) - loss(w1, w2, b - h)) / (2.0 * h),
            ];
            for (f, a) in fd.iter().zip([r.dw1, r.dw2, r.db]) {
                // eps = 1e-9 changes the slope by at most ~1e-9 / min(y_hat, 1 - y_hat) here.
                prop_assert!((f - a).abs() <= 1e-5 * (1.0 + a.abs()), "fd {f} vs {a} in {r:?}");
            }
        }

        /// Every slider position trains to finite rows, and the loss at the end is no worse than
        /// the start for learning rates where gradient descent on this convex loss is stable.
        #[test]
        fn slider_range_is_finite(
            x1 in 0.0f64..=1.0, x2 in 0.0f64..=1.0, label in 0u8..=1,
            w1 in -2.0f64..=2.0, w2 in -2.0f64..=2.0, b in -2.0f64..=2.0,
            lr in 0.01f64..=1.0, steps in 1usize..=100,
        ) {
            let h = train_single_neuron(x1, x2, f64::from(label), w1, w2, b, lr, steps);
            prop_assert_eq!(h.len(), steps + 1);
            for (k, row) in h.iter().enumerate() {
                prop_assert_eq!(row.step, k);
                prop_assert!(row.is_finite(), "{row:?}");
                prop_assert!((0.0..=1.0).contains(&row.y_hat));
            }
            // The loss's curvature along the gradient is at most (x1^2 + x2^2 + 1) / 4 <= 0.75,
            // so any lr <= 1 < 2 / 0.75 never increases it.
            prop_assert!(h[steps].loss <= h[0].loss + 1e-9);
        }

        /// Hostile values (NaN, infinities, 1e300, lr far beyond the slider) never panic and keep
        /// the history length; finite inputs with a huge lr only ever saturate the prediction.
        #[test]
        fn hostile_inputs_do_not_panic(
            x1 in prop_oneof![-1e300f64..1e300, Just(f64::NAN), Just(f64::INFINITY)],
            y in prop_oneof![0.0f64..=1.0, Just(f64::NAN), Just(1e300)],
            w in prop_oneof![any::<f64>(), Just(f64::NEG_INFINITY)],
            lr in prop_oneof![0.0f64..1e300, Just(1e300), Just(f64::NAN), Just(f64::INFINITY)],
            steps in 0usize..200,
        ) {
            let h = train_single_neuron(x1, 0.5, y, w, -w, 0.0, lr, steps);
            prop_assert_eq!(h.len(), steps + 1);
            for row in &h {
                let _ = row.is_finite();
                if !row.z.is_nan() {
                    prop_assert!((0.0..=1.0).contains(&row.y_hat));
                }
            }
        }
    }
}
