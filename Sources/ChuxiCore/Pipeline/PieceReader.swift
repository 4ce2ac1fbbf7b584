import CICUShim
import Foundation

/// Where a piece of a large file starts in the whole file, so that its records cite the
/// file's own lines, columns, offsets and article numbers.
public struct PieceOffsets: Sendable, Equatable {
    /// Scalars, line breaks and articles before the piece; scalars of its first line that
    /// lie before it (a piece cut inside a line).
    public var scalar = 0, line = 0, column = 0, article = 0
    public init(scalar: Int = 0, line: Int = 0, column: Int = 0, article: Int = 0) {
        self.scalar = scalar; self.line = line; self.column = column; self.article = article
    }
}

/// An ICU converter kept open over the blocks of one file.
final class StreamDecoder {
    private let handle: OpaquePointer
    let charset: String
    init(charset: String, path: String) throws {
        var err: Int32 = 0
        guard let h = cicu_conv_open(charset, &err), err <= 0 else {
            throw InputError(path: path, reason: TextDecoding.unknownEncoding(charset))
        }
        handle = h; self.charset = charset
    }
    deinit { cicu_conv_close(handle) }

    /// UTF-16 of the next block; `offset` (the block's place in the file) names a bad byte.
    func decode(_ bytes: [UInt8], last: Bool, offset: Int, path: String) throws -> [UInt16] {
        var out = [UInt16](repeating: 0, count: bytes.count + 8)
        var bad: Int32 = -1, err: Int32 = 0
        let n = bytes.withUnsafeBufferPointer { src in
            src.withMemoryRebound(to: CChar.self) { s in
                cicu_conv_decode(
                    handle, s.baseAddress, Int32(bytes.count), &out, Int32(out.count), last ? 1 : 0, &bad, &err)
            }
        }
        if err > 0 {
            let at = bad >= 0 ? " at offset \(offset + Int(bad))" : ""
            throw InputError(path: path, reason: "cannot decode as \(charset): invalid byte\(at)")
        }
        out.removeLast(out.count - Int(n))
        return out
    }
}

/// Reads a file too large to hold whole (a 30 MB single line, a year of issues in one
/// file) in pieces of about `pieceScalars` scalars, each cut where a piece of a paper
/// ends best: before a dateline (`本报讯`, `新华社…电`), else at a blank line, a line
/// break, the end of a sentence, and only as a last resort anywhere. Memory stays bounded
/// by the piece size, whatever the file's size; an article cut between two pieces loses
/// the context of its first part (its dateline's date), which only happens in such files.
public final class PieceReader {
    public struct Piece { public let text: String; public let offsets: PieceOffsets }

    let path: String
    private let file: FileHandle
    private var decoder: StreamDecoder?
    private var forced: String?
    private var pending: [Unicode.Scalar] = []
    private var highSurrogate: UInt16? = nil
    private var base = PieceOffsets()
    private var bytesRead = 0
    private var atEnd = false
    public private(set) var hash = ContentHash()
    let pieceScalars: Int
    static let blockBytes = 1 << 20

    public init(path: String, encoding: String?, pieceScalars: Int = 600_000) throws {
        guard let f = FileHandle(forReadingAtPath: path) else {
            throw InputError(path: path, reason: "cannot read file")
        }
        self.path = path; file = f; forced = encoding; self.pieceScalars = max(pieceScalars, 1000)
    }
    deinit { try? file.close() }

    /// Reads and decodes the whole file, keeping nothing: throws what `next()` would throw.
    public func checkDecoding() throws {
        while !atEnd { try readBlock(); pending.removeAll(keepingCapacity: true) }
    }

    /// The next piece, or nil at the end of the file.
    public func next() throws -> Piece? {
        while !atEnd && pending.count < pieceScalars { try readBlock() }
        if pending.isEmpty { return nil }
        let cut = atEnd && pending.count <= pieceScalars ? pending.count : Self.cutPoint(pending, target: pieceScalars)
        let piece = Array(pending[..<cut])
        pending.removeFirst(cut)
        let offsets = base
        advance(over: piece)
        return Piece(text: String(scalars: piece), offsets: offsets)
    }

    private func advance(over piece: [Unicode.Scalar]) { Self.advance(&base, over: piece[...]) }

    /// The offsets of what follows `piece`, from those of `piece`.
    static func advance(_ base: inout PieceOffsets, over piece: ArraySlice<Unicode.Scalar>) {
        base.scalar += piece.count
        var lastBreak = -1
        var i = piece.startIndex
        while i < piece.endIndex {
            let c = piece[i]
            if c == "\n" || (c == "\r" && (i + 1 == piece.endIndex || piece[i + 1] != "\n")) {
                base.line += 1; lastBreak = i - piece.startIndex
            }
            i += 1
        }
        base.column = lastBreak < 0 ? base.column + piece.count : piece.count - lastBreak - 1
    }

    /// The pieces of a text held in memory (a JSON line), cut where `next()` cuts a file:
    /// a text of more than `wholeBytes` UTF-8 bytes is run in pieces, as a file of that size.
    static func pieces(
        _ s: [Unicode.Scalar], pieceScalars: Int, each: (ArraySlice<Unicode.Scalar>, PieceOffsets) throws -> Void
    ) rethrows {
        let target = max(pieceScalars, 1000)
        var pos = 0, base = PieceOffsets()
        while pos < s.count {
            let rest = s.count - pos
            // cutPoint looks at most 24 scalars past the target: a window a little larger
            // cuts where the whole remainder would.
            let cut = rest <= target ? rest : cutPoint(Array(s[pos..<min(s.count, pos + target + 64)]), target: target)
            let piece = s[pos..<(pos + cut)]
            try each(piece, base)
            advance(&base, over: piece)
            pos += cut
        }
    }

    private func readBlock() throws {
        let block = [UInt8](try file.read(upToCount: Self.blockBytes) ?? Data())
        let last = block.isEmpty
        hash.add(block)
        var bytes = block[...]
        if decoder == nil {
            if last { atEnd = true; return }
            let (charset, skip) = try TextDecoding.detect(Array(block), path: path, forced: forced)
            decoder = try StreamDecoder(charset: charset, path: path)
            bytes = bytes.dropFirst(skip)
            bytesRead += skip
        }
        if !decoder!.charset.hasPrefix("UTF-16"), let nul = bytes.firstIndex(of: 0) {
            throw InputError(
                path: path, reason: "binary file (NUL byte at offset \(bytesRead + nul - bytes.startIndex))")
        }
        var units = try decoder!.decode(Array(bytes), last: last, offset: bytesRead, path: path)
        bytesRead += bytes.count
        if let h = highSurrogate { units.insert(h, at: 0); highSurrogate = nil }
        if let l = units.last, (0xD800...0xDBFF).contains(l), !last { highSurrogate = units.removeLast() }
        for s in String(decoding: units, as: UTF16.self).unicodeScalars {
            if s == "\u{0}" { throw InputError(path: path, reason: "binary file (NUL character)") }
            pending.append(s)
        }
        if last { atEnd = true }
    }

    /// The start of the lines the article splitter gives to the article that starts at line
    /// `k`: a byline right above it, and the headlines (short, no final punctuation) above
    /// that; blank lines between them. A byline above a headline closes the article before.
    static func startOfHeadlines(_ s: [Unicode.Scalar], before k: Int, floor: Int) -> Int {
        var start = k, cut = k, sawHeadline = false
        while start > floor {
            var p = start - 1  // the "\n" ending the line above
            while p > floor && s[p - 1] != "\n" { p -= 1 }
            let line = ArraySlice(s[p..<(start - 1)].filter { !Normalizer.isSpace($0) && $0 != "\r" })
            if !line.isEmpty {
                guard line.count <= 40, !Normalizer.endsSentence(line) else { break }
                if Normalizer.isBylineLike(line) { if sawHeadline { break } } else { sawHeadline = true }
                cut = p
            }
            start = p
        }
        return cut
    }

    /// Where to end a piece of about `target` scalars: the best boundary in its second half.
    static func cutPoint(_ s: [Unicode.Scalar], target: Int) -> Int {
        let hi = min(target, s.count), lo = hi / 2
        func afterLineBreak(where ok: (Int) -> Bool) -> Int? {
            var i = hi - 1
            while i >= lo { if s[i] == "\n", ok(i + 1) { return i + 1 }; i -= 1 }
            return nil
        }
        // Before an article: its dateline, and the headline lines just above it.
        if let k = afterLineBreak(where: { k in Normalizer.isDateline(s[k...]) }) {
            return startOfHeadlines(s, before: k, floor: lo)
        }
        // At a blank line, at any line break.
        if let c = afterLineBreak(where: { k in k < s.count && (s[k] == "\n" || s[k] == "\r") }) { return c }
        if let c = afterLineBreak(where: { _ in true }) { return c }
        // After the end of a sentence (a single huge line).
        var i = hi - 1
        while i >= lo { if Normalizer.sentenceFinal.contains(s[i]) { return i + 1 }; i -= 1 }
        // Anywhere, but never between `\r` and `\n`.
        return hi < s.count && s[hi - 1] == "\r" && s[hi] == "\n" ? hi + 1 : hi
    }
}
