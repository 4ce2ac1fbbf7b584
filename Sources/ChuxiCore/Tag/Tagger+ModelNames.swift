/// Names the name model reads (`NameModel`) where no rule put a person: untitled names in a
/// guest list, a name ICU holds as one dictionary word, a foreign name with no post. Runs
/// after the rule passes, so a name a title or a list introduced keeps the rules' span.
extension Tagger {
    /// The steps that veto a model name, in order; the first that applies wins (`explain`
    /// prints its id as the span's rule when it is dropped).
    static let modelNameVetoes: [(id: String, applies: (Tagger, Scan, Range<Int>) -> Bool)] = [
        // Something a rule already took (a title, a rule name, a list member).
        ("taken", { _, sc, r in r.contains { sc.consumed[$0 - sc.a] } }),
        // A role trigger inside the span (`张三出` of `张三出席`): the trigger wins.
        ("holds-trigger", { t, sc, r in r.contains { t.rules.triggerWords.match(sc.s, at: $0, limit: r.upperBound) > 0 } }),
        // One character is no person's name (`江` alone is an abbreviation, not a name).
        ("single-character", { _, _, r in r.count < 2 }),
    ]

    func tagModelNames(_ sc: inout Scan, _ names: [NameModel.Found], _ persons: inout [PersonMention]) {
        for n in names where n.kind == .person {
            let r = max(n.range.lowerBound, sc.a)..<min(n.range.upperBound, sc.b)
            guard !r.isEmpty, !Self.modelNameVetoes.contains(where: { $0.applies(self, sc, r) }) else { continue }
            persons.append(PersonMention(name: r, titles: [], rule: "names.model"))
            mark(&sc, r)
        }
    }
}
