//! The output folder: refuse unsafe locations, build into a temporary folder beside it, and
//! swap it in only when everything was written, so a failed or killed build leaves the
//! previous output complete. One build at a time writes into a given output: a second one
//! waits for the lock the first holds.

use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The file every build writes; an existing output folder without it was not made by us, and
/// is never replaced.
pub const MARKER: &str = "dossier.json";

/// Folders of the dossier that the output must neither be, contain, nor lie in.
pub const PROTECTED: &[&str] = &["content", "templates", "themes", "static"];

/// An output folder being built: files go to a temporary folder until [`Staging::commit`].
/// It holds the output's [`Lock`] from start to end.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    temp: PathBuf,
    committed: bool,
    _lock: Lock,
}

/// The right to build into one output folder: the file `.NAME.lock` beside it, holding the
/// process id of the build that has it, under an advisory lock (`flock`). The system releases
/// that lock when the process ends, however it ends, so the lock file of a killed build is
/// taken over at once; the file is removed when the build is done.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    /// Kept open: closing it releases the lock.
    _file: std::fs::File,
}

/// Writes each `(path relative to root, bytes)`, creating folders as needed: the files of
/// `dossier init` and `init --theme-only`. The first failure is reported with its path.
pub fn create_files(root: &Path, files: &[(PathBuf, &[u8])]) -> Result<(), Diagnostic> {
    for (rel, bytes) in files {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|err| {
                Diagnostic::error(parent, format!("cannot create the folder: {err}"))
            })?;
        }
        std::fs::write(&path, bytes)
            .map_err(|err| Diagnostic::error(&path, format!("cannot write: {err}")))?;
    }
    Ok(())
}

/// Resolves `output` (absolute, or relative to the current directory) and checks that it is a
/// safe place to build into for the dossier at `root`.
pub fn check_output(root: &Path, output: &Path) -> Result<PathBuf, Diagnostic> {
    let root = normalise(root).map_err(|err| {
        Diagnostic::error(root, format!("cannot resolve the dossier folder: {err}"))
    })?;
    let out = normalise(output).map_err(|err| {
        Diagnostic::error(output, format!("cannot resolve the output folder: {err}"))
    })?;
    let refuse = |what: String| {
        Err(Diagnostic::error(
            output,
            format!("refusing to build into {}: {what}", out.display()),
        )
        .with_hint(
            "choose an output folder of its own, such as public/ (the default) or /tmp/site",
        ))
    };
    if out == root {
        return refuse("it is the dossier folder itself".into());
    }
    if root.starts_with(&out) {
        return refuse("it contains the dossier folder".into());
    }
    for name in PROTECTED {
        let protected = root.join(name);
        if out == protected || out.starts_with(&protected) {
            return refuse(format!("it lies inside {name}/"));
        }
        if protected.starts_with(&out) {
            return refuse(format!("it contains {name}/"));
        }
    }
    if out.exists() && !out.is_dir() {
        return refuse("it is a file".into());
    }
    if out.is_dir()
        && !out.join(MARKER).is_file()
        && std::fs::read_dir(&out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return refuse(format!("it is not empty and has no {MARKER}, so it was not made by dossier and would be replaced"));
    }
    Ok(out)
}

/// An absolute path with `.`, `..` and symbolic links resolved, whether or not it exists:
/// the longest existing ancestor is canonicalised, the rest appended.
pub fn normalise(path: &Path) -> io::Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut existing = absolute.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(canonical) => {
                let mut out = canonical;
                for part in rest.iter().rev() {
                    match Path::new(part).components().next() {
                        Some(Component::ParentDir) => {
                            out.pop();
                        }
                        Some(Component::CurDir) | None => {}
                        _ => out.push(part),
                    }
                }
                return Ok(out);
            }
            Err(_) => {
                let Some(name) = existing.file_name().map(|n| n.to_os_string()) else {
                    // `..` or `.` at the end of a path that does not exist yet.
                    let last = existing
                        .components()
                        .next_back()
                        .map(|c| c.as_os_str().to_os_string());
                    match last {
                        Some(part) if existing.pop() => {
                            rest.push(part);
                            continue;
                        }
                        _ => {
                            return Err(io::Error::new(
                                io::ErrorKind::NotFound,
                                "no existing ancestor",
                            ))
                        }
                    }
                };
                rest.push(name);
                if !existing.pop() {
                    return Err(io::Error::new(
                        io::ErrorKind::NotFound,
                        "no existing ancestor",
                    ));
                }
            }
        }
    }
}

impl Lock {
    /// Takes the lock of the output folder `target`, whose parent folder exists; while another
    /// build holds it, calls `waiting` once (with that build's process id, when its lock file
    /// says) and waits for it to finish.
    pub fn take(target: &Path, waiting: impl FnOnce(Option<u32>)) -> Result<Lock, Diagnostic> {
        let name = target
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let path = target.with_file_name(format!(".{name}.lock"));
        let fail =
            |err: io::Error| Diagnostic::error(&path, format!("cannot take the lock file: {err}"));
        let mut waiting = Some(waiting);
        loop {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(fail)?;
            if !lock(&file, false).map_err(fail)? {
                if let Some(waiting) = waiting.take() {
                    let holder = std::fs::read_to_string(&path)
                        .ok()
                        .and_then(|text| text.trim().parse().ok());
                    waiting(holder);
                }
                lock(&file, true).map_err(fail)?;
            }
            // The build that held it removes the file when done: locked, it must still be the
            // file at `path`, or another build may have made a new one meanwhile.
            let same = match (file.metadata(), std::fs::metadata(&path)) {
                (Ok(a), Ok(b)) => same_file(&a, &b),
                _ => false,
            };
            if same {
                let mut file = file;
                file.set_len(0).map_err(fail)?;
                io::Write::write_all(&mut file, format!("{}\n", std::process::id()).as_bytes())
                    .map_err(fail)?;
                return Ok(Lock { path, _file: file });
            }
        }
    }
}

impl Drop for Lock {
    /// Removes the lock file while it is still locked; closing the file releases the lock.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Locks `file` exclusively: waiting for it when `wait`, else `false` when another holds it.
#[cfg(unix)]
fn lock(file: &std::fs::File, wait: bool) -> io::Result<bool> {
    use std::os::unix::io::AsRawFd;
    let operation = if wait {
        libc::LOCK_EX
    } else {
        libc::LOCK_EX | libc::LOCK_NB
    };
    loop {
        // SAFETY: flock on a file descriptor that `file` keeps open.
        if unsafe { libc::flock(file.as_raw_fd(), operation) } == 0 {
            return Ok(true);
        }
        let err = io::Error::last_os_error();
        match err.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EWOULDBLOCK) if !wait => return Ok(false),
            _ => return Err(err),
        }
    }
}

#[cfg(not(unix))]
fn lock(_: &std::fs::File, _: bool) -> io::Result<bool> {
    Ok(true)
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

impl Staging {
    /// Takes the lock of `target` (which [`check_output`] accepted), waiting while another
    /// build holds it (see [`Lock::take`]), and creates the temporary folder beside it.
    pub fn new(target: &Path, waiting: impl FnOnce(Option<u32>)) -> Result<Staging, Diagnostic> {
        let parent = target
            .parent()
            .ok_or_else(|| Diagnostic::error(target, "the output folder has no parent folder"))?;
        std::fs::create_dir_all(parent)
            .map_err(|err| Diagnostic::error(parent, format!("cannot create the folder: {err}")))?;
        let lock = Lock::take(target, waiting)?;
        let name = target
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        remove_abandoned(parent, &name);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let temp = parent.join(format!(".{name}.tmp-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&temp).map_err(|err| {
            Diagnostic::error(&temp, format!("cannot create the build folder: {err}"))
        })?;
        Ok(Staging {
            target: target.to_path_buf(),
            temp,
            committed: false,
            _lock: lock,
        })
    }

    /// The temporary folder being filled.
    pub fn dir(&self) -> &Path {
        &self.temp
    }

    /// Writes `bytes` to `path` (relative, with `/`) inside the temporary folder.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let full = self.prepare(path)?;
        std::fs::write(&full, bytes)
            .map_err(|err| Diagnostic::error(&self.target, format!("cannot write {path}: {err}")))
    }

    /// Creates `path` inside the temporary folder and lets `fill` write it; a failure is
    /// reported as [`Staging::write`] reports it.
    pub fn write_with(
        &self,
        path: &str,
        fill: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
    ) -> Result<(), Diagnostic> {
        let full = self.prepare(path)?;
        std::fs::File::create(&full)
            .and_then(|mut file| fill(&mut file))
            .map_err(|err| Diagnostic::error(&self.target, format!("cannot write {path}: {err}")))
    }

    /// The full path of `path` in the temporary folder, its folder created.
    fn prepare(&self, path: &str) -> Result<PathBuf, Diagnostic> {
        let full = self.temp.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(|err| {
                Diagnostic::error(
                    &self.target,
                    format!("cannot create {}: {err}", parent.display()),
                )
            })?;
        }
        Ok(full)
    }

    /// Copies the file `from` to `path` (relative, with `/`) inside the temporary folder.
    pub fn copy(&self, from: &Path, path: &str) -> Result<(), Diagnostic> {
        let to = self.prepare(path)?;
        std::fs::copy(from, &to).map(drop).map_err(|err| {
            Diagnostic::error(
                &self.target,
                format!("cannot copy {} into {path}: {err}", from.display()),
            )
        })
    }

    /// Puts the finished folder in place of the target, then removes the previous output.
    /// Where the system can, both swap places in one atomic step; a build killed at any moment
    /// leaves either the old or the new output complete.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let failed = |err: io::Error| {
            Diagnostic::error(
                &self.target,
                format!("cannot put the new output in place: {err}"),
            )
        };
        if self.target.exists() {
            if exchange(&self.temp, &self.target).is_ok() {
                // The old output now sits at the temporary name.
                let _ = std::fs::remove_dir_all(&self.temp);
                self.committed = true;
                return Ok(());
            }
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let old = self.temp.with_file_name(format!(
                ".{}.old-{}-{nanos}",
                self.target
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy(),
                std::process::id()
            ));
            std::fs::rename(&self.target, &old).map_err(failed)?;
            if let Err(err) = std::fs::rename(&self.temp, &self.target) {
                let _ = std::fs::rename(&old, &self.target);
                return Err(failed(err));
            }
            let _ = std::fs::remove_dir_all(&old);
        } else {
            std::fs::rename(&self.temp, &self.target).map_err(failed)?;
        }
        self.committed = true;
        Ok(())
    }
}

/// Removes the temporary folders of earlier builds of `name` that were killed before they
/// could clean up (their process is gone).
fn remove_abandoned(parent: &Path, name: &str) {
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.old-")];
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = prefixes.iter().find_map(|p| file.strip_prefix(p.as_str())) else {
            continue;
        };
        // Only a folder named exactly as ours are (`<pid>-<nanoseconds>`): a file or folder of
        // the user's that merely starts the same way (`.public.old-backup`) is never touched.
        let Some((pid, nanos)) = rest.split_once('-') else {
            continue;
        };
        let digits = |s: &str, max: usize| {
            !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
        };
        let ours =
            digits(pid, 10) && digits(nanos, 9) && entry.file_type().is_ok_and(|t| t.is_dir());
        if !ours {
            continue;
        }
        let alive = pid.parse::<u32>().is_ok_and(|pid| {
            pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists()
        });
        if !alive && cfg!(target_os = "linux") {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Swaps two paths atomically (Linux's renameat2 with RENAME_EXCHANGE).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let b = CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: both paths are valid NUL-terminated strings that live across the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange",
    ))
}

impl Drop for Staging {
    /// An abandoned build removes its temporary folder and leaves the target as it was.
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_paths_that_do_not_exist_yet() {
        let tmp = std::env::temp_dir().canonicalize().unwrap();
        let p = normalise(&tmp.join("nope-dossier/a/../b/./c")).unwrap();
        assert_eq!(p, tmp.join("nope-dossier/b/c"));
    }
}
