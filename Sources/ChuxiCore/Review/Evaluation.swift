import Foundation

/// Precision, recall and F1 of who-attended-when pairs and of records with roles, and title
/// agreement — with exactly the matching rules of `../shared/eval/score.py`, so that users can
/// score a rule change against gold files of their own and get the same figures.
public struct Evaluation {
    public struct PRF {
        public var tp = 0, fp = 0, fn = 0
        public var precision: Double { tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0 }
        public var recall: Double { tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0 }
        public var f1: Double { let p = precision, r = recall; return p + r > 0 ? 2 * p * r / (p + r) : 0 }
    }
    public struct KindResult {
        public var pairs = PRF(), records = PRF()
        public var titlesAgree: Double? = nil
        public var missedPairs: [String] = [], falsePairs: [String] = [], missedRecords: [String] = []
    }
    public var person = KindResult(), organization = KindResult()
    public var bylinesAsAttendees: Int? = nil

    /// score.py rounds to 4 places before printing with 3.
    static func round4(_ x: Double) -> Double { (x * 10000).rounded(.toNearestOrEven) / 10000 }

    static func norm(_ s: String?) -> String {
        String(
            (s ?? "").precomposedStringWithCompatibilityMapping.unicodeScalars.filter { !$0.properties.isWhitespace }
                .map(Character.init))
    }
    static func issueOf(_ s: String?) -> String {
        var b = (norm(s) as NSString).lastPathComponent
        if let r = b.range(of: "\\.[A-Za-z0-9]+$", options: .regularExpression) { b.removeSubrange(r) }
        return b
    }
    static func monthDay(_ d: String?) -> String {
        let first = norm(d).split(separator: "/", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let r = first.range(of: "(\\d{1,2})-(\\d{1,2})$", options: .regularExpression) else { return "" }
        let parts = first[r].split(separator: "-").compactMap { Int($0) }
        return String(format: "%02d-%02d", parts[0], parts[1])
    }
    static func titlesOf(_ s: String?) -> Set<String> {
        Set(norm(s).components(separatedBy: CharacterSet(charactersIn: ";；、，,")).filter { !$0.isEmpty })
    }
    static func titlesAgree(_ g: Set<String>, _ p: Set<String>) -> Bool {
        func m(_ a: String, _ b: String) -> Bool { a == b || a.hasSuffix(b) || b.hasSuffix(a) }
        return g.allSatisfy { x in p.contains { m(x, $0) } } && p.allSatisfy { x in g.contains { m(x, $0) } }
    }
    /// Python's tuple-of-strings order: code point by code point.
    static func less(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            return Array(x.unicodeScalars.map(\.value)).lexicographicallyPrecedes(y.unicodeScalars.map(\.value))
        }
        return a.count < b.count
    }

    /// Rows as dictionaries (header -> value).
    public static func evaluate(
        gold: [[String: String]], pred: [[String: String]], bylines: [[String: String]]? = nil,
        negatives: [String] = []
    ) -> Evaluation {
        var out = Evaluation()
        var issues = Set(gold.map { issueOf($0["issue"]) })
        issues.formUnion(negatives.map { issueOf($0) })
        for kind in ["person", "organization"] {
            var gReq: [[String]] = [], gOpt: Set<[String]> = [], gReqR: [[String]] = [], gOptR: Set<[String]> = []
            var gReqSet = Set<[String]>(), gReqRSet = Set<[String]>()
            var gTitles: [[String]: Set<String>] = [:]
            for r in gold where norm(r["kind"]) == kind {
                let k = [issueOf(r["issue"]), norm(r["attendee"]), monthDay(r["date"])]
                let kr = k + [norm(r["role"])]
                if (r["optional"] ?? "0").trimmingCharacters(in: .whitespaces) == "1" {
                    gOpt.insert(k); gOptR.insert(kr)
                } else {
                    if gReqSet.insert(k).inserted { gReq.append(k) }
                    if gReqRSet.insert(kr).inserted { gReqR.append(kr) }
                    gTitles[k, default: []].formUnion(titlesOf(r["titles"]))
                }
            }
            gOpt.subtract(gReqSet)
            var pPairs = Set<[String]>(), pRecs = Set<[String]>(), pTitles: [[String]: Set<String>] = [:]
            for r in pred where norm(r["kind"] ?? "person") == kind {
                let i = issueOf(r["issue"])
                guard issues.contains(i) else { continue }
                let k = [i, norm(r["attendee"]), monthDay(r["date"])]
                pPairs.insert(k); pRecs.insert(k + [norm(r["role"])])
                pTitles[k, default: []].formUnion(titlesOf(r["titles"]))
            }
            var res = KindResult()
            let m1 = match(gReq, gOpt, pPairs.sorted(by: less))
            res.pairs = m1.prf; res.missedPairs = m1.missed.map { $0.joined(separator: "/") }
            let m2 = match(gReqR, gOptR, pRecs.sorted(by: less))
            res.records = m2.prf; res.missedRecords = m2.missed.map { $0.joined(separator: "/") }
            if kind == "person" {
                let ok = m1.matched.filter { titlesAgree(gTitles[$0.0] ?? [], pTitles[$0.1] ?? []) }.count
                res.titlesAgree = m1.matched.isEmpty ? 0 : round4(Double(ok) / Double(m1.matched.count))
            }
            let goldKeys = gReqSet.union(gOpt)
            let wild = Set(goldKeys.filter { $0[2].isEmpty }.map { [$0[0], $0[1]] })
            res.falsePairs = pPairs.sorted(by: less).filter { !goldKeys.contains($0) && !wild.contains([$0[0], $0[1]]) }
                .map { $0.joined(separator: "/") }
            if kind == "person" { out.person = res } else { out.organization = res }
        }
        if let b = bylines {
            let by = Set(b.map { [issueOf($0["issue"]), norm($0["name"])] })
            out.bylinesAsAttendees =
                Set(pred.map { [issueOf($0["issue"]), norm($0["attendee"])] }).intersection(by).count
        }
        return out
    }

    /// score.py's `match`: an empty gold date is a wildcard; optional gold rows count neither way.
    static func match(_ gReq: [[String]], _ gOpt: Set<[String]>, _ pred: [[String]]) -> (
        prf: PRF, matched: [([String], [String])], missed: [[String]]
    ) {
        func noDate(_ k: [String]) -> [String] { Array(k[0..<2]) + Array(k[3...]) }
        var wildReq: [[String]: [String]] = [:]
        for k in gReq where k[2].isEmpty { wildReq[noDate(k)] = k }
        let wildOpt = Set(gOpt.filter { $0[2].isEmpty }.map(noDate))
        let req = Set(gReq)
        var hit = Set<[String]>(), prf = PRF(), matched: [([String], [String])] = []
        for k in pred {
            let g: [String]? = req.contains(k) ? k : wildReq[noDate(k)]
            if let g = g, !hit.contains(g) {
                hit.insert(g); prf.tp += 1; matched.append((g, k))
            } else if g != nil {
            } else if gOpt.contains(k) || wildOpt.contains(noDate(k)) {
            } else {
                prf.fp += 1
            }
        }
        let missed = req.subtracting(hit).sorted(by: less)
        prf.fn = missed.count
        return (prf, matched, missed)
    }

    /// The same text as score.py prints.
    public func report(show: Bool) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", Self.round4(x)) }
        var out = ""
        for (kind, r) in [("person", person), ("organization", organization)] {
            var line = kind.padding(toLength: 13, withPad: " ", startingAt: 0)
            line += " pairs P=\(f(r.pairs.precision)) R=\(f(r.pairs.recall)) F1=\(f(r.pairs.f1))"
            line += " | records P=\(f(r.records.precision)) R=\(f(r.records.recall)) F1=\(f(r.records.f1))"
            if let t = r.titlesAgree { line += " | titles \(String(format: "%.3f", t))" }
            out += line + "\n"
            if show {
                for x in r.missedPairs { out += "  missed_pair: \(x)\n" }
                for x in r.falsePairs { out += "  false_pair: \(x)\n" }
                for x in r.missedRecords { out += "  missed_record: \(x)\n" }
            }
        }
        if let b = bylinesAsAttendees { out += "bylines listed as attendees: \(b)\n" }
        out += "person_pairs_f1: \(f(person.pairs.f1))\n"
        return out
    }
}
