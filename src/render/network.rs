//! The actor network as an SVG drawn at build time: actors as nodes sized by mentions,
//! edges weighted by the paragraphs they share, laid out by a deterministic force-directed
//! placement (Fruchterman–Reingold). No JavaScript; every node links to its actor page.

use super::markdown::escape;

/// One actor in the picture.
#[derive(Debug, Clone)]
pub struct Node {
    pub name: String,
    /// Relative link to the actor page from the page that shows the picture.
    pub href: String,
    /// person | organisation | state | other, for the CSS class.
    pub kind: String,
    pub mentions: usize,
}

/// Edges kept at most, the strongest first: enough to show structure, few enough to read.
pub const MAX_EDGES: usize = 300;
const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 640.0;
const MARGIN: f64 = 24.0;

/// Draws `nodes` joined by `edges` (`(a, b, shared paragraphs)`); `None` when there is nothing
/// to draw.
pub fn svg(nodes: &[Node], edges: &[(usize, usize, usize)]) -> Option<String> {
    if nodes.is_empty() {
        return None;
    }
    let mut edges: Vec<(usize, usize, usize)> = edges
        .iter()
        .copied()
        .filter(|(a, b, w)| a != b && *w > 0)
        .collect();
    edges.sort_by(|x, y| y.2.cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    edges.truncate(MAX_EDGES);
    // Actors never mentioned with another stand in a row at the foot; the rest are laid out.
    let mut connected = vec![false; nodes.len()];
    for &(a, b, _) in &edges {
        connected[a] = true;
        connected[b] = true;
    }
    let linked: Vec<usize> = (0..nodes.len()).filter(|&i| connected[i]).collect();
    let alone: Vec<usize> = (0..nodes.len()).filter(|&i| !connected[i]).collect();
    let index_of: std::collections::HashMap<usize, usize> =
        linked.iter().enumerate().map(|(p, &i)| (i, p)).collect();
    let local_edges: Vec<(usize, usize, usize)> = edges
        .iter()
        .map(|&(a, b, w)| (index_of[&a], index_of[&b], w))
        .collect();
    let foot = if alone.is_empty() { 0.0 } else { 48.0 };
    let laid = layout(linked.len(), &local_edges, HEIGHT - foot);
    let mut positions = vec![(0.0, 0.0); nodes.len()];
    for (p, &i) in linked.iter().enumerate() {
        positions[i] = laid[p];
    }
    let per_row = alone.len().clamp(1, 6);
    for (k, &i) in alone.iter().enumerate() {
        let column = (k % per_row) as f64;
        let row = (k / per_row) as f64;
        positions[i] = (
            MARGIN + 12.0 + column * (WIDTH - 2.0 * MARGIN) / per_row as f64,
            HEIGHT - foot + 16.0 + row * 18.0,
        );
    }
    let rows = alone.len().div_ceil(per_row) as f64;
    let height = HEIGHT + if rows > 1.0 { (rows - 1.0) * 18.0 } else { 0.0 };

    let max_mentions = nodes.iter().map(|n| n.mentions).max().unwrap_or(1).max(1) as f64;
    let max_weight = edges.first().map_or(1, |e| e.2).max(1) as f64;
    let radius = |n: &Node| 4.0 + 14.0 * (n.mentions as f64 / max_mentions).sqrt();
    // Label every node in a small network; in a large one, the 40 most mentioned.
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| nodes[b].mentions.cmp(&nodes[a].mentions).then(a.cmp(&b)));
    let labelled: Vec<bool> = {
        let mut v = vec![nodes.len() <= 60; nodes.len()];
        for &i in order.iter().take(40) {
            v[i] = true;
        }
        v
    };

    let mut out = String::with_capacity(256 * nodes.len() + 96 * edges.len());
    out.push_str(&format!(
        "<svg class=\"network\" viewBox=\"0 0 {WIDTH} {height}\" role=\"group\" aria-labelledby=\"network-title\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\
<title id=\"network-title\">Network of {} actors: lines join actors mentioned in the same paragraphs; larger circles are mentioned more</title>\n<g class=\"edges\" stroke=\"#8a8f98\" stroke-opacity=\"0.55\">",
        nodes.len()
    ));
    for &(a, b, w) in &edges {
        let (pa, pb) = (positions[a], positions[b]);
        out.push_str(&format!(
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke-width=\"{:.2}\"><title>{} and {}: {w} paragraph{}</title></line>",
            pa.0,
            pa.1,
            pb.0,
            pb.1,
            0.6 + 3.4 * (w as f64 / max_weight),
            escape(&nodes[a].name),
            escape(&nodes[b].name),
            if w == 1 { "" } else { "s" }
        ));
    }
    out.push_str("</g>\n<g class=\"nodes\">");
    // Labels go where they overlap no other label or circle: right, left, above or below.
    let circles: Vec<(f64, f64, f64)> = (0..nodes.len())
        .map(|i| (positions[i].0, positions[i].1, radius(&nodes[i])))
        .collect();
    let mut boxes: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut labels: Vec<String> = vec![String::new(); nodes.len()];
    for (rank, &i) in order.iter().enumerate() {
        if !labelled[i] {
            continue;
        }
        // The most mentioned always get a label, over a neighbour's circle if need be.
        let mind_circles = rank >= 5;
        let (x, y) = positions[i];
        let r = radius(&nodes[i]);
        let width = 6.6 * nodes[i].name.chars().count() as f64;
        let candidates = [
            (x + r + 3.0, y + 4.0, false, (x + r + 3.0, y - 8.0)),
            (x - r - 3.0, y + 4.0, true, (x - r - 3.0 - width, y - 8.0)),
            (x, y - r - 4.0, false, (x - width / 2.0, y - r - 16.0)),
            (x, y + r + 13.0, false, (x - width / 2.0, y + r + 1.0)),
        ];
        for (k, &(tx, ty, end, (bx, by))) in candidates.iter().enumerate() {
            let bounds = (bx, by, bx + width, by + 14.0);
            let inside =
                bounds.0 >= 0.0 && bounds.2 <= WIDTH && bounds.1 >= 0.0 && bounds.3 <= height;
            let on_circle = circles.iter().enumerate().any(|(j, c)| {
                j != i && overlaps((c.0 - c.2, c.1 - c.2, c.0 + c.2, c.1 + c.2), bounds)
            });
            let clear =
                !boxes.iter().any(|b| overlaps(*b, bounds)) && (!mind_circles || !on_circle);
            if inside && clear {
                boxes.push(bounds);
                let anchor = match (end, k) {
                    (true, _) => " text-anchor=\"end\"",
                    (_, 2 | 3) => " text-anchor=\"middle\"",
                    _ => "",
                };
                labels[i] = format!(
                    "<text x=\"{tx:.1}\" y=\"{ty:.1}\"{anchor}>{}</text>",
                    escape(&nodes[i].name)
                );
                break;
            }
        }
    }
    // Draw the most mentioned last, so they sit on top.
    for &i in order.iter().rev() {
        let node = &nodes[i];
        let (x, y) = positions[i];
        let r = radius(node);
        let label = &labels[i];
        out.push_str(&format!(
            "<a href=\"{}\" class=\"node node-{}\"><circle fill=\"{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"><title>{}: {} mention{}</title></circle>{label}</a>",
            escape(&node.href),
            escape(&node.kind),
            match node.kind.as_str() {
                "person" => "#7a2e2e",
                "organisation" => "#2f5d8a",
                "state" => "#4f6b3a",
                _ => "#6b6b6b",
            },
            escape(&node.name),
            node.mentions,
            if node.mentions == 1 { "" } else { "s" }
        ));
    }
    out.push_str("</g>\n</svg>");
    Some(out)
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Positions inside a picture `height` high for `n` nodes: a deterministic force-directed
/// layout.
fn layout(n: usize, edges: &[(usize, usize, usize)], height: f64) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    let (w, h) = (WIDTH - 2.0 * MARGIN - 160.0, height - 2.0 * MARGIN);
    let k = (w * h / n as f64).sqrt() * 0.75;
    let max_weight = edges.iter().map(|e| e.2).max().unwrap_or(1) as f64;
    // Start on a spiral: deterministic, and no two nodes at one point.
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let t = i as f64 * 2.399_963; // the golden angle
            let r = (i as f64 + 0.5).sqrt() / (n as f64).sqrt();
            (r * t.cos() * w / 2.0, r * t.sin() * h / 2.0)
        })
        .collect();
    let iterations = 250;
    for step in 0..iterations {
        let temperature = (w / 8.0) * (1.0 - step as f64 / iterations as f64) + 1.0;
        let mut shift = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.01);
                let f = k * k / d2;
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for &(a, b, weight) in edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.1);
            let f = d / k * (0.5 + weight as f64 / max_weight);
            shift[a].0 -= dx * f;
            shift[a].1 -= dy * f;
            shift[b].0 += dx * f;
            shift[b].1 += dy * f;
        }
        for i in 0..n {
            // Gravity, growing with the distance, keeps loosely linked actors from drifting off.
            let r = (pos[i].0 * pos[i].0 + pos[i].1 * pos[i].1).sqrt();
            shift[i].0 -= pos[i].0 * (0.05 + r / k * 0.05);
            shift[i].1 -= pos[i].1 * (0.05 + r / k * 0.05);
            let len = (shift[i].0 * shift[i].0 + shift[i].1 * shift[i].1)
                .sqrt()
                .max(1e-9);
            let step_len = len.min(temperature);
            pos[i].0 += shift[i].0 / len * step_len;
            pos[i].1 += shift[i].1 / len * step_len;
        }
    }
    // Fit into the picture, leaving room for labels on the right.
    let (min_x, max_x) = pos.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.0), hi.max(p.0))
    });
    let (min_y, max_y) = pos.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.1), hi.max(p.1))
    });
    let sx = if max_x > min_x {
        w / (max_x - min_x)
    } else {
        0.0
    };
    let sy = if max_y > min_y {
        h / (max_y - min_y)
    } else {
        0.0
    };
    pos.iter()
        .map(|p| {
            (
                MARGIN
                    + 20.0
                    + if sx > 0.0 {
                        (p.0 - min_x) * sx
                    } else {
                        w / 2.0
                    },
                MARGIN
                    + if sy > 0.0 {
                        (p.1 - min_y) * sy
                    } else {
                        h / 2.0
                    },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, mentions: usize) -> Node {
        Node {
            name: name.into(),
            href: format!("../{name}/"),
            kind: "person".into(),
            mentions,
        }
    }

    #[test]
    fn draws_linked_nodes_inside_the_picture() {
        let nodes = vec![node("A", 10), node("B", 5), node("C<script>", 1)];
        let svg = svg(&nodes, &[(0, 1, 3), (1, 2, 1)]).unwrap();
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("<line").count(), 2);
        assert!(svg.contains("href=\"../A/\""));
        assert!(!svg.contains("<script>"), "names are escaped");
        for p in layout(3, &[(0, 1, 3)], HEIGHT) {
            assert!(
                p.0 >= 0.0 && p.0 <= WIDTH && p.1 >= 0.0 && p.1 <= HEIGHT,
                "{p:?}"
            );
        }
    }

    #[test]
    fn keeps_only_the_strongest_edges() {
        let nodes: Vec<Node> = (0..40).map(|i| node(&format!("n{i}"), i + 1)).collect();
        let edges: Vec<(usize, usize, usize)> = (0..40)
            .flat_map(|a| (a + 1..40).map(move |b| (a, b, (a * b) % 7 + 1)))
            .collect();
        let svg = svg(&nodes, &edges).unwrap();
        assert_eq!(svg.matches("<line").count(), MAX_EDGES);
    }

    #[test]
    fn layout_is_deterministic() {
        assert_eq!(
            layout(5, &[(0, 1, 1), (2, 3, 2)], HEIGHT),
            layout(5, &[(0, 1, 1), (2, 3, 2)], HEIGHT)
        );
    }
}
