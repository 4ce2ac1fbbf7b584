import CXMLShim
import Foundation

/// The article of an e-paper's HTML page, read through libxml2's HTML parser (`CXMLShim`).
///
/// - Encoding: `--encoding`, else the page's `<meta charset>` (or `http-equiv` content type),
///   else the bytes (`TextDecoding`: BOM, UTF-8, else GB18030). The page is decoded by ICU
///   like a text file and handed to libxml2 as UTF-8 with the page's own hint ignored, so one
///   decoder, with one set of error messages, serves every format.
/// - The body is the element holding the most paragraph text: the text of its `<p>` children
///   and its own text, links not counted (a list of links is no article). Scripts, styles,
///   forms, `nav`, `footer`, `aside`, a page-level `header`, and elements whose id or class
///   says navigation, menu, footer, breadcrumb, sidebar, share or copyright are dropped first.
/// - The headline: the body's own `h1`, else the last `h1` (or `h2`) before it, with the
///   headings beside it (引题, 副题).
/// - Paragraphs: `<p>`, `<br>` and every block element end one; paragraphs are written one a
///   line with a blank line between them, as the seeds are, so the normalizer reads them alike.
/// - The page's date: a `<meta>` whose name says date or publish time, else the first short
///   line outside the body holding a full date (`2024-06-11`, `2024年6月11日`).
public enum HTMLText {
    public static func read(path: String, data: Data, encoding forced: String?) throws -> ExtractedText {
        if data.isEmpty { throw InputError(path: path, reason: "empty file") }
        let page = try decode(data, path: path, forced: forced)
        guard let root = tree(page, wanted: Node.wanted) else {
            throw InputError(path: path, reason: "broken HTML: libxml2 read no document from it")
        }
        let date = metaDate(root)
        let kept = prune(root, inArticle: false)
        var scores: [(Node, Int)] = []
        score(kept, into: &scores)
        guard let best = scores.max(by: { $0.1 < $1.1 }), best.1 > 0 else {
            throw InputError(
                path: path,
                reason: "no article text in this HTML page (no paragraphs outside scripts, navigation and footers)")
        }
        // The first of equal scores (max(by:) keeps the last).
        let body = scores.first { $0.1 == best.1 }!.0
        var paragraphs: [String] = []
        if !contains(body, where: { $0.name == "h1" }) {
            for h in headline(kept, before: body) { paragraphs += Self.paragraphs(of: h) }
        }
        paragraphs += Self.paragraphs(of: body)
        guard !paragraphs.isEmpty else { throw InputError(path: path, reason: "no article text in this HTML page") }
        let pageDate =
            date
            ?? Self.paragraphs(of: kept, skipping: body).lazy.filter { $0.unicodeScalars.count <= 80 }.compactMap(
                parseDate
            ).first
        return ExtractedText(text: paragraphs.joined(separator: "\n\n") + "\n", date: pageDate)
    }

    /// libxml2's tree of a page, copied (the document is freed before this returns).
    static func tree(_ page: String, wanted: [String]) -> Node? {
        let utf8 = Array(page.utf8)
        guard
            let doc = utf8.withUnsafeBufferPointer({ b in
                b.withMemoryRebound(to: CChar.self) { cxml_html_parse($0.baseAddress, Int32(clamping: $0.count)) }
            })
        else { return nil }
        defer { cxml_doc_free(doc) }
        return cxml_doc_root(doc).map { Node($0, depth: 0, wanted: wanted) }
    }

    // MARK: Encoding

    static func decode(_ data: Data, path: String, forced: String?) throws -> String {
        if let f = forced { return try TextDecoding.decode(data, path: path, forced: f) }
        let head = [UInt8](data.prefix(4096))
        let bom =
            head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        if !bom, let label = metaCharset(head), label != "utf-8", label != "utf8",
            let s = try? TextDecoding.decode(data, path: path, forced: icuName(label))
        {
            return s
        }
        // No hint, UTF-8, or a hint the bytes do not bear out: the bytes decide.
        return try TextDecoding.decode(data, path: path)
    }

    /// GB2312 and GBK pages are read as GB18030, their superset: pages labelled gb2312
    /// routinely hold GBK characters.
    static func icuName(_ label: String) -> String {
        ["gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "windows-936", "csgb2312", "euc-cn", "chinese", "gb18030"]
            .contains(label) ? "GB18030" : label
    }

    /// The charset a `<meta>` in the first bytes names (`<meta charset="gbk">`,
    /// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`), lower case.
    static func metaCharset(_ head: [UInt8]) -> String? {
        let s = Array(head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : ($0 < 0x80 ? $0 : 0x20) })
        let meta = Array("<meta".utf8), key = Array("charset".utf8)
        var i = 0
        while i + meta.count <= s.count {
            guard s[i..<(i + meta.count)].elementsEqual(meta) else { i += 1; continue }
            let end = s[i...].firstIndex(of: UInt8(ascii: ">")) ?? s.count
            var j = i
            while j + key.count <= end {
                if s[j..<(j + key.count)].elementsEqual(key) {
                    var k = j + key.count
                    while k < end, s[k] == 0x20 { k += 1 }
                    if k < end, s[k] == UInt8(ascii: "=") {
                        k += 1
                        while k < end, s[k] == 0x20 || s[k] == UInt8(ascii: "\"") || s[k] == UInt8(ascii: "'") {
                            k += 1
                        }
                        let start = k
                        while k < end,
                            s[k] == UInt8(ascii: "-") || s[k] == UInt8(ascii: "_") || s[k] == UInt8(ascii: ".")
                                || s[k] == UInt8(ascii: ":")
                                || (s[k] >= 0x30 && s[k] <= 0x39) || (s[k] >= 0x61 && s[k] <= 0x7A)
                        { k += 1 }
                        if k > start { return String(decoding: s[start..<k], as: UTF8.self) }
                    }
                }
                j += 1
            }
            i = end
        }
        return nil
    }

    // MARK: The tree

    /// A copy of libxml2's tree with what the reader looks at: names, text, a few attributes.
    final class Node {
        let name: String  // "" for a text node
        let text: String
        var attributes: [String: String] = [:]
        var children: [Node] = []

        static let wanted = ["id", "class", "name", "property", "itemprop", "content", "http-equiv"]

        init(name: String, text: String, attributes: [String: String], children: [Node]) {
            self.name = name; self.text = text; self.attributes = attributes; self.children = children
        }

        init(_ n: OpaquePointer, depth: Int, wanted: [String] = Node.wanted) {
            if cxml_kind(n) == CXML_ELEMENT {
                name = String(cString: cxml_name(n)).lowercased(); text = ""
                for a in wanted {
                    if let v = cxml_attr(n, a) { attributes[a] = String(cString: v); cxml_free(v) }
                }
                // libxml2 stops nesting at 256 levels; this bound only guards the recursion.
                guard depth < 512 else { return }
                var c = cxml_first_child(n)
                while let x = c {
                    let k = cxml_kind(x)
                    if k == CXML_ELEMENT || k == CXML_TEXT || k == CXML_CDATA {
                        children.append(Node(x, depth: depth + 1, wanted: wanted))
                    }
                    c = cxml_next_sibling(x)
                }
            } else {
                name = ""; text = cxml_text(n).map { String(cString: $0) } ?? ""
            }
        }
        var isText: Bool { name.isEmpty }
    }

    static let dropped: Set<String> = [
        "script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "select",
        "button", "template", "svg", "head", "object", "embed", "menu", "textarea", "canvas", "map", "title"
    ]
    static let boilerplate = [
        "nav", "menu", "footer", "breadcrumb", "sidebar", "copyright", "share", "toolbar", "banner"
    ]
    static let blocks: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th", "table",
        "tbody", "thead", "section", "article", "main", "blockquote", "dd", "dt", "dl", "pre", "figure",
        "figcaption", "center", "hr", "address", "header", "body", "html", "caption"
    ]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4"]

    /// The tree without scripts, styles, forms, navigation and footers.
    static func prune(_ n: Node, inArticle: Bool) -> Node {
        let article = inArticle || n.name == "article" || n.name == "main"
        let kids = n.children.filter { c in
            guard !c.isText else { return true }
            if dropped.contains(c.name) || (c.name == "header" && !article) { return false }
            let marks = ((c.attributes["id"] ?? "") + " " + (c.attributes["class"] ?? "")).lowercased()
            return !boilerplate.contains { marks.contains($0) }
        }.map { $0.isText ? $0 : prune($0, inArticle: article) }
        return Node(name: n.name, text: n.text, attributes: n.attributes, children: kids)
    }

    /// Characters that count: not blanks.
    static func weight(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) } }

    /// Text of a subtree, links left out (for scores only).
    static func plainText(_ n: Node, links: Bool) -> String {
        if n.isText { return n.text }
        if !links && n.name == "a" { return "" }
        return n.children.map { plainText($0, links: links) }.joined()
    }

    /// Each element's paragraph text: its `<p>` children's and its own (inline) text.
    static func score(_ n: Node, into out: inout [(Node, Int)]) {
        guard !n.isText else { return }
        var own = 0
        for c in n.children {
            if c.isText {
                own += weight(c.text)
            } else if c.name == "p" {
                own += weight(plainText(c, links: false))
            } else if !blocks.contains(c.name) && !contains(c, where: { blocks.contains($0.name) }) {
                own += weight(plainText(c, links: false))
            }
        }
        out.append((n, own))
        for c in n.children where !c.isText { score(c, into: &out) }
    }

    static func contains(_ n: Node, where test: (Node) -> Bool) -> Bool {
        n.children.contains { !$0.isText && (test($0) || contains($0, where: test)) }
    }

    /// The headings above the body: the last `h1` before it (else the last `h2`), with the
    /// headings that stand beside it.
    static func headline(_ root: Node, before body: Node) -> [Node] {
        var order: [(Node, Node?)] = []  // elements before the body, with their parent
        var reached = false
        func walk(_ n: Node, _ parent: Node?) {
            if n === body { reached = true; return }
            if reached || n.isText { return }
            order.append((n, parent))
            for c in n.children { walk(c, n); if reached { return } }
        }
        walk(root, nil)
        guard let (h, parent) = order.last(where: { $0.0.name == "h1" }) ?? order.last(where: { $0.0.name == "h2" })
        else { return [] }
        guard let p = parent, !contains(p, where: { $0 === body }) else { return [h] }
        return p.children.filter { headings.contains($0.name) }
    }

    /// The paragraphs of a subtree: `<p>`, `<br>` and block elements end one.
    static func paragraphs(of n: Node, skipping skip: Node? = nil) -> [String] {
        var out: [String] = [], current = ""
        func flush() {
            let p = collapse(current)
            if !p.isEmpty { out.append(p) }
            current = ""
        }
        func walk(_ n: Node) {
            if n === skip { flush(); return }
            if n.isText { current += n.text; return }
            let block = blocks.contains(n.name)
            if block { flush() }
            for c in n.children { walk(c) }
            if block { flush() }
        }
        walk(n)
        flush()
        return out
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFFEF).contains(v)
            || v >= 0x20000
    }

    /// HTML whitespace: a run is one space, none where it breaks a line between two Chinese
    /// characters (the source's line wrapping, which a reader does not see); ends trimmed.
    static func collapse(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isWS(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{C}" }
        while i < u.count {
            guard isWS(u[i]) else { out.append(u[i]); i += 1; continue }
            var j = i, newline = false
            while j < u.count, isWS(u[j]) { if u[j] == "\n" || u[j] == "\r" { newline = true }; j += 1 }
            let joinsCJK = newline && i > 0 && j < u.count && isCJK(u[i - 1]) && isCJK(u[j])
            if !out.isEmpty && j < u.count && !joinsCJK { out.append(" ") }
            i = j
        }
        let t = String(out)
        return t.trimmingCharacters(in: CharacterSet(charactersIn: " \u{A0}\u{3000}"))
    }

    // MARK: The page's date

    static func metaDate(_ root: Node) -> IssueDate? {
        var found: IssueDate? = nil
        func walk(_ n: Node) {
            guard found == nil, !n.isText else { return }
            if n.name == "meta", let content = n.attributes["content"] {
                let key = [n.attributes["name"], n.attributes["property"], n.attributes["itemprop"]].compactMap {
                    $0?.lowercased()
                }.joined(separator: " ")
                if key.contains("date") || key.contains("publish") || key.contains("pubtime") {
                    found = parseDate(content)
                }
            }
            for c in n.children { walk(c) }
        }
        walk(root)
        return found
    }

    /// The first full date in a string: `2024-06-11`, `2024/6/11`, `2024.06.11`, `2024年6月11日`
    /// (ASCII or full-width digits), a day of the calendar.
    static func parseDate(_ s: String) -> IssueDate? {
        let u = s.unicodeScalars.map { c -> Unicode.Scalar in
            (0xFF10...0xFF19).contains(c.value) ? Unicode.Scalar(c.value - 0xFF10 + 0x30)! : c
        }
        func digits(_ i: Int, max: Int) -> (Int, Int)? {
            var j = i, v = 0
            while j < u.count, j - i < max, Normalizer.isDigit(u[j]) { v = v * 10 + Int(u[j].value - 0x30); j += 1 }
            return j > i ? (v, j) : nil
        }
        var i = 0
        while i + 8 <= u.count {
            defer { i += 1 }
            guard i == 0 || !Normalizer.isDigit(u[i - 1]), let (y, a) = digits(i, max: 4), a - i == 4,
                (1900...2100).contains(y),
                a < u.count, "-/.年".unicodeScalars.contains(u[a]), let (m, b) = digits(a + 1, max: 2),
                b < u.count, "-/.月".unicodeScalars.contains(u[b]), let (d, c) = digits(b + 1, max: 2),
                c == u.count || !Normalizer.isDigit(u[c]),
                (1...12).contains(m), d >= 1, d <= IssueInput.daysIn(month: m, year: y)
            else { continue }
            return (y, m, d)
        }
        return nil
    }
}
