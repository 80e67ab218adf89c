//! The real binary: bad flags and values print what is wrong and the usage, exit with code 2,
//! and never panic; --help exits 0. (No window is opened: parsing fails first.)

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nn-lab"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_input_exits_2_with_message_and_usage() {
    for (args, says) in [
        (&["--exhibit", "moon"][..], "unknown exhibit 'moon'"),
        (&["--bogus"][..], "--bogus"),
        (&["--window", "wide"][..], "not a window size"),
        (&["--screenshot", "shot.jpg"][..], "must end in .png"),
        (&["--set", "landscape.lr=NaN"][..], "learn rate"),
        (&["--set", "perceptron.w9=1"][..], "no field 'w9'"),
    ] {
        let (code, _, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(stderr.contains("Usage: nn-lab"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn help_lists_every_flag_and_exits_0() {
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for flag in [
        "--exhibit",
        "--screenshot",
        "--window",
        "--fullscreen",
        "--set",
    ] {
        assert!(stdout.contains(flag), "{flag} missing from --help");
    }
}
