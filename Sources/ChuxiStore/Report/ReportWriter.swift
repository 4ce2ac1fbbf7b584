import ChuxiCore
import Foundation
import GRDB

/// `chuxi report`: the store as a folder of static HTML that opens offline in a browser.
/// index.html (counts, events over time, the co-attendance network drawn by sfdp, a search
/// over names), persons.html and events.html (lists), one page per person (career, events
/// with role, date and evidence sentence), per event (attendees), and per source issue
/// (its lines numbered, so an evidence link opens the file at its line). Everything is
/// written by hand with escaping; the only script is the inline name filter.
///
/// The folder is written beside `out` under a temporary name and renamed when complete,
/// so a failed run never leaves half a report.
public enum ReportWriter {
    public struct Options {
        public var networkSize = 40
        /// sfdp's path; nil looks in PATH.
        public var sfdp: String?
        public var posts: Lexicon?
        public var title = "Chuxi report"
        public init() {}
    }
    public struct Summary {
        public var pages = 0; public var persons = 0; public var events = 0; public var networkMessage: String?;
        public var networkNodes = 0
    }

    public struct ReportError: Error, CustomStringConvertible { public let description: String }

    /// Writes the report of `store` into `out` (replaced when it is an earlier report).
    public static func write(
        store: Store, out: URL, options: Options = Options(),
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> Summary {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: out.path, isDirectory: &isDir) {
            let marker = out.appendingPathComponent(".chuxi-report").path
            let empty = isDir.boolValue && ((try? fm.contentsOfDirectory(atPath: out.path))?.isEmpty ?? false)
            guard isDir.boolValue, fm.fileExists(atPath: marker) || empty else {
                throw ReportError(
                    description: "\(out.path) exists and is not a chuxi report: give a new or empty folder")
            }
        }
        let parent = out.deletingLastPathComponent()
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDir), isDir.boolValue else {
            throw ReportError(description: "no folder \(parent.path) to write the report in")
        }
        let tmp = parent.appendingPathComponent(
            ".\(out.lastPathComponent).tmp-\(getpid())-\(UUID().uuidString.prefix(8))")
        try fm.createDirectory(at: tmp, withIntermediateDirectories: false)
        do {
            let s = try Builder(store: store, dir: tmp, options: options, progress: progress).build()
            if fm.fileExists(atPath: out.path) {
                let old = parent.appendingPathComponent(".\(out.lastPathComponent).old-\(getpid())")
                try fm.moveItem(at: out, to: old)
                try fm.moveItem(at: tmp, to: out)
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: tmp, to: out)
            }
            return s
        } catch { try? fm.removeItem(at: tmp); throw error }
    }

    /// HTML text and attribute escaping.
    public static func esc(_ s: String) -> String {
        // Most text holds none of the five: returned as it is (the report escapes every
        // line of every source file).
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return s
        }
        var o = [UInt8]()
        o.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case 0x26: o += Array("&amp;".utf8)
            case 0x3C: o += Array("&lt;".utf8)
            case 0x3E: o += Array("&gt;".utf8)
            case 0x22: o += Array("&quot;".utf8)
            case 0x27: o += Array("&#39;".utf8)
            default: o.append(b)
            }
        }
        return String(decoding: o, as: UTF8.self)
    }

    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；"]

    /// The evidence sentence: the lines of the span, cut at the sentence ends around it,
    /// as the text before the span, the span, the text after.
    public static func sentenceParts(lines: [[Unicode.Scalar]], _ s: (l1: Int, c1: Int, l2: Int, c2: Int)) -> (
        String, String, String
    )? {
        guard s.l1 >= 1, s.l2 >= s.l1, s.l2 <= lines.count else { return nil }
        var text: [Unicode.Scalar] = []
        var start = 0, end = 0
        for l in s.l1...s.l2 {
            if l == s.l1 { start = text.count + s.c1 - 1 }
            if l == s.l2 { end = text.count + s.c2 }
            text += lines[l - 1]
        }
        start = max(0, min(start, text.count)); end = max(start, min(end, text.count))
        var a = start
        while a > 0, !sentenceEnds.contains(text[a - 1]), start - a < 200 { a -= 1 }
        var b = end
        while b < text.count, b - end < 200 { let c = text[b]; b += 1; if sentenceEnds.contains(c) { break } }
        func str(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(text[r])) }
        return (str(a..<start), str(start..<end), str(end..<b))
    }

    static func sentence(lines: [[Unicode.Scalar]], _ s: (l1: Int, c1: Int, l2: Int, c2: Int)) -> String? {
        sentenceParts(lines: lines, s).map { esc($0.0) + "<mark>" + esc($0.1) + "</mark>" + esc($0.2) }
    }

    /// A file's lines as scalars (txt only; nil for PDF, HTML and unreadable files).
    public static func lines(ofFile path: String) -> [[Unicode.Scalar]]? {
        guard path.lowercased().hasSuffix(".txt"), let data = FileManager.default.contents(atPath: path),
            data.count < 8 << 20,
            let text = try? TextDecoding.decode(data, path: path)
        else { return nil }
        var out: [[Unicode.Scalar]] = [[]]
        for c in text.unicodeScalars {
            if c == "\n" { out.append([]) } else if c != "\r" { out[out.count - 1].append(c) }
        }
        return out
    }

    /// The plain evidence sentence of a record, its span in 【】; nil when the file or form cannot give it.
    public static func plainSentence(lines: [[Unicode.Scalar]]?, evidence: String) -> String? {
        guard let l = lines, let sp = Corrections.span(evidence), let p = sentenceParts(lines: l, sp) else {
            return nil
        }
        return p.0 + "【" + p.1 + "】" + p.2
    }

    static let roleNames = [
        "chair": "主持 chair", "attend": "出席 attend", "observe": "列席 observe", "speak": "讲话 speak",
        "inspect": "调研 inspect"
    ]

    final class Builder {
        let store: Store, dir: URL, options: Options, progress: ((Int, Int) -> Void)?
        var g: Graph
        var personPage: [String: String] = [:], eventPage: [String: String] = [:], sourcePage: [String: String] = [:]
        var issuePath: [String: String] = [:]
        var lines: [String: [[Unicode.Scalar]]] = [:]
        var done = 0, total = 0

        init(store: Store, dir: URL, options: Options, progress: ((Int, Int) -> Void)?) throws {
            self.store = store; self.dir = dir; self.options = options; self.progress = progress
            g = try store.graph()
            issuePath = try store.db.read { db in
                Dictionary(uniqueKeysWithValues: try GRDBRows.issues(db))
            }
        }

        func page(_ name: String, title: String, depth: Int, body: String) throws {
            let up = depth == 0 ? "" : String(repeating: "../", count: depth)
            let html = """
                <!DOCTYPE html>
                <html lang="zh"><head><meta charset="utf-8"><title>\(esc(title))</title><link rel="stylesheet" href="\(up)style.css"></head>
                <body><nav><a href="\(up)index.html">Overview</a> · <a href="\(up)persons.html">Persons</a> · <a href="\(up)events.html">Events</a></nav>
                <main>
                \(body)
                </main></body></html>

                """
            try html.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8)
            done += 1
            progress?(done, total)
        }

        /// Lines of an issue's original file (txt only), read once.
        func fileLines(_ issue: String) -> [[Unicode.Scalar]]? {
            if let l = lines[issue] { return l }
            guard let path = issuePath[issue], let out = ReportWriter.lines(ofFile: path) else { return nil }
            lines[issue] = out
            return out
        }

        func evidenceCell(_ e: Graph.Edge, depth: Int) -> String {
            let raw = String(e.evidence.dropFirst(e.issue.count + 1))
            let sp = Corrections.span(raw)
            let sent = sp.flatMap { s in fileLines(e.issue).flatMap { sentence(lines: $0, s) } } ?? ""
            var link = esc("\(e.issue) \(raw)")
            if let s = sp, let src = sourcePage[e.issue] {
                link = "<a href=\"\(depth == 0 ? "" : "../")\(src)#L\(s.l1)\">\(esc(e.issue)):\(s.l1)</a>"
            }
            let file =
                issuePath[e.issue].map {
                    "<a class=\"file\" href=\"\(esc(URL(fileURLWithPath: $0).absoluteString))\" title=\"the original file\">file</a>"
                } ?? ""
            return "<td class=\"ev\">\(sent)</td><td class=\"src\">\(link) \(file)</td>"
        }

        func roleName(_ r: String) -> String { esc(roleNames[r] ?? r) }

        func build() throws -> Summary {
            var summary = Summary()
            let persons = g.persons.keys.sorted(),
                events = g.events.values.sorted { (Graph.dateKey($0.date), $0.id) < (Graph.dateKey($1.date), $1.id) }
            for (i, p) in persons.enumerated() { personPage[p] = "person/p\(i).html" }
            for (i, e) in events.enumerated() { eventPage[e.id] = "event/e\(i).html" }
            let issues = Set(g.attendance.map(\.issue)).sorted()
            for (i, s) in issues.enumerated() where fileLines(s) != nil { sourcePage[s] = "source/s\(i).html" }
            total = 3 + persons.count + events.count + sourcePage.count
            for d in ["person", "event", "source"] {
                try FileManager.default.createDirectory(
                    at: dir.appendingPathComponent(d), withIntermediateDirectories: true)
            }
            try "chuxi report\n".write(
                to: dir.appendingPathComponent(".chuxi-report"), atomically: false, encoding: .utf8)
            try ReportWriter.css.write(to: dir.appendingPathComponent("style.css"), atomically: false, encoding: .utf8)

            var byPerson: [String: [Graph.Edge]] = [:], byEvent: [String: [Graph.Edge]] = [:]
            for e in g.attendance { byPerson[e.from, default: []].append(e); byEvent[e.to, default: []].append(e) }
            let co = g.coattendance()

            // The network.
            let (netNodes, netEdges) = SVGNetwork.top(g, edges: co, limit: options.networkSize)
            let dotText = SVGNetwork.dotSource(g, nodes: netNodes, edges: netEdges, page: personPage)
            let drawing = SVGNetwork.draw(
                dotText: dotText, nodes: netNodes, sfdp: SVGNetwork.findSfdp(override: options.sfdp))
            summary.networkMessage = drawing.message; summary.networkNodes = drawing.svg == nil ? 0 : netNodes.count
            try dotText.write(to: dir.appendingPathComponent("network.dot"), atomically: false, encoding: .utf8)
            if let svg = drawing.svg {
                try svg.write(to: dir.appendingPathComponent("network.svg"), atomically: false, encoding: .utf8)
            }

            // Overview.
            let records = g.attendance.count
            let issueCount = try store.db.read { db in try GRDBRows.count(db, "issues") }
            var body =
                "<h1>\(esc(options.title))</h1>\n<ul class=\"counts\"><li><b id=\"n-issues\">\(issueCount)</b> issues</li><li><b id=\"n-records\">\(records)</b> records</li>"
            body +=
                "<li><b id=\"n-persons\">\(g.persons.count)</b> persons</li><li><b id=\"n-orgs\">\(g.organizations.count)</b> organizations</li><li><b id=\"n-events\">\(g.events.count)</b> events</li></ul>\n"
            body += "<h2>Events over time</h2>\n" + timeline(events) + "\n"
            body += "<h2>Co-attendance network</h2>\n"
            if let svg = drawing.svg {
                body +=
                    "<p class=\"note\">The \(netNodes.count) persons with the most shared events (\(netEdges.count) ties; thicker: more shared events), laid out by Graphviz sfdp. Click a name for the person's page. Also as <a href=\"network.svg\">network.svg</a>.</p>\n<div class=\"network\">\(svg)</div>\n"
            } else {
                body +=
                    "<p class=\"warn\" id=\"network-missing\">No network drawing: \(esc(drawing.message ?? "")).</p>\n"
            }
            body += "<h2>Most present persons</h2>\n" + searchBox + "<ol class=\"names\">"
            let ranked = persons.sorted { (byPerson[$1]?.count ?? 0, $0) < (byPerson[$0]?.count ?? 0, $1) }
            for p in ranked.prefix(50) {
                body +=
                    "<li><a href=\"\(personPage[p]!)\">\(esc(g.label(p)))</a> <span class=\"n\">\(byPerson[p]?.count ?? 0)</span></li>"
            }
            body +=
                "</ol>\n<p><a href=\"persons.html\">All \(persons.count) persons</a> · <a href=\"events.html\">All \(events.count) events</a></p>\n"
                + filterScript
            try page("index.html", title: options.title, depth: 0, body: body)

            // Lists.
            body =
                "<h1>Persons</h1>\n" + searchBox
                + "<table class=\"names\"><tr><th>Name</th><th>Jurisdiction</th><th>Records</th></tr>"
            for p in ranked {
                body +=
                    "<tr><td><a href=\"\(personPage[p]!)\">\(esc(g.label(p)))</a></td><td>\(esc(g.persons[p]!.jurisdiction))</td><td>\(byPerson[p]?.count ?? 0)</td></tr>"
            }
            body += "</table>\n" + filterScript
            try page("persons.html", title: "Persons", depth: 0, body: body)
            body =
                "<h1>Events</h1>\n<table><tr><th>Date</th><th>Event</th><th>Kind</th><th>Place</th><th>Attendees</th></tr>"
            for e in events {
                body +=
                    "<tr><td>\(esc(e.date))</td><td><a href=\"\(eventPage[e.id]!)\">\(esc(e.name))</a></td><td>\(esc(e.kind))</td><td>\(esc(e.place))</td><td>\(byEvent[e.id]?.count ?? 0)</td></tr>"
            }
            try page("events.html", title: "Events", depth: 0, body: body + "</table>")

            // Persons.
            let careers = options.posts.map { Dictionary(grouping: Careers.table(g, posts: $0), by: \.person) } ?? [:]
            for p in persons {
                let person = g.persons[p]!
                var b = "<h1 class=\"person\">\(esc(person.name))</h1>\n"
                if !person.jurisdiction.isEmpty { b += "<p>Jurisdiction: \(esc(person.jurisdiction))</p>\n" }
                b +=
                    "<h2>Career</h2>\n<table class=\"career\"><tr><th>Post</th><th>Titles as written</th><th>First</th><th>Last</th><th>Sources</th></tr>"
                if let rows = careers[p] {
                    for r in rows {
                        let post = [r.post.jurisdiction, r.post.organization, r.post.post].filter { !$0.isEmpty }
                            .joined(separator: " / ")
                        b +=
                            "<tr><td>\(esc(post))</td><td>\(esc(r.titles.joined(separator: "；")))</td><td>\(esc(r.first))</td><td>\(esc(r.last))</td><td>\(r.sources)</td></tr>"
                    }
                } else {
                    for (t, s) in person.titles.sorted(by: {
                        (Graph.dateKey($0.value.first), $0.key) < (Graph.dateKey($1.value.first), $1.key)
                    }) {
                        b +=
                            "<tr><td>\(esc(t))</td><td>\(esc(t))</td><td>\(esc(s.first))</td><td>\(esc(s.last))</td><td></td></tr>"
                    }
                }
                b +=
                    "</table>\n<h2>Events</h2>\n<table class=\"events\"><tr><th>Date</th><th>Role</th><th>Event</th><th>Titles</th><th>Evidence</th><th>Source</th></tr>"
                for e in (byPerson[p] ?? []).sorted(by: {
                    (Graph.dateKey($0.date), $0.to) < (Graph.dateKey($1.date), $1.to)
                }) {
                    let ev = g.events[e.to]!
                    b +=
                        "<tr><td>\(esc(e.date))</td><td>\(roleName(e.role))</td><td><a class=\"event\" href=\"../\(eventPage[e.to]!)\">\(esc(ev.name))</a></td><td>\(esc(e.titles.joined(separator: "、")))</td>\(evidenceCell(e, depth: 1))</tr>"
                }
                try page(personPage[p]!, title: person.name, depth: 1, body: b + "</table>")
            }

            // Events.
            for ev in events {
                var b =
                    "<h1 class=\"event\">\(esc(ev.name))</h1>\n<dl><dt>Date</dt><dd>\(esc(ev.date.isEmpty ? "—" : ev.date))</dd><dt>Kind</dt><dd>\(esc(ev.kind))</dd><dt>Place</dt><dd>\(esc(ev.place))</dd>"
                b +=
                    "<dt>Names</dt><dd>\(esc(ev.names.joined(separator: " / ")))</dd><dt>Sources</dt><dd>\(esc(ev.sources.joined(separator: ", ")))</dd></dl>\n"
                b +=
                    "<h2>Attendees</h2>\n<table class=\"attendees\"><tr><th>Attendee</th><th>Role</th><th>Titles</th><th>Evidence</th><th>Source</th></tr>"
                for e in byEvent[ev.id] ?? [] {
                    let who =
                        personPage[e.from].map { "<a href=\"../\($0)\">\(esc(g.label(e.from)))</a>" }
                        ?? esc(g.label(e.from))
                    b +=
                        "<tr><td>\(who)</td><td>\(roleName(e.role))</td><td>\(esc(e.titles.joined(separator: "、")))</td>\(evidenceCell(e, depth: 1))</tr>"
                }
                try page(eventPage[ev.id]!, title: ev.name, depth: 1, body: b + "</table>")
            }

            // Sources: the original lines, numbered and anchored.
            for (issue, name) in sourcePage.sorted(by: { $0.key < $1.key }) {
                var b =
                    "<h1>\(esc(issue))</h1>\n<p class=\"note\">\(esc(issuePath[issue] ?? ""))</p>\n<pre class=\"source\">"
                for (i, l) in (lines[issue] ?? []).enumerated() {
                    b += "<span id=\"L\(i + 1)\"><i>\(i + 1)</i>\(esc(String(String.UnicodeScalarView(l))))</span>\n"
                }
                try page(name, title: issue, depth: 1, body: b + "</pre>")
            }
            summary.pages = done; summary.persons = persons.count; summary.events = events.count
            return summary
        }

        /// Events per day (per month when they span more than 62 days) as SVG bars.
        func timeline(_ events: [Graph.Event]) -> String {
            var days: [String] = []
            for e in events { if let s = Graph.isoSpan(e.date) { days.append(s.start) } }
            guard let first = days.min(), let last = days.max() else {
                return "<p class=\"note\">No event has a full date.</p>"
            }
            let f = IssueInput.parseISODate(first)!, l = IssueInput.parseISODate(last)!
            let monthly = DateValue.dayNumber(l.year, l.month, l.day) - DateValue.dayNumber(f.year, f.month, f.day) > 62
            var counts: [String: Int] = [:]
            for d in days { counts[monthly ? String(d.prefix(7)) : d, default: 0] += 1 }
            let keys = counts.keys.sorted(), top = counts.values.max()!
            let w = 720.0, h = 160.0, bw = max(2, (w - 40) / Double(keys.count))
            var s =
                "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h + 30))\" role=\"img\" aria-label=\"events per \(monthly ? "month" : "day")\">"
            for (i, k) in keys.enumerated() {
                let v = counts[k]!, bh = (h - 10) * Double(v) / Double(top), x = 30 + Double(i) * bw
                s +=
                    "<rect x=\"\(String(format: "%.1f", x))\" y=\"\(String(format: "%.1f", h - bh))\" width=\"\(String(format: "%.1f", max(1, bw - 1)))\" height=\"\(String(format: "%.1f", bh))\" fill=\"#4a6f99\"><title>\(esc(k)): \(v)</title></rect>"
            }
            s += "<line x1=\"30\" y1=\"\(Int(h))\" x2=\"\(Int(w))\" y2=\"\(Int(h))\" stroke=\"#333\"/>"
            s +=
                "<text x=\"30\" y=\"\(Int(h + 18))\" font-size=\"11\">\(esc(keys.first!))</text><text x=\"\(Int(w))\" y=\"\(Int(h + 18))\" font-size=\"11\" text-anchor=\"end\">\(esc(keys.last!))</text>"
            s += "<text x=\"2\" y=\"12\" font-size=\"11\">\(top)</text></svg>"
            return s
                + "<p class=\"note\">Events per \(monthly ? "month" : "day") (\(days.count) of \(events.count) events have a full date).</p>"
        }

        var searchBox: String {
            "<p><input type=\"search\" id=\"filter\" placeholder=\"Search names…\" aria-label=\"search names\"></p>\n"
        }
        /// The one script: hides list rows whose text lacks the typed string. Inline, local.
        var filterScript: String {
            """
            <script>
            document.getElementById('filter').addEventListener('input', function () {
              var q = this.value.trim();
              document.querySelectorAll('.names li, .names tr').forEach(function (r) {
                if (r.querySelector('th')) return;
                r.style.display = (q === '' || r.textContent.indexOf(q) >= 0) ? '' : 'none';
              });
            });
            </script>
            """
        }
    }

    static let css = """
        body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; margin: 0; color: #222; }
        nav { background: #24415f; padding: .5em 1em; } nav a { color: #fff; text-decoration: none; margin-right: .5em; }
        main { padding: 0 1.5em 2em; max-width: 1200px; }
        table { border-collapse: collapse; margin: .5em 0; } th, td { border: 1px solid #ccd; padding: .25em .5em; vertical-align: top; text-align: left; }
        th { background: #eef2f7; } td.ev { max-width: 36em; } td.src { white-space: nowrap; font-size: .85em; } table.events td:first-child { white-space: nowrap; }
        mark { background: #ffe28a; } .note { color: #555; font-size: .9em; } .warn { color: #a33; }
        ul.counts { list-style: none; padding: 0; display: flex; gap: 2em; } ul.counts b { font-size: 1.6em; display: block; }
        ol.names { columns: 4; } .n { color: #888; font-size: .85em; }
        .network svg { max-width: 100%; height: auto; border: 1px solid #dde; }
        pre.source span { display: block; white-space: pre-wrap; } pre.source span:target { background: #ffe28a; }
        pre.source i { color: #999; display: inline-block; width: 3em; font-style: normal; }
        dl { display: grid; grid-template-columns: 6em auto; } dt { font-weight: bold; }

        """
}

/// Raw queries of the report (kept apart from GRDB's record API).
enum GRDBRows {
    static func issues(_ db: GRDB.Database) throws -> [(String, String)] {
        try Row.fetchAll(db, sql: "SELECT id, path FROM issues").map { ($0["id"] as String, $0["path"] as String) }
    }
    static func count(_ db: GRDB.Database, _ table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
    }
}
