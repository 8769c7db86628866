//! Embeds the default theme (themes/briefing/) in the binary, so that a dossier without a
//! theme folder is rendered with it and `dossier init --theme-only` can copy it anywhere.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let theme = Path::new("themes/briefing");
    println!("cargo:rerun-if-changed={}", theme.display());
    let mut files = Vec::new();
    collect(theme, theme, &mut files);
    files.sort();
    let mut code = String::from("/// Every file of the default theme: (path inside the theme, contents).\npub const FILES: &[(&str, &[u8])] = &[\n");
    for rel in &files {
        let full = std::fs::canonicalize(theme.join(rel)).expect("theme file");
        writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            full.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("theme_files.rs");
    std::fs::write(out, code).unwrap();
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("theme folder") {
        let path = entry.expect("theme entry").path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(base, &path, files);
        } else {
            files.push(
                path.strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
}
