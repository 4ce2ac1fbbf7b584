import Foundation

/// What kind of file an issue is: plain text (the seeds), a PDF page of an e-paper (its text
/// layer read by `PDFText`), or an HTML article page (its body read by `HTMLText`).
public enum InputFormat: String, CaseIterable, Sendable {
    case txt, pdf, html

    /// The extensions a directory walk picks up (`InputWalker`).
    public static let extensions: [String: InputFormat] = ["txt": .txt, "pdf": .pdf, "html": .html, "htm": .html]

    /// The format of a file: `forced` (`--format`), else its content (`%PDF-`, an `<html`
    /// or doctype near the start), else its extension; anything else is text. Content comes
    /// first so that a page saved under a wrong name is still read as what it is.
    public static func detect(path: String, head: some Collection<UInt8>, forced: InputFormat?) -> InputFormat {
        if let f = forced { return f }
        if let c = fromContent(Array(head.prefix(1024))) { return c }
        return extensions[(path as NSString).pathExtension.lowercased()] ?? .txt
    }

    /// `%PDF-` at the start; `<html`, `<!doctype html` (after a BOM, blanks, an XML
    /// declaration or comments) for HTML. A text file never starts with `<`, so plain
    /// text, whatever it holds further down, stays text.
    static func fromContent(_ b: [UInt8]) -> InputFormat? {
        if b.starts(with: Array("%PDF-".utf8)) { return .pdf }
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "<") else { return nil }
        let lower = String(decoding: b[i...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        return lower.contains("<html") || lower.contains("<!doctype html") ? .html : nil
    }

    /// The first bytes of a file (for `detect` on a file not read whole).
    public static func head(of path: String, count: Int = 1024) -> [UInt8] {
        guard let f = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? f.close() }
        return [UInt8]((try? f.read(upToCount: count)) ?? Data())
    }
}

/// The text an input reader took out of a PDF or HTML file: what the pipeline reads as the
/// issue's "original" (mentions' offsets and `--dump-text` refer to it).
public struct ExtractedText: Sendable {
    public var text: String
    /// PDF: scalar offset at which each page starts (page 1 at 0): evidence cites `P3:L12:C5`.
    public var pageStarts: [Int]? = nil
    /// HTML: the page's date (`<meta>` or a date line), the issue date when the path has none.
    public var date: IssueDate? = nil
    public init(text: String, pageStarts: [Int]? = nil, date: IssueDate? = nil) {
        self.text = text; self.pageStarts = pageStarts; self.date = date
    }
}

/// The input stage for PDF and HTML: the text a reader takes out of the file, as the issue
/// the rest of the pipeline reads. Text files (`.txt`) never come here: they keep the
/// decoding path of `Pipeline.run(path:)` (and its pieces for large files) unchanged.
public enum InputReader {
    public static func extract(_ format: InputFormat, path: String, data: Data, encoding: String?) throws
        -> ExtractedText
    {
        switch format {
        case .pdf: return try PDFText.read(path: path, data: data)
        case .html: return try HTMLText.read(path: path, data: data, encoding: encoding)
        case .txt: return ExtractedText(text: try TextDecoding.decode(data, path: path, forced: encoding))
        }
    }

    /// The issue for a PDF or HTML file; the issue date: given, else the path's, else the page's.
    public static func issue(
        _ e: ExtractedText, id: String, path: String, issueDate: IssueDate?
    ) -> IssueInput {
        var input = IssueInput(
            id: id, path: path, text: e.text, issueDate: issueDate ?? IssueInput.date(fromPath: path) ?? e.date)
        input.pageStarts = e.pageStarts
        return input
    }
}
