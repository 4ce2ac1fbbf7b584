/// Rule-based tagging of one sentence: dates, titles and the persons they introduce,
/// lists of names, clause-initial speakers, organizations and role triggers.
/// Works on scalars with ICU word boundaries as evidence (see `Sentence`).
public struct Tagger: Sendable {
    public let rules: RuleSet
    /// Where a date may start (a date word, a digit, a Chinese numeral): every scalar of
    /// the text is tested, so with one bit test.
    let dateStarts: ScalarSet
    public init(rules: RuleSet) {
        self.rules = rules
        var d = rules.dates.dateWords.firstScalars
        d.formUnion(rules.dates.timeWords.firstScalars)
        for c in Numerals.all { d.insert(c) }
        d.insert("元")  // 元月 (January)
        dateStarts = d
    }

    static let clausePunct = Punctuation.clause
    static let delimiters = Punctuation.delimiters
    static let listJoiners = Punctuation.listJoiners
    /// `钱正华和夫人孙丽芳`: a spouse continues the list without the title.
    static let spouseJoiners = ["和夫人", "及夫人", "偕夫人", "与夫人"].map { Array($0.unicodeScalars) }

    /// Context in which a name is looked for: after a title or in a list the evidence is
    /// strong; at the start of a clause it must be confirmed by a predicate.
    enum NameContext { case afterTitle, list, clauseStart }

    struct Scan {
        let s: [Unicode.Scalar]
        let a: Int, b: Int
        let sentence: Sentence
        var consumed: [Bool]
        /// What the name model reads in the sentence (`Tagger+ModelNames`).
        var model: NameModel.Reading? = nil
        var modelNames: [NameModel.Found] { model?.names ?? [] }
        /// Where the rule name trials are written (`chuxi explain --steps`); nil in a run.
        var stepLog: NameStepLog? = nil
        func isB(_ i: Int) -> Bool { sentence.boundary(i - a) }
        func tokenEnd(_ i: Int) -> Int { var j = i + 1; while j < b && !isB(j) { j += 1 }; return j }
    }

    /// Was the clause around `r` word-broken on the fast path? (The same test the segmenter
    /// made: a step that reads word boundaries reads them only there, so that the fast path
    /// and a full pass decide alike.)
    func clauseWasBroken(_ sc: Scan, _ r: Range<Int>) -> Bool {
        var lo = r.lowerBound, hi = r.upperBound
        while lo > sc.a, !Segmenter.clauseEnds.contains(sc.s[lo - 1]) { lo -= 1 }
        while hi < sc.b, !Segmenter.clauseEnds.contains(sc.s[hi - 1]) { hi += 1 }
        return needsWords(sc.s, lo..<hi)
    }

    /// Does this sentence hold any word a person, a trigger, an attending organization or a
    /// held event could hang on? If not, tagging it needs no word boundaries.
    public func needsWords(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        let first = rules.candidateFirst, candidates = rules.candidates
        return s.withUnsafeBufferPointer { p in
            for i in r where first.contains(p[i]) {
                if candidates.match(s, at: i, limit: r.upperBound) > 0 { return true }
            }
            // A list (`A、B、C`) may hold names the name model reads, untitled guests among them.
            for i in r where p[i] == "、" { return true }
            return false
        }
    }

    /// `stepLog`: where to write every rule name trial and the steps that decided it.
    public func tag(_ sentence: Sentence, in text: NormalizedText, stepLog: NameStepLog? = nil) -> TaggedSentence {
        // Only persons, organizations and triggers look at what is taken: a sentence without a
        // candidate word (most of them) is scanned for dates alone and needs no such array.
        var sc = Scan(
            s: text.scalars, a: sentence.range.lowerBound, b: sentence.range.upperBound, sentence: sentence,
            consumed: sentence.mayHoldPersons ? [Bool](repeating: false, count: sentence.range.count) : [])
        sc.stepLog = stepLog
        let (dates, times) = tagDates(&sc)
        sc.model = rules.nameModel.read(text.scalars, sentence.range)
        var persons: [PersonMention] = []
        // Every person and trigger hangs on a candidate word (`FastPathTests` compares this with a full pass).
        if sentence.mayHoldPersons {
            persons = tagTitledPersons(&sc)
            tagLists(&sc, &persons)
            tagClauseInitialNames(&sc, &persons)
            repairRuleNames(&sc, &persons)
            confirmRareNames(&sc, &persons)
            tagModelNames(&sc, &persons)
            tagListGaps(&sc, &persons)
            persons.sort { $0.name.lowerBound < $1.name.lowerBound }
        }
        // Attend-markers (`有关负责人`) are candidate words too: no organization attends elsewhere.
        let orgs = sentence.mayHoldPersons ? tagOrganizations(&sc, persons) : []
        let triggers = sentence.mayHoldPersons ? tagTriggers(sc) : []
        return TaggedSentence(
            sentence: sentence, persons: persons, orgs: orgs, dates: dates, triggers: triggers,
            names: mentionable(sc) + addressedSurnames(sc), times: times)
    }

    func isHan(_ c: Unicode.Scalar) -> Bool { Normalizer.isHan(c) }

    func mark(_ sc: inout Scan, _ r: Range<Int>) {
        guard !sc.consumed.isEmpty else { return }
        for i in r { sc.consumed[i - sc.a] = true }
    }
}
