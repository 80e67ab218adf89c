//! Marching squares: iso-lines of a sampled surface, for the notebook's contour plot of the
//! loss landscape (drawn over the filled colour map, as `ax.contour` does).

use super::landscape::linspace_at;

/// Appends to `out` the segments of the iso-line `value == level` over an `n x n` grid.
///
/// `values` is row-major like [`super::landscape::sample_grid`]: row `i` over `b`, column `j`
/// over `w`, both on `linspace(-half, half, n)`; segments come back in `(w, b)` coordinates,
/// crossing points linearly interpolated along cell edges. A corner counts as above when
/// `value >= level`. The ambiguous saddle cells are resolved by the mean of the four corners:
/// if it is above, the above corners are joined through the centre. Cells with a non-finite
/// corner are skipped; a non-finite `level`, `n < 2`, or `values.len() < n * n` appends nothing.
/// Neighbouring cells compute shared crossings identically, so segment ends match bit for bit.
pub fn isolines(values: &[f64], n: usize, half: f64, level: f64, out: &mut Vec<[[f64; 2]; 2]>) {
    if n < 2 || !level.is_finite() || values.len() / n < n {
        return;
    }
    let coord = |k: usize| linspace_at(-half, half, n, k);
    for i in 0..n - 1 {
        let (b0, b1) = (coord(i), coord(i + 1));
        for j in 0..n - 1 {
            let (w0, w1) = (coord(j), coord(j + 1));
            // Corners counter-clockwise from bottom-left: (w0,b0), (w1,b0), (w1,b1), (w0,b1).
            let v = [
                values[i * n + j],
                values[i * n + j + 1],
                values[(i + 1) * n + j + 1],
                values[(i + 1) * n + j],
            ];
            if !v.iter().all(|x| x.is_finite()) {
                continue;
            }
            let case = v
                .iter()
                .enumerate()
                .fold(0u8, |acc, (k, &x)| acc | (u8::from(x >= level) << k));
            // Crossing on an edge from corner value `va` at `pa` to `vb` at `pb`.
            let cross = |va: f64, vb: f64, pa: [f64; 2], pb: [f64; 2]| {
                let t = (level - va) / (vb - va);
                let t = if t.is_finite() {
                    t.clamp(0.0, 1.0)
                } else {
                    0.5
                };
                [pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t]
            };
            // Edges in the same corner order as neighbours use, so shared points are identical.
            let bottom = || cross(v[0], v[1], [w0, b0], [w1, b0]);
            let right = || cross(v[1], v[2], [w1, b0], [w1, b1]);
            let top = || cross(v[3], v[2], [w0, b1], [w1, b1]);
            let left = || cross(v[0], v[3], [w0, b0], [w0, b1]);
            let centre_above = || 0.25 * v[0] + 0.25 * v[1] + 0.25 * v[2] + 0.25 * v[3] >= level;
            match case {
                1 | 14 => out.push([left(), bottom()]),
                2 | 13 => out.push([bottom(), right()]),
                3 | 12 => out.push([left(), right()]),
                4 | 11 => out.push([right(), top()]),
                6 | 9 => out.push([bottom(), top()]),
                7 | 8 => out.push([left(), top()]),
                5 => {
                    // Above: bottom-left and top-right.
                    if centre_above() {
                        out.push([bottom(), right()]);
                        out.push([top(), left()]);
                    } else {
                        out.push([left(), bottom()]);
                        out.push([right(), top()]);
                    }
                }
                10 => {
                    // Above: bottom-right and top-left.
                    if centre_above() {
                        out.push([left(), bottom()]);
                        out.push([right(), top()]);
                    } else {
                        out.push([bottom(), right()]);
                        out.push([top(), left()]);
                    }
                }
                // 0 and 15: the cell is all below or all above.
                _ => {}
            }
        }
    }
}

/// `count` evenly spaced levels strictly between `min` and `max`, ascending.
///
/// Level `k` is `min + (max - min) * (k + 1) / (count + 1)`, so no level touches the extremes
/// (where an iso-line would degenerate to a point). Bounds in either order are accepted; equal
/// or non-finite bounds, or `count == 0`, give no levels.
pub fn levels(min: f64, max: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
    if !(lo.is_finite() && hi.is_finite()) || lo == hi {
        return Vec::new();
    }
    let span = hi - lo;
    let parts = count as f64 + 1.0;
    (0..count)
        .map(|k| {
            let f = (k as f64 + 1.0) / parts;
            if span.is_finite() {
                lo + span * f
            } else {
                // Bounds near f64::MAX apart: blend instead so nothing overflows.
                lo * (1.0 - f) + hi * f
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::landscape::{DOMAIN_HALF, loss, sample_grid};
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn circle_grid(n: usize, half: f64) -> Vec<f64> {
        let mut v = Vec::with_capacity(n * n);
        for i in 0..n {
            for j in 0..n {
                let (w, b) = (
                    linspace_at(-half, half, n, j),
                    linspace_at(-half, half, n, i),
                );
                v.push(w * w + b * b);
            }
        }
        v
    }

    /// How many segment ends sit on each point; a closed curve has every point exactly twice.
    fn endpoint_counts(segs: &[[[f64; 2]; 2]]) -> HashMap<(u64, u64), usize> {
        let mut counts = HashMap::new();
        for p in segs.iter().flatten() {
            *counts.entry((p[0].to_bits(), p[1].to_bits())).or_insert(0) += 1;
        }
        counts
    }

    #[test]
    fn unit_circle() {
        let (n, half) = (41, 2.0);
        let h = 2.0 * half / (n - 1) as f64;
        let mut segs = Vec::new();
        isolines(&circle_grid(n, half), n, half, 1.0, &mut segs);
        // The circle crosses about 8 / h = 80 cells (perimeter times mean |cos| + |sin|).
        assert!((60..=100).contains(&segs.len()), "{} segments", segs.len());
        for p in segs.iter().flatten() {
            let r = p[0].hypot(p[1]);
            assert!((r - 1.0).abs() < h * h, "point {p:?} at radius {r}");
        }
        // One closed loop: every end point is shared by exactly two segments.
        assert!(endpoint_counts(&segs).values().all(|&c| c == 2));
        // The polyline's length approximates 2*pi.
        let length: f64 = segs
            .iter()
            .map(|s| (s[1][0] - s[0][0]).hypot(s[1][1] - s[0][1]))
            .sum();
        assert!(
            (length - std::f64::consts::TAU).abs() < 0.01,
            "length {length}"
        );
    }

    #[test]
    fn saddle_cells_are_deterministic() {
        // One cell, corners (bl, br, tr, tl) = (1, 0, 1, 0) around level 0.5: case 5.
        let mut segs = Vec::new();
        isolines(&[1.0, 0.0, 0.0, 1.0], 2, 1.0, 0.5, &mut segs);
        // Values row-major: row 0 (b = -1): [1, 0]; row 1 (b = 1): [0, 1]. Mean 0.5 >= level,
        // so the above corners join through the centre: cut off bottom-right and top-left.
        assert_eq!(
            segs,
            vec![[[0.0, -1.0], [1.0, 0.0]], [[0.0, 1.0], [-1.0, 0.0]]]
        );
        segs.clear();
        isolines(&[1.0, 0.0, 0.0, 1.0], 2, 1.0, 0.6, &mut segs);
        assert_eq!(segs.len(), 2);
        assert!((segs[0][0][0] - -1.0).abs() < 1e-12 && (segs[0][1][1] - -1.0).abs() < 1e-12);
        // Case 10 mirrors it.
        segs.clear();
        isolines(&[0.0, 1.0, 1.0, 0.0], 2, 1.0, 0.5, &mut segs);
        assert_eq!(
            segs,
            vec![[[-1.0, 0.0], [0.0, -1.0]], [[1.0, 0.0], [0.0, 1.0]]]
        );
    }

    #[test]
    fn landscape_contours_have_no_nan_and_close_up() {
        let mut grid = Vec::new();
        sample_grid(120, DOMAIN_HALF, &mut grid);
        let values: Vec<f64> = grid.iter().map(|p| p[2]).collect();
        let (lo, hi) = values
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                (a.min(v), b.max(v))
            });
        let mut segs = Vec::new();
        for level in levels(lo, hi, 12) {
            let before = segs.len();
            isolines(&values, 120, DOMAIN_HALF, level, &mut segs);
            for s in &segs[before..] {
                for p in s {
                    assert!(p.iter().all(|c| c.is_finite() && c.abs() <= DOMAIN_HALF));
                    // Linear interpolation on a fine grid: the loss there is near the level.
                    assert!(
                        (loss(p[0], p[1]) - level).abs() < 0.05,
                        "{p:?} at level {level}"
                    );
                }
            }
        }
        assert!(!segs.is_empty());
    }

    #[test]
    fn non_finite_cells_are_skipped() {
        let (n, half) = (21, 2.0);
        let mut values = circle_grid(n, half);
        let mut clean = Vec::new();
        isolines(&values, n, half, 1.0, &mut clean);
        values[n * 10 + 15] = f64::NAN; // (w, b) = (1, 0): on the circle.
        values[n * 5 + 5] = f64::INFINITY; // far from the circle.
        let mut segs = Vec::new();
        isolines(&values, n, half, 1.0, &mut segs);
        assert!(segs.len() < clean.len());
        assert!(segs.iter().flatten().flatten().all(|c| c.is_finite()));
        segs.clear();
        isolines(&values, n, half, f64::NAN, &mut segs);
        isolines(&values[..10], n, half, 1.0, &mut segs);
        isolines(&values, 1, half, 1.0, &mut segs);
        isolines(&values, 0, half, 1.0, &mut segs);
        assert!(segs.is_empty());
    }

    #[test]
    fn levels_are_interior_and_even() {
        assert_eq!(levels(0.0, 4.0, 3), vec![1.0, 2.0, 3.0]);
        assert_eq!(levels(4.0, 0.0, 3), vec![1.0, 2.0, 3.0]);
        assert!(levels(1.0, 1.0, 5).is_empty());
        assert!(levels(0.0, 1.0, 0).is_empty());
        assert!(levels(f64::NAN, 1.0, 3).is_empty());
        assert!(levels(0.0, f64::INFINITY, 3).is_empty());
    }

    proptest! {
        /// Any level over the notebook's landscape gives finite, in-square segments.
        #[test]
        fn landscape_any_level(level in -3.0f64..=6.0, n in 2usize..40) {
            let mut grid = Vec::new();
            sample_grid(n, DOMAIN_HALF, &mut grid);
            let values: Vec<f64> = grid.iter().map(|p| p[2]).collect();
            let mut segs = Vec::new();
            isolines(&values, n, DOMAIN_HALF, level, &mut segs);
            for p in segs.iter().flatten() {
                prop_assert!(p.iter().all(|c| c.is_finite() && c.abs() <= DOMAIN_HALF));
            }
            // Interior crossing points are shared by exactly two segments.
            for (&(w, b), &c) in &endpoint_counts(&segs) {
                let (w, b) = (f64::from_bits(w), f64::from_bits(b));
                if w.abs() < DOMAIN_HALF && b.abs() < DOMAIN_HALF {
                    prop_assert!(c == 2 || c == 4, "({w}, {b}) used {c} times");
                }
            }
        }

        /// Hostile grids (NaN, infinities, 1e300) and levels never panic nor emit NaN.
        #[test]
        fn hostile_values_do_not_panic(
            values in prop::collection::vec(prop_oneof![any::<f64>(), Just(f64::NAN), Just(1e300), Just(-1e300), -1.0f64..1.0], 0..64),
            n in 0usize..9,
            half in prop_oneof![0.0f64..10.0, Just(1e300)],
            level in prop_oneof![any::<f64>(), -1.0f64..1.0],
            count in 0usize..50,
        ) {
            let mut segs = Vec::new();
            isolines(&values, n, half, level, &mut segs);
            prop_assert!(segs.iter().flatten().flatten().all(|c| c.is_finite()));
            let lv = levels(level, half, count);
            prop_assert!(lv.iter().all(|l| l.is_finite()));
        }
    }
}
