//! The biological neuron drawn in 2D: dendrites carrying pulses towards the soma (blue
//! excitatory, red inhibitory, as many as the input is strong), the soma glowing with the
//! integrated signal, and a spike running down the axon to flashing terminals when it fires.
//! A morph turns the same drawing into the AI neuron it inspired.

use std::f32::consts::TAU;

use bevy::{camera::ScalingMode, prelude::*};

use super::{NeuronParams, NeuronSignal, NeuronView};
use crate::{AppSystems, Exhibit, ui::theme};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Exhibit::Neuron), spawn_neuron_scene)
        .add_systems(
            PostUpdate,
            (
                ease_morph,
                shape_neuron,
                (send_pulses, fire_spike, glow_soma),
            )
                .chain()
                .in_set(AppSystems::SyncVisuals)
                .run_if(in_state(Exhibit::Neuron)),
        );
}

/// Pulses each dendrite can carry at once: one per unit of input (the sliders go to 10).
const PULSES_PER_DENDRITE: usize = 10;
/// Fraction of a dendrite a pulse travels per second.
const PULSE_SPEED: f32 = 0.45;
/// Seconds for a spike to run down the axon.
const SPIKE_PERIOD: f32 = 0.9;
/// Soma radius, world units (the camera shows about 1000 x 560).
pub const SOMA_RADIUS: f32 = 78.0;
/// Where the axon ends and its terminals begin.
pub const AXON_END: Vec2 = Vec2::new(400.0, 0.0);
/// Fraction of the biological-to-AI morph covered per second (so it takes one second).
const MORPH_RATE: f32 = 1.0;

/// Bright blue for excitatory pulses on the dark ground (the notebook's #2563eb, lifted).
const EXCITATORY: Color = Color::srgb(0.38, 0.65, 0.98);
/// Bright red for inhibitory pulses (the notebook's #dc2626, lifted).
const INHIBITORY: Color = Color::srgb(0.97, 0.44, 0.44);

/// One of the three inputs: which dendrite a piece of the drawing belongs to.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dendrite(pub usize);

/// A pulse travelling along a dendrite; `slot` spaces the pulses evenly.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pulse {
    /// Which dendrite.
    pub dendrite: usize,
    /// Its place in the queue.
    pub slot: usize,
}

/// The soma's glow, brighter as the total approaches and passes the threshold.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct SomaGlow;

/// The soma body (its colour morphs to the AI neuron's).
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct Soma;

/// The axon, grey when silent, green when the neuron fires.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct Axon;

/// The spike running down the axon.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct Spike;

/// An axon terminal that flashes when the spike arrives.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct Terminal;

/// Where a dendrite starts (far end) in the biological drawing and in the AI diagram; it always
/// ends on the soma.
pub fn dendrite_start(dendrite: usize, morph: f32) -> Vec2 {
    const BIOLOGICAL: [Vec2; 3] = [
        Vec2::new(-400.0, 215.0),
        Vec2::new(-450.0, 10.0),
        Vec2::new(-390.0, -205.0),
    ];
    const AI: [Vec2; 3] = [
        Vec2::new(-400.0, 170.0),
        Vec2::new(-400.0, 0.0),
        Vec2::new(-400.0, -170.0),
    ];
    let i = dendrite.min(2);
    BIOLOGICAL[i].lerp(AI[i], morph.clamp(0.0, 1.0))
}

/// Where a dendrite meets the soma.
pub fn dendrite_end(dendrite: usize, morph: f32) -> Vec2 {
    let towards = dendrite_start(dendrite, morph).normalize_or(Vec2::NEG_X);
    towards * SOMA_RADIUS
}

fn segment_transform(from: Vec2, to: Vec2, width: f32, z: f32) -> Transform {
    let d = to - from;
    Transform::from_translation(((from + to) / 2.0).extend(z))
        .with_rotation(Quat::from_rotation_z(d.y.atan2(d.x)))
        .with_scale(Vec3::new(d.length().max(1.0), width, 1.0))
}

fn spawn_neuron_scene(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    commands.spawn((
        Name::new("Neuron camera"),
        Camera2d,
        Camera {
            order: 0,
            clear_color: ClearColorConfig::None,
            ..default()
        },
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: ScalingMode::AutoMin {
                min_width: 1260.0,
                min_height: 640.0,
            },
            ..OrthographicProjection::default_2d()
        }),
        // Centred a little right of the soma: the labels at the dendrites' ends need room.
        Transform::from_xyz(20.0, 0.0, 0.0),
        crate::ui::SceneCamera,
        DespawnOnExit(Exhibit::Neuron),
    ));
    let unit = meshes.add(Rectangle::new(1.0, 1.0));
    let circle = meshes.add(Circle::new(1.0));
    let mut flat = |color: Color| materials.add(ColorMaterial::from_color(color));
    let blue = flat(EXCITATORY);
    let red = flat(INHIBITORY);
    let membrane = flat(Color::srgb(0.55, 0.42, 0.3));
    for dendrite in 0..3 {
        let color = if dendrite == 2 {
            red.clone()
        } else {
            blue.clone()
        };
        commands.spawn((
            Name::new(format!("Dendrite {}", dendrite + 1)),
            Dendrite(dendrite),
            Mesh2d(unit.clone()),
            MeshMaterial2d(color.clone()),
            segment_transform(
                dendrite_start(dendrite, 0.0),
                dendrite_end(dendrite, 0.0),
                14.0,
                0.0,
            ),
            DespawnOnExit(Exhibit::Neuron),
        ));
        for slot in 0..PULSES_PER_DENDRITE {
            commands.spawn((
                Name::new("Pulse"),
                Pulse { dendrite, slot },
                Mesh2d(circle.clone()),
                MeshMaterial2d(color.clone()),
                Transform::from_scale(Vec3::splat(0.0)),
                Visibility::Hidden,
                DespawnOnExit(Exhibit::Neuron),
            ));
        }
    }
    commands.spawn((
        Name::new("Soma glow"),
        SomaGlow,
        Mesh2d(circle.clone()),
        MeshMaterial2d(flat(Color::srgba(0.99, 0.85, 0.4, 0.0))),
        Transform::from_xyz(0.0, 0.0, -1.0).with_scale(Vec3::splat(SOMA_RADIUS * 1.9)),
        DespawnOnExit(Exhibit::Neuron),
    ));
    commands.spawn((
        Name::new("Soma membrane"),
        Mesh2d(circle.clone()),
        MeshMaterial2d(flat(Color::srgb_u8(0x92, 0x40, 0x0e))),
        Transform::from_xyz(0.0, 0.0, 1.0).with_scale(Vec3::splat(SOMA_RADIUS + 5.0)),
        DespawnOnExit(Exhibit::Neuron),
    ));
    commands.spawn((
        Name::new("Soma"),
        Soma,
        Mesh2d(circle.clone()),
        MeshMaterial2d(flat(Color::srgb_u8(0xfd, 0xe6, 0x8a))),
        Transform::from_xyz(0.0, 0.0, 2.0).with_scale(Vec3::splat(SOMA_RADIUS)),
        DespawnOnExit(Exhibit::Neuron),
    ));
    commands.spawn((
        Name::new("Axon hillock"),
        Mesh2d(meshes.add(Triangle2d::new(
            Vec2::new(0.0, 34.0),
            Vec2::new(0.0, -34.0),
            Vec2::new(70.0, 0.0),
        ))),
        MeshMaterial2d(membrane.clone()),
        Transform::from_xyz(SOMA_RADIUS - 8.0, 0.0, 0.5),
        DespawnOnExit(Exhibit::Neuron),
    ));
    let axon_start = Vec2::new(SOMA_RADIUS + 50.0, 0.0);
    commands.spawn((
        Name::new("Axon"),
        Axon,
        Mesh2d(unit.clone()),
        MeshMaterial2d(flat(theme::bevy_color(theme::MUTED))),
        segment_transform(axon_start, AXON_END, 18.0, 0.0),
        DespawnOnExit(Exhibit::Neuron),
    ));
    let sheath = meshes.add(Capsule2d::new(14.0, 34.0));
    for k in 0..4 {
        let x = axon_start.x + 40.0 + k as f32 * 62.0;
        commands.spawn((
            Name::new("Myelin sheath"),
            Mesh2d(sheath.clone()),
            MeshMaterial2d(flat(Color::srgba(0.93, 0.9, 0.82, 0.85))),
            Transform::from_xyz(x, 0.0, 0.6).with_rotation(Quat::from_rotation_z(TAU / 4.0)),
            DespawnOnExit(Exhibit::Neuron),
        ));
    }
    for (k, angle) in [-0.6f32, 0.0, 0.6].into_iter().enumerate() {
        let tip = AXON_END + Vec2::from_angle(angle) * 70.0;
        commands.spawn((
            Name::new("Axon branch"),
            Mesh2d(unit.clone()),
            MeshMaterial2d(membrane.clone()),
            segment_transform(AXON_END, tip, 8.0, 0.0),
            DespawnOnExit(Exhibit::Neuron),
        ));
        commands.spawn((
            Name::new(format!("Terminal {k}")),
            Terminal,
            Mesh2d(circle.clone()),
            MeshMaterial2d(flat(theme::bevy_color(theme::MUTED))),
            Transform::from_translation(tip.extend(1.0)).with_scale(Vec3::splat(15.0)),
            DespawnOnExit(Exhibit::Neuron),
        ));
    }
    commands.spawn((
        Name::new("Spike"),
        Spike,
        Mesh2d(circle),
        MeshMaterial2d(flat(Color::srgb(0.65, 1.0, 0.75))),
        Transform::from_xyz(axon_start.x, 0.0, 3.0).with_scale(Vec3::splat(17.0)),
        Visibility::Hidden,
        DespawnOnExit(Exhibit::Neuron),
    ));
}

fn ease_morph(time: Res<Time>, mut view: ResMut<NeuronView>) {
    let goal = if view.ai { 1.0 } else { 0.0 };
    if view.morph == goal {
        return;
    }
    let step = MORPH_RATE * time.delta_secs();
    let next = if view.morph < goal {
        (view.morph + step).min(goal)
    } else {
        (view.morph - step).max(goal)
    };
    view.morph = next;
}

/// Straightens the dendrites into input arrows as the morph proceeds.
fn shape_neuron(
    view: Res<NeuronView>,
    mut dendrites: Query<(&Dendrite, &mut Transform)>,
    fresh: Query<(), Added<Dendrite>>,
) {
    // A new visit spawns straight dendrites at the biological pose: reshape them for the view.
    if !view.is_changed() && fresh.is_empty() {
        return;
    }
    let t = smooth(view.morph);
    for (dendrite, mut transform) in &mut dendrites {
        *transform = segment_transform(
            dendrite_start(dendrite.0, t),
            dendrite_end(dendrite.0, t),
            14.0,
            0.0,
        );
    }
}

/// Ease-in-out of the morph, shared by the drawing and its labels.
pub fn smooth(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Moves the pulses: as many per dendrite as its input's strength, evenly spaced, bigger for
/// stronger inputs, flowing into the soma.
fn send_pulses(
    time: Res<Time>,
    params: Res<NeuronParams>,
    view: Res<NeuronView>,
    mut pulses: Query<(&Pulse, &mut Transform, &mut Visibility)>,
) {
    let strengths = [params.excitatory_a, params.excitatory_b, params.inhibitory];
    let t = smooth(view.morph);
    let clock = time.elapsed_secs();
    for (pulse, mut transform, mut visibility) in &mut pulses {
        let strength = strengths[pulse.dendrite.min(2)];
        let count = if strength.is_finite() {
            strength.round().clamp(0.0, PULSES_PER_DENDRITE as f64) as usize
        } else {
            0
        };
        if pulse.slot >= count {
            visibility.set_if_neq(Visibility::Hidden);
            continue;
        }
        visibility.set_if_neq(Visibility::Inherited);
        let phase = (clock * PULSE_SPEED + pulse.slot as f32 / count as f32).fract();
        let (from, to) = (
            dendrite_start(pulse.dendrite, t),
            dendrite_end(pulse.dendrite, t),
        );
        let p = from.lerp(to, phase);
        transform.translation = p.extend(2.5);
        transform.scale = Vec3::splat(7.0 + strength.clamp(0.0, 10.0) as f32 * 0.9);
    }
}

/// When the total reaches the threshold, a spike runs down the axon and the terminals flash;
/// otherwise the axon stays grey.
fn fire_spike(
    time: Res<Time>,
    signal: Res<NeuronSignal>,
    mut spike: Query<(&mut Transform, &mut Visibility), With<Spike>>,
    axon: Query<&MeshMaterial2d<ColorMaterial>, With<Axon>>,
    terminals: Query<&MeshMaterial2d<ColorMaterial>, With<Terminal>>,
    fresh: Query<(), Added<Axon>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut last_flash: Local<Option<f32>>,
) {
    let phase = (time.elapsed_secs() / SPIKE_PERIOD).fract();
    let fresh = !fresh.is_empty();
    for (mut transform, mut visibility) in &mut spike {
        if signal.fires {
            visibility.set_if_neq(Visibility::Inherited);
            let start = SOMA_RADIUS + 50.0;
            transform.translation.x = start + (AXON_END.x - start) * phase;
        } else {
            visibility.set_if_neq(Visibility::Hidden);
        }
    }
    let good = theme::bevy_color(theme::GOOD);
    let muted = theme::bevy_color(theme::MUTED);
    if signal.is_changed() || fresh {
        for handle in &axon {
            if let Some(mut m) = materials.get_mut(&handle.0) {
                m.color = if signal.fires { good } else { muted };
            }
        }
    }
    // The terminals light up as the spike arrives and fade until the next one.
    let flash = match (signal.fires, phase > 0.85) {
        (false, _) => 0.0,
        (true, true) => 1.0,
        (true, false) => 0.5 * (1.0 - phase),
    };
    // Touch the materials only when the colour changes: a write re-uploads them.
    if !fresh && *last_flash == Some(flash) {
        return;
    }
    *last_flash = Some(flash);
    for handle in &terminals {
        if let Some(mut m) = materials.get_mut(&handle.0) {
            m.color = muted.mix(&Color::srgb(0.7, 1.0, 0.8), flash);
        }
    }
}

/// The glow behind the soma follows the integrated signal relative to the threshold; the soma
/// itself turns from the notebook's amber into the perceptron's pink as it becomes an AI neuron.
fn glow_soma(
    params: Res<NeuronParams>,
    signal: Res<NeuronSignal>,
    view: Res<NeuronView>,
    glow: Query<&MeshMaterial2d<ColorMaterial>, With<SomaGlow>>,
    soma: Query<&MeshMaterial2d<ColorMaterial>, With<Soma>>,
    fresh: Query<(), Added<SomaGlow>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    if !(signal.is_changed() || params.is_changed() || view.is_changed() || !fresh.is_empty()) {
        return;
    }
    let level = if params.threshold > 0.0 {
        (signal.total / params.threshold).clamp(0.0, 1.5)
    } else if signal.total >= 0.0 {
        1.5
    } else {
        0.0
    };
    let alpha = (0.08 + 0.3 * level as f32).min(0.5) * if signal.total > 0.0 { 1.0 } else { 0.3 };
    for handle in &glow {
        if let Some(mut m) = materials.get_mut(&handle.0) {
            let base = if signal.fires {
                Color::srgb(0.45, 0.95, 0.6)
            } else {
                Color::srgb(0.99, 0.85, 0.4)
            };
            m.color = base.with_alpha(alpha);
        }
    }
    let t = smooth(view.morph);
    for handle in &soma {
        if let Some(mut m) = materials.get_mut(&handle.0) {
            m.color = Color::srgb_u8(0xfd, 0xe6, 0x8a).mix(&Color::srgb_u8(0xfe, 0xe2, 0xe2), t);
        }
    }
}
