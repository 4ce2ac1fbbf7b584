import Foundation

/// A table of surnames (compound before single), looked up on scalars.
public struct SurnameTable: Sendable {
    let single: ScalarSet
    /// Compound surnames as pairs of scalar values (`a << 32 | b`): hashed without a String.
    let compound: Set<UInt64>
    let compoundFirst: ScalarSet

    public init(_ names: [String]) {
        single = ScalarSet(names.filter { $0.unicodeScalars.count == 1 }.map { $0.unicodeScalars.first! })
        let pairs = names.map { Array($0.unicodeScalars) }.filter { $0.count == 2 }
        compound = Set(pairs.map { Self.pair($0[0], $0[1]) })
        compoundFirst = ScalarSet(pairs.map { $0[0] })
    }

    @inline(__always) static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    /// Length (1 or 2) of the surname starting at `i`, or 0.
    public func surnameLength<C: Collection>(_ s: C, at i: C.Index) -> Int where C.Element == Unicode.Scalar {
        guard i < s.endIndex else { return 0 }
        let j = s.index(after: i)
        if j < s.endIndex, compoundFirst.contains(s[i]), compound.contains(Self.pair(s[i], s[j])) { return 2 }
        return single.contains(s[i]) ? 1 : 0
    }
}

/// A set of words matched on scalars: longest match starting or ending at a position.
/// The words sit in one flat buffer, indexed by their first two (last two) scalars through
/// a hash-free table, so that probing every position of a text allocates, hashes and
/// reference-counts nothing and compares only the few words sharing that pair (this is on
/// the hot path of the segmenter and the tagger).
public final class Lexicon: Sendable {
    private let words: Set<[Unicode.Scalar]>
    /// All words, longest first, one after another; `starts[k]..<starts[k + 1]` is word k.
    private let flat: [Unicode.Scalar]
    private let starts: [Int]
    /// Words of two scalars or more by their first (last) pair, longest first.
    private let byHead: PairIndex, byTail: PairIndex
    private let firsts: ScalarSet, lasts: ScalarSet
    private let singles: ScalarSet

    public init(_ list: [String]) {
        words = Set(list.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) })
        let sorted = words.sorted(by: { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) })
        flat = sorted.flatMap { $0 }
        var starts = [0]
        for w in sorted { starts.append(starts.last! + w.count) }
        self.starts = starts
        firsts = ScalarSet(sorted.map { $0[0] }); lasts = ScalarSet(sorted.map { $0[$0.count - 1] })
        singles = ScalarSet(sorted.filter { $0.count == 1 }.map { $0[0] })
        let long = sorted.indices.filter { sorted[$0].count >= 2 }
        byHead = PairIndex(long.map { (PairIndex.key(sorted[$0][0], sorted[$0][1]), $0) })
        byTail = PairIndex(long.map { let w = sorted[$0]; return (PairIndex.key(w[w.count - 2], w[w.count - 1]), $0) })
    }
    public var isEmpty: Bool { words.isEmpty }
    public func contains(_ w: String) -> Bool { words.contains(Array(w.unicodeScalars)) }
    public func contains(_ w: ArraySlice<Unicode.Scalar>) -> Bool { words.contains(Array(w)) }

    /// Could a word of this lexicon start with `c`? (One bit test, before a call per scalar.)
    @inline(__always) public func mayStart(with c: Unicode.Scalar) -> Bool { firsts.contains(c) }
    /// The scalars a word may start with.
    public var firstScalars: ScalarSet { firsts }

    /// Length of the longest word starting at `i` and ending at or before `limit`.
    /// The common answer, no word starts with this scalar, is inlined at the call site.
    @inline(__always) public func match(_ s: [Unicode.Scalar], at i: Int, limit: Int? = nil) -> Int {
        guard i >= 0, i < s.count, firsts.contains(s[i]) else { return 0 }
        return matchStarting(s, at: i, limit: limit)
    }

    @inline(never) func matchStarting(_ s: [Unicode.Scalar], at i: Int, limit: Int?) -> Int {
        let end = min(limit ?? s.count, s.count)
        guard i < end else { return 0 }
        if i + 1 < end {
            let group = byHead.entries(PairIndex.key(s[i], s[i + 1]))
            if !group.isEmpty {
                let n = flat.withUnsafeBufferPointer { f in
                    s.withUnsafeBufferPointer { t -> Int in
                        for k in group {
                            let a = starts[k], n = starts[k + 1] - a
                            guard i + n <= end else { continue }
                            var j = 2
                            while j < n && t[i + j] == f[a + j] { j += 1 }
                            if j == n { return n }
                        }
                        return 0
                    }
                }
                if n > 0 { return n }
            }
        }
        return singles.contains(s[i]) ? 1 : 0
    }

    /// Length of the longest word ending at `e` (exclusive) and starting at or after `floor`.
    @inline(__always) public func matchEnding(_ s: [Unicode.Scalar], at e: Int, floor: Int = 0) -> Int {
        guard e > 0, e <= s.count, e - 1 >= floor, lasts.contains(s[e - 1]) else { return 0 }
        return matchEndingAt(s, at: e, floor: floor)
    }

    @inline(never) func matchEndingAt(_ s: [Unicode.Scalar], at e: Int, floor: Int) -> Int {
        if e - 2 >= floor {
            let group = byTail.entries(PairIndex.key(s[e - 2], s[e - 1]))
            if !group.isEmpty {
                let n = flat.withUnsafeBufferPointer { f in
                    s.withUnsafeBufferPointer { t -> Int in
                        for k in group {
                            let a = starts[k], n = starts[k + 1] - a, b = e - n
                            guard b >= floor else { continue }
                            var j = 0
                            while j < n - 2 && t[b + j] == f[a + j] { j += 1 }
                            if j == n - 2 { return n }
                        }
                        return 0
                    }
                }
                if n > 0 { return n }
            }
        }
        return singles.contains(s[e - 1]) ? 1 : 0
    }
}

/// A pair of scalars -> a group of integers (in insertion order), by open addressing on the
/// pair's value: no `Hasher`, no nested arrays.
struct PairIndex: Sendable {
    private var keys: [UInt64] = [0, 0]   // 0 = empty slot (U+0000 is in no word)
    private var groups: [Range<Int>] = [0..<0, 0..<0]
    private var members: [Int] = []
    private var shift: UInt64 = 63

    @inline(__always) static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }
    @inline(__always) static func slot(_ k: UInt64, _ shift: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    init() {}
    init(_ pairs: [(UInt64, Int)]) {
        var grouped: [UInt64: [Int]] = [:], order: [UInt64] = []
        for (k, v) in pairs {
            if grouped[k] == nil { order.append(k) }
            grouped[k, default: []].append(v)
        }
        var size = 2
        while size < order.count * 2 { size *= 2 }
        shift = UInt64(64 - size.trailingZeroBitCount)
        keys = [UInt64](repeating: 0, count: size)
        groups = [Range<Int>](repeating: 0..<0, count: size)
        let mask = size - 1
        for k in order {
            var slot = Self.slot(k, shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = k
            groups[slot] = members.count..<(members.count + grouped[k]!.count)
            members += grouped[k]!
        }
    }

    @inline(__always) func entries(_ k: UInt64) -> ArraySlice<Int> {
        let mask = keys.count - 1
        var slot = Self.slot(k, shift)
        while true {
            let have = keys[slot]
            if have == k { return members[groups[slot]] }
            if have == 0 { return [] }
            slot = (slot + 1) & mask
        }
    }
}

public enum Role: String, Sendable, CaseIterable, Comparable {
    case chair, attend, observe, speak, inspect
    public static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
}

/// A role trigger from roles.rules.
public struct Trigger: Sendable {
    public enum Kind: String, Sendable { case verb, speech, said, meet }
    public let role: Role
    public let kind: Kind
    public let word: String
}

/// All rules, loaded from a rules directory. Loading checks every file and fails with
/// file, line and reason on the first problem.
/// A class, not a struct: the tagger reads it at every position of the text, and a struct
/// of twenty lexicons would be copied (each array retained) wherever Swift copies values.
public final class RuleSet: Sendable {
    public let surnames: SurnameTable
    /// Japanese family names (`佐藤`, `长谷川`): read before the Chinese table, with a given
    /// name of one to three characters (`佐藤树一郎`).
    public let foreignSurnames: Lexicon
    public let nameStops: ScalarSet
    /// Stop characters that may still end a given name before a role trigger (`来` in `张春来陪同`).
    public let givenEnds: ScalarSet
    public let notNames: Lexicon
    /// Words that never end a name as its given part (`团一行`, `王某同志`).
    public let notGiven: Lexicon
    /// `names.rules address`: words after a surname alone that address its person (`王老汉`).
    public let addressWords: Lexicon
    /// `names.rules state`: words after which the name before is a state (`某某共和国`).
    public let stateWords: Lexicon
    /// `names.rules transliteration`: characters of transliterated foreign names.
    public let transliteration: ScalarSet
    public let predicates: Lexicon
    public let posts: Lexicon
    public let titleStops: Lexicon
    /// Names that hold a stop word but belong inside a title (`人民代表大会`).
    public let titleInside: Lexicon
    public let orgSuffixes: Lexicon
    /// Last characters of the organization suffixes of two characters or more (a cheap filter).
    public let orgLongSuffixLasts: ScalarSet
    public let orgLexicon: Lexicon
    public let orgAttendMarkers: Lexicon
    public let orgGeneric: Lexicon
    /// Words that lead into a list of organizations and are no part of the first (`来自`).
    public let orgLeads: Lexicon
    public let triggers: [String: Trigger]
    public let triggerWords: Lexicon
    /// Characters that make a trigger part of a noun (`座谈会`, `主持人`, `发言人`).
    public let triggerNounSuffixes: ScalarSet
    /// Phrases that begin with a trigger and make it a noun (`讲话精神`, `签约仪式`).
    public let triggerNounPhrases: Lexicon
    /// Words between a name and a speech that mark a message from someone not there (`贺信`, `批示`).
    public let absentMarkers: Lexicon
    /// `roles.rules planned`: words before a trigger that make it a plan (`将于`).
    public let plannedMarkers: Lexicon
    /// Words that open a sentence listing the guests of the meeting just told (`包括：`).
    public let listLeads: Lexicon
    public let eventNouns: Lexicon
    public let holdVerbs: Lexicon
    /// Endings that name an event only right after a verb that holds it (`召开…谈话会`).
    public let heldNouns: Lexicon
    public let genericEvents: Set<String>
    /// The generic words that name a meeting (`会议`, `会上`, `这次会议`): two characters or more with 会.
    public let genericMeetings: Lexicon
    public let relativeDays: [String: Int]
    public let vagueDates: Lexicon
    public let dateWords: Lexicon
    /// Words whose presence makes a sentence worth word breaking (see `Tagger.needsWords`).
    public let candidates: Lexicon
    public let candidateFirst: ScalarSet
    /// Names found anywhere by character roles (`rules/names.model`).
    public let nameModel: NameModel
    /// FNV-1a 64 of the rule files' bytes: a batch re-extracts every issue when it changes.
    public let fingerprint: String
    /// The files as loaded, with their examples (run by the test suite and `chuxi rules check`).
    public let files: [RuleFile]

    public static let layout: [String: [String: ClosedRange<Int>]] = [
        "surnames.rules": ["surname": 1...Int.max, "foreign": 1...Int.max],
        "names.rules": ["stop": 1...Int.max, "given-end": 1...Int.max, "not-name": 1...Int.max, "not-given": 1...Int.max, "predicate": 1...Int.max,
                        "transliteration": 1...Int.max, "address": 1...Int.max, "state": 1...Int.max],
        "titles.rules": ["post": 1...Int.max, "stop": 1...Int.max, "inside": 1...Int.max],
        "organizations.rules": ["suffix": 1...Int.max, "org": 1...Int.max, "attend-marker": 1...Int.max, "generic": 1...Int.max, "lead": 1...Int.max],
        "roles.rules": ["chair": 2...Int.max, "attend": 2...Int.max, "observe": 2...Int.max, "speak": 2...Int.max, "inspect": 2...Int.max,
                        "noun-suffix": 1...Int.max, "noun-phrase": 1...Int.max, "absent": 1...Int.max, "list-lead": 1...Int.max,
                        "planned": 1...Int.max],
        "events.rules": ["noun": 1...Int.max, "held": 1...Int.max, "hold": 1...Int.max, "generic": 1...Int.max],
        "dates.rules": ["relative": 2...2, "vague": 1...Int.max],
    ]

    /// Keywords whose words make a sentence worth word breaking: a person, a trigger, an
    /// attending organization or a held event hangs on one of them (`Tagger.needsWords`).
    public static let candidateKeywords: [String: [String]] = [
        "titles.rules": ["post"], "names.rules": ["predicate"], "organizations.rules": ["attend-marker"],
        "events.rules": ["hold"], "roles.rules": Role.allCases.map(\.rawValue),
    ]

    /// The schema: every rule file, its keywords, their arity, whether they are candidate
    /// words, and the line of the file's header that documents them.
    public static func schema(in dir: URL) -> [(file: String, keyword: String, arity: ClosedRange<Int>, candidate: Bool, doc: String)] {
        layout.sorted { $0.key < $1.key }.flatMap { file, keywords in
            let header = (try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8))?
                .split(whereSeparator: \.isNewline).filter { $0.hasPrefix("#") }.map(String.init) ?? []
            return keywords.sorted { $0.key < $1.key }.map { kw, arity in
                // The header line that shows the keyword's format (`kw …`, `` `kw …` ``; role
                // keywords share `ROLE KIND W1 W2 ...`).
                let doc = header.first { line in
                    let l = line.dropFirst().trimmingCharacters(in: .whitespaces)
                    return l.hasPrefix(kw + " ") || line.contains("`\(kw) ") || (Role(rawValue: kw) != nil && line.contains("ROLE KIND"))
                }?.dropFirst().trimmingCharacters(in: .whitespaces) ?? ""
                return (file, kw, arity, candidateKeywords[file]?.contains(kw) ?? false, doc)
            }
        }
    }

    /// The rules directory shipped with the repository: `CHUXI_RULES`, else `rules/` next to
    /// the working directory or above the executable.
    public static func defaultDirectory() -> URL {
        if let env = ProcessInfo.processInfo.environment["CHUXI_RULES"] { return URL(fileURLWithPath: env) }
        let fm = FileManager.default
        var candidates = [URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("rules")]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 { candidates.append(dir.appendingPathComponent("rules")); dir = dir.deletingLastPathComponent() }
        // The checkout this binary was built from (`swift run` from another directory).
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../rules").standardized)
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("roles.rules").path) } ?? candidates[0]
    }

    public static func load(from dir: URL) throws -> RuleSet {
        var files: [String: RuleFile] = [:]
        var fingerprint: UInt64 = 0xcbf29ce484222325
        for (name, keywords) in layout.sorted(by: { $0.key < $1.key }) {
            let url = dir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw RuleError(file: url.path, line: 0, reason: "rule file missing")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RuleError(file: url.path, line: 0, reason: "not UTF-8")
            }
            files[name] = try RuleFile(name: url.path, text: text, keywords: keywords)
            data.withUnsafeBytes { for b in $0 { fingerprint ^= UInt64(b); fingerprint = fingerprint &* 0x100000001b3 } }
        }
        // A file this folder may not hold is an error, not silently ignored (a new
        // `places.rules` would otherwise seem to work while nothing reads it).
        let known = Set(layout.keys).union([modelFile, "README.md"])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where !known.contains(name) && !name.hasPrefix(".") {
            throw RuleError(file: dir.appendingPathComponent(name).path, line: 0,
                            reason: "unknown rule file (known: \(known.sorted().joined(separator: ", ")))")
        }
        let modelURL = dir.appendingPathComponent(modelFile)
        guard let modelData = FileManager.default.contents(atPath: modelURL.path), let modelText = String(data: modelData, encoding: .utf8) else {
            throw RuleError(file: modelURL.path, line: 0, reason: "name model missing or not UTF-8 (scripts/train-name-model.py makes it)")
        }
        modelData.withUnsafeBytes { for b in $0 { fingerprint ^= UInt64(b); fingerprint = fingerprint &* 0x100000001b3 } }
        return try RuleSet(files: files, fingerprint: String(format: "%016llx", fingerprint), nameModel: (modelText, modelURL.path))
    }

    /// Character role statistics for names (`NameModel`), learned by `scripts/train-name-model.py`.
    public static let modelFile = "names.model"

    init(files: [String: RuleFile], fingerprint: String, nameModel: (text: String, file: String)? = nil) throws {
        self.fingerprint = fingerprint
        func f(_ n: String) -> RuleFile { files[n]! }
        let sn = f("surnames.rules").values("surname")
        for e in f("surnames.rules").entries where e.keyword == "surname" { for v in e.values where !(1...2).contains(v.unicodeScalars.count) {
            throw RuleError(file: f("surnames.rules").name, line: e.line, reason: "surname `\(v)` must be one or two characters")
        } }
        surnames = SurnameTable(sn)
        let fs = f("surnames.rules")
        for e in fs.entries where e.keyword == "foreign" { for v in e.values where !(2...3).contains(v.unicodeScalars.count) {
            throw RuleError(file: fs.name, line: e.line, reason: "foreign surname `\(v)` must be two or three characters")
        } }
        foreignSurnames = Lexicon(fs.values("foreign"))
        let names = f("names.rules")
        var stops = Set<Unicode.Scalar>()
        for e in names.entries where e.keyword == "stop" { for v in e.values {
            guard v.unicodeScalars.count == 1 else { throw RuleError(file: names.name, line: e.line, reason: "stop `\(v)` must be one character") }
            stops.insert(v.unicodeScalars.first!)
        } }
        nameStops = ScalarSet(stops)
        var ends = Set<Unicode.Scalar>()
        for e in names.entries where e.keyword == "given-end" { for v in e.values {
            guard v.unicodeScalars.count == 1, stops.contains(v.unicodeScalars.first!) else {
                throw RuleError(file: names.name, line: e.line, reason: "given-end `\(v)` must be one of the stop characters")
            }
            ends.insert(v.unicodeScalars.first!)
        } }
        givenEnds = ScalarSet(ends)
        notNames = Lexicon(names.values("not-name"))
        notGiven = Lexicon(names.values("not-given"))
        addressWords = Lexicon(names.values("address"))
        stateWords = Lexicon(names.values("state"))
        predicates = Lexicon(names.values("predicate"))
        posts = Lexicon(f("titles.rules").values("post"))
        titleStops = Lexicon(f("titles.rules").values("stop"))
        titleInside = Lexicon(f("titles.rules").values("inside"))
        let orgs = f("organizations.rules")
        orgSuffixes = Lexicon(orgs.values("suffix"))
        orgLongSuffixLasts = ScalarSet(orgs.values("suffix").filter { $0.unicodeScalars.count >= 2 }.map { $0.unicodeScalars.last! })
        orgLexicon = Lexicon(orgs.values("org"))
        orgAttendMarkers = Lexicon(orgs.values("attend-marker"))
        orgGeneric = Lexicon(orgs.values("generic"))
        orgLeads = Lexicon(orgs.values("lead"))
        let roles = f("roles.rules")
        var trig: [String: Trigger] = [:]
        for e in roles.entries where Role(rawValue: e.keyword) != nil {
            guard let kind = Trigger.Kind(rawValue: e.values[0]) else {
                throw RuleError(file: roles.name, line: e.line, reason: "unknown trigger kind `\(e.values[0])` (verb, speech, said, meet)")
            }
            for w in e.values.dropFirst() {
                if trig[w] != nil { throw RuleError(file: roles.name, line: e.line, reason: "trigger `\(w)` defined twice") }
                trig[w] = Trigger(role: Role(rawValue: e.keyword)!, kind: kind, word: w)   // checked by `where`
            }
        }
        triggers = trig
        triggerNounSuffixes = ScalarSet(roles.values("noun-suffix").flatMap { $0.unicodeScalars })
        listLeads = Lexicon(roles.values("list-lead"))
        triggerNounPhrases = Lexicon(roles.values("noun-phrase"))
        absentMarkers = Lexicon(roles.values("absent"))
        plannedMarkers = Lexicon(roles.values("planned"))
        triggerWords = Lexicon(Array(trig.keys))
        let ev = f("events.rules")
        eventNouns = Lexicon(ev.values("noun"))
        holdVerbs = Lexicon(ev.values("hold"))
        heldNouns = Lexicon(ev.values("held"))
        genericEvents = Set(ev.values("generic"))
        genericMeetings = Lexicon(ev.values("generic").filter { $0.count >= 2 && $0.contains("会") })
        let d = f("dates.rules")
        var rel: [String: Int] = [:]
        for e in d.entries where e.keyword == "relative" {
            guard let n = Int(e.values[1]) else { throw RuleError(file: d.name, line: e.line, reason: "`\(e.values[1])` is not a number of days") }
            rel[e.values[0]] = n
        }
        relativeDays = rel
        vagueDates = Lexicon(d.values("vague"))
        dateWords = Lexicon(Array(rel.keys) + d.values("vague"))
        // The candidate vocabulary, from the schema's candidate keywords (a role keyword's
        // first value is its trigger kind, not a word).
        let cand = Self.candidateKeywords.sorted { $0.key < $1.key }.flatMap { file, keywords in
            keywords.flatMap { kw in files[file]!.entries.filter { $0.keyword == kw }
                .flatMap { Role(rawValue: kw) != nil ? Array($0.values.dropFirst()) : $0.values } }
        }
        candidates = Lexicon(cand)
        candidateFirst = ScalarSet(cand.compactMap { $0.unicodeScalars.first })
        self.files = files.keys.sorted().map { files[$0]! }
        transliteration = ScalarSet(names.values("transliteration").flatMap(\.unicodeScalars))
        // The name model's features look words up in the lexicons above.
        let context = NameModel.Context(surnames: surnames, posts: posts, cues: Lexicon(Array(trig.keys) + names.values("predicate")), stops: nameStops,
                                        transliteration: transliteration)
        self.nameModel = try nameModel.map { try NameModel(text: $0.text, file: $0.file, context: context) } ?? NameModel(context: context)
    }
}
