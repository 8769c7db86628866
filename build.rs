//! Rebuilds the binary when a file of the default theme is added or removed. `src/theme.rs`
//! embeds themes/briefing/ with include_dir, whose `include_bytes!` make a changed file rebuild
//! the crate, but on a stable compiler nothing tells Cargo about a new or deleted file (that
//! needs the unstable `proc_macro::tracked_path`: include_dir's `nightly` feature); Cargo
//! scans a folder named here for any change.

fn main() {
    println!("cargo:rerun-if-changed=themes/briefing");
}
