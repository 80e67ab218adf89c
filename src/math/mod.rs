//! The single source of truth for every formula in the exhibit: pure `std` Rust on `f64`, no Bevy.
//!
//! Each submodule mirrors one section of the notebook "Neural Networks from Scratch" and
//! reproduces its Python (numpy) code to within 1e-9, bit for bit where the operations allow.
//! The app only adapts these numbers to the screen; it never re-derives a formula.

pub mod activation;
pub mod backprop;
pub mod colormap;
pub mod contour;
pub mod landscape;
pub mod loss;
pub mod neuron;
pub mod optimizer;
pub mod perceptron;
