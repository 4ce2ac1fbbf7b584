import Foundation

/// The text layer of a PDF, read by poppler's `pdftotext` (Debian `poppler-utils`) run as a
/// subprocess. A subprocess rather than libpoppler-glib in-process: a malformed PDF that
/// crashes or loops inside poppler takes down only the child (killed after `timeout`), never
/// the run; the install is one small package instead of poppler-glib with GLib and Cairo's
/// development headers; and `pdftotext -bbox-layout` gives all this reader needs: poppler's
/// text blocks (a paragraph's lines within one column) with their boxes.
///
/// Reading order is ours, not poppler's: pdftotext's own order reads blocks that start at
/// one height in two columns one after the other (a byline atop the first column, then the
/// second column's first paragraph), which cut articles apart on test pages. Blocks are
/// ordered by recursive cuts, a vertical cut (a gap no block crosses: between columns)
/// before a horizontal one (under a headline spanning the columns): columns are read top to
/// bottom, left to right. Each page's text ends with a form feed, as pdftotext's does; blocks
/// are separated by a blank line (but for a sentence that runs on into the next column),
/// lines by a line break, words by a space.
public enum PDFText {
    /// Longest a single PDF may take (a page of an e-paper takes well under a second).
    public static var timeout: TimeInterval = 120

    /// `pdftotext` on the PATH, else nil.
    public static func tool() -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return (dirs + ["/usr/bin"]).map { "\($0)/pdftotext" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Every page's text in reading order, pages ended by `\f`, and where each page starts.
    /// A file cut short, a broken PDF and one with no text layer (a scan) are errors naming it.
    public static func read(path: String, data: Data) throws -> ExtractedText {
        guard let tool = tool() else {
            throw InputError(
                path: path,
                reason:
                    "cannot read PDF: pdftotext not found (install poppler-utils; scripts/ensure-system-packages does)")
        }
        // A complete PDF ends with `%%EOF` (in its last 1 KB); poppler can rebuild a cut file
        // and would then give part of its text as if it were all of it.
        guard data.suffix(1024).range(of: Data("%%EOF".utf8)) != nil else {
            throw InputError(path: path, reason: "truncated or broken PDF (no %%EOF at its end)")
        }
        let r: Subprocess.Result
        do {
            r = try Subprocess.run(tool, ["-bbox-layout", "-enc", "UTF-8", "-eol", "unix", path, "-"], timeout: timeout)
        } catch { throw InputError(path: path, reason: "cannot run \(tool): \(error)") }
        if r.timedOut {
            throw InputError(path: path, reason: "cannot read PDF: pdftotext took more than \(Int(timeout)) s")
        }
        guard r.status == 0 else {
            let why =
                String(decoding: r.stderr, as: UTF8.self).split(separator: "\n").first.map(String.init)
                ?? "exit status \(r.status)"
            throw InputError(path: path, reason: "broken PDF (pdftotext: \(why))")
        }
        guard let xhtml = String(validating: r.stdout, as: UTF8.self),
            let tree = HTMLText.tree(xhtml, wanted: ["xmin", "ymin", "xmax", "ymax"])
        else {
            throw InputError(path: path, reason: "cannot read PDF: pdftotext gave no readable text layer")
        }
        let text = Self.text(tree)
        if text.unicodeScalars.contains("\u{0}") {
            throw InputError(path: path, reason: "cannot read PDF: NUL in its text layer")
        }
        let pages = pageStarts(text)
        // Only blanks and page ends: the pages are images (a scan) and need OCR first.
        if !text.unicodeScalars.contains(where: { !($0.properties.isWhitespace || $0 == "\u{C}") }) {
            throw InputError(path: path, reason: "no text layer (\(pages.count) page(s) of images, a scan?): needs OCR")
        }
        return ExtractedText(text: text, pageStarts: pages)
    }

    /// A text block of a page: its box (y grows downwards) and lines.
    struct Block { var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0; var lines: [String] = [] }

    /// The pages of pdftotext's `-bbox-layout` document (`page` > `flow` > `block` > `line` > `word`).
    static func text(_ root: HTMLText.Node) -> String {
        var out = ""
        func elements(_ n: HTMLText.Node, _ name: String, _ found: inout [HTMLText.Node]) {
            for c in n.children where !c.isText {
                if c.name == name { found.append(c) } else { elements(c, name, &found) }
            }
        }
        var pages: [HTMLText.Node] = []
        elements(root, "page", &pages)
        for page in pages {
            var blockNodes: [HTMLText.Node] = []
            elements(page, "block", &blockNodes)
            let blocks = blockNodes.map { b -> Block in
                func v(_ k: String) -> Double { Double(b.attributes[k] ?? "") ?? 0 }
                var lineNodes: [HTMLText.Node] = []
                elements(b, "line", &lineNodes)
                let lines = lineNodes.map { l -> String in
                    var words: [HTMLText.Node] = []
                    elements(l, "word", &words)
                    return words.map { HTMLText.plainText($0, links: true) }.joined(separator: " ")
                }
                return Block(x0: v("xmin"), y0: v("ymin"), x1: v("xmax"), y1: v("ymax"), lines: lines)
            }
            var previous: Block? = nil
            for b in order(blocks) {
                // A block that starts higher than the one before starts a new column: there a
                // sentence left open goes on (`…俞林伟、秦` | `丽萍、晏波…`), so no blank line
                // parts them and the normalizer joins them as it joins the lines of a column.
                if let p = previous, !(b.y0 < p.y0 && !Normalizer.endsSentence((p.lines.last ?? "").unicodeScalars)) {
                    out += "\n"
                }
                out += b.lines.joined(separator: "\n") + "\n"
                previous = b
            }
            out += "\u{C}"
        }
        return out
    }

    /// Columns before rows: cut where no block crosses, vertically first, then horizontally;
    /// blocks no cut separates are read top to bottom.
    static func order(_ blocks: [Block]) -> [Block] {
        guard blocks.count > 1 else { return blocks }
        for (lo, hi) in [(\Block.x0, \Block.x1), (\Block.y0, \Block.y1)] {
            let s = blocks.sorted { ($0[keyPath: lo], $0[keyPath: hi]) < ($1[keyPath: lo], $1[keyPath: hi]) }
            var groups: [[Block]] = [[s[0]]], reach = s[0][keyPath: hi]
            for b in s.dropFirst() {
                if b[keyPath: lo] > reach { groups.append([b]) } else { groups[groups.count - 1].append(b) }
                reach = max(reach, b[keyPath: hi])
            }
            if groups.count > 1 { return groups.flatMap(order) }
        }
        return blocks.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    /// Scalar offsets at which pages start: 0 and after every `\f` but a last one.
    static func pageStarts(_ text: String) -> [Int] {
        var starts = [0], i = 0
        for s in text.unicodeScalars { i += 1; if s == "\u{C}" { starts.append(i) } }
        if starts.count > 1, starts.last == i { starts.removeLast() }
        return starts
    }
}
