/// The rule name finder (`Tagger.nameAt`) as named, ordered steps, in the shape of the model
/// name steps (`Tagger+ModelNames.swift`): where a name ends, then what vetoes or trims it.
/// `chuxi explain --steps` prints, for each rule name, the steps that decided it.
extension Tagger {
    /// One try of a rule name: where it starts, in what context, with how long a surname
    /// (0: none known, or a dotted foreign name read whole).
    struct NameTrial {
        let i: Int
        let ctx: NameContext
        let sl: Int
        /// After a title or in a list the evidence is strong; at a clause start it is weak.
        var strong: Bool { ctx != .clauseStart }
        /// Where the given name starts.
        var g: Int { i + sl }
    }

    /// Which steps decided a rule name: the end, the trims that shortened it, the veto (if any).
    public struct NameSteps: Sendable, CustomStringConvertible {
        public var end = ""
        public var trims: [String] = []
        public var veto = ""
        public var description: String {
            let parts =
                (end.isEmpty ? [] : ["end=\(end)"]) + trims.map { "trim=\($0)" }
                + (veto.isEmpty ? [] : ["veto=\(veto)"])
            return parts.joined(separator: " ")
        }
    }

    /// Every rule name trial of a sentence, in the order tried (`Tagger.tag(_:in:stepLog:)`).
    public final class NameStepLog {
        public struct Trial: Sendable {
            public let start: Int
            /// `afterTitle`, `list` or `clauseStart`.
            public let context: String
            /// The known surname's length tried (0: none).
            public let surnameLength: Int
            public let name: Range<Int>?
            public let steps: NameSteps
        }
        public var trials: [Trial] = []
        public init() {}
    }

    /// The ways a given name after a known surname ends, in order; the first that applies wins
    /// (`given`: how many given characters). The two-character ends come first (a name of three
    /// is read before one of two); the later ones need strong context and a closer the
    /// first one refuses (a joiner, list punctuation, a verb).
    /// Punctuation that opens a quotation, a title or a bracket.
    static let opening: ScalarSet = ["“", "‘", "《", "（", "(", "「", "『", "【"]

    static let ruleNameEnds: [(id: String, given: Int, applies: (Tagger, Scan, NameTrial) -> Bool)] = [
        // Two given characters when the third scalar ends a word and is not a stop, a post or
        // part of a verb (`宋宗德等`, `沈金|龙`, `龙|婉丽`); else one (`翟磊主持`).
        (
            "two-given", 2,
            { t, sc, n in
                let s = sc.s, b = sc.b, g = n.g, r = t.rules
                return g + 1 < b && t.isHan(s[g + 1]) && sc.isB(g + 2) && !r.nameStops.contains(s[g + 1])
                    && r.posts.match(s, at: g + 1, limit: b) == 0
                    && r.triggerWords.match(s, at: g, limit: g + 2) == 0
                    && r.predicates.match(s, at: g, limit: g + 2) == 0
                    && r.posts.match(s, at: g, limit: g + 2) == 0
                    && !(n.sl == 1 && !sc.isB(g) && !sc.isB(g + 1))  // one dictionary word of three (`高新区`)
            }
        ),
        // The last given character fused with a joiner after it (`习|近|平和|夫人`).
        (
            "joiner-fused", 2,
            { t, sc, n in
                let s = sc.s, b = sc.b, g = n.g, r = t.rules
                return n.strong && g + 2 < b && t.isHan(s[g + 1]) && !r.nameStops.contains(s[g + 1]) && !sc.isB(g + 2)
                    && Self.listJoiners.contains(where: { s[(g + 2)...].starts(with: $0) })
                    && (sc.isB(g + 1) || sc.isB(g))
                    && r.posts.match(s, at: g + 1, limit: b) == 0 && r.triggerWords.match(s, at: g, limit: g + 2) == 0
            }
        ),
        // A name closed by punctuation in a list keeps a stop-like last character (`丁红都、`,
        // `孙铭和、`: no conjunction stands before 、); a one-character predicate there is
        // the name's verb (`主任王成说，`).
        (
            "list-closed", 2,
            { t, sc, n in
                let s = sc.s, b = sc.b, g = n.g, r = t.rules
                return n.strong && g + 2 < b && t.isHan(s[g + 1])
                    && (Self.delimiters.contains(s[g + 2]) || Self.clausePunct.contains(s[g + 2]))
                    && !Self.opening.contains(s[g + 2])  // (`刘某以“…”为主题`: a quotation opens, no list closes)
                    && !"等们".unicodeScalars.contains(s[g + 1])
                    && (s[g + 2] == "、" || s[g + 2] == "，" || !"和与及".unicodeScalars.contains(s[g + 1]))
                    && r.posts.match(s, at: g + 1, limit: b) == 0 && r.predicates.match(s, at: g + 1, limit: g + 2) == 0
            }
        ),
        // A stop-like last character that names end with (`张春来陪同`, `王建中主持`,
        // `石爱作主持`), before a verb; not before a visit (`张春来调研` is 张春 coming to
        // inspect) nor a speech (`王刚作报告`).
        (
            "given-end-before-verb", 2,
            { t, sc, n in
                let s = sc.s, b = sc.b, g = n.g, r = t.rules
                guard n.strong, g + 2 < b, r.givenEnds.contains(s[g + 1]), r.posts.match(s, at: g + 1, limit: b) == 0
                else { return false }
                guard let tr = t.trigger(s, startingAt: g + 2, limit: b) else { return false }
                return tr.role != .inspect && (tr.kind == .verb || tr.kind == .meet)
            }
        ),
        // `魏某和参加`: a 和 right before an act (a verb or meeting trigger whose clause holds no
        // 的 after it: not `李某和参加会议的代表合影`) joins nothing: it ends the name.
        (
            "joiner-before-act", 2,
            { t, sc, n in
                let s = sc.s, b = sc.b, g = n.g, r = t.rules
                guard n.strong, g + 2 < b, s[g + 1] == "和", t.isHan(s[g]) else { return false }
                guard let tr = t.trigger(s, startingAt: g + 2, limit: b), tr.kind == .verb || tr.kind == .meet
                else { return false }
                let rest = (g + 2 + tr.word.unicodeScalars.count)..<b
                let end = rest.first(where: { Self.clausePunct.contains(s[$0]) }) ?? b
                return !s[rest.lowerBound..<end].contains("的")
            }
        ),
        // A trigger ICU fused with the name's last character (`孙立会见` read `立会|见了`): the
        // name ends before it, after a title or in a list.
        ("trigger-fused", 2, { t, sc, n in t.fusedTrigger(sc, n, given: 2) }),
        ("trigger-fused", 1, { t, sc, n in t.fusedTrigger(sc, n, given: 1) }),
        // One given character that ends a word.
        ("one-given", 1, { _, sc, n in sc.isB(n.g + 1) })
    ]

    func fusedTrigger(_ sc: Scan, _ n: NameTrial, given: Int) -> Bool {
        let s = sc.s, at = n.g + given
        guard n.strong, at < sc.b, !sc.isB(at),
            (n.g..<at).allSatisfy({ isHan(s[$0]) && !rules.nameStops.contains(s[$0]) })
        else { return false }
        return trigger(s, startingAt: at, limit: sc.b).map { $0.word.unicodeScalars.count >= 2 && $0.kind != .said }
            ?? false
    }

    /// Vetoes of the end a known surname's name found, in order; the first that applies wins.
    static let ruleNameEndVetoes: [(id: String, applies: (Tagger, Scan, NameTrial, Range<Int>) -> Bool)] = [
        // A surname that is also a stop character (`和`, `于`) before a dictionary word is
        // a conjunction or preposition (`领导和来宾`), not a name.
        (
            "stop-surname-conjunction",
            { t, sc, n, r in
                n.sl == 1 && t.rules.nameStops.contains(sc.s[n.i]) && r.upperBound == n.g + 2 && sc.isB(n.g)
                    && !sc.isB(n.g + 1)
            }
        ),
        // A surname and one character forming a dictionary word (`高飞`, `金山`): only in strong context.
        ("one-character-word", { _, sc, n, r in r.upperBound == n.g + 1 && !sc.isB(n.g) && !n.strong }),
        // A surname fused with the word before it (`主席台|前排`) is weak evidence: its given
        // name must not begin with a stop character.
        // So must one that forms a single word with its surname (`来到`, `于是`).
        (
            "stop-given-start",
            { t, sc, n, _ in (!n.strong || !sc.isB(n.i) || !sc.isB(n.g)) && t.rules.nameStops.contains(sc.s[n.g]) }
        )
    ]

    /// Vetoes of a name with no known surname that holds no `·`, in order; the first that
    /// applies wins. (`length` first: the others read the run's last character.)
    static let unknownSurnameVetoes: [(id: String, applies: (Tagger, Scan, Range<Int>) -> Bool)] = [
        // Two to six characters.
        ("length", { _, _, r in !(2...6).contains(r.count) }),
        // Without a known surname, only a name closed by punctuation, 等, a joiner, a trigger
        // or a predicate is believed.
        ("unclosed", { t, sc, r in !t.closesRareName(sc, at: r.upperBound) }),
        // One of four to six characters (`嘎玛泽登`, `柯依舍巴耶夫`) must read as a
        // transliteration: ICU finds at most one dictionary word in it.
        ("dictionary-words", { t, sc, r in r.count >= 4 && !t.readsAsTransliteration(sc, r) }),
        // A two-character dictionary word (`分别`, `受邀`) is no name of an unknown surname.
        ("two-character-word", { _, sc, r in r.count == 2 && !sc.isB(r.lowerBound + 1) && sc.isB(r.upperBound) }),
        ("stop-last", { t, sc, r in t.rules.nameStops.contains(sc.s[r.upperBound - 1]) }),
        // One that begins inside an ICU word (`主席台|执行` after the post `主席`) is that word's
        // end (read only in clauses the fast path word-breaks).
        ("inside-word", { t, sc, r in !sc.isB(r.lowerBound) && t.clauseWasBroken(sc, r) }),
        // A title and a word closing a quotation is a brand (`打造“院士智汇”品牌`).
        ("before-quote", { _, sc, r in r.upperBound < sc.b && sc.s[r.upperBound] == "”" }),
        // An organization or a place is no name (`区人大` in `赵锋及区人大、政府各领导`, `佳木斯市`).
        (
            "organization-or-place",
            { t, sc, r in
                t.rules.orgSuffixes.matchEnding(sc.s, at: r.upperBound, floor: r.lowerBound + 1) > 0
                    || Self.placeEnds.contains(sc.s[r.upperBound - 1])
            }
        )
    ]

    /// A step after a name's end is found: a veto (no name) or a trim (a shorter name; nil: none left).
    enum RuleNameStep {
        case veto((Tagger, Scan, NameTrial, Range<Int>) -> Bool)
        case trim((Tagger, Scan, NameTrial, Range<Int>) -> Range<Int>?)
    }

    /// The vetoes and trims of every rule name, in order: the first veto that applies wins,
    /// a trim shortens the name the later steps read. `state-word` reads the end before
    /// the trims (`贝林|共和国`); the trims come before the vetoes that read the name's
    /// characters, which read the name as it stands; `consumed` is last.
    static let ruleNameVetoes: [(id: String, step: RuleNameStep)] = [
        // A state's name (`贝林|共和国`) is no person.
        ("state-word", .veto({ t, sc, _, r in t.rules.stateWords.match(sc.s, at: r.upperBound, limit: sc.b) > 0 })),
        // A name ends before a span already taken (a date: `李明二十三日` is 李明 on the 23rd);
        // less than two characters before it leave no name.
        (
            "taken-span",
            .trim({ _, sc, _, r in
                guard let taken = r.dropFirst().first(where: { sc.consumed[$0 - sc.a] }) else { return r }
                return taken - r.lowerBound >= 2 ? r.lowerBound..<taken : nil
            })
        ),
        // The last given character that begins a word never ending a name (`刘洋|一行`) is not part of it.
        (
            "not-given-last",
            .trim({ t, sc, n, r in
                r.count == 3 && n.sl == 1 && t.rules.notGiven.match(sc.s, at: r.upperBound - 1, limit: sc.b) >= 2
                    ? r.lowerBound..<(r.upperBound - 1) : r
            })
        ),
        // A word that begins with a surname and ends in an organization's suffix (`管理|处`,
        // `交流|处` after `领事`): an office, not a name.
        (
            "office-word",
            .veto({ t, sc, n, r in
                n.sl > 0 && r.count == 3 && !sc.isB(r.lowerBound + n.sl)
                    && t.rules.orgSuffixes.matchEnding(sc.s, at: r.upperBound, floor: r.upperBound - 1) > 0
            })
        ),
        // A place before its own post or organization (`杨集镇镇长王某`, `孟村镇人民政府`).
        (
            "place-before-post",
            .veto({ t, sc, _, r in
                (t.rules.orgSuffixes.matchEnding(sc.s, at: r.upperBound, floor: r.lowerBound + 1) > 0
                    || Self.placeEnds.contains(sc.s[r.upperBound - 1]))
                    && (t.rules.posts.match(sc.s, at: r.upperBound, limit: sc.b) > 0
                        || !t.followsName(sc, r.upperBound))
            })
        ),
        // A surname that is also a conjunction or preposition (`和`, `于`) names a person only
        // when the name closes at a delimiter, a trigger, a predicate or `一行` (not `代表和商（协）会`).
        (
            "stop-surname-unclosed",
            .veto({ t, sc, _, r in
                let s = sc.s, b = sc.b, e = r.upperBound, rules = t.rules
                guard rules.nameStops.contains(s[r.lowerBound]), e < b else { return false }
                let c = s[e]
                return
                    !(Self.delimiters.contains(c) || Self.clausePunct.contains(c) || rules.nameStops.contains(c)
                    || rules.triggerWords.match(s, at: e, limit: b) > 0
                    || rules.predicates.match(s, at: e, limit: b) > 0
                    || rules.notGiven.match(s, at: e, limit: b) > 0)  // `于法昌一行`
            })
        ),
        // A known non-name (`班子`) is none with a character after it either (`领导班子时`),
        // unless it is the compound surname of a name after a title (`省委书记东方某`).
        (
            "not-name-and-one",
            .veto({ t, sc, n, r in
                r.count == 3 && n.sl > 0 && !(n.sl == 2 && n.ctx == .afterTitle)
                    && t.rules.notNames.contains(sc.s[r.lowerBound..<(r.lowerBound + 2)])
            })
        ),
        // A word that never ends a name ends it (names.rules `not-given`).
        (
            "not-given-end",
            .veto({ t, sc, _, r in t.rules.notGiven.matchEnding(sc.s, at: r.upperBound, floor: r.lowerBound + 1) > 0 })
        ),
        // The whole name is a known non-name, a post or a trigger.
        ("not-name", .veto({ t, sc, _, r in t.rules.notNames.contains(sc.s[r]) })),
        ("post-word", .veto({ t, sc, _, r in t.rules.posts.contains(sc.s[r]) })),
        ("trigger-word", .veto({ t, sc, _, r in t.rules.triggerWords.contains(sc.s[r]) })),
        // A surname and a post (`王书记`): the post, not a given name.
        (
            "post-after-surname",
            .veto({ t, sc, _, r in r.count >= 2 && t.rules.posts.match(sc.s, at: r.lowerBound + 1, limit: sc.b) >= 2 })
        ),
        // A name may hold nothing already taken, nor reach past the sentence.
        (
            "consumed",
            .veto({ _, sc, _, r in
                r.dropFirst().contains(where: { !sc.consumed.indices.contains($0 - sc.a) || sc.consumed[$0 - sc.a] })
            })
        )
    ]
}
