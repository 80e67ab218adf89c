//! Section 2 of the notebook: the perceptron's weighted sum, its step output and its decision line.

/// Weights below this magnitude count as zero when drawing the decision line, as in the notebook
/// (`abs(w2) > 1e-8`, then `abs(w1) > 1e-8`).
pub const WEIGHT_EPS: f64 = 1e-8;

/// Computes the perceptron's score and its step output, exactly as `perceptron_playground`.
///
/// Returns `(z, y)` with `z = w1*x1 + w2*x2 + bias` and `y = 1 if z >= threshold else 0`.
/// A NaN anywhere gives a NaN `z` and output 0 (the comparison is false).
pub fn evaluate(x1: f64, x2: f64, w1: f64, w2: f64, bias: f64, threshold: f64) -> (f64, u8) {
    let z = w1 * x1 + w2 * x2 + bias;
    (z, u8::from(z >= threshold))
}

/// Where the decision line `w1*x1 + w2*x2 + bias = threshold` crosses a square plot.
///
/// Lets the app draw the boundary as one segment instead of sampling the line like matplotlib.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Boundary {
    /// The segment of the line inside the square, from `p0` to `p1` in `(x1, x2)` coordinates.
    /// `p0` has the smaller `x1` (the smaller `x2` for a vertical line). A line that only
    /// touches a corner gives `p0 == p1`.
    Line {
        /// First end point, on the square's border.
        p0: [f64; 2],
        /// Second end point, on the square's border.
        p1: [f64; 2],
    },
    /// The line exists but misses the square, or an input is not finite (nothing to draw).
    NoneInSquare,
    /// Both weights are (numerically) zero, so the notebook draws no line: the whole square gets
    /// the class the perceptron gives at the origin (`1` if `bias >= threshold`, else `0`).
    Everywhere(u8),
}

/// Clips the perceptron's decision line to the square `[-half, half]^2` for drawing.
///
/// Follows the notebook's case split: `|w2| > 1e-8` gives the line
/// `x2 = (threshold - bias - w1*x1) / w2`; otherwise `|w1| > 1e-8` gives the vertical line
/// `x1 = (threshold - bias) / w1`; otherwise [`Boundary::Everywhere`]. Any non-finite input or a
/// `half` that is not positive gives [`Boundary::NoneInSquare`].
pub fn boundary_in_square(w1: f64, w2: f64, bias: f64, threshold: f64, half: f64) -> Boundary {
    let all_finite = [w1, w2, bias, threshold, half]
        .iter()
        .all(|v| v.is_finite());
    if !all_finite || half <= 0.0 {
        return Boundary::NoneInSquare;
    }
    if w2.abs() > WEIGHT_EPS {
        let x2_at = |x1: f64| ((threshold - bias - w1 * x1) / w2).clamp(-half, half);
        // The range of x1 where the line stays within -half <= x2 <= half.
        let (mut lo, mut hi) = (-half, half);
        if w1.abs() > 0.0 {
            let a = (threshold - bias - w2 * half) / w1;
            let b = (threshold - bias + w2 * half) / w1;
            lo = lo.max(a.min(b));
            hi = hi.min(a.max(b));
        } else if ((threshold - bias) / w2).abs() > half {
            return Boundary::NoneInSquare;
        }
        let (p0, p1) = ([lo, x2_at(lo)], [hi, x2_at(hi)]);
        // `max`/`min` drop NaN, so overflow in extreme inputs can only surface in the points.
        if lo > hi || !p0.iter().chain(p1.iter()).all(|v| v.is_finite()) {
            return Boundary::NoneInSquare;
        }
        Boundary::Line { p0, p1 }
    } else if w1.abs() > WEIGHT_EPS {
        let x1 = (threshold - bias) / w1;
        if x1.abs() <= half {
            Boundary::Line {
                p0: [x1, -half],
                p1: [x1, half],
            }
        } else {
            Boundary::NoneInSquare
        }
    } else {
        Boundary::Everywhere(u8::from(bias >= threshold))
    }
}

/// The part of the square `[-half, half]^2` where the perceptron outputs `class`, as a polygon.
///
/// The notebook shades these regions with `contourf(zz >= 0)`; this is the exact version: the
/// square clipped to the half-plane `w1*x1 + w2*x2 + bias >= threshold` (class 1) or `<` (class 0,
/// its closure). Vertices run counter-clockwise with no repeat of the first; fewer than three
/// means the class is absent. Any non-finite input, `half <= 0` or a class other than 0 and 1
/// gives an empty polygon.
pub fn class_region(
    w1: f64,
    w2: f64,
    bias: f64,
    threshold: f64,
    half: f64,
    class: u8,
) -> Vec<[f64; 2]> {
    let all_finite = [w1, w2, bias, threshold, half]
        .iter()
        .all(|v| v.is_finite());
    if !all_finite || half <= 0.0 || class > 1 {
        return Vec::new();
    }
    let sign = if class == 1 { 1.0 } else { -1.0 };
    // Signed distance-like score: >= 0 inside the region.
    let score = |p: [f64; 2]| sign * (w1 * p[0] + w2 * p[1] + bias - threshold);
    let square = [[-half, -half], [half, -half], [half, half], [-half, half]];
    let mut out = Vec::with_capacity(5);
    // Sutherland-Hodgman against the single clipping line.
    for k in 0..square.len() {
        let (a, b) = (square[k], square[(k + 1) % square.len()]);
        let (sa, sb) = (score(a), score(b));
        if sa >= 0.0 {
            out.push(a);
        }
        if (sa >= 0.0) != (sb >= 0.0) {
            let t = (sa / (sa - sb)).clamp(0.0, 1.0);
            let t = if t.is_finite() { t } else { 0.5 };
            out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
        }
    }
    if !out.iter().flatten().all(|v| v.is_finite()) {
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hostile() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(1e300),
            Just(-1e300),
            Just(0.0),
            Just(1e-9),
        ]
    }

    #[test]
    fn notebook_default_output() {
        // Notebook defaults x1=0.5, x2=-0.2, w1=1.5, w2=-1.0, bias=0.1, threshold=0.0:
        // the notebook's code run with numpy gives z = 1.05 and output 1.
        let (z, y) = evaluate(0.5, -0.2, 1.5, -1.0, 0.1, 0.0);
        assert_eq!(z, 1.05);
        assert_eq!(y, 1);
    }

    #[test]
    fn threshold_is_inclusive() {
        assert_eq!(evaluate(0.0, 0.0, 1.0, 1.0, 0.5, 0.5), (0.5, 1));
        assert_eq!(evaluate(0.0, 0.0, 1.0, 1.0, 0.4, 0.5), (0.4, 0));
        assert_eq!(evaluate(f64::NAN, 0.0, 1.0, 1.0, 0.4, 0.5).1, 0);
    }

    #[test]
    fn default_boundary_is_the_line_x2_equals_1_5_x1_plus_0_1() {
        // 1.5*x1 - x2 + 0.1 = 0  <=>  x2 = 1.5*x1 + 0.1, which enters the unit square at
        // x2 = -1 (x1 = -0.7333...) and leaves at x2 = 1 (x1 = 0.6).
        match boundary_in_square(1.5, -1.0, 0.1, 0.0, 1.0) {
            Boundary::Line { p0, p1 } => {
                assert!((p0[0] - (-1.1 / 1.5)).abs() < 1e-12);
                assert!((p0[1] + 1.0).abs() < 1e-12);
                assert!((p1[0] - 0.6).abs() < 1e-12);
                assert!((p1[1] - 1.0).abs() < 1e-12);
            }
            other => panic!("expected a line, got {other:?}"),
        }
    }

    #[test]
    fn special_cases() {
        // w2 = 0: vertical line x1 = (threshold - bias) / w1.
        assert_eq!(
            boundary_in_square(2.0, 0.0, 0.5, 1.5, 1.0),
            Boundary::Line {
                p0: [0.5, -1.0],
                p1: [0.5, 1.0]
            }
        );
        // w1 = 0: horizontal line x2 = (threshold - bias) / w2.
        assert_eq!(
            boundary_in_square(0.0, 2.0, 0.5, 1.5, 1.0),
            Boundary::Line {
                p0: [-1.0, 0.5],
                p1: [1.0, 0.5]
            }
        );
        // No weights: one class everywhere, decided by bias >= threshold.
        assert_eq!(
            boundary_in_square(0.0, 0.0, 0.1, 0.0, 1.0),
            Boundary::Everywhere(1)
        );
        assert_eq!(
            boundary_in_square(0.0, 0.0, -0.1, 0.0, 1.0),
            Boundary::Everywhere(0)
        );
        // Lines that miss the square.
        assert_eq!(
            boundary_in_square(0.1, 0.0, 2.0, 0.0, 1.0),
            Boundary::NoneInSquare
        );
        assert_eq!(
            boundary_in_square(0.0, 0.1, 2.0, 0.0, 1.0),
            Boundary::NoneInSquare
        );
        assert_eq!(
            boundary_in_square(1.0, 1.0, 2.5, 0.0, 1.0),
            Boundary::NoneInSquare
        );
        // Non-finite input or an empty square.
        assert_eq!(
            boundary_in_square(f64::NAN, 1.0, 0.0, 0.0, 1.0),
            Boundary::NoneInSquare
        );
        assert_eq!(
            boundary_in_square(1.0, 1.0, 0.0, 0.0, 0.0),
            Boundary::NoneInSquare
        );
    }

    /// Shoelace area of a polygon.
    fn area(poly: &[[f64; 2]]) -> f64 {
        let n = poly.len();
        (0..n)
            .map(|k| {
                let (a, b) = (poly[k], poly[(k + 1) % n]);
                a[0] * b[1] - b[0] * a[1]
            })
            .sum::<f64>()
            / 2.0
    }

    #[test]
    fn default_class_regions() {
        // x2 = 1.5*x1 + 0.1 splits the unit square; class 1 (1.5*x1 - x2 + 0.1 >= 0) lies below
        // the line, to the right.
        let one = class_region(1.5, -1.0, 0.1, 0.0, 1.0, 1);
        let zero = class_region(1.5, -1.0, 0.1, 0.0, 1.0, 0);
        assert!(one.len() >= 3 && zero.len() >= 3);
        assert!((area(&one) + area(&zero) - 4.0).abs() < 1e-12);
        assert!(area(&one) > 0.0 && area(&zero) > 0.0, "counter-clockwise");
        // Exact area of class 0 (above the line): the full-height strip left of x1 = -11/15,
        // plus the integral of (1 - x2(x1)) from -11/15 to 0.6 where the line is inside.
        let (a, b) = (-1.1 / 1.5, 0.6);
        let above = 2.0 * (a + 1.0) + (b - a) - (0.75 * (b * b - a * a) + 0.1 * (b - a));
        assert!(
            (area(&zero) - above).abs() < 1e-12,
            "{} vs {above}",
            area(&zero)
        );
        // One class everywhere when both weights vanish; the other class is empty.
        assert_eq!(class_region(0.0, 0.0, 0.1, 0.0, 1.0, 1).len(), 4);
        assert!(class_region(0.0, 0.0, 0.1, 0.0, 1.0, 0).len() < 3);
        assert!(class_region(f64::NAN, 0.0, 0.1, 0.0, 1.0, 1).is_empty());
        assert!(class_region(1.0, 0.0, 0.1, 0.0, 1.0, 2).is_empty());
    }

    proptest! {
        /// Every slider position: the two class regions tile the square, and their vertices get
        /// the right class (or sit on the line).
        #[test]
        fn slider_range_class_regions_tile_the_square(
            w1 in -3.0f64..=3.0, w2 in -3.0f64..=3.0,
            bias in -2.0f64..=2.0, threshold in -2.0f64..=2.0,
        ) {
            let mut total = 0.0;
            for class in [0u8, 1] {
                let poly = class_region(w1, w2, bias, threshold, 1.0, class);
                if poly.len() >= 3 {
                    let a = area(&poly);
                    prop_assert!(a >= -1e-12);
                    total += a;
                }
                for p in &poly {
                    prop_assert!(p[0].abs() <= 1.0 + 1e-12 && p[1].abs() <= 1.0 + 1e-12);
                    let z = w1 * p[0] + w2 * p[1] + bias - threshold;
                    let on_line = z.abs() < 1e-9;
                    prop_assert!(on_line || u8::from(z >= 0.0) == class, "{p:?} z {z}");
                }
            }
            prop_assert!((total - 4.0).abs() < 1e-9, "area {total}");
        }

        /// Every slider position: the segment lies in the square, on the line, with both ends on
        /// the border, and points just off the line on either side get different classes.
        #[test]
        fn slider_range_boundary_is_the_decision_line(
            w1 in -3.0f64..=3.0, w2 in -3.0f64..=3.0,
            bias in -2.0f64..=2.0, threshold in -2.0f64..=2.0,
        ) {
            let half = 1.0;
            match boundary_in_square(w1, w2, bias, threshold, half) {
                Boundary::Line { p0, p1 } => {
                    for p in [p0, p1] {
                        prop_assert!(p[0].abs() <= half + 1e-12 && p[1].abs() <= half + 1e-12);
                        let on_border = (p[0].abs() - half).abs() < 1e-9 || (p[1].abs() - half).abs() < 1e-9;
                        prop_assert!(on_border, "{p:?} not on the border");
                        let residual = w1 * p[0] + w2 * p[1] + bias - threshold;
                        prop_assert!(residual.abs() < 1e-9 * (1.0 + w1.abs() + w2.abs()) + WEIGHT_EPS * half);
                    }
                    let mid = [(p0[0] + p1[0]) / 2.0, (p0[1] + p1[1]) / 2.0];
                    let norm = (w1 * w1 + w2 * w2).sqrt();
                    if norm > 1e-3 {
                        let d = 1e-4 / norm;
                        let a = evaluate(mid[0] + d * w1, mid[1] + d * w2, w1, w2, bias, threshold).1;
                        let b = evaluate(mid[0] - d * w1, mid[1] - d * w2, w1, w2, bias, threshold).1;
                        prop_assert_eq!((a, b), (1, 0));
                    }
                }
                Boundary::NoneInSquare => {
                    // The whole square is one class: all four corners agree.
                    let c: Vec<u8> = [[-half, -half], [half, -half], [-half, half], [half, half]]
                        .iter()
                        .map(|p| evaluate(p[0], p[1], w1, w2, bias, threshold).1)
                        .collect();
                    prop_assert!(c.iter().all(|&k| k == c[0]));
                }
                Boundary::Everywhere(class) => {
                    prop_assert!(w1.abs() <= WEIGHT_EPS && w2.abs() <= WEIGHT_EPS);
                    prop_assert_eq!(class, evaluate(0.0, 0.0, w1, w2, bias, threshold).1);
                }
            }
        }

        /// Every slider position of the inputs: z is the notebook's sum and the output its step.
        #[test]
        fn slider_range_evaluate(
            x1 in -1.0f64..=1.0, x2 in -1.0f64..=1.0,
            w1 in -3.0f64..=3.0, w2 in -3.0f64..=3.0,
            bias in -2.0f64..=2.0, threshold in -2.0f64..=2.0,
        ) {
            let (z, y) = evaluate(x1, x2, w1, w2, bias, threshold);
            prop_assert_eq!(z, w1 * x1 + w2 * x2 + bias);
            prop_assert!(z.is_finite());
            prop_assert_eq!(y, u8::from(z >= threshold));
        }

        /// Hostile values never panic; a returned segment is always finite.
        #[test]
        fn hostile_inputs_do_not_panic(
            x1 in hostile(), x2 in hostile(), w1 in hostile(), w2 in hostile(),
            bias in hostile(), threshold in hostile(), half in hostile(),
        ) {
            let (_, y) = evaluate(x1, x2, w1, w2, bias, threshold);
            prop_assert!(y <= 1);
            if let Boundary::Line { p0, p1 } = boundary_in_square(w1, w2, bias, threshold, half) {
                prop_assert!(p0.iter().chain(p1.iter()).all(|v| v.is_finite()));
            }
            for class in [0u8, 1, 7] {
                let poly = class_region(w1, w2, bias, threshold, half, class);
                prop_assert!(poly.iter().flatten().all(|v| v.is_finite()));
            }
        }
    }
}
