/// Numbers as the papers write them: ASCII digits, or Chinese numerals (`十二`, `三十一`,
/// `二〇二〇`). Read by the tag stage's dates and lists and by the events stage (`为期三天`,
/// `第3次`); no rule knowledge.
enum Numerals {
    static let chineseDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9
    ]

    /// Every character a number may begin with.
    static let all = "0123456789〇零一二两三四五六七八九十".unicodeScalars
    static let start = ScalarSet(all)
    /// The Chinese numerals a year is written with digit by digit (`一九九五`, `二〇二〇`).
    static let yearDigits = ScalarSet("〇零一二三四五六七八九".unicodeScalars)

    /// The number at `i` (at most four characters, before `b`) and where it ends.
    static func read(_ s: [Unicode.Scalar], _ i: Int, _ b: Int) -> (value: Int, end: Int)? {
        var j = i, v = 0
        while j < b, s[j].value >= 0x30 && s[j].value <= 0x39, j - i < 4 {
            v = v * 10 + Int(s[j].value - 48); j += 1
        }
        if j > i { return (v, j) }
        // Chinese numerals: digit sequences (年份 二〇二〇) or tens (三十一).
        var digits: [Int] = [], sawTen = false, total = 0
        while j < b, j - i < 4 {
            if let d = Self.chineseDigits[s[j]] {
                digits.append(d)
            } else if s[j] == "十" {
                sawTen = true; total += (digits.last ?? 1) * 10; digits = []
            } else {
                break
            }
            j += 1
        }
        guard j > i else { return nil }
        if sawTen { return (total + (digits.last ?? 0), j) }
        return (digits.reduce(0) { $0 * 10 + $1 }, j)
    }
}
