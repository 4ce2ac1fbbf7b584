import ChuxiCore
import Foundation

/// A roster of known officials (`--roster FILE`, off by default): who an alias (`林书记`,
/// `海峰同志`) or a surname with a post (`林市长`) names, which posts a person held when.
///
/// CSV header `name,aliases,posts`; aliases `;`-separated; posts `;`-separated
/// `POST@START/END` (ISO days, either end may be empty):
///
///     name,aliases,posts
///     林海峰,林书记;海峰同志,江川市委书记@2020-01-01/2024-12-31;江川市市长@2015-03-01/2019-12-31
///
/// The hook into the pipeline is this file alone: before a plain-text issue is run, each
/// alias in its text is replaced by the person's name (the tagger then reads a name it
/// knows); after, every record's evidence, source range and mention offsets are mapped
/// back to the original file, and a record got from a surname and post with no title of
/// its own takes the roster's post. A text with no alias, and any PDF or HTML issue, is
/// run exactly as without a roster. Titles are checked against the posts' dates: a
/// mismatch is reported, never changed.
public struct Roster: Sendable {
    public struct Post: Sendable, Equatable {
        public let title: String; public let start: String; public let end: String
        /// Held on `day` (ISO); an open end holds.
        public func holds(_ day: String) -> Bool { (start.isEmpty || start <= day) && (end.isEmpty || day <= end) }
    }
    public struct Person: Sendable { public let name: String; public let aliases: [String]; public let posts: [Post] }
    public struct LoadError: Error, CustomStringConvertible { public let description: String }

    public let persons: [Person]
    public var names: Set<String> { Set(persons.map(\.name)) }
    /// What the store keeps to know the roster changed.
    public var fingerprint: String {
        ContentHash.of(
            Data(
                persons.map { p in
                    ([p.name] + p.aliases + p.posts.map { "\($0.title)@\($0.start)/\($0.end)" }).joined(
                        separator: "\u{1F}")
                }.joined(separator: "\n").utf8))
    }

    public static func load(path: String) throws -> Roster {
        guard let d = FileManager.default.contents(atPath: path), let s = String(data: d, encoding: .utf8) else {
            throw LoadError(description: "cannot read roster \(path) as UTF-8")
        }
        return try parse(s, name: path)
    }

    public static func parse(_ text: String, name: String = "roster") throws -> Roster {
        let rows = CSV.parse(text)
        guard let head = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces) }),
            let ni = head.firstIndex(of: "name")
        else {
            throw LoadError(description: "\(name): no name column (header: name,aliases,posts)")
        }
        let ai = head.firstIndex(of: "aliases"), pi = head.firstIndex(of: "posts")
        var persons: [Person] = [], seen = Set<String>()
        for (i, r) in rows.enumerated().dropFirst()
        where !r.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            func cell(_ j: Int?) -> String {
                j.flatMap { $0 < r.count ? r[$0].trimmingCharacters(in: .whitespaces) : nil } ?? ""
            }
            func list(_ s: String) -> [String] {
                s.split(whereSeparator: { $0 == ";" || $0 == "；" }).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
            }
            let n = cell(ni)
            guard n.count >= 2 else {
                throw LoadError(description: "\(name) line \(i + 1): a name of at least two characters")
            }
            guard seen.insert(n).inserted else {
                throw LoadError(description: "\(name) line \(i + 1): \(n) is listed twice")
            }
            var posts: [Post] = []
            for p in list(cell(pi)) {
                let parts = p.split(separator: "@", maxSplits: 1).map(String.init)
                let dates =
                    parts.count > 1
                    ? parts[1].split(separator: "/", omittingEmptySubsequences: false).map(String.init) : []
                guard !parts[0].isEmpty, dates.count <= 2,
                    dates.allSatisfy({ $0.isEmpty || IssueInput.parseISODate($0) != nil })
                else {
                    throw LoadError(
                        description: "\(name) line \(i + 1): post \"\(p)\" is not POST@YYYY-MM-DD/YYYY-MM-DD")
                }
                posts.append(Post(title: parts[0], start: dates.first ?? "", end: dates.count > 1 ? dates[1] : ""))
            }
            persons.append(Person(name: n, aliases: list(cell(ai)).filter { $0 != n }, posts: posts))
        }
        return Roster(persons: persons)
    }

    /// The surname of a name, by the rules' table (surnames.rules; a compound one first).
    static func surname(_ n: String, _ surnames: SurnameTable) -> String {
        let u = Array(n.unicodeScalars)
        let l = surnames.surnameLength(u, at: 0)
        return l == 2 && u.count > 2 ? String(String.UnicodeScalarView(u[0..<2])) : String(n.prefix(1))
    }

    /// The short forms a post is called by after a surname (`江川市委书记` -> 书记, 委书记);
    /// a form that would drop a 副/常务 before it is none (a vice-mayor is no 林市长).
    static func shortForms(_ post: String) -> [String] {
        let c = Array(post)
        var out: [String] = []
        for k in [2, 3] where c.count >= k {
            let s = String(c[(c.count - k)...]), before = String(c[..<(c.count - k)])
            if before.hasSuffix("副") || before.hasSuffix("常务") { continue }
            out.append(s)
        }
        if c.count <= 4 && !out.contains(post) { out.append(post) }
        return out
    }

    /// Alias -> the person's name for an issue of `day` (ISO; nil: any day). A surname and
    /// post form counts while the post is held; one that two persons share is dropped.
    public func aliasTable(day: String?, surnames: SurnameTable) -> [String: String] {
        var explicit: [String: String] = [:], implied: [String: Set<String>] = [:]
        for p in persons {
            for a in p.aliases { explicit[a] = p.name }
            for post in p.posts where day.map(post.holds) ?? true {
                for f in Self.shortForms(post.title) {
                    implied[Self.surname(p.name, surnames) + f, default: []].insert(p.name)
                }
            }
        }
        var table: [String: String] = [:]
        for (a, ns) in implied where ns.count == 1 { table[a] = ns.first! }
        for (a, n) in explicit { table[a] = n }
        for n in names { table[n] = nil }
        return table
    }

    /// Text with aliases replaced, and for each scalar of it the original scalar range it
    /// stands for (`start`, `last`): the maps back to the file.
    struct Rewritten {
        var scalars: [Unicode.Scalar]; var start: [Int]; var last: [Int]; var post: [Int: String]; var replaced: Int
    }

    func rewrite(_ text: [Unicode.Scalar], table: [String: String], postOf: [String: String]) -> Rewritten {
        var byFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for a in table.keys { let s = Array(a.unicodeScalars); byFirst[s[0], default: []].append(s) }
        for k in byFirst.keys { byFirst[k]!.sort { $0.count > $1.count } }
        var out = Rewritten(scalars: [], start: [], last: [], post: [:], replaced: 0)
        out.scalars.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if let cands = byFirst[text[i]],
                let a = cands.first(where: { a in i + a.count <= text.count && Array(text[i..<(i + a.count)]) == a })
            {
                let alias = String(String.UnicodeScalarView(a)), name = Array(table[alias]!.unicodeScalars)
                // The name already written around the alias (`林海峰同志` holds `海峰同志`): leave it.
                let lo = max(0, i - name.count), hi = min(text.count, i + a.count + name.count)
                let window = Array(text[lo..<hi])
                let named =
                    window.count >= name.count
                    && (0...(window.count - name.count)).contains { Array(window[$0..<($0 + name.count)]) == name }
                if !named {
                    if let p = postOf[alias] { out.post[out.scalars.count] = p }
                    for _ in name { out.start.append(i); out.last.append(i + a.count - 1) }
                    out.scalars += name
                    out.replaced += 1
                    i += a.count
                    continue
                }
            }
            out.scalars.append(text[i]); out.start.append(i); out.last.append(i)
            i += 1
        }
        return out
    }

    /// A surname-and-post alias -> the post it names, for the titles of its records.
    func postTable(day: String?, table: [String: String], surnames: SurnameTable) -> [String: String] {
        var out: [String: String] = [:]
        for p in persons {
            for post in p.posts where day.map(post.holds) ?? true {
                for f in Self.shortForms(post.title) where table[Self.surname(p.name, surnames) + f] == p.name {
                    out[Self.surname(p.name, surnames) + f] = post.title
                }
            }
        }
        return out
    }

    /// Runs one issue with the roster: see the type's comment.
    public func run(
        _ pipeline: Pipeline, path: String, id: String, issueDate: IssueDate?,
        encoding: String?, format: InputFormat?
    ) throws -> (result: IssueResult, hash: String) {
        let plain = { try pipeline.run(path: path, id: id, issueDate: issueDate, encoding: encoding, format: format) }
        guard let data = FileManager.default.contents(atPath: path), data.count < Pipeline.wholeFileLimit,
            InputFormat.detect(path: path, head: data.prefix(1024), forced: format) == .txt
        else { return try plain() }
        let text = try TextDecoding.decode(data, path: path, forced: encoding)
        let date = issueDate ?? IssueInput.date(fromPath: path)
        let day = date.map { String(format: "%04d-%02d-%02d", $0.year, $0.month, $0.day) }
        let surnames = pipeline.rules.surnames
        let table = aliasTable(day: day, surnames: surnames)
        let original = Array(text.unicodeScalars)
        let rw = rewrite(original, table: table, postOf: postTable(day: day, table: table, surnames: surnames))
        if rw.replaced == 0 { return try plain() }
        var r = pipeline.run(
            IssueInput(id: id, path: path, text: String(String.UnicodeScalarView(rw.scalars)), issueDate: date))
        // Maps back to the original file.
        var lineStart = [0]
        for (k, s) in original.enumerated() where s == "\n" { lineStart.append(k + 1) }
        func lc(_ o: Int) -> String {
            var lo = 0, hi = lineStart.count - 1
            while lo < hi { let mid = (lo + hi + 1) / 2; if lineStart[mid] <= o { lo = mid } else { hi = mid - 1 } }
            return "L\(lo + 1):C\(o - lineStart[lo] + 1)"
        }
        func back(_ range: Range<Int>) -> Range<Int> {
            guard !range.isEmpty, range.lowerBound < rw.start.count, range.upperBound - 1 < rw.last.count else {
                return range
            }
            return rw.start[range.lowerBound]..<(rw.last[range.upperBound - 1] + 1)
        }
        for k in r.records.indices {
            let src = r.records[k].source
            let posted = (src.lowerBound..<min(src.upperBound, rw.scalars.count)).compactMap { rw.post[$0] }.first
            if r.records[k].titles.isEmpty, let p = posted, r.records[k].kind == "person" { r.records[k].titles = [p] }
            let o = back(src)
            r.records[k].source = o
            if Corrections.span(r.records[k].evidence) != nil, !o.isEmpty {
                r.records[k].evidence = "\(lc(o.lowerBound))-\(lc(o.upperBound - 1))"
            }
        }
        for k in r.mentions.indices {
            let o = back(r.mentions[k].start..<r.mentions[k].end)
            r.mentions[k].start = o.lowerBound; r.mentions[k].end = o.upperBound
        }
        return (r, ContentHash.of(data))
    }

    /// Titles of roster persons that no roster post of that title held on the record's
    /// date: `name: title on date; roster: post start..end`.
    public func titleMismatches(_ records: [AttendanceRecord]) -> [String] {
        let byName = Dictionary(uniqueKeysWithValues: persons.map { ($0.name, $0) })
        var out: [String] = []
        for rec in records where rec.kind == "person" {
            guard let p = byName[rec.attendee], let span = Graph.isoSpan(rec.date) else { continue }
            for t in rec.titles {
                let same = p.posts.filter { $0.title == t || $0.title.hasSuffix(t) || t.hasSuffix($0.title) }
                if !same.isEmpty && !same.contains(where: { $0.holds(span.start) }) {
                    out.append(
                        "\(rec.issue) \(rec.evidence): \(p.name) is \(t) on \(span.start); roster: "
                            + same.map {
                                "\($0.title) \($0.start.isEmpty ? "?" : $0.start)..\($0.end.isEmpty ? "?" : $0.end)"
                            }.joined(separator: ", "))
                }
            }
        }
        return out
    }
}
