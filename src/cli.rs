//! The native command line: which exhibit to open, screenshot mode, window size, fullscreen.
//! A bad flag or value prints a clear message and the usage and exits with code 2, never panics.

use std::path::PathBuf;

use clap::{CommandFactory, Parser};

use crate::{Exhibit, LaunchOptions};

/// nn-lab: Neural Networks from Scratch, as a touchable exhibit.
#[derive(Parser, Debug)]
#[command(name = "nn-lab", version, about)]
struct Args {
    /// Screen to open on: intro, neuron, perceptron, activations, losses, backprop, landscape, wrapup.
    #[arg(long, value_name = "NAME", value_parser = parse_exhibit, default_value = "intro")]
    exhibit: Exhibit,

    /// Render a few frames, save the window to this PNG file and exit.
    #[arg(long, value_name = "FILE.png", value_parser = parse_png_path)]
    screenshot: Option<PathBuf>,

    /// Window size in logical pixels, e.g. 1280x720.
    #[arg(long, value_name = "WxH", value_parser = parse_window, default_value = "1280x720")]
    window: (u32, u32),

    /// Borderless fullscreen on the primary monitor (kiosk, projector).
    #[arg(long)]
    fullscreen: bool,

    /// Start with a parameter set, e.g. landscape.lr=0.3 or neuron.view=ai (repeatable).
    #[arg(long = "set", value_name = "EXHIBIT.FIELD=VALUE", value_parser = parse_setting)]
    settings: Vec<String>,
}

/// Parses the command line (without the program name's handling: pass `std::env::args_os()`).
pub fn parse<I, T>(args: I) -> Result<LaunchOptions, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args = Args::try_parse_from(args)?;
    Ok(LaunchOptions {
        exhibit: args.exhibit,
        screenshot: args.screenshot,
        window: args.window,
        fullscreen: args.fullscreen,
        settings: args.settings,
    })
}

/// The one-line usage, printed after any error so the right form is in front of the reader.
pub fn usage() -> String {
    Args::command().render_usage().to_string()
}

/// Parses the real command line, or prints the problem and the usage and exits: code 2 for a
/// bad flag or value, 0 for `--help` and `--version`.
pub fn parse_or_exit() -> LaunchOptions {
    match parse(std::env::args_os()) {
        Ok(options) => options,
        Err(err) if err.use_stderr() => {
            eprint!("{err}");
            eprintln!("\n{}", usage());
            std::process::exit(2);
        }
        Err(err) => err.exit(),
    }
}

fn parse_exhibit(name: &str) -> Result<Exhibit, String> {
    Exhibit::from_slug(&name.to_ascii_lowercase()).ok_or_else(|| {
        let names: Vec<_> = Exhibit::ALL.iter().map(|e| e.slug()).collect();
        format!(
            "unknown exhibit '{name}'; choose one of: {}",
            names.join(", ")
        )
    })
}

fn parse_setting(setting: &str) -> Result<String, String> {
    crate::tunable::validate(setting).map(|()| setting.to_owned())
}

fn parse_png_path(path: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(path);
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("png") => Ok(path),
        _ => Err(format!("'{}' must end in .png", path.display())),
    }
}

/// Smallest and largest window side accepted, logical pixels.
const WINDOW_SIDE: std::ops::RangeInclusive<u32> = 320..=8192;

fn parse_window(size: &str) -> Result<(u32, u32), String> {
    let bad = || format!("'{size}' is not a window size like 1280x720");
    let (w, h) = size.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    if !WINDOW_SIDE.contains(&w) || !WINDOW_SIDE.contains(&h) {
        return Err(format!(
            "window {w}x{h} is out of range: each side must be {} to {}",
            WINDOW_SIDE.start(),
            WINDOW_SIDE.end()
        ));
    }
    Ok((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_names_the_program_and_its_options() {
        let usage = usage();
        assert!(
            usage.contains("nn-lab") && usage.contains("OPTIONS"),
            "{usage}"
        );
    }

    #[test]
    fn defaults_open_the_intro_at_720p() {
        let o = parse(["nn-lab"]).unwrap();
        assert_eq!(o, LaunchOptions::default());
    }

    #[test]
    fn every_exhibit_name_parses() {
        for e in Exhibit::ALL {
            let o = parse(["nn-lab", "--exhibit", e.slug()]).unwrap();
            assert_eq!(o.exhibit, e);
        }
    }

    #[test]
    fn flags_combine() {
        let o = parse([
            "nn-lab",
            "--exhibit",
            "landscape",
            "--screenshot",
            "x.png",
            "--window",
            "1920x1080",
            "--fullscreen",
            "--set",
            "landscape.race=true",
        ])
        .unwrap();
        assert_eq!(o.settings, vec!["landscape.race=true".to_owned()]);
        assert_eq!(o.exhibit, Exhibit::Landscape);
        assert_eq!(o.screenshot, Some(PathBuf::from("x.png")));
        assert_eq!(o.window, (1920, 1080));
        assert!(o.fullscreen);
    }

    #[test]
    fn bad_input_is_an_error_with_exit_code_2() {
        for bad in [
            vec!["nn-lab", "--exhibit", "moon"],
            vec!["nn-lab", "--window", "big"],
            vec!["nn-lab", "--window", "0x0"],
            vec!["nn-lab", "--window", "99999999999x2"],
            vec!["nn-lab", "--screenshot", "x.jpg"],
            vec!["nn-lab", "--bogus"],
            vec!["nn-lab", "--exhibit"],
            vec!["nn-lab", "--set", "landscape.lr=9"],
            vec!["nn-lab", "--set", "nonsense"],
        ] {
            let err = parse(bad.clone()).expect_err(&format!("{bad:?} should fail"));
            assert_eq!(err.exit_code(), 2, "{bad:?}");
        }
    }
}
