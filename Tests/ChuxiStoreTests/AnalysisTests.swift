import ChuxiCore
import Foundation
import XCTest
@testable import ChuxiStore
import GRDB
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// From archive to analysis: merged events, co-attendance, careers, and the exports loaded
/// by the clients researchers use (networkx, kuzu). The archive is invented text: a city's
/// 团拜会 told by two articles of one day, a standing meeting, a 会见 named twice in one
/// article, two 会见 of one premier on one day, and an issue with no meeting.
final class AnalysisTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-analysis-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static let archive: [String: String] = [
        "20240120-01-001.txt": """
        市委市政府举行新春团拜会
        本报讯 1月19日上午，市委、市政府在市会议中心举行新春团拜会。市委书记张三丰主持团拜会，市长李四海出席并讲话。副市长王五岳、市政协主席赵六川出席团拜会。
        """,
        "20240120-02-001.txt": """
        全市各界共迎新春
        本报讯 1月19日上午，全市新春团拜会隆重举行。市长李四海在团拜会上致辞。市委书记张三丰、市政协主席赵六川出席。
        1月19日下午，市长李四海主持召开市政府第12次常务会议。副市长王五岳出席会议。会议由李四海主持，市委书记张三丰在会议上讲话。
        """,
        "20240305-01-001.txt": """
        区政府召开第5次常务会议
        本报讯 3月4日，静安区政府召开第5次常务会议。区长孟千里主持会议。副区长钟万山出席会议并讲话。区委副书记、区长孟千里在会议上强调，要抓好春耕。
        """,
        "20240306-01-001.txt": """
        国务院总理会见外宾
        本报讯 3月5日，国务院总理钱多多在人民大会堂会见来访的某国总统乔治·巴巴。会见时，钱多多总理说，两国友谊源远流长。外交部部长孙万里参加会见。
        """,
        "20240309-01-001.txt": """
        全国春耕工作会议召开
        本报讯 3月8日，全国春耕工作会议在京召开。总理钱多多出席会议并讲话。静安区委副书记孟千里出席会议。
        """,
        "20240311-01-001.txt": """
        钱多多会见外宾
        本报讯 3月10日上午，国务院总理钱多多在人民大会堂会见某国总理约翰·史密斯。当天下午，钱多多会见某国外长彼得·琼斯。外交部部长孙万里参加会见。
        """,
        "20240311-02-001.txt": """
        春风吹绿江南岸
        春天来了，田野里一片新绿，农民们忙着播种。
        """
    ]

    /// The archive under `dir/name`, and a store filled from it with `rulesDir`.
    func batch(rulesDir: URL = repoRoot.appendingPathComponent("rules"), db: String = "s.sqlite") throws -> (
        Store, Batch.Summary
    ) {
        let arch = dir.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: arch, withIntermediateDirectories: true)
        for (name, text) in Self.archive {
            try (text + "\n").write(to: arch.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let store = try Store(path: dir.appendingPathComponent(db).path)
        let s = try Batch.run(archive: [arch.path], store: store, rules: try RuleSet.load(from: rulesDir), jobs: 2)
        return (store, s)
    }

    func events(_ g: Graph, of person: String) -> [Graph.Event] {
        Set(g.attendance.filter { $0.from == "P:\(person)" }.map(\.to)).map { g.events[$0]! }.sorted { $0.id < $1.id }
    }

    func testOneGatheringToldByTwoArticlesIsOneEvent() throws {
        let (store, summary) = try batch()
        let g = try store.refreshGraph()
        // The 团拜会: two articles, two names, one event with both sources.
        let gatherings = g.events.values.filter { $0.kind == "团拜会" }
        XCTAssertEqual(gatherings.count, 1, gatherings.map(\.names).description)
        XCTAssertEqual(Set(gatherings[0].names), ["新春团拜会", "全市新春团拜会"])
        XCTAssertEqual(gatherings[0].sources, ["20240120-01-001#1", "20240120-02-001#1"])
        XCTAssertEqual(gatherings[0].id, "E:2024-01-19#团拜会#1")
        // The same afternoon's standing meeting is another event of the same day.
        XCTAssertEqual(events(g, of: "王五岳").map(\.kind), ["团拜会", "常务会议"])
        // A 会见 the article names twice (会见来访的…, 会见) is one event.
        let visit = events(g, of: "孙万里").filter { $0.date == "2024-03-05" }
        XCTAssertEqual(visit.count, 1)
        // Since 20bcd27 `会见时` takes the meeting told before, so the article names it once.
        XCTAssertEqual(Set(visit[0].names), ["会见来访的某国总统乔治·巴巴"])
        XCTAssertEqual(Set(g.attendance.filter { $0.to == visit[0].id }.map(\.from)), ["P:钱多多", "P:乔治·巴巴", "P:孙万里"])
        // Two 会见 of one premier on one day, naming two guests, stay two events.
        let meetings = events(g, of: "钱多多").filter {
            $0.date == "2024-03-10" && $0.names.count == 1 && $0.names[0].count > 2
        }
        XCTAssertEqual(meetings.map(\.names[0]).sorted(), ["会见某国外长彼得·琼斯", "会见某国总理约翰·史密斯"])
        XCTAssertEqual(Set(meetings.map(\.id)).count, meetings.count)
        // The batch summary counts the issue that gave no record.
        XCTAssertEqual(summary.withoutRecords, 1)
        XCTAssertTrue(summary.description.contains("1 of the 7 extracted issue(s) gave no record"), summary.description)
    }

    /// A second story of one issue that only points back at the evening (`这台晚会`) tells the
    /// evening the first story named; a standing meeting of that day stays its own event.
    /// The graph of a store that holds one issue, `name`.txt with `text`.
    func graph(ofIssue name: String, _ text: String) throws -> Graph {
        let arch = dir.appendingPathComponent("one-\(name)")
        try FileManager.default.createDirectory(at: arch, withIntermediateDirectories: true)
        try text.write(to: arch.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
        let store = try Store(path: dir.appendingPathComponent("\(name).sqlite").path)
        _ = try Batch.run(archive: [arch.path], store: store, rules: rules, jobs: 1)
        return try store.refreshGraph()
    }

    func testABackReferenceInALaterStoryOfTheIssueIsTheEventToldBefore() throws {
        let g = try graph(
            ofIssue: "20250204-01-001",
            """
            首都各界举行迎新春文艺晚会
            2月3日，首都各界迎新春文艺晚会在人民大会堂举行。市委书记林山海、市长周河清出席晚会。
            新华社北京2月3日电（记者钱文）今晚的这台晚会由市文化局主办。市委书记林山海出席了这台晚会，并与演员们亲切握手。
            2月3日上午，市长周河清主持召开市政府常务会议。

            """)
        let evenings = g.events.values.filter { $0.kind == "晚会" }
        XCTAssertEqual(evenings.count, 1, evenings.map { "\($0.names) \($0.sources)" }.description)
        XCTAssertEqual(Set(evenings.first?.names ?? []), ["首都各界迎新春文艺晚会", "这台晚会"])
        XCTAssertEqual(evenings.first?.sources, ["20250204-01-001#1", "20250204-01-001#2"])
        XCTAssertEqual(Set(events(g, of: "周河清").map(\.kind)), ["晚会", "常务会议"])
    }

    /// `会见代表` told after `会见出席这次会议的代表` (named for the conference told before) in one
    /// article shortens that name: one meeting, though the two sentences name different attendees.
    func testAShortenedNameInOneArticleIsTheSameMeeting() throws {
        let g = try graph(
            ofIssue: "20250310-01-001",
            """
            领导同志会见会议代表
            新华社北京3月9日电 全国春耕工作会议今天在京闭幕。国家主席钱多多今天会见了出席这次会议的代表。总理孙万里、副总理赵六川等会见代表。

            """)
        let meetings = g.events.values.filter { $0.kind == "会见" }
        XCTAssertEqual(meetings.count, 1, meetings.map { "\($0.names)" }.description)
        XCTAssertEqual(Set(meetings.first?.names ?? []), ["会见出席全国春耕工作会议的代表", "会见代表"])
        XCTAssertEqual(
            Set(g.attendance.filter { $0.to == meetings.first?.id }.map(\.from)), ["P:钱多多", "P:孙万里", "P:赵六川"])
    }

    /// A rule change that renames the 团拜会 of the first article (举行 no longer a verb that
    /// holds an event: `举行新春团拜会` names none, so `主持团拜会` is 团拜会) keeps the event's id:
    /// its date, kind and place stay.
    func testRenamingAnEventInTheRulesKeepsItsId() throws {
        let (store, _) = try batch()
        let before = events(try store.refreshGraph(), of: "张三丰").filter { $0.kind == "团拜会" }
        let rules = dir.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("rules"), to: rules)
        let ev = rules.appendingPathComponent("events.rules")
        let text = try String(contentsOf: ev, encoding: .utf8)
        XCTAssertTrue(text.contains("\nhold 召开 举行 "))
        try text.replacingOccurrences(of: "\nhold 召开 举行 ", with: "\nhold 召开 ").write(
            to: ev, atomically: true, encoding: .utf8)
        let (again, s) = try batch(rulesDir: rules)
        XCTAssertEqual(s.reextractedForRules, 7)
        let after = events(try again.refreshGraph(), of: "张三丰").filter { $0.kind == "团拜会" }
        XCTAssertEqual(before.count, 1); XCTAssertEqual(after.count, 1)
        XCTAssertTrue(before[0].names.contains("新春团拜会"), before[0].names.description)
        XCTAssertFalse(after[0].names.contains("新春团拜会"), after[0].names.description)
        XCTAssertEqual(after[0].id, before[0].id)
    }

    func testCoattendanceCountsSharedEvents() throws {
        let g = try batch().0.refreshGraph()
        let co = Dictionary(uniqueKeysWithValues: g.coattendance().map { ("\($0.source)|\($0.target)", $0) })
        // 李四海 and 王五岳: the 团拜会 (told twice, counted once) and the standing meeting.
        let pair = try XCTUnwrap(co["P:李四海|P:王五岳"] ?? co["P:王五岳|P:李四海"])
        XCTAssertEqual(pair.weight, 2)
        XCTAssertEqual(pair.start, "2024-01-19"); XCTAssertEqual(pair.end, "2024-01-19")
        XCTAssertEqual((co["P:张三丰|P:赵六川"] ?? co["P:赵六川|P:张三丰"])?.weight, 1)
        XCTAssertNil(co["P:张三丰|P:钱多多"] ?? co["P:钱多多|P:张三丰"])
        // Every weight is the number of events both attended.
        var attended: [String: Set<String>] = [:]
        for e in g.attendance { attended[e.from, default: []].insert(e.to) }
        for c in co.values {
            XCTAssertEqual(c.weight, attended[c.source]!.intersection(attended[c.target]!).count, c.id)
        }
    }

    func testCareersNormalizePostsOverTime() throws {
        let g = try batch().0.refreshGraph()
        let rows = Careers.table(g, posts: rules.posts)
        // 国务院总理 and 总理 are one post of 钱多多, seen from 3月5日 to 3月10日 in three issues.
        let premier = rows.filter { $0.name == "钱多多" }
        XCTAssertEqual(premier.count, 1, premier.map(\.titles).description)
        XCTAssertEqual(premier[0].post, Careers.Post(jurisdiction: "", organization: "国务院", post: "总理"))
        XCTAssertEqual(Set(premier[0].titles), ["国务院总理", "总理"])
        XCTAssertEqual(premier[0].first, "2024-03-05"); XCTAssertEqual(premier[0].last, "2024-03-10")
        XCTAssertEqual(premier[0].sources, 3)
        // 区委副书记 and 静安区委副书记: one post of 孟千里, with his jurisdiction.
        let deputy = rows.filter { $0.name == "孟千里" && $0.post.post == "副书记" }
        XCTAssertEqual(deputy.map(\.post), [Careers.Post(jurisdiction: "静安区", organization: "区委", post: "副书记")])
        XCTAssertEqual(deputy[0].first, "2024-03-04"); XCTAssertEqual(deputy[0].last, "2024-03-08")
        XCTAssertEqual(deputy[0].issues, ["20240305-01-001", "20240309-01-001"])
        XCTAssertEqual(
            Careers.normalize("中共静安区委副书记", posts: rules.posts),
            Careers.Post(jurisdiction: "静安区", organization: "区委", post: "副书记"))
        XCTAssertEqual(
            Careers.normalize("上海市绿化局局长", posts: rules.posts),
            Careers.Post(jurisdiction: "上海市", organization: "绿化局", post: "局长"))
        XCTAssertEqual(
            Careers.normalize("中国国务院副总理", posts: rules.posts),
            Careers.Post(jurisdiction: "", organization: "国务院", post: "副总理"))
        XCTAssertEqual(
            Careers.normalize("外交部长", posts: rules.posts),
            Careers.Post(jurisdiction: "", organization: "外交部", post: "部长"))
        XCTAssertEqual(
            Careers.normalize("外交部部长", posts: rules.posts),
            Careers.Post(jurisdiction: "", organization: "外交部", post: "部长"))
    }

    /// A store made before merged events (migrations v1, v2) opens, migrates and exports.
    func testAStoreOfTheOldSchemaIsReadable() throws {
        let path = dir.appendingPathComponent("old.sqlite").path
        do {
            let q = try DatabaseQueue(path: path)
            try Store.migrator.migrate(q, upTo: "v2-meta")
            try q.write { db in
                try db.execute(sql: "INSERT INTO issues VALUES ('a', 'a.txt', 'h', 'now')")
                for (i, name) in ["林一", "王二"].enumerated() {
                    try db.execute(
                        sql:
                            "INSERT INTO attendance VALUES ('a', ?, 1, '2024-01-02', '全区工作会议', ?, 'person', '区长', 'attend', 'L1:C1-L1:C2')",
                        arguments: [i, name])
                }
                try db.execute(
                    sql: "INSERT INTO events VALUES ('E:a#1#全区工作会议#2024-01-02', 'a', 1, '全区工作会议', '2024-01-02')")
            }
        }
        let g = try Store(path: path).refreshGraph()
        XCTAssertEqual(Array(g.events.keys), ["E:2024-01-02#会议#1"])
        XCTAssertEqual(g.coattendance().map(\.weight), [1])
        let kinds = try Store(path: path).db.read { db in try String.fetchAll(db, sql: "SELECT kind FROM events") }
        XCTAssertEqual(kinds, ["会议"])
    }

    /// Every event noun of the rules has a kind of the fixed taxonomy (ids derive from it).
    func testEveryEventNounOfTheRulesHasAKind() throws {
        let text = try String(contentsOf: repoRoot.appendingPathComponent("rules/events.rules"), encoding: .utf8)
        let nouns = text.split(separator: "\n").filter { $0.hasPrefix("noun ") }.flatMap {
            $0.split(separator: " ").dropFirst().map(String.init)
        }
        XCTAssertFalse(nouns.isEmpty)
        for n in nouns { XCTAssertNotEqual(EventMerge.kind(of: n), EventMerge.otherKind, n) }
    }

    /// GEXF and GraphML are well-formed XML whatever the names hold.
    func testXMLExportsEscapeNames() throws {
        let g = Graph(rows: [
            [
                "issue": "a&b", "article": "1", "date": "2024-01-02", "event": "<会议>\"&'", "attendee": "林\u{1}一&",
                "kind": "person",
                "titles": "区长", "role": "attend", "evidence": "L1:C1-L1:C2"
            ],
            [
                "issue": "a&b", "article": "1", "date": "2024-01-02", "event": "<会议>\"&'", "attendee": "王<二>",
                "kind": "person",
                "titles": "", "role": "speak", "evidence": "L1:C3-L1:C4"
            ]
        ])
        for (name, text) in GraphExport.gexfFiles(g).merging(GraphExport.graphmlFiles(g)) { a, _ in a } {
            final class Labels: NSObject, XMLParserDelegate {
                var labels: [String] = []
                func parser(
                    _ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?,
                    attributes a: [String: String]
                ) {
                    if let l = a["label"] { labels.append(l) }
                }
            }
            let parser = XMLParser(data: Data(text.utf8)), d = Labels()
            parser.delegate = d
            XCTAssertTrue(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
            if name.hasSuffix(".gexf") {
                XCTAssertTrue(d.labels.contains("林一&") && d.labels.contains("王<二>"), "\(name): \(d.labels)")
            }
        }
    }

    // MARK: - The exports as clients load them, and the query commands

    func sh(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.currentDirectoryURL = dir
        let o = Pipe(), e = Pipe()
        p.standardOutput = o; p.standardError = e
        try p.run()
        let out = String(decoding: o.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: e.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, out, err)
    }
    func chuxi(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try sh([chuxiBinary.path] + args)
    }
    func export(_ format: String) throws -> URL {
        let out = dir.appendingPathComponent("x-\(format)")
        let r = try chuxi(["export", "--db", "s.sqlite", "--format", format, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        return out
    }
    /// coattendance.csv as chuxi writes it: pair -> weight.
    func coattendanceWeights() throws -> [String: Int] {
        let rows = CSV.parse(
            try String(
                contentsOf: try export("coattendance").appendingPathComponent("coattendance.csv"), encoding: .utf8))
        XCTAssertEqual(
            Array(rows[0].prefix(7)), ["Id", "Source", "Target", "Source_name", "Target_name", "Kind", "Weight"])
        return Dictionary(
            uniqueKeysWithValues: rows.dropFirst().map { ([$0[1], $0[2]].sorted().joined(separator: "|"), Int($0[6])!) }
        )
    }
    func needBinaryAnd(_ module: String) throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        try XCTSkipUnless(
            (try? sh(["python3", "-c", "import \(module)"]).status) == 0,
            "\(module) is not installed (pip install \(module)): test skipped")
    }

    func testNetworkxReadsGEXFAndGraphML() throws {
        try needBinaryAnd("networkx")
        _ = try batch()
        let weights = try coattendanceWeights()
        let files = [
            try export("gexf").appendingPathComponent("coattendance.gexf"),
            try export("gexf").appendingPathComponent("attendance.gexf"),
            try export("graphml").appendingPathComponent("coattendance.graphml"),
            try export("graphml").appendingPathComponent("attendance.graphml")
        ]
        let r = try sh(
            ["python3", repoRoot.appendingPathComponent("scripts/graph-clients.py").path, "networkx"]
                + files.map(\.path))
        XCTAssertEqual(r.status, 0, r.err)
        let read = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: [String: Any]])
        let g = try batch(db: "t.sqlite").0.refreshGraph()
        let (nodes, edges) = GraphExport.attendanceNetwork(g)
        for f in ["coattendance.gexf", "coattendance.graphml"] {
            let x = try XCTUnwrap(read[f], f)
            XCTAssertEqual(x["directed"] as? Bool, false, f)
            XCTAssertEqual(x["weights"] as? [String: Int], weights, f)
            XCTAssertEqual((x["weights"] as? [String: Int])?["P:李四海|P:王五岳"], 2, f)
        }
        for f in ["attendance.gexf", "attendance.graphml"] {
            let x = try XCTUnwrap(read[f], f)
            XCTAssertEqual(x["directed"] as? Bool, true, f)
            XCTAssertEqual(x["nodes"] as? Int, nodes.count, f); XCTAssertEqual(x["edges"] as? Int, edges.count, f)
            // 李四海 attended and spoke, told by two articles (`在团拜会上致辞` attends too): four
            // records of the 团拜会, one edge.
            XCTAssertEqual((x["weights"] as? [String: Int])?["P:李四海|E:2024-01-19#团拜会#1"], 4, f)
            XCTAssertEqual((x["labels"] as? [String: String])?["E:2024-01-19#团拜会#1"], "新春团拜会", f)
        }
        // Gephi's timeline: an event on its day; a person on the days of his events (spells),
        // or from start to end when that is one day.
        XCTAssertEqual((read["attendance.gexf"]?["starts"] as? [String: String])?["E:2024-03-08#会议#1"], "2024-03-08")
        XCTAssertEqual((read["attendance.gexf"]?["starts"] as? [String: String])?["P:李四海"], "2024-01-19")
        XCTAssertEqual(
            (read["attendance.gexf"]?["spells"] as? [String: [[String]]])?["P:钱多多"],
            [["2024-03-05", "2024-03-05"], ["2024-03-08", "2024-03-08"], ["2024-03-10", "2024-03-10"]])
        XCTAssertEqual(
            (read["coattendance.gexf"]?["spells"] as? [String: [[String]]])?["P:孟千里"],
            [["2024-03-04", "2024-03-04"], ["2024-03-08", "2024-03-08"]])
    }

    func testKuzuLoadsTheNeo4jFilesAndAgreesOnCoattendance() throws {
        try needBinaryAnd("kuzu")
        _ = try batch()
        let weights = try coattendanceWeights()
        let neo = try export("neo4j")
        for person in ["P:李四海", "P:钱多多", "P:孟千里"] {
            let r = try sh([
                "python3", repoRoot.appendingPathComponent("scripts/graph-clients.py").path, "kuzu", neo.path, person
            ])
            XCTAssertEqual(r.status, 0, r.err)
            let read = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            // chuxi's answer: its coattendance.csv rows of the person, by weight then id.
            let expected = weights.compactMap { k, w -> [String: Int]? in
                let ends = k.split(separator: "|").map(String.init)
                guard ends.contains(person) else { return nil }
                return [ends[0] == person ? ends[1] : ends[0]: w]
            }.map { ($0.keys.first!, $0.values.first!) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
            XCTAssertFalse(expected.isEmpty, person)
            for key in ["bipartite", "coattended"] {
                let got = try XCTUnwrap(read[key] as? [[Any]], key).map { ($0[0] as! String, $0[1] as! Int) }
                XCTAssertEqual(got.map(\.0), expected.map(\.0), "\(person) \(key)");
                XCTAssertEqual(got.map(\.1), expected.map(\.1), "\(person) \(key)")
            }
        }
        let r = try sh([
            "python3", repoRoot.appendingPathComponent("scripts/graph-clients.py").path, "kuzu", neo.path, "P:李四海"
        ])
        let read = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        XCTAssertEqual((read["coattended"] as? [[Any]])?.first?.last as? Int, 2)
    }

    func testQueryCommandsForScriptsAndTheirErrors() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        _ = try batch()
        let who = try chuxi(["who", "李四海", "--db", "s.sqlite", "--format", "json"])
        XCTAssertEqual(who.status, 0, who.err)
        let answer = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(who.out.utf8)) as? [String: Any])
        let attended = try XCTUnwrap(answer["attended"] as? [[String: Any]])
        XCTAssertEqual(Set(attended.map { $0["event"] as! String }), ["E:2024-01-19#团拜会#1", "E:2024-01-19#常务会议#1"])
        let csv = CSV.parse(try chuxi(["who", "李四海", "--db", "s.sqlite", "--format", "csv"]).out)
        XCTAssertEqual(
            csv[0], ["node", "name", "jurisdiction", "date", "role", "event_id", "event", "titles", "evidence"])
        XCTAssertEqual(csv.count - 1, attended.count)
        let ev = try chuxi(["events", "--date", "2024-01-19", "--db", "s.sqlite", "--format", "csv"])
        let rows = CSV.parse(ev.out)
        XCTAssertEqual(rows.count - 1, 2, ev.out)
        XCTAssertTrue(
            rows.contains { $0[0] == "E:2024-01-19#团拜会#1" && $0[6] == "20240120-01-001#1;20240120-02-001#1" }, ev.out)
        let evJSON = try XCTUnwrap(
            try JSONSerialization.jsonObject(
                with: Data(try chuxi(["events", "--db", "s.sqlite", "--format", "json"]).out.utf8)) as? [[String: Any]])
        XCTAssertEqual(evJSON.count, try batch(db: "u.sqlite").0.refreshGraph().events.count)
        // Errors: a message and exit status 2.
        for (args, message) in [
            (["who", "无此人", "--db", "s.sqlite"], "no person or organization named 无此人"),
            (["who", "李四海", "--db", "missing.sqlite"], "no store at missing.sqlite"),
            (["events", "--date", "2024-02-30", "--db", "s.sqlite"], "is not a date"),
            (["events", "--db", "missing.sqlite"], "no store at missing.sqlite"),
            (["export", "--db", "s.sqlite", "--format", "pajek", "--out", "x"], "--format pajek is not one of"),
            (["export", "--db", "missing.sqlite", "--format", "gexf", "--out", "x"], "no store at missing.sqlite")
        ] {
            let r = try chuxi(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.err)")
            XCTAssertTrue(r.err.contains(message), "\(args): \(r.err)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("missing.sqlite").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
    }
}
