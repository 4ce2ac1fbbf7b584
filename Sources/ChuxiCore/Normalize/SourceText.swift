/// The original text of one input file, as Unicode scalars, with a line index so
/// that any offset can be cited as line and column (both 1-based, in scalars).
public struct SourceText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// Scalar offset at which each line starts.
    public let lineStarts: [Int]
    /// Where this text starts in its file, when it is a piece of a large one.
    public var offsets = PieceOffsets()
    /// A PDF's text: the scalar offset at which each page starts (pages end with `\f`);
    /// lines and columns are then counted within the page and evidence names it.
    public var pageStarts: [Int]? = nil

    public init(_ text: String, offsets: PieceOffsets) {
        self.init(text)
        self.offsets = offsets
    }

    public init(_ text: String) {
        self.init(scalars: Self.scalars(of: text))
    }

    /// From scalars already decoded (`TextDecoding.utf8Scalars`: no String in between).
    public init(scalars s: [Unicode.Scalar], offsets: PieceOffsets = PieceOffsets()) {
        self.offsets = offsets
        var starts = [0]
        var i = 0
        while i < s.count {
            if s[i] == "\n" {
                starts.append(i + 1)
            } else if s[i] == "\r" {
                if i + 1 < s.count && s[i + 1] == "\n" { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        scalars = s
        lineStarts = starts
    }

    /// The scalars of `text`, decoded from its UTF-8 in one pass (`Array(text.unicodeScalars)`
    /// walks the text twice through the generic iterator). A Swift string is valid UTF-8, so
    /// the shared decoder never fails here.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { TextDecoding.scalars(utf8: $0, allowNUL: true) } ?? Array(text.unicodeScalars)
    }

    /// 1-based line and column of a scalar offset.
    public func lineColumn(_ offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1 + offsets.line, offset - lineStarts[lo] + 1 + (lo == 0 ? offsets.column : 0))
    }

    /// Page (1-based), line within the page and column of a scalar offset of a PDF's text.
    public func pageLineColumn(_ offset: Int, pages: [Int]) -> (page: Int, line: Int, column: Int) {
        var p = 0
        while p + 1 < pages.count && pages[p + 1] <= offset { p += 1 }
        let (line, column) = lineColumn(offset), (pageLine, pageColumn) = lineColumn(pages[p])
        // A page starts after the `\f` that ends the one before: inside the `\f`'s line.
        return (p + 1, line - pageLine + 1, line == pageLine ? column - pageColumn + 1 : column)
    }

    /// `L12:C5-L13:C20`: first and last scalar of `range` (both inclusive); a PDF's text
    /// `P3:L12:C5-P3:L12:C20` (lines and columns within the page).
    public func evidence(_ range: Range<Int>) -> String {
        if let pages = pageStarts {
            let a = pageLineColumn(range.lowerBound, pages: pages),
                b = pageLineColumn(max(range.lowerBound, range.upperBound - 1), pages: pages)
            return "P\(a.page):L\(a.line):C\(a.column)-P\(b.page):L\(b.line):C\(b.column)"
        }
        let a = lineColumn(range.lowerBound)
        let b = lineColumn(max(range.lowerBound, range.upperBound - 1))
        return "L\(a.line):C\(a.column)-L\(b.line):C\(b.column)"
    }
}
