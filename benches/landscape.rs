//! What a landscape slider change costs on the CPU: the surface mesh, the descent path, the
//! basin map, the contours. Run with `cargo bench --bench landscape`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nn_lab::{
    exhibits::landscape::surface::{BASIN_RES, SURFACE_RES, contour_mesh, map_mesh, surface_mesh},
    math::{
        landscape::{self, DOMAIN_HALF},
        optimizer::Optimizer,
    },
};

fn surface(c: &mut Criterion) {
    c.bench_function("surface mesh 129x129 (default)", |b| {
        b.iter(|| surface_mesh(black_box(SURFACE_RES)))
    });
    c.bench_function("surface mesh 512x512", |b| {
        b.iter(|| surface_mesh(black_box(512)))
    });
    c.bench_function("flat map mesh 129x129", |b| {
        b.iter(|| map_mesh(black_box(SURFACE_RES)))
    });
    c.bench_function("contour mesh 129x129, 12 levels", |b| {
        b.iter(|| contour_mesh(black_box(SURFACE_RES), true))
    });
}

fn descent(c: &mut Criterion) {
    let mut path = Vec::with_capacity(81);
    c.bench_function("descent path, 80 steps, reused buffer", |b| {
        b.iter(|| {
            landscape::descend_into(
                &mut path,
                Optimizer::GradientDescent,
                black_box(-1.8),
                black_box(1.5),
                black_box(0.05),
                80,
            )
        })
    });
    c.bench_function("race: 3 optimizers x 80 steps", |b| {
        b.iter(|| {
            for optimizer in Optimizer::defaults() {
                landscape::descend_into(
                    &mut path,
                    optimizer,
                    black_box(-1.8),
                    black_box(1.5),
                    black_box(0.05),
                    80,
                );
            }
        })
    });
}

fn basins(c: &mut Criterion) {
    let mut cells = Vec::new();
    c.bench_function("basin map 65x65, 30 steps (default)", |b| {
        b.iter(|| {
            landscape::basin_map(
                Optimizer::GradientDescent,
                BASIN_RES,
                DOMAIN_HALF,
                black_box(0.05),
                30,
                &mut cells,
            )
        })
    });
    c.bench_function("basin map 65x65, 80 steps (slider max)", |b| {
        b.iter(|| {
            landscape::basin_map(
                Optimizer::GradientDescent,
                BASIN_RES,
                DOMAIN_HALF,
                black_box(0.05),
                80,
                &mut cells,
            )
        })
    });
    c.bench_function("basin map 129x129, 30 steps", |b| {
        b.iter(|| {
            landscape::basin_map(
                Optimizer::GradientDescent,
                SURFACE_RES,
                DOMAIN_HALF,
                black_box(0.05),
                30,
                &mut cells,
            )
        })
    });
}

/// The whole exhibit's frame after a slider change, headless: the egui-free part of what a
/// visitor's drag costs (recompute the runs, restart playback, move balls and markers).
fn slider_change_frame(c: &mut Criterion) {
    use nn_lab::{Exhibit, exhibits::landscape::LandscapeParams};
    let mut app = nn_lab::headless_app(Exhibit::Landscape);
    app.update();
    let mut flip = false;
    c.bench_function("landscape frame after a learning-rate change", |b| {
        b.iter(|| {
            flip = !flip;
            app.world_mut().resource_mut::<LandscapeParams>().lr = if flip { 0.06 } else { 0.05 };
            app.update();
        })
    });
    app.world_mut().resource_mut::<LandscapeParams>().basins = true;
    c.bench_function(
        "landscape frame after a learning-rate change, basin map on",
        |b| {
            b.iter(|| {
                flip = !flip;
                app.world_mut().resource_mut::<LandscapeParams>().lr =
                    if flip { 0.06 } else { 0.05 };
                app.update();
            })
        },
    );
}

criterion_group!(benches, surface, descent, basins, slider_change_frame);
criterion_main!(benches);
