//! The landscape's stage: the lit surface coloured by loss, iso-loss contours on it, and the
//! flat map below that the notebook draws (coloured by loss, or by basin of attraction).

use bevy::{
    asset::RenderAssetUsages,
    mesh::{Indices, PrimitiveTopology},
    prelude::*,
};

use super::{HEIGHT_SCALE, LandscapeParams, map_point, surface_point};
use crate::{
    AppSystems, Exhibit,
    math::{
        colormap::viridis,
        contour,
        landscape::{self, Basin, DOMAIN_HALF},
        optimizer::Optimizer,
    },
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BasinMap>()
        .add_systems(OnEnter(Exhibit::Landscape), spawn_surface_and_map)
        .add_systems(
            PostUpdate,
            (
                recolor_map.in_set(AppSystems::SyncVisuals),
                show_surface_or_flat_map
                    .in_set(AppSystems::SyncVisuals)
                    .run_if(resource_changed::<LandscapeParams>),
            )
                .run_if(in_state(Exhibit::Landscape)),
        );
}

/// Grid points per side of the surface and map meshes. 129 puts a vertex on w = 0 and b = 0
/// and keeps a rebuild well under the 2 ms budget (see docs/performance.md).
pub const SURFACE_RES: usize = 129;
/// Start points per side of the basin map: every other map vertex (129 = 2 * 64 + 1), so a
/// recomputation stays within the frame budget (see docs/performance.md).
pub const BASIN_RES: usize = SURFACE_RES.div_ceil(2);
/// The notebook draws 12 contour lines over its filled map.
pub const CONTOUR_LEVELS: usize = 12;

/// Lowest and highest loss on the notebook's square: the ends of the colour scale.
pub fn loss_range() -> (f64, f64) {
    static RANGE: std::sync::OnceLock<(f64, f64)> = std::sync::OnceLock::new();
    *RANGE.get_or_init(|| {
        let mut grid = Vec::new();
        landscape::sample_grid(SURFACE_RES, DOMAIN_HALF, &mut grid);
        grid.iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                (lo.min(p[2]), hi.max(p[2]))
            })
    })
}

/// The viridis colour of a loss, scaled over the square's range like the notebook's colour bar.
/// Looked up in a table already converted to linear light, so a mesh of 16 641 vertices does
/// not pay three `powf` per vertex for the sRGB decode.
pub fn loss_color(loss: f64) -> LinearRgba {
    const STEPS: usize = 1024;
    static TABLE: std::sync::OnceLock<Vec<LinearRgba>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..STEPS)
            .map(|k| {
                let [r, g, b] = viridis(k as f64 / (STEPS - 1) as f64);
                Color::srgb(r, g, b).to_linear()
            })
            .collect()
    });
    let (lo, hi) = loss_range();
    let t = ((loss - lo) / (hi - lo)).clamp(0.0, 1.0);
    let t = if t.is_nan() { 0.0 } else { t };
    table[(t * (STEPS - 1) as f64).round() as usize]
}

/// Colours of the basins: the two global minima warm, the two local minima cool.
pub const BASIN_COLORS: [[u8; 3]; 4] = [
    [0xfa, 0xcc, 0x15],
    [0xfb, 0x92, 0x3c],
    [0x60, 0xa5, 0xfa],
    [0xa7, 0x8b, 0xfa],
];
/// Colour of start points whose descent has not settled near any minimum.
pub const UNSETTLED_COLOR: [u8; 3] = [0x47, 0x55, 0x69];
/// Colour of start points whose descent diverged.
pub const DIVERGED_COLOR: [u8; 3] = [0xef, 0x44, 0x44];

/// The colour a basin is painted.
pub fn basin_color(basin: Basin) -> [u8; 3] {
    match basin {
        Basin::Minimum(i) => BASIN_COLORS[i % BASIN_COLORS.len()],
        Basin::Unsettled => UNSETTLED_COLOR,
        Basin::Diverged => DIVERGED_COLOR,
    }
}

/// Marks the 3D surface and its contours (hidden in the flat-map view).
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct SurfacePart;

/// Marks the flat map whose colours follow the basin toggle.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct FlatMap;

/// The basin of every start point on a [`BASIN_RES`] grid for the current learning rate and steps.
#[derive(Resource, Debug, Default, Clone)]
pub struct BasinMap {
    /// Row-major over the basin grid (rows over b, columns over w).
    pub cells: Vec<Basin>,
}

impl BasinMap {
    /// The basin shown at map vertex `(row, col)` of the [`SURFACE_RES`] grid: the nearest
    /// basin-grid start point (exact on even vertices).
    pub fn at_vertex(&self, row: usize, col: usize) -> Option<Basin> {
        let cell = |k: usize| k.div_ceil(2).min(BASIN_RES - 1);
        self.cells.get(cell(row) * BASIN_RES + cell(col)).copied()
    }
}

/// Builds the surface mesh at `n` x `n` vertices: positions from the loss, normals from the
/// analytic gradient (smooth shading without finite differences), viridis vertex colours.
pub fn surface_mesh(n: usize) -> Mesh {
    let n = n.max(2);
    let mut positions = Vec::with_capacity(n * n);
    let mut normals = Vec::with_capacity(n * n);
    let mut colors = Vec::with_capacity(n * n);
    for_grid(n, |w, b| {
        let loss = landscape::loss(w, b);
        positions.push(surface_point(w, b).to_array());
        let (dw, db) = landscape::gradient(w, b);
        // y = s*L(x, -z): the normal is (-s*dL/dw, 1, s*dL/db).
        let normal = Vec3::new(-HEIGHT_SCALE * dw as f32, 1.0, HEIGHT_SCALE * db as f32)
            .normalize_or(Vec3::Y);
        normals.push(normal.to_array());
        colors.push(loss_color(loss).to_f32_array());
    });
    grid_mesh(n, positions, normals, colors)
}

/// Builds the flat map at `n` x `n` vertices, coloured by loss.
pub fn map_mesh(n: usize) -> Mesh {
    let n = n.max(2);
    let mut positions = Vec::with_capacity(n * n);
    let mut colors = Vec::with_capacity(n * n);
    for_grid(n, |w, b| {
        positions.push(map_point(w, b).to_array());
        colors.push(loss_color(landscape::loss(w, b)).to_f32_array());
    });
    let normals = vec![[0.0, 1.0, 0.0]; n * n];
    grid_mesh(n, positions, normals, colors)
}

/// Calls `f(w, b)` over the notebook's square, rows over b, columns over w.
fn for_grid(n: usize, mut f: impl FnMut(f64, f64)) {
    let step = 2.0 * DOMAIN_HALF / (n - 1) as f64;
    for i in 0..n {
        let b = -DOMAIN_HALF + i as f64 * step;
        for j in 0..n {
            f(-DOMAIN_HALF + j as f64 * step, b);
        }
    }
}

fn grid_mesh(
    n: usize,
    positions: Vec<[f32; 3]>,
    normals: Vec<[f32; 3]>,
    colors: Vec<[f32; 4]>,
) -> Mesh {
    let mut indices = Vec::with_capacity((n - 1) * (n - 1) * 6);
    for i in 0..n - 1 {
        for j in 0..n - 1 {
            let a = (i * n + j) as u32;
            let (b, c, d) = (a + 1, a + n as u32, a + n as u32 + 1);
            // Rows run towards -z (b grows), so this winding faces +y.
            indices.extend_from_slice(&[a, b, c, b, d, c]);
        }
    }
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, normals)
    .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, colors)
    .with_inserted_indices(Indices::U32(indices))
}

/// Iso-loss lines as a line-list mesh, lifted onto the surface (`on_surface`) or laid on the map.
pub fn contour_mesh(n: usize, on_surface: bool) -> Mesh {
    let mut grid = Vec::new();
    landscape::sample_grid(n, DOMAIN_HALF, &mut grid);
    let values: Vec<f64> = grid.iter().map(|p| p[2]).collect();
    let (lo, hi) = loss_range();
    let mut segments = Vec::new();
    for level in contour::levels(lo, hi, CONTOUR_LEVELS) {
        contour::isolines(&values, n, DOMAIN_HALF, level, &mut segments);
    }
    let lift = |p: [f64; 2]| {
        if on_surface {
            surface_point(p[0], p[1]) + Vec3::Y * 0.012
        } else {
            map_point(p[0], p[1]) + Vec3::Y * 0.004
        }
    };
    let positions: Vec<[f32; 3]> = segments
        .iter()
        .flat_map(|s| [lift(s[0]).to_array(), lift(s[1]).to_array()])
        .collect();
    Mesh::new(PrimitiveTopology::LineList, RenderAssetUsages::default())
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
}

fn spawn_surface_and_map(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    params: Res<LandscapeParams>,
) {
    let surface_material = materials.add(StandardMaterial {
        base_color: Color::WHITE,
        perceptual_roughness: 0.55,
        reflectance: 0.3,
        double_sided: true,
        cull_mode: None,
        ..default()
    });
    let line_material = materials.add(StandardMaterial {
        base_color: Color::srgba(1.0, 1.0, 1.0, 0.55),
        unlit: true,
        alpha_mode: AlphaMode::Blend,
        ..default()
    });
    let map_material = materials.add(StandardMaterial {
        base_color: Color::WHITE,
        unlit: true,
        double_sided: true,
        cull_mode: None,
        ..default()
    });
    let surface_visibility = if params.flat_map {
        Visibility::Hidden
    } else {
        Visibility::Inherited
    };
    commands.spawn((
        Name::new("Loss surface"),
        SurfacePart,
        Mesh3d(meshes.add(surface_mesh(SURFACE_RES))),
        MeshMaterial3d(surface_material),
        surface_visibility,
        DespawnOnExit(Exhibit::Landscape),
    ));
    commands.spawn((
        Name::new("Surface contours"),
        SurfacePart,
        Mesh3d(meshes.add(contour_mesh(SURFACE_RES, true))),
        MeshMaterial3d(line_material.clone()),
        surface_visibility,
        DespawnOnExit(Exhibit::Landscape),
    ));
    commands.spawn((
        Name::new("Flat map"),
        FlatMap,
        Mesh3d(meshes.add(map_mesh(SURFACE_RES))),
        MeshMaterial3d(map_material),
        DespawnOnExit(Exhibit::Landscape),
    ));
    commands.spawn((
        Name::new("Map contours"),
        Mesh3d(meshes.add(contour_mesh(SURFACE_RES, false))),
        MeshMaterial3d(line_material),
        DespawnOnExit(Exhibit::Landscape),
    ));
}

/// Repaints the map by basin (for the current learning rate and steps) or by loss.
fn recolor_map(
    params: Res<LandscapeParams>,
    mut basins: ResMut<BasinMap>,
    maps: Query<&Mesh3d, With<FlatMap>>,
    mut meshes: ResMut<Assets<Mesh>>,
    fresh: Query<(), Added<FlatMap>>,
    mut last: Local<Option<(bool, f64, usize)>>,
    mut loss_colors: Local<Vec<[f32; 4]>>,
) {
    if !fresh.is_empty() {
        // A new visit built a new map, coloured by loss.
        *last = None;
    }
    let p = params.sanitized();
    let key = (p.basins, p.lr, p.step_count());
    if *last == Some(key) || (!p.basins && last.is_none()) {
        *last = Some(key);
        return;
    }
    *last = Some(key);
    if p.basins {
        landscape::basin_map(
            Optimizer::GradientDescent,
            BASIN_RES,
            DOMAIN_HALF,
            p.lr,
            p.step_count(),
            &mut basins.cells,
        );
    } else if loss_colors.is_empty() {
        // Computed once: switching the basin map off only copies these back.
        for_grid(SURFACE_RES, |w, b| {
            loss_colors.push(loss_color(landscape::loss(w, b)).to_f32_array())
        });
    }
    for handle in &maps {
        let Some(mut mesh) = meshes.get_mut(&handle.0) else {
            continue;
        };
        let Some(bevy::mesh::VertexAttributeValues::Float32x4(colors)) =
            mesh.attribute_mut(Mesh::ATTRIBUTE_COLOR)
        else {
            continue;
        };
        if p.basins {
            // Decode the handful of basin colours once, not once per vertex.
            let linear = |basin: Basin| {
                let [r, g, b] = basin_color(basin);
                Color::srgb_u8(r, g, b).to_linear().to_f32_array()
            };
            let minima: [[f32; 4]; 4] = std::array::from_fn(|i| linear(Basin::Minimum(i)));
            let (unsettled, diverged) = (linear(Basin::Unsettled), linear(Basin::Diverged));
            for (k, color) in colors.iter_mut().enumerate() {
                *color = match basins.at_vertex(k / SURFACE_RES, k % SURFACE_RES) {
                    Some(Basin::Minimum(i)) => minima[i % minima.len()],
                    Some(Basin::Unsettled) | None => unsettled,
                    Some(Basin::Diverged) => diverged,
                };
            }
        } else {
            for (color, loss) in colors.iter_mut().zip(loss_colors.iter()) {
                *color = *loss;
            }
        }
    }
}

/// The flat-map view hides the 3D surface so the map reads like the notebook's picture.
fn show_surface_or_flat_map(
    params: Res<LandscapeParams>,
    mut parts: Query<&mut Visibility, With<SurfacePart>>,
) {
    let wanted = if params.flat_map {
        Visibility::Hidden
    } else {
        Visibility::Inherited
    };
    for mut visibility in &mut parts {
        visibility.set_if_neq(wanted);
    }
}
