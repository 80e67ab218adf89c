//! Update rules that turn a gradient into a parameter step: the notebook's plain gradient
//! descent, plus momentum and Adam for comparing paths on the loss landscape.

/// Which update rule walks the landscape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Optimizer {
    /// The notebook's rule: `x = x - lr * g`.
    GradientDescent,
    /// Heavy-ball momentum in the form of Distill's "Why Momentum Really Works":
    /// `v = beta*v + g`, `x = x - lr*v`. Rolls through small bumps, may overshoot.
    Momentum {
        /// How much of the previous velocity is kept each step (usually 0.9; keep in [0, 1)).
        beta: f64,
    },
    /// Adam (Kingma & Ba 2015) with bias correction: per-parameter steps of about `lr`.
    Adam {
        /// Decay of the running mean of gradients (usually 0.9; keep in [0, 1)).
        beta1: f64,
        /// Decay of the running mean of squared gradients (usually 0.999; keep in [0, 1)).
        beta2: f64,
        /// Keeps the division finite when gradients vanish (usually 1e-8).
        eps: f64,
    },
}

impl Optimizer {
    /// Momentum with the customary `beta = 0.9`.
    pub fn momentum_default() -> Self {
        Optimizer::Momentum { beta: 0.9 }
    }

    /// Adam with the paper's defaults `beta1 = 0.9`, `beta2 = 0.999`, `eps = 1e-8`.
    pub fn adam_default() -> Self {
        Optimizer::Adam {
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
        }
    }

    /// The three optimizers with their default settings, in menu order.
    pub fn defaults() -> [Optimizer; 3] {
        [
            Optimizer::GradientDescent,
            Optimizer::momentum_default(),
            Optimizer::adam_default(),
        ]
    }

    /// A short label for menus and legends.
    pub fn name(&self) -> &'static str {
        match self {
            Optimizer::GradientDescent => "Gradient descent",
            Optimizer::Momentum { .. } => "Momentum",
            Optimizer::Adam { .. } => "Adam",
        }
    }
}

/// The memory an optimizer carries between steps of one run over two parameters.
///
/// Create one per run (or [`OptimizerState::reset`] it); plain gradient descent keeps nothing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptimizerState {
    optimizer: Optimizer,
    /// Momentum velocity, or Adam's first moment.
    m: [f64; 2],
    /// Adam's second moment.
    v: [f64; 2],
    /// `beta1^t` and `beta2^t` for Adam's bias correction after `t` steps.
    beta_pow: [f64; 2],
}

impl OptimizerState {
    /// Fresh state (zero velocity and moments) for `optimizer`.
    pub fn new(optimizer: Optimizer) -> Self {
        Self {
            optimizer,
            m: [0.0; 2],
            v: [0.0; 2],
            beta_pow: [1.0; 2],
        }
    }

    /// The rule this state belongs to.
    pub fn optimizer(&self) -> Optimizer {
        self.optimizer
    }

    /// Forgets all history so the next step is the first again.
    pub fn reset(&mut self) {
        *self = Self::new(self.optimizer);
    }

    /// Applies one update to `params` given their gradient `grad` and learning rate `lr`.
    ///
    /// Gradient descent computes `x - lr*g` in the notebook's order, so paths match it bit for
    /// bit. Never panics; non-finite inputs or betas outside [0, 1) can give non-finite output,
    /// which callers such as the landscape's descent detect and report.
    pub fn step(&mut self, params: [f64; 2], grad: [f64; 2], lr: f64) -> [f64; 2] {
        match self.optimizer {
            Optimizer::GradientDescent => std::array::from_fn(|k| params[k] - lr * grad[k]),
            Optimizer::Momentum { beta } => {
                let m = &mut self.m;
                std::array::from_fn(|k| {
                    m[k] = beta * m[k] + grad[k];
                    params[k] - lr * m[k]
                })
            }
            Optimizer::Adam { beta1, beta2, eps } => {
                self.beta_pow[0] *= beta1;
                self.beta_pow[1] *= beta2;
                let correction = [1.0 - self.beta_pow[0], 1.0 - self.beta_pow[1]];
                let (m, v) = (&mut self.m, &mut self.v);
                std::array::from_fn(|k| {
                    m[k] = beta1 * m[k] + (1.0 - beta1) * grad[k];
                    v[k] = beta2 * v[k] + (1.0 - beta2) * grad[k] * grad[k];
                    let m_hat = m[k] / correction[0];
                    let v_hat = v[k] / correction[1];
                    params[k] - lr * m_hat / (v_hat.sqrt() + eps)
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * (1.0 + a.abs().max(b.abs()))
    }

    #[test]
    fn gradient_descent_is_the_notebook_rule() {
        let mut s = OptimizerState::new(Optimizer::GradientDescent);
        let p = s.step([1.0, -2.0], [0.5, -4.0], 0.1);
        assert_eq!(p, [1.0 - 0.1 * 0.5, -2.0 - 0.1 * -4.0]);
        let q = s.step(p, [0.5, -4.0], 0.1);
        assert_eq!(q, [p[0] - 0.1 * 0.5, p[1] - 0.1 * -4.0]);
        assert!(close(q[0], 0.9) && close(q[1], -1.2));
    }

    #[test]
    fn momentum_by_hand() {
        // beta 0.9, lr 0.1, grads 1, 2, -1 on one coordinate, starting at 0:
        // v1 = 1 -> x = -0.1; v2 = 0.9 + 2 = 2.9 -> x = -0.39; v3 = 2.61 - 1 = 1.61 -> x = -0.551.
        let mut s = OptimizerState::new(Optimizer::momentum_default());
        let mut x = [0.0, 5.0];
        let mut xs = vec![];
        for g in [1.0, 2.0, -1.0] {
            x = s.step(x, [g, 0.0], 0.1);
            xs.push(x[0]);
            assert_eq!(x[1], 5.0);
        }
        assert!(
            close(xs[0], -0.1) && close(xs[1], -0.39) && close(xs[2], -0.551),
            "{xs:?}"
        );
        s.reset();
        assert!(close(s.step([0.0, 0.0], [1.0, 0.0], 0.1)[0], -0.1));
    }

    #[test]
    fn adam_by_hand() {
        // Adam (0.9, 0.999, 1e-8), lr 0.1, grads 2 then -1 on one coordinate from 0:
        // t=1: m = 0.2, v = 0.004, m_hat = 2, v_hat = 4 -> step 0.1*2/(2+1e-8).
        // t=2: m = 0.18 - 0.1 = 0.08, v = 0.003996 + 0.001 = 0.004996,
        //      m_hat = 0.08/0.19, v_hat = 0.004996/0.001999 -> step 0.1*m_hat/(sqrt(v_hat)+1e-8).
        let mut s = OptimizerState::new(Optimizer::adam_default());
        let x1 = s.step([0.0, 0.0], [2.0, 0.0], 0.1);
        let want1 = -0.1 * 2.0 / (2.0 + 1e-8);
        assert!(close(x1[0], want1), "{x1:?}");
        assert_eq!(x1[1], 0.0);
        let x2 = s.step(x1, [-1.0, 0.0], 0.1);
        let m_hat = 0.08 / 0.19;
        let v_hat: f64 = 0.004996 / 0.001999;
        let want2 = want1 - 0.1 * m_hat / (v_hat.sqrt() + 1e-8);
        assert!(close(x2[0], want2), "{} vs {want2}", x2[0]);
        // The first Adam step has length about lr whatever the gradient's scale.
        let mut s = OptimizerState::new(Optimizer::adam_default());
        assert!((s.step([0.0, 0.0], [1e-3, -1e3], 0.05)[0] + 0.05).abs() < 1e-6);
    }

    #[test]
    fn names_and_defaults() {
        let names: Vec<_> = Optimizer::defaults().iter().map(|o| o.name()).collect();
        assert_eq!(names, ["Gradient descent", "Momentum", "Adam"]);
        assert_eq!(
            Optimizer::momentum_default(),
            Optimizer::Momentum { beta: 0.9 }
        );
        assert_eq!(
            Optimizer::adam_default(),
            Optimizer::Adam {
                beta1: 0.9,
                beta2: 0.999,
                eps: 1e-8
            }
        );
    }

    proptest! {
        /// Ordinary parameters, gradients and learning rates give finite steps for every rule.
        #[test]
        fn ordinary_inputs_stay_finite(
            p in prop::array::uniform2(-10.0f64..10.0),
            g in prop::array::uniform2(-100.0f64..100.0),
            lr in 0.0f64..=1.0,
        ) {
            for o in Optimizer::defaults() {
                let mut s = OptimizerState::new(o);
                let mut x = p;
                for _ in 0..50 {
                    x = s.step(x, g, lr);
                    prop_assert!(x[0].is_finite() && x[1].is_finite(), "{o:?}");
                }
            }
        }

        /// Hostile inputs never panic.
        #[test]
        fn hostile_inputs_do_not_panic(
            p in prop::array::uniform2(prop_oneof![any::<f64>(), Just(f64::NAN), Just(1e300)]),
            g in prop::array::uniform2(prop_oneof![any::<f64>(), Just(f64::INFINITY), Just(-1e300)]),
            lr in prop_oneof![any::<f64>(), Just(1e300), Just(f64::NAN)],
            beta in prop_oneof![any::<f64>(), Just(1.0)],
        ) {
            for o in [Optimizer::GradientDescent, Optimizer::Momentum { beta }, Optimizer::Adam { beta1: beta, beta2: beta, eps: 0.0 }] {
                let mut s = OptimizerState::new(o);
                let mut x = p;
                for _ in 0..5 {
                    x = s.step(x, g, lr);
                }
            }
        }
    }
}
