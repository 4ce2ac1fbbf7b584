import ChuxiCore
import Foundation

/// Careers, CPED-style: one row per person and normalized post (jurisdiction, organization,
/// post), with the titles as written, first and last date seen, sources and issues.
///
/// A title is read right to left: the post is the longest post word it ends with
/// (rules/titles.rules `post`), the jurisdiction the place it begins with (as for identity,
/// `Graph.jurisdiction`), the organization what lies between; a party or government body
/// keeps its level (`静安区委副书记` -> 静安区 / 区委 / 副书记). A bare post (`总理`) joins the
/// person's one fuller post of that word (`国务院总理`) when there is exactly one; a post of
/// a level without its place (`区委副书记`) takes the person's jurisdiction of that level.
public enum Careers {
    public struct Post: Hashable { public let jurisdiction, organization, post: String }
    public struct Row {
        public let person, name: String
        public let post: Post
        public let titles: [String]
        public let first, last: String
        public let sources: Int
        public let issues: [String]
    }

    /// Bodies named after the level of their jurisdiction (`区委`, `市政府`, `省人大常委会`).
    static let levelBodies = ["委", "政府", "人民政府", "人大", "政协", "纪委", "党委"]
    static let bodyChars: Set<Character> = ["部", "局", "厅", "处", "科", "署", "办"]

    public static func normalize(_ title: String, posts: Lexicon) -> Post {
        let scalars = Array(title.unicodeScalars)
        let cut = scalars.indices.first { posts.contains(scalars[$0...]) } ?? 0
        let post = String(String.UnicodeScalarView(scalars[cut...])),
            rest = String(String.UnicodeScalarView(scalars[..<cut]))
        let jur =
            Graph.jurisdiction(ofTitle: title).flatMap { j in rest.hasPrefix(j) || rest.hasPrefix("中共" + j) ? j : nil }
            ?? ""
        var org = jur.isEmpty ? rest : String(rest.dropFirst(rest.hasPrefix("中共") ? jur.count + 2 : jur.count))
        if let level = jur.last, levelBodies.contains(where: { org.hasPrefix($0) }) { org = String(level) + org }
        // The country named before a national body (`中国国务院`, `中华人民共和国国家…`) or
        // alone (`中国副总理`) is no organization.
        for c in ["中华人民共和国", "中国"] where org == c || (org.hasPrefix(c) && org.dropFirst(c.count).hasPrefix("国")) {
            org = String(org.dropFirst(c.count))
        }
        // A post that begins with its body's character (`外交部长`: 外交部 + 部长).
        if let b = post.first, bodyChars.contains(b), !org.isEmpty, org.last != b { org.append(b) }
        return Post(jurisdiction: jur, organization: org, post: post)
    }

    /// A post of a level (`区长`, `区委` / `副书记`) without a place takes the person's
    /// jurisdiction when it is of that level (静安区): the same post as `静安区委副书记`.
    static func placed(_ p: Post, in jurisdiction: String) -> Post {
        guard p.jurisdiction.isEmpty, let level = jurisdiction.last,
            p.organization.first == level || (p.organization.isEmpty && p.post.contains(level))
        else { return p }
        return Post(jurisdiction: jurisdiction, organization: p.organization, post: p.post)
    }

    public static func table(_ g: Graph, posts: Lexicon) -> [Row] {
        struct Acc {
            var titles: [String] = []; var dates: [String] = []; var sources = Set<String>(); var issues = Set<String>()
        }
        var acc: [String: [Post: Acc]] = [:]
        var normal: [String: Post] = [:]
        for e in g.attendance where e.from.hasPrefix("P:") {
            let source = "\(e.issue)#\(e.article)"
            for t in e.titles {
                let n = normal[t] ?? normalize(t, posts: posts)
                normal[t] = n
                let p = placed(n, in: g.persons[e.from]?.jurisdiction ?? "")
                var a = acc[e.from, default: [:]][p] ?? Acc()
                if !a.titles.contains(t) { a.titles.append(t) }
                if !e.date.isEmpty { a.dates.append(e.date) }
                a.sources.insert(source); a.issues.insert(e.issue)
                acc[e.from, default: [:]][p] = a
            }
        }
        var rows: [Row] = []
        for (person, byPost) in acc {
            var merged = byPost
            // A bare post joins the person's one fuller post of the same word.
            for (p, a) in byPost where p.jurisdiction.isEmpty && p.organization.isEmpty {
                let fuller = byPost.keys.filter { $0.post == p.post && $0 != p }
                guard fuller.count == 1, var f = merged[fuller[0]] else { continue }
                f.titles += a.titles.filter { !f.titles.contains($0) }; f.dates += a.dates
                f.sources.formUnion(a.sources); f.issues.formUnion(a.issues)
                merged[fuller[0]] = f; merged[p] = nil
            }
            for (p, a) in merged {
                // ISO days where there are any; year-less dates otherwise.
                let iso = a.dates.compactMap(Graph.isoSpan)
                let first =
                    iso.isEmpty ? a.dates.min { Graph.dateKey($0) < Graph.dateKey($1) } ?? "" : iso.map(\.start).min()!
                let last =
                    iso.isEmpty ? a.dates.max { Graph.dateKey($0) < Graph.dateKey($1) } ?? "" : iso.map(\.end).max()!
                rows.append(
                    Row(
                        person: person, name: g.persons[person]?.name ?? person, post: p, titles: a.titles,
                        first: first, last: last,
                        sources: a.sources.count, issues: a.issues.sorted()))
            }
        }
        return rows.sorted {
            ($0.person, Graph.dateKey($0.first), $0.post.post, $0.post.organization, $0.post.jurisdiction)
                < ($1.person, Graph.dateKey($1.first), $1.post.post, $1.post.organization, $1.post.jurisdiction)
        }
    }

    public static let header = [
        "person_id", "person", "jurisdiction", "organization", "post", "titles", "first", "last", "sources", "issues"
    ]
    public static func fields(_ r: Row) -> [String] {
        [
            r.person, r.name, r.post.jurisdiction, r.post.organization, r.post.post, r.titles.joined(separator: ";"),
            r.first, r.last,
            String(r.sources), r.issues.joined(separator: ";")
        ]
    }
    public static func csv(_ rows: [Row]) -> String { rows.reduce(CSV.line(header)) { $0 + CSV.line(fields($1)) } }
}
