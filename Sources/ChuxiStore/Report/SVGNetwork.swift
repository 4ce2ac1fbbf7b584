import ChuxiCore
import Foundation

/// The report's network drawing: the co-attendance network of the most connected persons,
/// laid out by Graphviz `sfdp` (Debian's `graphviz`) run as a subprocess, as SVG. Each node
/// links to its person page (Graphviz writes the `URL` attribute as an SVG link), so the
/// drawing needs no script. When sfdp is missing, fails or runs too long, the report is
/// written without the drawing and says why.
public enum SVGNetwork {
    public struct Drawing { public let svg: String?; public let message: String?; public let nodes: [String] }

    /// The `limit` persons of highest weighted co-attendance degree (ties by id), and the
    /// person-person edges among them.
    public static func top(_ g: Graph, edges: [CoEdge], limit: Int) -> (nodes: [String], edges: [CoEdge]) {
        var degree: [String: Int] = [:]
        for e in edges where e.kind == "person-person" {
            degree[e.source, default: 0] += e.weight; degree[e.target, default: 0] += e.weight
        }
        let nodes = degree.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit).map(\.key)
        let keep = Set(nodes)
        return (
            nodes.sorted(),
            edges.filter { $0.kind == "person-person" && keep.contains($0.source) && keep.contains($0.target) }
        )
    }

    /// A DOT string literal: quotes and backslashes escaped, line breaks dropped.
    static func dot(_ s: String) -> String {
        "\""
            + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }

    /// The DOT graph: node ids `n0…`, labels the names, links to the person pages.
    public static func dotSource(_ g: Graph, nodes: [String], edges: [CoEdge], page: [String: String]) -> String {
        var index: [String: Int] = [:]
        var out =
            "graph coattendance {\n  graph [overlap=prism, outputorder=edgesfirst, bgcolor=\"transparent\", pad=0.2];\n"
        out +=
            "  node [shape=ellipse, style=filled, fillcolor=\"#dbe7f4\", color=\"#4a6f99\", fontname=\"WenQuanYi Zen Hei,Noto Sans CJK SC,sans-serif\", fontsize=11];\n"
        out += "  edge [color=\"#8899aa\"];\n"
        for (i, n) in nodes.enumerated() {
            index[n] = i
            out +=
                "  n\(i) [label=\(dot(g.label(n))), tooltip=\(dot(g.label(n))), URL=\(dot(page[n] ?? "")), id=\(dot("node-\(i)")), class=\"person\"];\n"
        }
        for e in edges {
            guard let a = index[e.source], let b = index[e.target] else { continue }
            out +=
                "  n\(a) -- n\(b) [penwidth=\(String(format: "%.1f", min(6, 0.6 + log2(Double(e.weight))))), tooltip=\(dot("\(g.label(e.source)) – \(g.label(e.target)): \(e.weight)"))];\n"
        }
        return out + "}\n"
    }

    /// `sfdp` from PATH (or `override`), nil when there is none.
    public static func findSfdp(override: String? = nil) -> String? {
        if let o = override { return FileManager.default.isExecutableFile(atPath: o) ? o : nil }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/sfdp"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Lays out `dotText` with sfdp into SVG (prolog and doctype cut, so it can sit inline
    /// in a page). A nil svg comes with the message why.
    public static func draw(dotText: String, nodes: [String], sfdp: String?, timeout: TimeInterval = 60) -> Drawing {
        guard !nodes.isEmpty else {
            return Drawing(svg: nil, message: "no co-attendance: no two persons share an event", nodes: [])
        }
        guard let exe = sfdp else {
            return Drawing(
                svg: nil,
                message:
                    "Graphviz sfdp not found: install Debian's graphviz (scripts/ensure-system-packages) to draw the network",
                nodes: nodes)
        }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-\(UUID()).dot")
        defer { try? FileManager.default.removeItem(at: tmp) }
        do { try dotText.write(to: tmp, atomically: true, encoding: .utf8) } catch {
            return Drawing(svg: nil, message: "cannot write the layout input: \(error)", nodes: nodes)
        }
        let r: Subprocess.Result
        do { r = try Subprocess.run(exe, ["-Tsvg", tmp.path], timeout: timeout) } catch {
            return Drawing(svg: nil, message: "cannot run \(exe): \(error)", nodes: nodes)
        }
        if r.timedOut {
            return Drawing(svg: nil, message: "sfdp ran past \(Int(timeout)) s and was stopped", nodes: nodes)
        }
        guard r.status == 0, var svg = String(data: r.stdout, encoding: .utf8), let start = svg.range(of: "<svg") else {
            let err = String(decoding: r.stderr.prefix(300), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            return Drawing(
                svg: nil, message: "sfdp failed (status \(r.status))\(err.isEmpty ? "" : ": \(err)")", nodes: nodes)
        }
        svg = String(svg[start.lowerBound...])
        return Drawing(svg: svg, message: nil, nodes: nodes)
    }
}
