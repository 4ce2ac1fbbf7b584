/// Organizations attending through their representatives (`A、B有关负责人出席`).
extension Tagger {
    /// Organizations that attend through their representatives: `A、B和C有关负责人出席`.
    func tagOrganizations(_ sc: inout Scan, _ persons: [PersonMention]) -> [OrgMention] {
        var out: [OrgMention] = []
        var m = sc.a
        while m < sc.b {
            let ml = rules.orgAttendMarkers.match(sc.s, at: m, limit: sc.b)
            guard ml > 0, m > sc.a else { m += 1; continue }
            // A marker followed by a name is a title (`必博人力负责人陈云海`), not a group.
            if persons.contains(where: { $0.name.lowerBound == m + ml }) { m += ml; continue }
            var end = m
            // `A、B等部门负责人`: the group noun after 等 is no organization.
            if let deng = (max(sc.a, m - 6)..<m).last(where: { sc.s[$0] == "等" }), deng > sc.a,
                !(deng..<m).contains(where: { sc.consumed[$0 - sc.a] || !isHan(sc.s[$0]) })
            {
                end = deng
            }
            var found: [OrgMention] = []
            while end > sc.a {
                var st = end
                while st > sc.a, isHan(sc.s[st - 1]) || sc.s[st - 1] == "（" || sc.s[st - 1] == "）",
                    !sc.consumed[st - 1 - sc.a], !["和", "及", "与"].contains(sc.s[st - 1]) || end - st < 2
                { st -= 1 }
                st += rules.orgLeads.match(sc.s, at: st, limit: end)
                let item = st..<end
                let generic = (st..<end).contains { rules.orgGeneric.match(sc.s, at: $0, limit: end) > 0 }
                if item.count >= 2, !generic,
                    rules.orgSuffixes.matchEnding(sc.s, at: end, floor: st) > 0 || rules.orgLexicon.contains(sc.s[item])
                {
                    found.insert(
                        OrgMention(range: item, attends: true, rule: "organizations.rules:attend-marker"), at: 0)
                }
                guard st > sc.a, ["、", "和", "及"].contains(sc.s[st - 1]) else { break }
                end = st - 1
            }
            for o in found { mark(&sc, o.range) }
            out += found
            m += ml
        }
        return out
    }

    /// Organizations named inside a title: `市人力资源和社会保障局` in `市人力资源和社会保障局副局长`.
    public func organization(inTitle t: Range<Int>, _ s: [Unicode.Scalar]) -> Range<Int>? {
        let pl = rules.posts.matchEnding(s, at: t.upperBound, floor: t.lowerBound)
        var e = t.upperBound - pl
        while e - t.lowerBound >= 2 {
            if rules.orgSuffixes.matchEnding(s, at: e, floor: t.lowerBound) > 0 { return t.lowerBound..<e }
            e -= 1
        }
        return nil
    }
}
