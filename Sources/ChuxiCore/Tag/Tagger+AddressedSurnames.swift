/// A person named by the surname alone and a word of address (`王老汉`, `任老师`, `李总理`):
/// the surname is the person's mention (as the People's Daily annotation has it), for
/// mentions.csv only. No record names a surname alone; a roster would resolve it.
extension Tagger {
    /// Characters before such a surname: not a Han character, or a particle or preposition
    /// (`的王老汉`, `给李大爷`). Others are part of a word (`国务院总理`: 院 is no surname here).
    static let beforeAddressed: ScalarSet = ScalarSet("的了在着到是给为姓和与向对跟被把让请问同、，。：；“”（）《》".unicodeScalars)

    /// The surnames in `sc` that a word of address follows.
    func addressedSurnames(_ sc: Scan) -> [NameModel.Found] {
        let s = sc.s
        var out: [NameModel.Found] = []
        for i in sc.a..<max(sc.a, sc.b - 2)
        where rules.surnames.single.contains(s[i]) && addressAfter(sc, surname: i..<(i + 1)) > 0 {
            guard i == sc.a || !isHan(s[i - 1]) || Self.beforeAddressed.contains(s[i - 1]) else { continue }
            out.append(NameModel.Found(range: i..<(i + 1), kind: .person, confidence: 0))
        }
        return out
    }

    /// The length of a word of address right after `surname`, or 0.
    func addressAfter(_ sc: Scan, surname: Range<Int>) -> Int {
        rules.addressWords.match(sc.s, at: surname.upperBound, limit: sc.b)
    }

    /// A name span that is a single surname and a word of address (`崔老汉`): the surname's
    /// range, else the span as it is. (The mention of a model's or a rule's name alike.)
    public func surnameOfAddressed(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Range<Int> {
        guard r.count >= 3, rules.surnames.single.contains(s[r.lowerBound]),
            rules.addressWords.match(s, at: r.lowerBound + 1, limit: r.upperBound) == r.count - 1
        else { return r }
        return r.lowerBound..<(r.lowerBound + 1)
    }
}
