//! Section 6 of the notebook: the two-parameter loss landscape with local and global minima,
//! gradient descent paths on it (plus momentum and Adam), its stationary points and basins.
//!
//! The surface is `L(w, b) = 0.25*(w^4 + b^4) - 1.2*(w^2 + b^2) + 0.5*w*b + 2`. It has nine
//! stationary points: two global minima at `±(a, -a)` with `a = sqrt(2.9)` (loss -2.205), two
//! local minima at `±(c, c)` with `c = sqrt(1.9)` (loss 0.195), four saddles and a maximum at the
//! origin (loss 2).

use std::sync::OnceLock;

use super::optimizer::{Optimizer, OptimizerState};

/// Half the side of the notebook's plotted square `[-2.4, 2.4]^2`.
pub const DOMAIN_HALF: f64 = 2.4;

/// Samples per axis of the notebook's plot grid (`np.linspace(-2.4, 2.4, 220)`).
pub const GRID_N: usize = 220;

/// A descent whose `|w|` or `|b|` exceeds this has diverged: the path is cut there (see
/// [`descend`]). Far outside the plot yet small enough that the loss stays finite.
pub const DIVERGENCE_RADIUS: f64 = 1.0e3;

/// An endpoint this close to a minimum (Euclidean, in `(w, b)`) counts as settled in its basin.
pub const SETTLED_RADIUS: f64 = 0.3;

/// The notebook's `landscape_loss`: `0.25*(w^4 + b^4) - 1.2*(w^2 + b^2) + 0.5*w*b + 2`.
///
/// Evaluated in the notebook's operation order with `powf` for `** 4` and `w * w` for `** 2`, so
/// it is bit-identical to the notebook's numpy grid. (The notebook's scalar path uses C `pow`
/// for `** 2` too, which can differ from `w * w` by one ulp: path losses agree to ~1e-16.)
pub fn loss(w: f64, b: f64) -> f64 {
    0.25 * (w.powf(4.0) + b.powf(4.0)) - 1.2 * (w * w + b * b) + 0.5 * w * b + 2.0
}

/// The notebook's `landscape_grad`: `(w^3 - 2.4*w + 0.5*b, b^3 - 2.4*b + 0.5*w)`.
///
/// Same operations as the notebook (`powf(3.0)` for `** 3`), so descent paths match bit for bit.
pub fn gradient(w: f64, b: f64) -> (f64, f64) {
    let d_w = w.powf(3.0) - 2.4 * w + 0.5 * b;
    let d_b = b.powf(3.0) - 2.4 * b + 0.5 * w;
    (d_w, d_b)
}

/// Second derivatives `[[L_ww, L_wb], [L_bw, L_bb]] = [[3w^2 - 2.4, 0.5], [0.5, 3b^2 - 2.4]]`.
///
/// Tells minima, saddles and maxima apart, and gives the curvature that limits a stable
/// learning rate (`lr < 2 / largest eigenvalue`).
pub fn hessian(w: f64, b: f64) -> [[f64; 2]; 2] {
    [[3.0 * w * w - 2.4, 0.5], [0.5, 3.0 * b * b - 2.4]]
}

/// Element `i` of `np.linspace(start, stop, n)`, computed the way numpy does.
///
/// `step = (stop - start) / (n - 1)`, `x_i = i*step + start`, the last element set to `stop`
/// exactly; `n == 1` gives `start`. Keeps grid coordinates bit-identical to the notebook.
/// An `i >= n` extrapolates along the same rule.
pub fn linspace_at(start: f64, stop: f64, n: usize, i: usize) -> f64 {
    let delta = stop - start;
    if n <= 1 {
        return 0.0 * delta + start;
    }
    if i == n - 1 {
        return stop;
    }
    let div = (n - 1) as f64;
    let step = delta / div;
    if step == 0.0 {
        // numpy's special case for denormal steps (gh-5437).
        (i as f64 / div) * delta + start
    } else {
        i as f64 * step + start
    }
}

/// The lowest sample of the notebook's `n x n` grid on `[-2.4, 2.4]^2`, as `[w, b, loss]`.
///
/// Reproduces `np.meshgrid` (row `i` over `b`, column `j` over `w`) and `np.argmin` (the first
/// minimum in row-major order): the two global minima tie by symmetry, and this picks the one the
/// notebook stars. For `n = 220` that is `(1.6986.., -1.6986..)` with loss `-2.204892605848369`.
/// `n == 1` samples only the corner `(-2.4, -2.4)`; `n == 0` (where numpy raises) returns that
/// same corner. Costs `n^2` loss evaluations.
pub fn grid_minimum(n: usize) -> [f64; 3] {
    let n = n.max(1);
    let mut best = [f64::NAN, f64::NAN, f64::INFINITY];
    for i in 0..n {
        let b = linspace_at(-DOMAIN_HALF, DOMAIN_HALF, n, i);
        for j in 0..n {
            let w = linspace_at(-DOMAIN_HALF, DOMAIN_HALF, n, j);
            let l = loss(w, b);
            if l < best[2] {
                best = [w, b, l];
            }
        }
    }
    best
}

/// Fills `out` with the `n x n` samples `[w, b, loss]` of `[-half, half]^2`, row-major.
///
/// Row `i` runs over `b`, column `j` over `w` (like `np.meshgrid`), coordinates from
/// [`linspace_at`]. The app builds its surface mesh and contour input from this. Reuses `out`'s
/// allocation. `half` should be finite and positive; otherwise coordinates may be non-finite.
pub fn sample_grid(n: usize, half: f64, out: &mut Vec<[f64; 3]>) {
    out.clear();
    out.reserve(n.saturating_mul(n));
    for i in 0..n {
        let b = linspace_at(-half, half, n, i);
        for j in 0..n {
            let w = linspace_at(-half, half, n, j);
            out.push([w, b, loss(w, b)]);
        }
    }
}

/// Unit surface normal at `(w, b)`: `normalize(-dL/dw, -dL/db, 1)` in `(w, b, height)` axes.
///
/// The third component is the loss axis; the app maps it to its own up axis when shading.
/// Returns `[0, 0, 1]` when the gradient is not finite (NaN input or overflow far outside
/// the plot), so lighting never sees NaN.
pub fn normal(w: f64, b: f64) -> [f64; 3] {
    let (gw, gb) = gradient(w, b);
    let scale = gw.abs().max(gb.abs()).max(1.0);
    let v = [-gw / scale, -gb / scale, 1.0 / scale];
    let len = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
    let n = [v[0] / len, v[1] / len, v[2] / len];
    if n.iter().all(|c| c.is_finite()) {
        n
    } else {
        [0.0, 0.0, 1.0]
    }
}

/// How a descent ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// Every step stayed finite and within [`DIVERGENCE_RADIUS`].
    Finished,
    /// The update producing point `step` left the radius (or was not finite); `step == 0` means
    /// the start itself was unusable.
    Diverged {
        /// Index of the first point that could not be computed honestly.
        step: usize,
    },
}

/// A descent path ready to draw, plus what really happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Descent {
    /// Always `steps + 1` finite points `[w, b, loss]` (see [`descend`] for clamping).
    pub points: Vec<[f64; 3]>,
    /// Whether the path finished or diverged, and where.
    pub outcome: Outcome,
}

/// The notebook's `descent_path`: `steps + 1` points `[w, b, loss]` of plain gradient descent.
///
/// Identical to the notebook whenever the run stays within [`DIVERGENCE_RADIUS`]; beyond that
/// (where the notebook's Python eventually raises `OverflowError`) the path is clamped as in
/// [`descend`].
pub fn descent_path(start_w: f64, start_b: f64, lr: f64, steps: usize) -> Vec<[f64; 3]> {
    descend(Optimizer::GradientDescent, start_w, start_b, lr, steps).points
}

/// Walks the landscape from `(start_w, start_b)` with `optimizer` for `steps` updates.
///
/// `points` has exactly `steps + 1` entries, all finite. Point 0 is the start; point `k` comes
/// from update `k`, using [`gradient`] and [`OptimizerState::step`], so gradient descent matches
/// the notebook bit for bit. If update `k` leaves `|w|, |b| <= DIVERGENCE_RADIUS` or is not finite
/// (e.g. NaN or infinite `lr`), the outcome is `Diverged { step: k }` and points `k..` all repeat
/// the last in-range point: the path is clamped for drawing, the outcome carries the truth.
///
/// A start that is not finite or lies outside the radius gives `Diverged { step: 0 }` and every
/// point at the sanitised start: NaN coordinates become 0, others are clamped to the radius.
/// Never panics for any `lr`; memory and time grow with `steps`.
pub fn descend(optimizer: Optimizer, start_w: f64, start_b: f64, lr: f64, steps: usize) -> Descent {
    let mut points = Vec::new();
    let outcome = descend_into(&mut points, optimizer, start_w, start_b, lr, steps);
    Descent { points, outcome }
}

/// [`descend`] into a caller's buffer: clears `points`, allocating only if its capacity is below
/// `steps + 1`, so the app can rebuild paths on every slider change without allocating.
pub fn descend_into(
    points: &mut Vec<[f64; 3]>,
    optimizer: Optimizer,
    start_w: f64,
    start_b: f64,
    lr: f64,
    steps: usize,
) -> Outcome {
    points.clear();
    points.reserve(steps.saturating_add(1));
    walk(optimizer, start_w, start_b, lr, steps, Some(points)).0
}

/// The shared descent loop; records into `sink` if given and returns the outcome and last point.
fn walk(
    optimizer: Optimizer,
    start_w: f64,
    start_b: f64,
    lr: f64,
    steps: usize,
    mut sink: Option<&mut Vec<[f64; 3]>>,
) -> (Outcome, [f64; 3]) {
    // A recorded path is shown and must match the notebook bit for bit; an unrecorded walk only
    // classifies where it ends, so it may use the cheaper cube and skip the per-step loss.
    let exact = sink.is_some();
    let in_range = |w: f64, b: f64| w.abs() <= DIVERGENCE_RADIUS && b.abs() <= DIVERGENCE_RADIUS;
    let sanitise = |x: f64| {
        if x.is_nan() {
            0.0
        } else {
            x.clamp(-DIVERGENCE_RADIUS, DIVERGENCE_RADIUS)
        }
    };
    let (w0, b0) = (sanitise(start_w), sanitise(start_b));
    let mut last = [w0, b0, loss(w0, b0)];
    if let Some(points) = sink.as_deref_mut() {
        points.push(last);
    }
    let mut outcome = Outcome::Finished;
    let mut done = 0;
    if !in_range(start_w, start_b) {
        outcome = Outcome::Diverged { step: 0 };
    } else {
        let mut state = OptimizerState::new(optimizer);
        while done < steps {
            let (d_w, d_b) = if exact {
                gradient(last[0], last[1])
            } else {
                gradient_fast(last[0], last[1])
            };
            let [w, b] = state.step([last[0], last[1]], [d_w, d_b], lr);
            if !in_range(w, b) {
                outcome = Outcome::Diverged { step: done + 1 };
                break;
            }
            last = [w, b, if exact { loss(w, b) } else { f64::NAN }];
            if let Some(points) = sink.as_deref_mut() {
                points.push(last);
            }
            done += 1;
        }
    }
    if let Some(points) = sink {
        points.resize(steps.saturating_add(1), last);
    }
    if !exact {
        last[2] = loss(last[0], last[1]);
    }
    (outcome, last)
}

/// Plain gradient descent reduced to its arithmetic, for the basin map's thousands of walks:
/// the same update and divergence rule as [`walk`] with the cheap cube, and the loss computed
/// once at the end.
fn walk_plain(start_w: f64, start_b: f64, lr: f64, steps: usize) -> (Outcome, [f64; 3]) {
    let in_range = |w: f64, b: f64| w.abs() <= DIVERGENCE_RADIUS && b.abs() <= DIVERGENCE_RADIUS;
    if !in_range(start_w, start_b) || !lr.is_finite() {
        return walk(
            Optimizer::GradientDescent,
            start_w,
            start_b,
            lr,
            steps,
            None,
        );
    }
    let (mut w, mut b) = (start_w, start_b);
    for step in 0..steps {
        let (d_w, d_b) = gradient_fast(w, b);
        let (next_w, next_b) = (w - lr * d_w, b - lr * d_b);
        if !in_range(next_w, next_b) {
            return (Outcome::Diverged { step: step + 1 }, [w, b, loss(w, b)]);
        }
        (w, b) = (next_w, next_b);
    }
    (Outcome::Finished, [w, b, loss(w, b)])
}

/// [`gradient`] with `w * w * w` instead of C `pow`: about four times cheaper and within an ulp
/// or two of it. Used only where a descent is classified (the basin map), never where a path
/// is shown, so the notebook's numbers are untouched.
pub fn gradient_fast(w: f64, b: f64) -> (f64, f64) {
    (w * w * w - 2.4 * w + 0.5 * b, b * b * b - 2.4 * b + 0.5 * w)
}

/// What kind of flat spot a stationary point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PointKind {
    /// A minimum with the lowest loss of all (two, tied by symmetry).
    GlobalMinimum,
    /// A minimum that is not the lowest: where descent can get stuck.
    LocalMinimum,
    /// Curves up one way and down the other.
    Saddle,
    /// Curves down both ways (the origin).
    Maximum,
}

/// A point where the gradient vanishes, with its loss and kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StationaryPoint {
    /// Weight coordinate.
    pub w: f64,
    /// Bias coordinate.
    pub b: f64,
    /// Loss there.
    pub loss: f64,
    /// Minimum, saddle or maximum, from the Hessian's eigenvalues.
    pub kind: PointKind,
}

/// The stationary points, computed once: all of them, and the minima only.
struct Stationary {
    all: Vec<StationaryPoint>,
    minima: Vec<StationaryPoint>,
}

fn stationary() -> &'static Stationary {
    static CACHE: OnceLock<Stationary> = OnceLock::new();
    CACHE.get_or_init(|| {
        let all = find_stationary_points();
        let minima = all
            .iter()
            .copied()
            .filter(|p| matches!(p.kind, PointKind::GlobalMinimum | PointKind::LocalMinimum))
            .collect();
        Stationary { all, minima }
    })
}

/// Eigenvalues `[smaller, larger]` of the symmetric Hessian at `(w, b)`.
fn hessian_eigenvalues(w: f64, b: f64) -> [f64; 2] {
    let [[a, c], [_, d]] = hessian(w, b);
    let mean = 0.5 * (a + d);
    let radius = (0.25 * (a - d) * (a - d) + c * c).sqrt();
    [mean - radius, mean + radius]
}

/// Newton's method on the gradient from a 13 x 13 grid of seeds over the plot square.
fn find_stationary_points() -> Vec<StationaryPoint> {
    const SEEDS: usize = 13;
    let mut found: Vec<(f64, f64)> = Vec::new();
    for i in 0..SEEDS {
        for j in 0..SEEDS {
            let mut w = linspace_at(-DOMAIN_HALF, DOMAIN_HALF, SEEDS, j);
            let mut b = linspace_at(-DOMAIN_HALF, DOMAIN_HALF, SEEDS, i);
            for _ in 0..100 {
                let (gw, gb) = gradient(w, b);
                let [[a, c], [_, d]] = hessian(w, b);
                let det = a * d - c * c;
                if det.abs() < 1e-12 || !det.is_finite() {
                    break;
                }
                // Solve H * delta = -g.
                let dw = -(d * gw - c * gb) / det;
                let db = -(a * gb - c * gw) / det;
                w += dw;
                b += db;
                if dw.abs().max(db.abs()) < 1e-15 {
                    break;
                }
            }
            let (gw, gb) = gradient(w, b);
            let converged = gw.abs().max(gb.abs()) < 1e-12;
            let inside = w.abs() <= DOMAIN_HALF && b.abs() <= DOMAIN_HALF;
            let new = found
                .iter()
                .all(|&(fw, fb)| (fw - w).abs().max((fb - b).abs()) > 1e-7);
            if converged && inside && new {
                found.push((w, b));
            }
        }
    }
    let mut points: Vec<StationaryPoint> = found
        .into_iter()
        .map(|(w, b)| {
            let [low, high] = hessian_eigenvalues(w, b);
            let kind = if low > 0.0 {
                PointKind::LocalMinimum
            } else if high < 0.0 {
                PointKind::Maximum
            } else {
                PointKind::Saddle
            };
            StationaryPoint {
                w,
                b,
                loss: loss(w, b),
                kind,
            }
        })
        .collect();
    let lowest = points
        .iter()
        .filter(|p| p.kind == PointKind::LocalMinimum)
        .map(|p| p.loss)
        .fold(f64::INFINITY, f64::min);
    for p in &mut points {
        if p.kind == PointKind::LocalMinimum && p.loss <= lowest + 1e-9 {
            p.kind = PointKind::GlobalMinimum;
        }
    }
    points.sort_by(|p, q| {
        p.kind
            .cmp(&q.kind)
            .then(p.w.total_cmp(&q.w))
            .then(p.b.total_cmp(&q.b))
    });
    points
}

/// Every point where the gradient vanishes, classified by the Hessian.
///
/// Found by Newton's method on the gradient from a grid of seeds over the plot square,
/// deduplicated, and sorted by kind (global minima, local minima, saddles, maximum), then by
/// `w`, then by `b`. The gradient is below 1e-12 at each. Computed once and cached.
pub fn stationary_points() -> &'static [StationaryPoint] {
    &stationary().all
}

/// The minima only, global ones first, in the order of [`stationary_points`].
///
/// [`Basin::Minimum`] indexes into this list: 0 is `(-a, a)`, 1 is `(a, -a)` (the global
/// minima, `a = sqrt(2.9)`), 2 is `(-c, -c)`, 3 is `(c, c)` (local, `c = sqrt(1.9)`).
pub fn minima() -> &'static [StationaryPoint] {
    &stationary().minima
}

/// Where a descent from some start ends up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basin {
    /// Ended within [`SETTLED_RADIUS`] of `minima()[index]`.
    Minimum(usize),
    /// Stayed bounded but did not end near any minimum (too few steps, or still oscillating).
    Unsettled,
    /// Left the [`DIVERGENCE_RADIUS`] or went non-finite.
    Diverged,
}

/// Which basin a finished descent ended in (nearest minimum within [`SETTLED_RADIUS`]).
pub fn classify_endpoint(descent: &Descent) -> Basin {
    match (descent.outcome, descent.points.last()) {
        (Outcome::Diverged { .. }, _) => Basin::Diverged,
        (Outcome::Finished, Some(last)) => classify(Outcome::Finished, *last),
        (Outcome::Finished, None) => Basin::Unsettled,
    }
}

fn classify(outcome: Outcome, last: [f64; 3]) -> Basin {
    if outcome != Outcome::Finished {
        return Basin::Diverged;
    }
    let nearest = stationary()
        .minima
        .iter()
        .enumerate()
        .map(|(k, m)| (k, (m.w - last[0]).hypot(m.b - last[1])))
        .min_by(|x, y| x.1.total_cmp(&y.1));
    match nearest {
        Some((k, d)) if d <= SETTLED_RADIUS => Basin::Minimum(k),
        _ => Basin::Unsettled,
    }
}

/// Classifies the basin of every start on an `n x n` grid over `[-half, half]^2`.
///
/// Starts come from `linspace(-half, half, n)`, row `i` over `b` and column `j` over `w`,
/// row-major into `out` (cleared first, then `n * n` entries). Each start runs `descend` with
/// the given optimizer, `lr` and `steps` without recording a path, so nothing is allocated per
/// cell. Costs `n^2 * steps` gradient evaluations.
pub fn basin_map(
    optimizer: Optimizer,
    n: usize,
    half: f64,
    lr: f64,
    steps: usize,
    out: &mut Vec<Basin>,
) {
    out.clear();
    out.resize(n.saturating_mul(n), Basin::Unsettled);
    if n == 0 {
        return;
    }
    let fill_row = |i: usize, cells: &mut [Basin]| {
        let b = linspace_at(-half, half, n, i);
        for (j, cell) in cells.iter_mut().enumerate() {
            let w = linspace_at(-half, half, n, j);
            let (outcome, last) = match optimizer {
                Optimizer::GradientDescent => walk_plain(w, b, lr, steps),
                _ => walk(optimizer, w, b, lr, steps, None),
            };
            *cell = classify(outcome, last);
        }
    };
    // Rows are independent: natively, split them over the cores (two on the project's machines),
    // which keeps a recomputation at the steps slider's maximum inside a frame. The web build
    // has no threads and walks them in turn.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism()
            .map_or(1, |t| t.get())
            .min(8);
        if threads > 1 && n * n * steps.max(1) >= 20_000 {
            let rows_per_thread = n.div_ceil(threads);
            let fill_row = &fill_row;
            std::thread::scope(|scope| {
                for (chunk, cells) in out.chunks_mut(rows_per_thread * n).enumerate() {
                    scope.spawn(move || {
                        for (r, row) in cells.chunks_mut(n).enumerate() {
                            fill_row(chunk * rows_per_thread + r, row);
                        }
                    });
                }
            });
            return;
        }
    }
    for (i, row) in out.chunks_mut(n).enumerate() {
        fill_row(i, row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
    }

    const A: f64 = 1.70293863659264; // sqrt(2.9), also where the notebook's descent ends.

    #[test]
    fn loss_and_gradient_match_numpy() {
        // (w, b, loss, dL/dw, dL/db) from the notebook's landscape_loss/landscape_grad (numpy).
        let cases = [
            (
                -1.8,
                1.5,
                -2.047975,
                -0.7620000000000005,
                -1.1249999999999996,
            ),
            (0.0, 0.0, 2.0, 0.0, 0.0),
            (
                2.4,
                -2.4,
                1.8847999999999994,
                6.863999999999998,
                -6.863999999999998,
            ),
            (
                0.3,
                -1.1,
                0.6430499999999997,
                -1.2429999999999999,
                1.4589999999999996,
            ),
            (
                1.7,
                1.7,
                0.6850499999999999,
                1.6829999999999994,
                1.6829999999999994,
            ),
        ];
        for (w, b, l, gw, gb) in cases {
            assert!(
                close(loss(w, b), l, 1e-15),
                "loss({w}, {b}) = {}",
                loss(w, b)
            );
            assert_eq!(gradient(w, b), (gw, gb));
        }
    }

    #[test]
    fn notebook_default_descent_matches_numpy() {
        // minima_demo defaults: start (-1.8, 1.5), lr 0.05, 30 steps. The notebook prints
        // "Start loss: -2.0480 | End loss: -2.2050". Points [w, b, loss] from numpy:
        let p = descent_path(-1.8, 1.5, 0.05, 30);
        assert_eq!(p.len(), 31);
        let want = [
            (0, [-1.8, 1.5, -2.047975]),
            (1, [-1.7619, 1.55625, -2.1268517129870883]),
            (
                2,
                [-1.73876168061705, 1.5985923120117187, -2.1666173826989503],
            ),
            (
                10,
                [-1.7030836391442565, 1.697560366085716, -2.204908692300523],
            ),
            (
                30,
                [-1.7029365312998177, 1.7029351632254075, -2.204999999951692],
            ),
        ];
        for (k, [w, b, l]) in want {
            assert_eq!([p[k][0], p[k][1]], [w, b], "point {k}");
            assert!(close(p[k][2], l, 1e-15), "loss {k}: {} vs {l}", p[k][2]);
        }
    }

    #[test]
    fn other_descents_match_numpy() {
        // (start_w, start_b, lr, steps, end w, end b, end loss) from the notebook's descent_path.
        let cases = [
            (1.0, 0.2, 0.2, 80, A, -A, -2.2049999999999983),
            (
                2.2,
                2.2,
                0.2,
                80,
                1.378404875209022,
                1.378404875209022,
                0.19500000000000006,
            ),
            (
                -2.2,
                2.2,
                0.005,
                80,
                -1.7359389652596096,
                1.7359389652596096,
                -2.1985606805328537,
            ),
            (
                2.2,
                2.0,
                0.4,
                20,
                -1.9270620574661703,
                1.9302248133351347,
                -1.869051078809902,
            ),
            (
                2.2,
                2.2,
                0.5,
                10,
                -1.4118292211358268,
                -1.4118292211358268,
                0.19934887697416892,
            ),
            (0.0, 0.0, 0.1, 5, 0.0, 0.0, 2.0),
        ];
        for (sw, sb, lr, steps, w, b, l) in cases {
            let d = descend(Optimizer::GradientDescent, sw, sb, lr, steps);
            assert_eq!(d.outcome, Outcome::Finished);
            let end = d.points[steps];
            assert_eq!([end[0], end[1]], [w, b], "from ({sw}, {sb}) lr {lr}");
            assert!(close(end[2], l, 1e-15));
        }
    }

    #[test]
    fn divergence_is_cut_and_reported() {
        // Start (-1.8, 1.5) with lr 1.0: numpy gives b = -8.64389062499999 at step 2,
        // (43.2791963864925, 618.3166656479681) at step 3, |b| = 2.4e8 at step 4, and the
        // notebook's Python raises OverflowError at step 7.
        let d = descend(Optimizer::GradientDescent, -1.8, 1.5, 1.0, 10);
        assert_eq!(d.outcome, Outcome::Diverged { step: 4 });
        assert_eq!(d.points.len(), 11);
        assert_eq!(
            [d.points[2][0], d.points[2][1]],
            [-3.723313127999999, -8.64389062499999]
        );
        assert_eq!(
            [d.points[3][0], d.points[3][1]],
            [43.2791963864925, 618.3166656479681]
        );
        assert!(close(d.points[3][2], 36541714668.618904, 1e-15));
        for p in &d.points[4..] {
            assert_eq!(*p, d.points[3]);
        }
        assert_eq!(classify_endpoint(&d), Basin::Diverged);
        assert_eq!(descent_path(-1.8, 1.5, 1.0, 10), d.points);
    }

    #[test]
    fn hostile_starts_and_rates_are_safe() {
        let d = descend(Optimizer::GradientDescent, f64::NAN, f64::INFINITY, 0.05, 5);
        assert_eq!(d.outcome, Outcome::Diverged { step: 0 });
        assert_eq!(
            d.points,
            vec![[0.0, DIVERGENCE_RADIUS, loss(0.0, DIVERGENCE_RADIUS)]; 6]
        );
        let d = descend(Optimizer::GradientDescent, 1e300, -1.0, 0.05, 2);
        assert_eq!(d.outcome, Outcome::Diverged { step: 0 });
        assert_eq!(d.points[0][0], DIVERGENCE_RADIUS);
        for lr in [f64::NAN, f64::INFINITY, 1e300] {
            let d = descend(Optimizer::adam_default(), -1.8, 1.5, lr, 3);
            assert_eq!(d.outcome, Outcome::Diverged { step: 1 }, "lr {lr}");
            assert!(d.points.iter().all(|p| *p == [-1.8, 1.5, loss(-1.8, 1.5)]));
        }
        // Zero updates never diverge, whatever the rate.
        assert_eq!(
            descend(Optimizer::GradientDescent, 1.0, 1.0, f64::NAN, 0).outcome,
            Outcome::Finished
        );
        // At the maximum the gradient is exactly zero, so even lr = 1e300 stays put.
        assert_eq!(
            descend(Optimizer::GradientDescent, 0.0, 0.0, 1e300, 3).outcome,
            Outcome::Finished
        );
    }

    #[test]
    fn descend_into_reuses_the_buffer() {
        let mut buf = Vec::with_capacity(81);
        let ptr = buf.as_ptr();
        for (steps, opt) in [
            (80, Optimizer::GradientDescent),
            (5, Optimizer::adam_default()),
            (30, Optimizer::momentum_default()),
        ] {
            let outcome = descend_into(&mut buf, opt, -1.8, 1.5, 0.05, steps);
            assert_eq!(buf.len(), steps + 1);
            assert_eq!(buf.as_ptr(), ptr);
            assert_eq!(
                descend(opt, -1.8, 1.5, 0.05, steps),
                Descent {
                    points: buf.clone(),
                    outcome
                }
            );
        }
    }

    #[test]
    fn grid_minimum_matches_numpy_argmin() {
        // (n, w, b, loss) of np.argmin over the notebook's meshgrid, run with numpy 2.4.6.
        // n = 220 is the notebook's: it prints "Approx global minimum loss (grid): -2.2049".
        let cases = [
            (
                220,
                1.6986301369863015,
                -1.6986301369863013,
                -2.204892605848369,
            ),
            (2, 2.4, -2.4, 1.8847999999999994),
            (3, 2.4, -2.4, 1.8847999999999994),
            (
                10,
                1.8666666666666667,
                -1.8666666666666667,
                -2.0342123456790127,
            ),
            (11, 1.9200000000000004, -1.92, -1.8957875199999998),
            (
                50,
                1.714285714285714,
                -1.7142857142857142,
                -2.2042482299042065,
            ),
            (101, 1.6800000000000002, -1.68, -2.2019891199999995),
            (
                219,
                1.6954128440366971,
                -1.6954128440366971,
                -2.204672952314815,
            ),
            (
                221,
                1.7018181818181817,
                -1.7018181818181817,
                -2.2049927233604265,
            ),
            (
                500,
                1.7074148296593186,
                -1.7074148296593186,
                -2.204883483773169,
            ),
        ];
        for (n, w, b, l) in cases {
            assert_eq!(grid_minimum(n), [w, b, l], "n = {n}");
        }
        assert_eq!(grid_minimum(GRID_N), grid_minimum(220));
        let corner = [-2.4, -2.4, loss(-2.4, -2.4)];
        assert_eq!(grid_minimum(1), corner);
        assert_eq!(grid_minimum(0), corner);
    }

    #[test]
    fn linspace_matches_numpy() {
        // np.linspace(-2.4, 2.4, 220)[[1, 32, 187, 218]] from numpy.
        assert_eq!(linspace_at(-2.4, 2.4, 220, 0), -2.4);
        assert_eq!(linspace_at(-2.4, 2.4, 220, 187), 1.6986301369863015);
        assert_eq!(linspace_at(-2.4, 2.4, 220, 32), -1.6986301369863013);
        assert_eq!(linspace_at(-2.4, 2.4, 220, 219), 2.4);
        assert_eq!(linspace_at(-2.4, 2.4, 1, 0), -2.4);
        assert_eq!(linspace_at(0.0, 0.0, 5, 3), 0.0);
    }

    #[test]
    fn stationary_points_are_the_nine_analytic_ones() {
        let a = 2.9f64.sqrt();
        let c = 1.9f64.sqrt();
        // Saddles solve w*b = 0.5 and w^2 + b^2 = 2.4: w^2 = 1.2 ± sqrt(1.19).
        let (s_big, s_small) = ((1.2 + 1.19f64.sqrt()).sqrt(), (1.2 - 1.19f64.sqrt()).sqrt());
        let pts = stationary_points();
        let want = [
            (-a, a, -2.205, PointKind::GlobalMinimum),
            (a, -a, -2.205, PointKind::GlobalMinimum),
            (-c, -c, 0.195, PointKind::LocalMinimum),
            (c, c, 0.195, PointKind::LocalMinimum),
            (-s_big, -s_small, f64::NAN, PointKind::Saddle),
            (-s_small, -s_big, f64::NAN, PointKind::Saddle),
            (s_small, s_big, f64::NAN, PointKind::Saddle),
            (s_big, s_small, f64::NAN, PointKind::Saddle),
            (0.0, 0.0, 2.0, PointKind::Maximum),
        ];
        assert_eq!(pts.len(), want.len(), "{pts:#?}");
        for (p, (w, b, l, kind)) in pts.iter().zip(want) {
            assert_eq!(p.kind, kind, "{p:?}");
            assert!(
                (p.w - w).abs() < 1e-12 && (p.b - b).abs() < 1e-12,
                "{p:?} vs ({w}, {b})"
            );
            if !l.is_nan() {
                // Global: 0.5*2.9^2 - 2.4*2.9 - 0.5*2.9 + 2 = -2.205; local: 0.5*1.9^2 - 2.4*1.9 + 0.5*1.9 + 2 = 0.195.
                assert!((p.loss - l).abs() < 1e-12, "{p:?}");
            }
            let (gw, gb) = gradient(p.w, p.b);
            assert!(gw.abs() < 1e-12 && gb.abs() < 1e-12);
            assert_eq!(p.loss, loss(p.w, p.b));
        }
        let m = minima();
        assert_eq!(m.len(), 4);
        assert_eq!(m[..], pts[..4]);
        // The grid minimum sits next to minima()[1], the one the notebook stars.
        let g = grid_minimum(220);
        assert!((g[0] - m[1].w).abs() < 0.03 && (g[1] - m[1].b).abs() < 0.03);
    }

    #[test]
    fn default_start_lands_in_the_global_basin() {
        let d = descend(Optimizer::GradientDescent, -1.8, 1.5, 0.05, 30);
        assert_eq!(classify_endpoint(&d), Basin::Minimum(0));
        let m = minima();
        assert_eq!(m[0].kind, PointKind::GlobalMinimum);
        assert!(m[0].w < 0.0 && m[0].b > 0.0);
        let mut out = Vec::new();
        // A 1 x 1 basin map samples only (-half, -half), which descends to the local (-c, -c).
        basin_map(Optimizer::GradientDescent, 1, 1.8, 0.05, 30, &mut out);
        assert_eq!(out, vec![Basin::Minimum(2)]);
        // On a 17 x 17 map over [-2.4, 2.4]^2 (spacing 0.3) the default start (-1.8, 1.5) is
        // cell (row 13, column 2), up to rounding of the grid coordinates.
        basin_map(
            Optimizer::GradientDescent,
            17,
            DOMAIN_HALF,
            0.05,
            30,
            &mut out,
        );
        let (w, b) = (
            linspace_at(-2.4, 2.4, 17, 2),
            linspace_at(-2.4, 2.4, 17, 13),
        );
        assert!((w + 1.8).abs() < 1e-12 && (b - 1.5).abs() < 1e-12);
        assert_eq!(out[13 * 17 + 2], Basin::Minimum(0));
        // Unsettled: too few steps to get anywhere near a minimum.
        let d = descend(Optimizer::GradientDescent, 0.05, 0.0, 0.005, 1);
        assert_eq!(classify_endpoint(&d), Basin::Unsettled);
    }

    #[test]
    fn basin_map_agrees_with_single_descents() {
        let (n, half, lr, steps) = (9, 2.2, 0.1, 60);
        for opt in Optimizer::defaults() {
            let mut out = vec![Basin::Unsettled; 3];
            basin_map(opt, n, half, lr, steps, &mut out);
            assert_eq!(out.len(), n * n);
            for i in 0..n {
                for j in 0..n {
                    let w = linspace_at(-half, half, n, j);
                    let b = linspace_at(-half, half, n, i);
                    assert_eq!(
                        out[i * n + j],
                        classify_endpoint(&descend(opt, w, b, lr, steps))
                    );
                }
            }
            // Starts across the square reach all four minima.
            for k in 0..4 {
                assert!(out.contains(&Basin::Minimum(k)), "{opt:?} lacks basin {k}");
            }
        }
        let mut out = Vec::new();
        basin_map(Optimizer::GradientDescent, 4, 2.2, 1e300, 5, &mut out);
        assert_eq!(out.len(), 16);
        assert!(out.iter().all(|b| *b == Basin::Diverged));
    }

    #[test]
    fn sample_grid_and_normals() {
        let mut out = Vec::new();
        sample_grid(220, DOMAIN_HALF, &mut out);
        assert_eq!(out.len(), 220 * 220);
        let g = grid_minimum(220);
        // Row 32 (b), column 187 (w): numpy's argmin 7227 = 32 * 220 + 187.
        assert_eq!(out[7227], g);
        assert_eq!(out[0], [-2.4, -2.4, loss(-2.4, -2.4)]);
        assert_eq!(out[219][0], 2.4);
        sample_grid(0, 1.0, &mut out);
        assert!(out.is_empty());
        assert_eq!(normal(0.0, 0.0), [0.0, 0.0, 1.0]);
        assert_eq!(normal(f64::NAN, 0.0), [0.0, 0.0, 1.0]);
        assert_eq!(normal(1e300, 0.0), [0.0, 0.0, 1.0]);
    }

    proptest! {
        /// Central differences (h = 1e-6) confirm the gradient and the Hessian.
        #[test]
        fn derivatives_match_finite_differences(w in -2.4f64..=2.4, b in -2.4f64..=2.4) {
            let h = 1e-6;
            let (gw, gb) = gradient(w, b);
            let fw = (loss(w + h, b) - loss(w - h, b)) / (2.0 * h);
            let fb = (loss(w, b + h) - loss(w, b - h)) / (2.0 * h);
            prop_assert!((fw - gw).abs() <= 1e-5 * (1.0 + gw.abs()), "{fw} vs {gw}");
            prop_assert!((fb - gb).abs() <= 1e-5 * (1.0 + gb.abs()), "{fb} vs {gb}");
            let hs = hessian(w, b);
            let (gwp, gbp) = gradient(w + h, b);
            let (gwm, gbm) = gradient(w - h, b);
            let col_w = [(gwp - gwm) / (2.0 * h), (gbp - gbm) / (2.0 * h)];
            let (gwp, gbp) = gradient(w, b + h);
            let (gwm, gbm) = gradient(w, b - h);
            let col_b = [(gwp - gwm) / (2.0 * h), (gbp - gbm) / (2.0 * h)];
            for (fd, an) in [(col_w[0], hs[0][0]), (col_w[1], hs[1][0]), (col_b[0], hs[0][1]), (col_b[1], hs[1][1])] {
                prop_assert!((fd - an).abs() <= 1e-5 * (1.0 + an.abs()), "{fd} vs {an}");
            }
        }

        /// The normal is a unit vector perpendicular to both surface tangents.
        #[test]
        fn normal_is_unit_and_perpendicular(w in -2.4f64..=2.4, b in -2.4f64..=2.4) {
            let n = normal(w, b);
            let (gw, gb) = gradient(w, b);
            prop_assert!(((n[0] * n[0] + n[1] * n[1] + n[2] * n[2]).sqrt() - 1.0).abs() < 1e-12);
            prop_assert!((n[0] + gw * n[2]).abs() < 1e-12); // tangent (1, 0, dL/dw)
            prop_assert!((n[1] + gb * n[2]).abs() < 1e-12); // tangent (0, 1, dL/db)
            prop_assert!(n[2] > 0.0);
        }

        /// Every slider position: steps + 1 finite points for every optimizer, gradient descent
        /// never diverges there and its loss follows the points.
        #[test]
        fn slider_range_paths_are_finite(
            sw in -2.2f64..=2.2, sb in -2.2f64..=2.2, lr in 0.005f64..=0.2, steps in 1usize..=80,
        ) {
            for opt in Optimizer::defaults() {
                let d = descend(opt, sw, sb, lr, steps);
                prop_assert_eq!(d.points.len(), steps + 1);
                prop_assert_eq!(d.points[0], [sw, sb, loss(sw, sb)]);
                for p in &d.points {
                    prop_assert!(p.iter().all(|v| v.is_finite()), "{opt:?} {p:?}");
                    prop_assert_eq!(p[2], loss(p[0], p[1]));
                }
                if opt == Optimizer::GradientDescent {
                    prop_assert_eq!(d.outcome, Outcome::Finished);
                }
                let _ = classify_endpoint(&d);
            }
        }

        /// Hostile starts and rates (NaN, ±inf, 1e300, lr up to 1e300, up to 10 000 steps) never
        /// panic and always give steps + 1 finite points inside the divergence radius.
        #[test]
        fn hostile_inputs_give_finite_paths(
            sw in prop_oneof![-3.0f64..3.0, Just(f64::NAN), Just(f64::INFINITY), Just(-1e300), any::<f64>()],
            sb in prop_oneof![-3.0f64..3.0, Just(f64::NEG_INFINITY), Just(1e300)],
            lr in prop_oneof![0.0f64..=1e300, 0.0f64..5.0, Just(1e300), Just(f64::NAN), Just(-1.0)],
            steps in prop_oneof![0usize..100, Just(10_000usize)],
        ) {
            for opt in Optimizer::defaults() {
                let d = descend(opt, sw, sb, lr, steps);
                prop_assert_eq!(d.points.len(), steps + 1);
                for p in &d.points {
                    prop_assert!(p.iter().all(|v| v.is_finite()));
                    prop_assert!(p[0].abs() <= DIVERGENCE_RADIUS && p[1].abs() <= DIVERGENCE_RADIUS);
                }
                if let Outcome::Diverged { step } = d.outcome {
                    prop_assert!(step <= steps);
                    prop_assert_eq!(classify_endpoint(&d), Basin::Diverged);
                }
            }
            let _ = normal(sw, sb);
        }
    }

    #[test]
    fn fast_gradient_agrees_with_the_notebooks() {
        for &(w, b) in &[
            (-1.8, 1.5),
            (2.4, -2.4),
            (0.3, 0.7),
            (-2.2, -0.1),
            (1e3, -1e3),
        ] {
            let (a, c) = gradient(w, b);
            let (fa, fc) = gradient_fast(w, b);
            assert!((a - fa).abs() <= 1e-12 * a.abs().max(1.0), "{w} {b}");
            assert!((c - fc).abs() <= 1e-12 * c.abs().max(1.0), "{w} {b}");
        }
    }

    #[test]
    fn the_plain_fast_walk_classifies_like_the_general_one() {
        for &lr in &[0.005, 0.05, 0.2, 0.5, 1.0] {
            for &(w, b) in &[
                (-1.8, 1.5),
                (2.2, 2.2),
                (0.1, -0.1),
                (-2.4, -2.4),
                (1.0, 0.0),
            ] {
                let (o1, p1) = walk_plain(w, b, lr, 80);
                let (o2, p2) = walk(Optimizer::GradientDescent, w, b, lr, 80, None);
                assert_eq!(o1, o2, "{w} {b} {lr}");
                assert_eq!(classify(o1, p1), classify(o2, p2), "{w} {b} {lr}");
            }
        }
    }

    #[test]
    fn the_threaded_basin_map_equals_the_cell_by_cell_one() {
        let mut threaded = Vec::new();
        basin_map(
            Optimizer::GradientDescent,
            33,
            DOMAIN_HALF,
            0.05,
            30,
            &mut threaded,
        );
        assert_eq!(threaded.len(), 33 * 33);
        for i in 0..33 {
            for j in 0..33 {
                let (w, b) = (
                    linspace_at(-DOMAIN_HALF, DOMAIN_HALF, 33, j),
                    linspace_at(-DOMAIN_HALF, DOMAIN_HALF, 33, i),
                );
                let (outcome, last) = walk_plain(w, b, 0.05, 30);
                assert_eq!(
                    threaded[i * 33 + j],
                    classify(outcome, last),
                    "row {i} col {j}"
                );
            }
        }
    }
}
