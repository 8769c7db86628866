//! The timeline picture: an SVG drawn at build time with dates on a time axis, events as
//! marks above it and articles as a second lane below, each mark a link. Where long empty
//! stretches separate clusters of dates, the axis is broken so the clusters stay legible;
//! dates known only to the month or year are drawn as spans over their period.

use chrono::{Datelike, Duration, NaiveDate};

use super::markdown::escape;
use crate::model::{PartialDate, Precision};

/// One mark on the timeline.
#[derive(Debug, Clone)]
pub struct Item {
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    /// 0: events, above the axis; 1: articles, below it.
    pub lane: usize,
    pub label: String,
    /// Shown on hover and read by screen readers.
    pub title: String,
    pub href: String,
}

const WIDTH: f64 = 960.0;
const MARGIN: f64 = 16.0;
const BREAK: f64 = 48.0;
const COARSE: f64 = 90.0;
const ROW: f64 = 17.0;
const CHAR: f64 = 6.4;
const MAX_ROWS: usize = 14;

/// A stretch of the axis: consecutive days drawn to scale, or one coarse period.
#[derive(Debug, Clone)]
struct Segment {
    from: NaiveDate,
    to: NaiveDate,
    coarse: bool,
    x: f64,
    width: f64,
}

fn first_last(date: &PartialDate) -> (NaiveDate, NaiveDate) {
    let start = date.start();
    let end = match date.precision() {
        Precision::Year => NaiveDate::from_ymd_opt(date.year(), 12, 31).expect("valid"),
        Precision::Month => {
            let (y, m) = (start.year(), start.month());
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            next.expect("valid") - Duration::days(1)
        }
        _ => start,
    };
    (start, end)
}

/// The days an item covers.
fn span(item: &Item) -> (NaiveDate, NaiveDate) {
    let (start, mut end) = first_last(&item.date);
    if let Some(e) = &item.end {
        end = end.max(first_last(e).1);
    }
    (start, end)
}

fn is_coarse(item: &Item) -> bool {
    item.date.precision() < Precision::Day
}

/// Splits the axis into segments: runs of day-precise dates no more than `gap` days apart,
/// and coarse periods that no run overlaps.
fn segments(items: &[Item]) -> Vec<Segment> {
    let mut fine: Vec<(NaiveDate, NaiveDate)> =
        items.iter().filter(|i| !is_coarse(i)).map(span).collect();
    fine.sort();
    let total = match (fine.first(), fine.iter().map(|s| s.1).max()) {
        (Some(first), Some(last)) => (last - first.0).num_days(),
        _ => 0,
    };
    let gap = (total / 12).clamp(5, 45);
    let mut out: Vec<Segment> = Vec::new();
    for (from, to) in fine {
        match out.last_mut() {
            Some(last) if (from - last.to).num_days() <= gap => last.to = last.to.max(to),
            _ => out.push(Segment {
                from,
                to,
                coarse: false,
                x: 0.0,
                width: 0.0,
            }),
        }
    }
    let mut coarse: Vec<(NaiveDate, NaiveDate)> =
        items.iter().filter(|i| is_coarse(i)).map(span).collect();
    coarse.sort();
    coarse.dedup();
    for (from, to) in coarse {
        let overlaps = out
            .iter()
            .any(|s| !s.coarse && s.from <= to && s.to >= from);
        let covered = out.iter().any(|s| s.coarse && s.from <= from && s.to >= to);
        if !overlaps && !covered {
            out.push(Segment {
                from,
                to,
                coarse: true,
                x: 0.0,
                width: 0.0,
            });
        }
    }
    out.sort_by_key(|s| (s.from, s.to));
    // Lay them out: coarse periods get a fixed width, runs of days share the rest by length.
    let breaks = out.len().saturating_sub(1) as f64 * BREAK;
    let coarse_width = out.iter().filter(|s| s.coarse).count() as f64 * COARSE;
    let days: f64 = out
        .iter()
        .filter(|s| !s.coarse)
        .map(|s| ((s.to - s.from).num_days() + 1).max(3) as f64)
        .sum();
    let room = (WIDTH - 2.0 * MARGIN - 140.0 - breaks - coarse_width).max(100.0);
    let mut x = MARGIN + 70.0;
    for s in &mut out {
        s.width = if s.coarse {
            COARSE
        } else {
            room * ((s.to - s.from).num_days() + 1).max(3) as f64 / days.max(1.0)
        };
        s.x = x;
        x += s.width + BREAK;
    }
    out
}

/// The x position of `day` on the axis, clamped into the segment that holds it or the
/// nearest one.
fn position(segments: &[Segment], day: NaiveDate) -> f64 {
    for s in segments {
        if day >= s.from && day <= s.to {
            let days = ((s.to - s.from).num_days() + 1) as f64;
            let pad = if s.coarse { 0.0 } else { s.width / days / 2.0 };
            let offset = (day - s.from).num_days() as f64;
            return s.x + pad + offset * (s.width - 2.0 * pad) / (days - 1.0).max(1.0);
        }
    }
    let nearest = segments.iter().min_by_key(|s| {
        (s.from - day)
            .num_days()
            .abs()
            .min((s.to - day).num_days().abs())
    });
    nearest.map_or(MARGIN, |s| if day < s.from { s.x } else { s.x + s.width })
}

/// Places labels in rows so that none overlap; returns the row of each (`None` if no row had
/// room) and the number of rows used.
fn rows(labels: &[(f64, f64)]) -> (Vec<Option<usize>>, usize) {
    let mut ends: Vec<f64> = Vec::new();
    let mut out = Vec::with_capacity(labels.len());
    for &(x, width) in labels {
        let start = x.min(WIDTH - MARGIN - width).max(MARGIN);
        let row = ends.iter().position(|&end| start > end + 6.0);
        match row {
            Some(r) => {
                ends[r] = start + width;
                out.push(Some(r));
            }
            None if ends.len() < MAX_ROWS => {
                ends.push(start + width);
                out.push(Some(ends.len() - 1));
            }
            None => out.push(None),
        }
    }
    (out, ends.len())
}

/// The SVG for `items`; `None` when there is nothing to draw. `id` keeps the title unique
/// when a page shows several timelines.
pub fn svg(items: &[Item], id: &str, caption: &str) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let mut items: Vec<&Item> = items.iter().collect();
    items.sort_by(|a, b| a.date.cmp(&b.date).then(a.lane.cmp(&b.lane)));
    let segments = segments(&items.iter().map(|i| (*i).clone()).collect::<Vec<_>>());
    let mut lanes: [Vec<(usize, f64, f64, f64)>; 2] = [Vec::new(), Vec::new()];
    for (k, item) in items.iter().enumerate() {
        let (from, to) = span(item);
        let (x1, x2) = (position(&segments, from), position(&segments, to));
        let width = CHAR * item.label.chars().count() as f64 + 4.0;
        lanes[item.lane.min(1)].push((k, x1, x2, width));
    }
    let placed: Vec<(Vec<Option<usize>>, usize)> = lanes
        .iter()
        .map(|lane| {
            rows(
                &lane
                    .iter()
                    .map(|&(_, x1, _, w)| (x1 - 3.0, w))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let above = placed[0].1.max(1) as f64 * ROW + 12.0;
    let below = placed[1].1 as f64 * ROW + if placed[1].1 > 0 { 12.0 } else { 0.0 };
    let axis_y = MARGIN + above;
    let articles_y = axis_y + 42.0;
    let height = articles_y + 10.0 + below + MARGIN;

    let mut out = String::new();
    out.push_str(&format!(
        "<svg class=\"timeline\" viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"group\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\
<title id=\"{id}-title\">{}</title>\n",
        escape(caption)
    ));
    // The axis, its breaks and its ticks.
    out.push_str("<g class=\"axis\" stroke=\"#6b6b6b\" fill=\"#4a4a4a\">");
    for (k, s) in segments.iter().enumerate() {
        out.push_str(&format!(
            "<line x1=\"{:.1}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" stroke-width=\"{}\"{}/>",
            s.x,
            s.x + s.width,
            if s.coarse { 1 } else { 2 },
            if s.coarse { " stroke-dasharray=\"4 3\"" } else { "" }
        ));
        if let Some(next) = segments.get(k + 1) {
            let mid = s.x + s.width + BREAK / 2.0;
            let months = (next.from.year() - s.to.year()) * 12 + next.from.month() as i32
                - s.to.month() as i32;
            let gap_days = (next.from - s.to).num_days();
            let label = if months >= 2 {
                format!("{months} months")
            } else {
                format!("{gap_days} days")
            };
            out.push_str(&format!(
                "<path class=\"break\" d=\"M{:.1} {:.1} l6 -12 M{:.1} {:.1} l6 -12\" fill=\"none\"/><text class=\"gap\" x=\"{mid:.1}\" y=\"{:.1}\" text-anchor=\"middle\" stroke=\"none\" font-size=\"9\">{label}</text>",
                mid - 7.0,
                axis_y + 6.0,
                mid + 1.0,
                axis_y + 6.0,
                axis_y - 9.0
            ));
        }
        // Ticks: each day of a run that has an item; the month under its first tick.
        if s.coarse {
            let label = if s.from.month() == 1 && s.to.month() == 12 {
                s.from.format("%Y").to_string()
            } else {
                s.from.format("%b %Y").to_string()
            };
            out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" stroke=\"none\">{label}</text>",
                s.x + s.width / 2.0,
                axis_y + 16.0
            ));
            continue;
        }
        let mut days: Vec<NaiveDate> = items
            .iter()
            .filter(|i| !is_coarse(i))
            .flat_map(|i| [span(i).0, span(i).1])
            .filter(|d| *d >= s.from && *d <= s.to)
            .collect();
        days.sort();
        days.dedup();
        let mut last_x = f64::MIN;
        let mut last_month = None;
        for day in days {
            let x = position(&segments, day);
            out.push_str(&format!(
                "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>",
                axis_y - 4.0,
                axis_y + 4.0
            ));
            if x - last_x >= 16.0 {
                out.push_str(&format!("<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" stroke=\"none\">{}</text>", axis_y + 15.0, day.day()));
                last_x = x;
            }
            if last_month != Some((day.year(), day.month())) {
                out.push_str(&format!(
                    "<text x=\"{:.1}\" y=\"{:.1}\" stroke=\"none\" font-size=\"9\">{}</text>",
                    (x - 6.0).max(s.x - 4.0),
                    axis_y + 26.0,
                    day.format("%b %Y")
                ));
                last_month = Some((day.year(), day.month()));
            }
        }
    }
    out.push_str("</g>\n");
    // The marks and their labels, lane by lane.
    for (lane, marks) in lanes.iter().enumerate() {
        out.push_str(&format!(
            "<g class=\"lane lane-{}\">",
            if lane == 0 { "events" } else { "articles" }
        ));
        if lane == 1 && !marks.is_empty() {
            out.push_str(&format!(
                "<line class=\"lane-rule\" x1=\"{:.1}\" y1=\"{articles_y:.1}\" x2=\"{:.1}\" y2=\"{articles_y:.1}\" stroke=\"#b5b5b5\" stroke-dasharray=\"1 3\"/><text x=\"{MARGIN}\" y=\"{:.1}\" font-size=\"9\" fill=\"#4a4a4a\">Articles</text>",
                MARGIN + 60.0,
                WIDTH - MARGIN,
                articles_y + 3.0
            ));
        }
        if lane == 0 && !marks.is_empty() {
            out.push_str(&format!(
                "<text x=\"{MARGIN}\" y=\"{:.1}\" font-size=\"9\" fill=\"#4a4a4a\">Events</text>",
                axis_y + 3.0
            ));
        }
        for (n, &(k, x1, x2, width)) in marks.iter().enumerate() {
            let item = items[k];
            let row = placed[lane].0[n];
            let mark_y = if lane == 0 { axis_y - 8.0 } else { articles_y };
            let colour = if lane == 0 { "#7a2e2e" } else { "#2f5d8a" };
            let mark = if x2 - x1 > 4.0 {
                format!("<rect x=\"{x1:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"6\" rx=\"3\" fill=\"{colour}\" fill-opacity=\"0.55\"/>", mark_y - 3.0, x2 - x1)
            } else {
                format!("<circle cx=\"{x1:.1}\" cy=\"{mark_y:.1}\" r=\"4.5\" fill=\"{colour}\"/>")
            };
            let label = match row {
                Some(r) => {
                    let y = if lane == 0 {
                        axis_y - 20.0 - r as f64 * ROW
                    } else {
                        articles_y + 22.0 + r as f64 * ROW
                    };
                    let lx = (x1 - 3.0).min(WIDTH - MARGIN - width).max(MARGIN);
                    format!(
                        "<line x1=\"{x1:.1}\" y1=\"{mark_y:.1}\" x2=\"{x1:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-opacity=\"0.35\"/><text x=\"{lx:.1}\" y=\"{y:.1}\" fill=\"#1f1f1f\">{}</text>",
                        if lane == 0 { y + 3.0 } else { y - 10.0 },
                        escape(&item.label)
                    )
                }
                None => String::new(),
            };
            out.push_str(&format!(
                "<a href=\"{}\"><title>{}</title>{mark}{label}</a>",
                escape(&item.href),
                escape(&item.title)
            ));
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(date: &str, lane: usize, label: &str) -> Item {
        Item {
            date: PartialDate::parse(date).unwrap(),
            end: None,
            lane,
            label: label.into(),
            title: label.into(),
            href: format!("#{label}"),
        }
    }

    #[test]
    fn breaks_the_axis_between_distant_clusters() {
        let items = vec![
            item("2013-11", 0, "deal"),
            item("2014-03-14", 0, "talks"),
            item("2014-03-16", 0, "vote"),
            item("2014-05-25", 0, "election"),
        ];
        let s = segments(&items);
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s[0].coarse);
        // The cluster of March days is spread wide enough to read.
        let (a, b) = (
            position(&s, NaiveDate::from_ymd_opt(2014, 3, 14).unwrap()),
            position(&s, NaiveDate::from_ymd_opt(2014, 3, 16).unwrap()),
        );
        assert!(b - a >= 40.0, "{a} {b}");
        let svg = svg(&items, "t", "Timeline").unwrap();
        assert!(svg.contains("class=\"break\""));
        assert_eq!(svg.matches("<a href=").count(), 4);
    }

    #[test]
    fn positions_keep_date_order() {
        let items: Vec<Item> = [
            "2014-02-22",
            "2014-02-26",
            "2014-03-10",
            "2014-03-11",
            "2014-03-14",
            "2014-05-25",
        ]
        .iter()
        .map(|d| item(d, 0, d))
        .collect();
        let s = segments(&items);
        let xs: Vec<f64> = items.iter().map(|i| position(&s, i.date.start())).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
        assert!(xs.iter().all(|x| *x > 0.0 && *x < WIDTH));
    }

    #[test]
    fn labels_never_overlap_in_a_row() {
        let (placed, used) = rows(&[(10.0, 100.0), (50.0, 100.0), (200.0, 50.0), (60.0, 10.0)]);
        assert_eq!(placed, [Some(0), Some(1), Some(0), Some(2)]);
        assert_eq!(used, 3);
    }
}
