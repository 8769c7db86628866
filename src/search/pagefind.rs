//! Pagefind's index format, written from records: the word index, filters, metadata and page
//! fragments that Pagefind 1.x writes for the same pages (its browser code reads them), made in
//! parallel in bounded memory. Pagefind's own indexer, run on the same records, took most of a
//! build's time and memory (it gzips every file at the slowest level on one thread and keeps
//! every page's words three times over); its search UI, JavaScript and WebAssembly are still
//! Pagefind's, taken from it once per language.
//!
//! Words are read as Pagefind reads them (`a_record_is_indexed_as_pagefind_indexes_it` holds
//! the two side by side): a record's text is split at whitespace; each word is lowercased,
//! stripped of what is not a letter, digit or connector, stemmed with Pagefind's stemmer for
//! the site's language and indexed with its position and weight; a word with diacritics is
//! indexed without them and keeps its written form as a variant; a compound (`cease-fire`,
//! `McDonald`) is also indexed by its parts at a part of its weight.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A hash map with a fast hash: the index looks up every word of every page.
type Map<K, V> = hashbrown::HashMap<K, V>;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use convert_case::{Case, Casing};
use minicbor::Encoder;
use pagefind_stem::{Algorithm, Stemmer};
use rayon::prelude::*;
use sha1::{Digest, Sha1};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::Record;

/// Pagefind's weight scale: a word of weight 1 is stored as 24.
const WEIGHT_SCALE: u8 = 24;

/// The highest weight Pagefind takes.
const WEIGHT_MAX: u8 = 10;

/// How many positions and pages a chunk of the word index holds before the next begins
/// (Pagefind's default): a search loads only the chunks its words fall in.
const CHUNK_SIZE: usize = 20_000;

/// Pages read at a time before their words join the index: bounds the memory of words not yet
/// merged.
const BATCH: usize = 256;

/// A word longer than this in a dotted run (`a.b.c`) is cut, as Pagefind cuts it.
const MAX_DOTTED_TAIL_CHARS: usize = 64;

/// A katakana word's suffixes are indexed up to this length, as Pagefind indexes them.
const MAX_KATAKANA_SUFFIX_CHARS: usize = 16;

/// The files of an index: paths inside the index folder, and their bytes.
pub type Files = Vec<(String, Vec<u8>)>;

/// The index of `records` in the site's `language` and Pagefind's search UI, and the number of
/// pages it holds (a record without a word to index is left out); given up (an error) when
/// `stop` is set.
pub fn write(
    records: &[Record],
    language: &str,
    stop: &AtomicBool,
) -> Result<(Files, usize), String> {
    let ui = Ui::for_language(language)?;
    let words = Words::new(language, ui.include_characters.clone());
    // The metadata fields of the pages indexed (a page without a word is left out, its
    // fields with it, as Pagefind leaves it out).
    let fields: Vec<&str> = records
        .par_iter()
        .filter(|r| words.has_words(r))
        .flat_map_iter(|r| r.meta.keys().map(String::as_str))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    let timer = crate::Timer::start();
    let mut merging = std::time::Duration::ZERO;
    let pool = KnownPool::default();
    let mut index = WordIndex::default();
    let mut filters: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    let mut fragments: Vec<Fragment> = Vec::with_capacity(records.len());
    for batch in records.chunks(BATCH) {
        if stop.load(Ordering::Relaxed) {
            return Err("given up".to_owned());
        }
        let read: Vec<Option<Page>> = batch
            .par_iter()
            .map_init(
                || Lent(&pool, Some(pool.take())),
                |known, record| words.page(record, &fields, known.get()),
            )
            .collect::<Result<_, _>>()?;
        let merged = std::time::Instant::now();
        // A page without a word of text is left out, as Pagefind leaves it out.
        for (page, record) in read.into_iter().zip(batch) {
            let Some(page) = page else { continue };
            let number = fragments.len();
            index.add(number, page.words);
            fragments.push(page.fragment);
            for (filter, values) in &record.filters {
                for value in values {
                    filters
                        .entry(filter)
                        .or_default()
                        .entry(value)
                        .or_default()
                        .push(number);
                }
            }
        }
        merging += merged.elapsed();
    }
    timer.lap(&format!(
        "search: words read ({} ms of it merging)",
        merging.as_millis()
    ));

    let mut files = ui.files.clone();
    let mut names = Names::new(language);
    let mut meta_pages = Vec::with_capacity(fragments.len());
    for fragment in fragments {
        let name = names.name(&fragment.hash);
        meta_pages.push((name.clone(), fragment.word_count));
        files.push((format!("fragment/{name}.pf_fragment"), fragment.gzipped));
    }

    let chunks = index.chunks();
    timer.lap("search: words sorted");
    let encoded: Vec<(Vec<u8>, String)> = chunks
        .par_iter()
        .map(|chunk| {
            let bytes = encode_chunk(chunk);
            let hash = hex_hash(&bytes);
            (gzip(&bytes), hash)
        })
        .collect();
    let bounds = chunk_bounds(&chunks);
    let mut meta_chunks = Vec::with_capacity(chunks.len());
    for ((gzipped, hash), (from, to)) in encoded.into_iter().zip(bounds) {
        let name = names.name(&hash);
        files.push((format!("index/{name}.pf_index"), gzipped));
        meta_chunks.push((from, to, name));
    }

    timer.lap("search: word index encoded");
    let mut meta_filters = Vec::with_capacity(filters.len());
    for (filter, values) in &filters {
        let bytes = encode_filter(filter, values);
        let name = names.name(&hex_hash(&bytes));
        files.push((format!("filter/{name}.pf_filter"), gzip(&bytes)));
        meta_filters.push((*filter, name));
    }

    let meta = encode_meta(
        &ui.version,
        &meta_pages,
        &meta_chunks,
        &meta_filters,
        &fields,
    );
    let meta_name = format!("{language}_{}", &hex_hash(&meta)[..language.len() + 8]);
    files.push((format!("pagefind.{meta_name}.pf_meta"), gzip(&meta)));
    files.push((
        "pagefind-entry.json".to_owned(),
        ui.entry(&meta_name, meta_pages.len()).into_bytes(),
    ));
    Ok((files, meta_pages.len()))
}

/// Pagefind's search UI, JavaScript and WebAssembly for one language, and what its entry file
/// says besides the index: taken from an index Pagefind makes of one page, once per process.
struct Ui {
    /// The files that are not the index: `pagefind.js`, `pagefind-ui.js`, `wasm.en.pagefind`…
    files: Files,
    /// The entry file Pagefind wrote, read back.
    entry: serde_json::Value,
    /// The key of the language in the entry file.
    language: String,
    /// Pagefind's version, written into the index's metadata.
    version: String,
    /// Characters that count as part of a word besides letters and digits.
    include_characters: Vec<char>,
}

impl Ui {
    fn for_language(language: &str) -> Result<Arc<Ui>, String> {
        static MADE: OnceLock<Mutex<HashMap<String, Arc<Ui>>>> = OnceLock::new();
        let made = MADE.get_or_init(Default::default);
        if let Some(ui) = made.lock().expect("not poisoned").get(language) {
            return Ok(ui.clone());
        }
        let ui = Arc::new(Ui::make(language)?);
        made.lock()
            .expect("not poisoned")
            .insert(language.to_owned(), ui.clone());
        Ok(ui)
    }

    fn make(language: &str) -> Result<Ui, String> {
        use pagefind::api::PagefindIndex;
        use pagefind::options::PagefindServiceConfig;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        let made = runtime.block_on(async {
            let config = PagefindServiceConfig::builder()
                .force_language(language.to_owned())
                .build();
            let mut index = PagefindIndex::new(Some(config))?;
            index
                .add_custom_record(
                    "/".to_owned(),
                    "search".to_owned(),
                    language.to_owned(),
                    None,
                    None,
                    None,
                )
                .await?;
            index.get_files().await
        });
        let made = made.map_err(|e| e.to_string())?;
        let mut files = Vec::new();
        let mut entry = None;
        for file in made {
            let path = file.filename.to_string_lossy().replace('\\', "/");
            if path == "pagefind-entry.json" {
                entry = Some(serde_json::from_slice(&file.contents).map_err(|e| e.to_string())?);
            } else if !is_index_file(&path) {
                files.push((path, file.contents));
            }
        }
        let entry: serde_json::Value = entry.ok_or("Pagefind wrote no pagefind-entry.json")?;
        let languages = entry["languages"].as_object();
        let Some(key) = languages.and_then(|l| l.keys().next()).cloned() else {
            return Err("Pagefind's entry file names no language".to_owned());
        };
        let include_characters = entry["include_characters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c.as_str()?.chars().next())
            .collect();
        Ok(Ui {
            version: entry["version"].as_str().unwrap_or_default().to_owned(),
            language: key,
            include_characters,
            entry,
            files,
        })
    }

    /// The entry file of an index whose metadata is `pagefind.{meta}.pf_meta`.
    fn entry(&self, meta: &str, pages: usize) -> String {
        let mut entry = self.entry.clone();
        let language = &mut entry["languages"][&self.language];
        language["hash"] = meta.into();
        language["page_count"] = pages.into();
        entry.to_string()
    }
}

/// The files of Pagefind's output that belong to the index (the rest is its UI).
fn is_index_file(path: &str) -> bool {
    path.ends_with(".pf_meta")
        || path.starts_with("index/")
        || path.starts_with("fragment/")
        || path.starts_with("filter/")
}

/// A page read: its fragment (what a result shows) and its words.
struct Page {
    fragment: Fragment,
    words: Vec<(String, Posting)>,
}

/// A page's fragment, gzipped, with the hash of its text.
struct Fragment {
    hash: String,
    word_count: usize,
    gzipped: Vec<u8>,
}

/// Where one word is on one page: Pagefind's packed locations (positions with weight changes)
/// and meta locations (positions in the metadata fields), and those of each written form of the
/// word that differs from the indexed one (its diacritics).
#[derive(Default)]
struct Posting {
    locs: Vec<i32>,
    meta_locs: Vec<i32>,
    variants: Vec<(String, Vec<i32>, Vec<i32>)>,
}

/// What a page says of one word before it is packed.
#[derive(Default)]
struct Found {
    /// (weight, position) of each place the word is written without diacritics.
    at: Vec<(u8, u32)>,
    /// The same for each form written with diacritics.
    variants: BTreeMap<String, Vec<(u8, u32)>>,
    /// (field, position) in the metadata.
    meta: Vec<(u16, u32)>,
    meta_variants: BTreeMap<String, Vec<(u16, u32)>>,
}

/// One word to index for a word of the text.
#[derive(Debug, PartialEq)]
struct Indexable {
    stem: String,
    /// A part of a compound, which gets a part of the compound's weight.
    part: bool,
    /// The form written, when it differs from `stem`'s source by its diacritics.
    original: Option<String>,
}

/// How words are read: the language's stemmer and the characters that belong to words.
struct Words {
    stemmer: Option<Stemmer>,
    include: Vec<char>,
}

impl Words {
    fn new(language: &str, include: Vec<char>) -> Words {
        Words {
            stemmer: algorithm(language).map(Stemmer::create),
            include,
        }
    }

    /// Whether the text of `record` has a word to index (Pagefind leaves out a page without).
    fn has_words(&self, record: &Record) -> bool {
        let mut found = Vec::new();
        record
            .text
            .iter()
            .flat_map(|(_, text)| text.split_whitespace())
            .any(|word| {
                self.indexable(&word.replace('\u{200B}', ""), &mut found);
                !found.is_empty()
            })
    }

    /// Reads one record; `None` when its text has no word to index.
    fn page(
        &self,
        record: &Record,
        fields: &[&str],
        known: &mut Known,
    ) -> Result<Option<Page>, String> {
        let mut found: Map<String, Found> = Map::default();
        let mut content = String::new();
        let mut position: u32 = 0;
        for (weight, text) in &record.text {
            let weight = scaled(*weight);
            for word in text.split_whitespace() {
                let word = if word.contains('\u{200B}') {
                    std::borrow::Cow::Owned(word.replace('\u{200B}', ""))
                } else {
                    std::borrow::Cow::Borrowed(word)
                };
                if word.is_empty() {
                    continue;
                }
                content.push_str(&word);
                content.push(' ');
                let indexable = known.words(self, &word);
                let parts = indexable.iter().filter(|w| w.part).count();
                let part_weight = if parts > 0 && weight > 0 {
                    (weight / u8::try_from(parts).unwrap_or(u8::MAX)).max(1)
                } else {
                    0
                };
                for w in indexable {
                    let weight = if w.part { part_weight } else { weight };
                    let entry = found.entry_ref(w.stem.as_str()).or_default();
                    match &w.original {
                        None => entry.at.push((weight, position)),
                        Some(form) => entry
                            .variants
                            .entry(form.clone())
                            .or_default()
                            .push((weight, position)),
                    }
                }
                position += 1;
            }
        }
        content.pop();
        if found.is_empty() {
            return Ok(None);
        }
        let word_count = (position as usize).max(1);

        for (field, value) in &record.meta {
            let field = fields
                .iter()
                .position(|f| f == field)
                .expect("every field is listed") as u16;
            let mut indexable = Vec::new();
            for (at, word) in value.split_whitespace().enumerate() {
                indexable.clear();
                self.indexable(word, &mut indexable);
                for w in indexable.drain(..) {
                    let entry = found.entry(w.stem).or_default();
                    let place = (field, at as u32);
                    match w.original {
                        None => entry.meta.push(place),
                        Some(form) => entry.meta_variants.entry(form).or_default().push(place),
                    }
                }
            }
        }

        let fragment = FragmentData {
            url: &record.url,
            content: &content,
            word_count,
            filters: &record.filters,
            meta: &record.meta,
            anchors: [(); 0],
        };
        let json = serde_json::to_string(&fragment).map_err(|e| e.to_string())?;
        let words = found
            .into_iter()
            .map(|(stem, found)| (stem, found.pack()))
            .collect();
        Ok(Some(Page {
            fragment: Fragment {
                hash: hex_hash(json.as_bytes()),
                word_count,
                gzipped: gzip(json.as_bytes()),
            },
            words,
        }))
    }

    /// The words to index for one word of the text: itself, normalized and stemmed; the parts of
    /// a compound; a katakana word's suffixes; the emoji in it.
    fn indexable(&self, raw: &str, out: &mut Vec<Indexable>) {
        let normalized = self.normalize(raw);
        if !normalized.is_empty() {
            out.push(self.stem(&normalized, false));
        }
        for suffix in katakana_suffixes(raw) {
            let plain = strip_diacritics(suffix);
            out.push(Indexable {
                original: plain.as_ref().map(|_| suffix.to_owned()),
                stem: plain.unwrap_or_else(|| suffix.to_owned()),
                part: true,
            });
        }
        let compound = raw.chars().any(|c| !c.is_alphanumeric())
            || raw.chars().skip(1).any(char::is_uppercase);
        if !compound {
            return;
        }
        let parts = raw
            .replace(|c: char| c.is_ascii_punctuation(), " ")
            .to_case(Case::Lower)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !normalized.is_empty()
            && (parts.contains(char::is_whitespace) || !normalized.starts_with(&parts))
        {
            for part in parts.split_whitespace().filter(|p| p.len() > 1) {
                let plain = strip_diacritics(part);
                let source = plain.as_deref().unwrap_or(part);
                let stem = match &self.stemmer {
                    Some(stemmer) => stemmer.stem(source).into_owned(),
                    None => source.to_owned(),
                };
                out.push(Indexable {
                    stem,
                    original: plain.map(|_| part.to_owned()),
                    part: true,
                });
            }
        }
        if !raw.is_ascii() {
            for grapheme in raw.graphemes(true) {
                if emojis::get(grapheme).is_some() {
                    out.push(Indexable {
                        stem: grapheme.to_owned(),
                        original: None,
                        part: false,
                    });
                }
            }
        }
    }

    /// The compound tails of a dotted word (`sysconfig.is_build` → `is_build`), as parts.
    fn dotted_tails(&self, raw: &str, out: &mut Vec<Indexable>) {
        if !raw.contains('.') {
            return;
        }
        let mut seen: hashbrown::HashSet<String> = out.iter().map(|w| w.stem.clone()).collect();
        for (i, _) in raw.match_indices('.') {
            let rest = &raw[i + 1..];
            let tail = match rest.char_indices().nth(MAX_DOTTED_TAIL_CHARS) {
                Some((end, _)) => &rest[..end],
                None => rest,
            };
            let compound = tail.chars().any(|c| !c.is_alphanumeric())
                || tail.chars().skip(1).any(char::is_uppercase);
            if !compound {
                continue;
            }
            let normalized = self.normalize(tail);
            if normalized.chars().count() < 2 {
                continue;
            }
            let word = self.stem(&normalized, true);
            if seen.insert(word.stem.clone()) {
                out.push(word);
            }
        }
    }

    /// Lowercased, without what is not a letter, a digit or a word symbol.
    fn normalize(&self, raw: &str) -> String {
        let mut normalized = String::with_capacity(raw.len());
        for c in raw.chars() {
            if c.is_alphanumeric() || self.include.contains(&c) {
                if c.is_ascii() {
                    normalized.push(c.to_ascii_lowercase());
                } else if c.is_uppercase() {
                    normalized.extend(c.to_lowercase());
                } else {
                    normalized.push(c);
                }
            }
        }
        normalized
    }

    fn stem(&self, normalized: &str, part: bool) -> Indexable {
        let plain = strip_diacritics(normalized);
        let source = plain.as_deref().unwrap_or(normalized);
        let stem = match &self.stemmer {
            Some(stemmer) => stemmer.stem(source).into_owned(),
            None => source.to_owned(),
        };
        Indexable {
            stem,
            part,
            original: plain.map(|_| normalized.to_owned()),
        }
    }
}

/// The words to index for each word of the text read so far by one thread (a text repeats
/// its words: each is normalized and stemmed once).
#[derive(Default)]
struct Known(Map<Box<str>, Box<[Indexable]>>);

impl Known {
    /// Words kept at most: a larger vocabulary starts again (bounds memory).
    const MAX: usize = 200_000;

    fn words(&mut self, words: &Words, raw: &str) -> &[Indexable] {
        if !self.0.contains_key(raw) {
            if self.0.len() >= Self::MAX {
                self.0.clear();
            }
            let mut found = Vec::new();
            words.indexable(raw, &mut found);
            words.dotted_tails(raw, &mut found);
            self.0.insert(raw.into(), found.into_boxed_slice());
        }
        &self.0[raw]
    }
}

/// A cache lent by the pool while a thread reads pages, given back when done.
struct Lent<'a>(&'a KnownPool, Option<Known>);

impl Lent<'_> {
    fn get(&mut self) -> &mut Known {
        self.1.as_mut().expect("lent until dropped")
    }
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        if let Some(known) = self.1.take() {
            self.0.give(known);
        }
    }
}

/// The caches of the threads reading pages, kept from one batch to the next.
#[derive(Default)]
struct KnownPool(Mutex<Vec<Known>>);

impl KnownPool {
    fn take(&self) -> Known {
        self.0
            .lock()
            .expect("not poisoned")
            .pop()
            .unwrap_or_default()
    }

    fn give(&self, known: Known) {
        self.0.lock().expect("not poisoned").push(known);
    }
}

/// A `weight` (0 to 10, as `data-pagefind-weight` takes it) on Pagefind's scale.
fn scaled(weight: u8) -> u8 {
    weight.min(WEIGHT_MAX) * WEIGHT_SCALE
}

/// The snowball stemmer Pagefind uses for a language (its browser code stems the words
/// searched for with the same one); `None` where it has none: words are then matched as
/// written.
fn algorithm(language: &str) -> Option<Algorithm> {
    Some(match language.split('-').next().unwrap_or_default() {
        "ar" => Algorithm::Arabic,
        "hy" => Algorithm::Armenian,
        "eu" => Algorithm::Basque,
        "ca" => Algorithm::Catalan,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "eo" => Algorithm::Esperanto,
        "et" => Algorithm::Estonian,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hi" => Algorithm::Hindi,
        "hu" => Algorithm::Hungarian,
        "id" => Algorithm::Indonesian,
        "ga" => Algorithm::Irish,
        "it" => Algorithm::Italian,
        "lt" => Algorithm::Lithuanian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "ne" => Algorithm::Nepali,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sr" => Algorithm::Serbian,
        "pl" => Algorithm::Polish,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        "yi" => Algorithm::Yiddish,
        _ => return None,
    })
}

/// `word` without its diacritics (`café` → `cafe`), or `None` when it has none. The kana voiced
/// sound marks are kept: they tell words apart.
fn strip_diacritics(word: &str) -> Option<String> {
    if word.is_ascii() || !word.chars().any(decomposes) {
        return None;
    }
    let kana_mark = |c: char| matches!(c, '\u{3099}' | '\u{309A}');
    let stripped: String = word
        .nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c) || kana_mark(c))
        .collect();
    let stripped = if stripped.chars().any(kana_mark) {
        stripped.nfc().collect()
    } else {
        stripped
    };
    (stripped != word).then_some(stripped)
}

fn decomposes(c: char) -> bool {
    let mut decomposes = unicode_normalization::char::is_combining_mark(c);
    unicode_normalization::char::decompose_canonical(c, |part| decomposes |= part != c);
    decomposes
}

fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

/// Every suffix of a katakana word of three or more characters (so that a search for a word
/// inside it finds it: browsers get no dictionary to split katakana).
fn katakana_suffixes(word: &str) -> Vec<&str> {
    if word.chars().count() < 3 || !word.chars().all(is_katakana) {
        return Vec::new();
    }
    let mut suffixes: Vec<&str> = Vec::new();
    let mut seen = hashbrown::HashSet::new();
    for (i, _) in word.char_indices().skip(1) {
        let rest = &word[i..];
        let suffix = match rest.char_indices().nth(MAX_KATAKANA_SUFFIX_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        if suffix.chars().count() >= 2 && seen.insert(suffix) {
            suffixes.push(suffix);
        }
    }
    suffixes
}

impl Found {
    fn pack(self) -> Posting {
        let mut variants: Vec<(String, Vec<i32>, Vec<i32>)> = Vec::new();
        let mut meta_variants = self.meta_variants;
        for (form, at) in self.variants {
            let meta = meta_variants.remove(&form).unwrap_or_default();
            variants.push((form, pack_locs(at), pack_meta(meta)));
        }
        for (form, meta) in meta_variants {
            variants.push((form, Vec::new(), pack_meta(meta)));
        }
        Posting {
            locs: pack_locs(self.at),
            meta_locs: pack_meta(self.meta),
            variants,
        }
    }
}

/// Pagefind's packed locations: positions by weight, the most common weight (25) first, each
/// run of another weight opened by `-(weight + 1)` and an absolute position, the others
/// deltas.
fn pack_locs(mut at: Vec<(u8, u32)>) -> Vec<i32> {
    at.sort_by_key(|&(w, p)| (if w == 25 { 0 } else { w }, p));
    let mut packed = Vec::with_capacity(at.len() + 2);
    let (mut weight, mut last) = (25, 0);
    for (w, p) in at {
        if w != weight {
            packed.push(-i32::from(w) - 1);
            packed.push(p as i32);
            weight = w;
        } else {
            packed.push((p - last) as i32);
        }
        last = p;
    }
    packed
}

/// Pagefind's packed meta locations: by field, each field opened by `-(field + 1)`, positions
/// as deltas from the field's start.
fn pack_meta(mut at: Vec<(u16, u32)>) -> Vec<i32> {
    at.sort_unstable();
    let mut packed = Vec::with_capacity(at.len() + 2);
    let (mut field, mut last) = (None, 0);
    for (f, p) in at {
        if field != Some(f) {
            packed.push(-i32::from(f) - 1);
            field = Some(f);
            last = 0;
        }
        packed.push((p - last) as i32);
        last = p;
    }
    packed
}

/// What a search result loads: Pagefind's fragment (its field order is its JSON's).
#[derive(serde::Serialize)]
struct FragmentData<'a> {
    url: &'a str,
    content: &'a str,
    word_count: usize,
    filters: &'a BTreeMap<String, Vec<String>>,
    meta: &'a BTreeMap<String, String>,
    anchors: [(); 0],
}

/// Every page a word is on, in page order, as one run of integers per form (a page's number,
/// its locations and meta locations, each list led by its length): a few bytes a place, where a
/// list per page would cost an allocation each.
#[derive(Default)]
struct Postings {
    pages: Run,
    variants: Vec<(String, Run)>,
}

#[derive(Default)]
struct Run {
    ints: Vec<i32>,
    pages: u32,
}

impl Run {
    fn push(&mut self, page: usize, locs: &[i32], meta_locs: &[i32]) {
        self.ints.reserve(3 + locs.len() + meta_locs.len());
        self.ints.push(page as i32);
        self.ints.push(locs.len() as i32);
        self.ints.extend_from_slice(locs);
        self.ints.push(meta_locs.len() as i32);
        self.ints.extend_from_slice(meta_locs);
        self.pages += 1;
    }

    /// Its share of a chunk's size: its places and pages.
    fn size(&self) -> usize {
        self.ints.len() - 2 * self.pages as usize
    }

    /// Each page: its number, locations and meta locations.
    fn each(&self) -> impl Iterator<Item = (usize, &[i32], &[i32])> {
        let mut rest = &self.ints[..];
        std::iter::from_fn(move || {
            let (&page, after) = rest.split_first()?;
            let (locs, after) = counted(after);
            let (meta_locs, after) = counted(after);
            rest = after;
            Some((page as usize, locs, meta_locs))
        })
    }
}

/// A list led by its length, and what follows it.
fn counted(ints: &[i32]) -> (&[i32], &[i32]) {
    let (&len, rest) = ints.split_first().expect("a length");
    rest.split_at(len as usize)
}

#[derive(Default)]
struct WordIndex(Map<String, Postings>);

impl WordIndex {
    /// Adds the words of page `page`; pages are added in order.
    fn add(&mut self, page: usize, words: Vec<(String, Posting)>) {
        for (word, posting) in words {
            let postings = self.0.entry(word).or_default();
            if !posting.locs.is_empty() || !posting.meta_locs.is_empty() {
                postings.pages.push(page, &posting.locs, &posting.meta_locs);
            }
            for (form, locs, meta_locs) in posting.variants {
                match postings.variants.iter_mut().find(|(f, _)| *f == form) {
                    Some((_, run)) => run.push(page, &locs, &meta_locs),
                    None => {
                        let mut run = Run::default();
                        run.push(page, &locs, &meta_locs);
                        postings.variants.push((form, run));
                    }
                }
            }
        }
    }

    /// The words in order, cut into chunks of about [`CHUNK_SIZE`] places (Pagefind counts a
    /// page, a place and a variant one each).
    fn chunks(self) -> Vec<Vec<(String, Postings)>> {
        let mut words: Vec<(String, Postings)> = self.0.into_iter().collect();
        words.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut chunks = Vec::new();
        let mut chunk = Vec::new();
        let mut size = 0;
        for (word, postings) in words {
            size += postings.pages.size()
                + postings
                    .variants
                    .iter()
                    .map(|(_, run)| run.size() + 1)
                    .sum::<usize>();
            chunk.push((word, postings));
            if size >= CHUNK_SIZE {
                chunks.push(std::mem::take(&mut chunk));
                size = 0;
            }
        }
        if !chunk.is_empty() {
            chunks.push(chunk);
        }
        chunks
    }
}

/// The range of words each chunk answers for, as the browser code picks chunks: the first and
/// last word, cut to the shortest prefixes that still tell neighbouring chunks apart.
fn chunk_bounds(chunks: &[Vec<(String, Postings)>]) -> Vec<(String, String)> {
    let mut bounds: Vec<(String, String)> = chunks
        .iter()
        .map(|c| {
            let first = c.first().map(|w| w.0.clone()).unwrap_or_default();
            let last = c.last().map(|w| w.0.clone()).unwrap_or_default();
            (first, last)
        })
        .collect();
    for i in 1..bounds.len() {
        let (to, from) = (&bounds[i - 1].1, &bounds[i].0);
        let common = from
            .chars()
            .zip(to.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let to_prefix: String = to.chars().take(common + 1).collect();
        let from_prefix: String = from.chars().take(common + 1).collect();
        if to_prefix >= bounds[i - 1].0 {
            bounds[i - 1].1 = to_prefix;
        }
        bounds[i].0 = from_prefix;
    }
    bounds
}

type Cbor = Encoder<Vec<u8>>;

/// What writing CBOR into memory can fail with: nothing.
type Written = Result<(), minicbor::encode::Error<std::convert::Infallible>>;

/// The CBOR `write` puts into a new buffer.
fn cbor(write: impl FnOnce(&mut Cbor) -> Written) -> Vec<u8> {
    let mut e = Encoder::new(Vec::new());
    write(&mut e).expect("writing to memory");
    e.into_writer()
}

/// The CBOR of one chunk of the word index: the words, each with its pages (numbers as deltas
/// from the page before) and written variants.
fn encode_chunk(chunk: &[(String, Postings)]) -> Vec<u8> {
    fn pages(e: &mut Cbor, run: &Run) -> Written {
        e.array(u64::from(run.pages))?;
        let mut last = 0;
        for (page, locs, meta_locs) in run.each() {
            e.array(3)?.u64((page - last) as u64)?;
            last = page;
            ints(e, locs)?;
            ints(e, meta_locs)?;
        }
        Ok(())
    }
    cbor(|e| {
        e.array(1)?.array(chunk.len() as u64)?;
        for (word, postings) in chunk {
            e.array(3)?.str(word)?;
            pages(e, &postings.pages)?;
            e.array(postings.variants.len() as u64)?;
            for (form, run) in &postings.variants {
                e.array(2)?.str(form)?;
                pages(e, run)?;
            }
        }
        Ok(())
    })
}

fn ints(e: &mut Cbor, values: &[i32]) -> Written {
    e.array(values.len() as u64)?;
    for &v in values {
        e.i32(v)?;
    }
    Ok(())
}

/// The CBOR of one filter: each value with its pages.
fn encode_filter(filter: &str, values: &BTreeMap<&str, Vec<usize>>) -> Vec<u8> {
    cbor(|e| {
        e.array(2)?.str(filter)?.array(values.len() as u64)?;
        for (value, pages) in values {
            e.array(2)?.str(value)?.array(pages.len() as u64)?;
            for &page in pages {
                e.u64(page as u64)?;
            }
        }
        Ok(())
    })
}

/// The CBOR of the metadata the browser loads first: each page's fragment and word count, the
/// chunks' ranges, the filters, the metadata fields.
fn encode_meta(
    version: &str,
    pages: &[(String, usize)],
    chunks: &[(String, String, String)],
    filters: &[(&str, String)],
    fields: &[&str],
) -> Vec<u8> {
    cbor(|e| {
        e.array(6)?.str(version)?;
        e.array(pages.len() as u64)?;
        for (hash, word_count) in pages {
            e.array(3)?.str(hash)?.u32(*word_count as u32)?.str("")?;
        }
        e.array(chunks.len() as u64)?;
        for (from, to, hash) in chunks {
            e.array(3)?.str(from)?.str(to)?.str(hash)?;
        }
        e.array(filters.len() as u64)?;
        for (filter, hash) in filters {
            e.array(2)?.str(filter)?.str(hash)?;
        }
        // No sort orders.
        e.array(0)?;
        e.array(fields.len() as u64)?;
        for field in fields {
            e.str(field)?;
        }
        Ok(())
    })
}

/// Short file names from content hashes (`en_1a2b3c4`), lengthened where two would collide.
struct Names {
    language: String,
    taken: HashMap<String, String>,
}

impl Names {
    fn new(language: &str) -> Names {
        Names {
            language: language.to_owned(),
            taken: HashMap::new(),
        }
    }

    fn name(&mut self, hash: &str) -> String {
        let mut length = 7;
        loop {
            let name = format!("{}_{}", self.language, &hash[..length.min(hash.len())]);
            match self.taken.get(&name) {
                Some(other) if other != hash && length < hash.len() => length += 1,
                _ => {
                    self.taken.insert(name.clone(), hash.to_owned());
                    return name;
                }
            }
        }
    }
}

fn hex_hash(bytes: &[u8]) -> String {
    Sha1::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Pagefind's file encoding: its signature and the bytes, gzipped.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::default(),
    );
    gz.write_all(b"pagefind_dcd")
        .and_then(|()| gz.write_all(bytes))
        .expect("writing to memory");
    gz.finish().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Invented pages with what news text holds: diacritics, compounds, possessives, dotted
    /// abbreviations and addresses, figures, emoji, katakana, weighted titles and names, and
    /// metadata; and enough of them (with words of their own) for the word index to span
    /// several chunks.
    fn records() -> Vec<Record> {
        let mut records = vec![
            record(
                "/articles/quarry/",
                &[
                    (7, "Tollbridge quarry talks stall."),
                    (
                        1,
                        "The co-operative's chair, Imogen Farrowdale-Kain, told Wáhlberg \
                         Radio on Friday that 1,200 workers (about 40%) would strike. \
                         \"We're not moving,\" she said — at 9.30 a.m. in Tollbridge's \
                         café. See www.tollbridge-quarry.example/news.html or \
                         sysconfig.isQuarryOpen for more. 🔥 Talks resume in Zürich.",
                    ),
                ],
                &[
                    ("kind", "Article"),
                    ("source", "Wáhlberg Radio"),
                    ("title", "Tollbridge quarry talks stall"),
                ],
                &[("kind", &["Article"]), ("outlet", &["Wáhlberg Radio"])],
            ),
            record(
                "/actors/imogen-farrowdale-kain/",
                &[
                    (10, "Imogen Farrowdale-Kain."),
                    (
                        1,
                        "Chair of the Tollbridge co-op since 2019; McAllister's successor. \
                         Reported in ロンドンタイムズ and by Café Naïve.",
                    ),
                    (0, "Weightless words here."),
                ],
                &[
                    ("kind", "Actor"),
                    ("role", "Chair"),
                    ("title", "Imogen Farrowdale-Kain"),
                ],
                &[("kind", &["Actor"])],
            ),
            record(
                "/events/empty/",
                &[(1, "— …")],
                &[
                    ("kind", "Event"),
                    ("place", "Nowhere"),
                    ("title", "Nothing written"),
                ],
                &[("kind", &["Event"])],
            ),
        ];
        for i in 0..120 {
            let words: Vec<String> = (0..160)
                .map(|j| format!("w{}x{}", (i * 7 + j) % 900, j % 13))
                .collect();
            records.push(record(
                &format!("/articles/generated-{i}/"),
                &[(7, &format!("Report {i}")), (1, &words.join(" "))],
                &[("kind", "Article"), ("title", &format!("Report {i}"))],
                &[
                    ("kind", &["Article"]),
                    ("outlet", &[if i % 2 == 0 { "Even" } else { "Odd" }]),
                ],
            ));
        }
        records
    }

    fn record(
        url: &str,
        text: &[(u8, &str)],
        meta: &[(&str, &str)],
        filters: &[(&str, &[&str])],
    ) -> Record {
        Record {
            url: url.to_owned(),
            text: text.iter().map(|(w, t)| (*w, (*t).to_owned())).collect(),
            meta: meta
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            filters: filters
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.iter().map(|s| (*s).to_owned()).collect()))
                .collect(),
        }
    }

    /// The same records indexed by Pagefind itself (weights given as its HTML reader gives
    /// them).
    fn by_pagefind(records: &[Record]) -> Files {
        use pagefind::api::PagefindIndex;
        use pagefind::options::PagefindServiceConfig;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let config = PagefindServiceConfig::builder()
                .force_language("en".to_owned())
                .build();
            let mut index = PagefindIndex::new(Some(config)).unwrap();
            for r in records {
                let content: String = r
                    .text
                    .iter()
                    .map(|(w, t)| match w {
                        1 => format!("{t} "),
                        w => format!("___PAGEFIND_WEIGHT___{w} {t} ___END_PAGEFIND_WEIGHT___ "),
                    })
                    .collect();
                index
                    .add_custom_record(
                        r.url.clone(),
                        content,
                        "en".to_owned(),
                        Some(r.meta.clone()),
                        Some(r.filters.clone()),
                        None,
                    )
                    .await
                    .unwrap();
            }
            index
                .get_files()
                .await
                .unwrap()
                .into_iter()
                .map(|f| (f.filename.to_string_lossy().into_owned(), f.contents))
                .collect()
        })
    }

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .unwrap();
        out.strip_prefix(b"pagefind_dcd").unwrap().to_vec()
    }

    /// The decompressed files under `folder`, in order of their bytes.
    fn contents(files: &Files, folder: &str) -> Vec<Vec<u8>> {
        let mut found: Vec<Vec<u8>> = files
            .iter()
            .filter(|(path, _)| path.starts_with(folder))
            .map(|(_, bytes)| gunzip(bytes))
            .collect();
        found.sort();
        found
    }

    /// CBOR (of the kinds the index uses) as JSON, to compare.
    fn cbor(bytes: &[u8]) -> serde_json::Value {
        fn read(b: &[u8], at: &mut usize) -> serde_json::Value {
            let head = b[*at];
            *at += 1;
            let small = u64::from(head & 0x1f);
            let n = match small {
                0..=23 => small,
                24..=27 => {
                    let len = 1 << (small - 24);
                    let v = b[*at..*at + len]
                        .iter()
                        .fold(0u64, |v, &x| (v << 8) | u64::from(x));
                    *at += len;
                    v
                }
                _ => panic!("indefinite length"),
            };
            match head >> 5 {
                0 => n.into(),
                1 => (-1 - n as i64).into(),
                3 => {
                    let text = std::str::from_utf8(&b[*at..*at + n as usize]).unwrap();
                    *at += n as usize;
                    text.into()
                }
                4 => (0..n).map(|_| read(b, at)).collect(),
                major => panic!("CBOR major type {major}"),
            }
        }
        let mut at = 0;
        let value = read(bytes, &mut at);
        assert_eq!(at, bytes.len());
        value
    }

    fn meta(files: &Files) -> serde_json::Value {
        let (_, bytes) = files.iter().find(|(p, _)| p.ends_with(".pf_meta")).unwrap();
        cbor(&gunzip(bytes))
    }

    #[test]
    fn a_record_is_indexed_as_pagefind_indexes_it() {
        let records = records();
        let (ours, pages) = write(&records, "en", &AtomicBool::new(false)).unwrap();
        assert_eq!(
            pages,
            records.len() - 1,
            "the page without text is left out"
        );
        let theirs = by_pagefind(&records);

        // Every word, page, position, weight, variant and metadata position, chunk by chunk.
        let (our_chunks, their_chunks) = (contents(&ours, "index/"), contents(&theirs, "index/"));
        assert!(their_chunks.len() > 1, "the fixture spans chunks");
        let words = |chunks: &[Vec<u8>]| -> Vec<serde_json::Value> {
            chunks
                .iter()
                .flat_map(|c| cbor(c)[0].as_array().unwrap().clone())
                .collect()
        };
        let (a, b) = (words(&our_chunks), words(&their_chunks));
        for (a, b) in a.iter().zip(&b) {
            assert_eq!(a, b);
        }
        assert_eq!(a.len(), b.len());
        assert_eq!(our_chunks.len(), their_chunks.len());
        assert_eq!(contents(&ours, "filter/"), contents(&theirs, "filter/"));
        let fragments = |files: &Files| -> Vec<String> {
            contents(files, "fragment/")
                .into_iter()
                .map(|b| String::from_utf8(b).unwrap())
                .collect()
        };
        assert_eq!(fragments(&ours), fragments(&theirs));

        // The metadata, but for the names of files (made from different hashes).
        let (a, b) = (meta(&ours), meta(&theirs));
        assert_eq!(a[0], b[0], "version");
        let counts = |m: &serde_json::Value| -> Vec<serde_json::Value> {
            m[1].as_array()
                .unwrap()
                .iter()
                .map(|p| p[1].clone())
                .collect()
        };
        assert_eq!(counts(&a), counts(&b), "word counts");
        let ranges = |m: &serde_json::Value| -> Vec<(serde_json::Value, serde_json::Value)> {
            m[2].as_array()
                .unwrap()
                .iter()
                .map(|c| (c[0].clone(), c[1].clone()))
                .collect()
        };
        assert_eq!(ranges(&a), ranges(&b), "chunk ranges");
        assert_eq!(
            a[3].as_array().unwrap().len(),
            b[3].as_array().unwrap().len()
        );
        assert_eq!(a[4], b[4], "sorts");
        assert_eq!(a[5], b[5], "metadata fields");

        // The same UI files, and an entry that names the metadata written.
        let names = |files: &Files| -> BTreeSet<String> {
            files
                .iter()
                .map(|(p, _)| p.clone())
                .filter(|p| !is_index_file(p))
                .collect()
        };
        assert_eq!(names(&ours), names(&theirs));
        let entry: serde_json::Value = serde_json::from_slice(
            &ours
                .iter()
                .find(|(p, _)| p == "pagefind-entry.json")
                .unwrap()
                .1,
        )
        .unwrap();
        let hash = entry["languages"]["en"]["hash"].as_str().unwrap();
        assert!(ours
            .iter()
            .any(|(p, _)| *p == format!("pagefind.{hash}.pf_meta")));
        let their_entry: serde_json::Value = serde_json::from_slice(
            &theirs
                .iter()
                .find(|(p, _)| p == "pagefind-entry.json")
                .unwrap()
                .1,
        )
        .unwrap();
        // The page without text is left out by both.
        assert_eq!(entry["languages"]["en"]["page_count"], records.len() - 1);
        assert_eq!(
            entry["languages"]["en"]["page_count"],
            their_entry["languages"]["en"]["page_count"]
        );
        assert_eq!(
            entry["include_characters"],
            their_entry["include_characters"]
        );
    }

    #[test]
    fn words_are_read_as_pagefind_reads_them() {
        let words = Words::new("en", vec!['_']);
        let read = |raw: &str| -> Vec<(String, bool, Option<String>)> {
            let mut out = Vec::new();
            words.indexable(raw, &mut out);
            words.dotted_tails(raw, &mut out);
            out.into_iter()
                .map(|w| (w.stem, w.part, w.original))
                .collect()
        };
        let own = |s: &str| (s.to_owned(), false, None);
        let part = |s: &str| (s.to_owned(), true, None);
        assert_eq!(read("Talks"), vec![own("talk")]);
        assert_eq!(
            read("cease-fire"),
            vec![own("ceasefir"), part("ceas"), part("fire")]
        );
        assert_eq!(
            read("Zürich"),
            vec![("zurich".to_owned(), false, Some("zürich".to_owned()))]
        );
        assert_eq!(read("—"), vec![]);
        assert_eq!(
            read("McAllister's"),
            vec![own("mcallist"), part("mc"), part("allist")]
        );
    }

    #[test]
    fn locations_are_packed_by_weight_then_position() {
        assert_eq!(
            pack_locs(vec![(24, 5), (24, 2), (168, 0)]),
            vec![-25, 2, 3, -169, 0]
        );
        assert_eq!(pack_locs(vec![(25, 3), (25, 9)]), vec![3, 6]);
        assert_eq!(
            pack_meta(vec![(3, 2), (0, 4), (0, 1)]),
            vec![-1, 1, 3, -4, 2]
        );
    }
}
