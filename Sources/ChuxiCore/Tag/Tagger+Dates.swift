/// Dates: `6月11日`, `12月25日至26日`, `2020年12月29日`, `11日` against the dateline, `近日`.
extension Tagger {
    /// Is `i` right after `本月` (`本月19日`: a day of this month)?
    func afterThisMonth(_ s: [Unicode.Scalar], _ i: Int, _ a: Int) -> Bool {
        i - 2 >= a && s[i - 2] == "本" && s[i - 1] == "月"
    }

    /// Dates, and in the same pass the times that date no event: `dates.rules time` words
    /// (`目前`, `去年`) and a year alone (`1997年`, not `1997年12月`).
    func tagDates(_ sc: inout Scan) -> (dates: [DateMention], times: [Range<Int>]) {
        let s = sc.s, b = sc.b
        var out: [DateMention] = [], times: [Range<Int>] = []
        var i = sc.a
        let starts = dateStarts
        while i < b {
            guard starts.contains(s[i]) else { i += 1; continue }
            let wl = rules.dates.dateWords.match(s, at: i, limit: b)
            if wl > 0 {
                let w = String(scalars: s[i..<(i + wl)])
                out.append(
                    DateMention(range: i..<(i + wl), value: rules.dates.relativeDays[w].map { .relative($0) } ?? .vague)
                )
                i += wl; continue
            }
            let tl = rules.dates.timeWords.match(s, at: i, limit: b)
            if tl > 0 {
                if !(s[i] == "现" && i > sc.a && rules.dates.verbsBeforeNow.contains(s[i - 1])) {
                    times.append(i..<(i + tl))
                }
                i += tl; continue
            }
            // (the test first: no call per scalar)
            if Numerals.start.contains(s[i]), let d = dayOfMonth(s, i, sc.a, b) {
                let thisMonth = afterThisMonth(s, i, sc.a)
                let from = thisMonth ? i - 2 : i
                out.append(
                    DateMention(
                        range: from..<d.end,
                        value: thisMonth
                            ? .dayOfThisMonth(d.day, through: d.through) : .dayOfMonth(d.day, through: d.through)))
                mark(&sc, from..<d.end)
                i = d.end; continue
            }
            guard Numerals.start.contains(s[i]) || s[i] == "元", i == sc.a || !Numerals.start.contains(s[i - 1]),
                let d = parseDate(s, i, b)
            else {
                if let y = yearAlone(s, i, sc.a, b) { times.append(y); i = y.upperBound } else { i += 1 }
                continue
            }
            out.append(DateMention(range: i..<d.end, value: .absolute(d.value)))
            mark(&sc, i..<d.end)
            i = d.end
        }
        return (out, times)
    }

    /// `1997年`, `一九九五年` not followed by a month: a year that dates no event.
    func yearAlone(_ s: [Unicode.Scalar], _ i: Int, _ a: Int, _ b: Int) -> Range<Int>? {
        let digit: (Unicode.Scalar) -> Bool =
            Normalizer.isDigit(s[i]) ? Normalizer.isDigit : { Numerals.yearDigits.contains($0) }
        guard digit(s[i]), i == a || !Numerals.start.contains(s[i - 1]), i + 4 < b,
            (i..<(i + 4)).allSatisfy({ digit(s[$0]) }), s[i + 4] == "年",
            i + 5 == b || !Numerals.start.contains(s[i + 5])
        else { return nil }
        return i..<(i + 5)
    }

    /// A day without a month (`钱正华11日在…`, `十七日，`): Arabic digits or Chinese numerals +
    /// 日, not after a month or a number (`本月19日` is this month's), and followed by a time of day, a comma or a verb, so that
    /// `3日内`, `30日前` are not read as dates. (A lone `一日` is `one day`, never a date.)
    /// What joins the two ends of a span of days (`3日至5日`, `3-5日`).
    static let rangeMarks: ScalarSet = ["至", "到", "-", "—", "~", "－"]

    /// `29日至30日在某地…出席`: two days joined by a range mark read as one span, the checks after
    /// the second.
    func dayOfMonth(_ s: [Unicode.Scalar], _ i: Int, _ a: Int, _ b: Int) -> (day: Int, end: Int, through: Int?)? {
        // (A numeral of the other kind before is a name's end: `金某三9日会见`.)
        let arabic = Normalizer.isDigit(s[i])
        guard Numerals.start.contains(s[i]),
            i == a
                || !((arabic ? Normalizer.isDigit(s[i - 1]) : Numerals.start.contains(s[i - 1]))
                    || s[i - 1] == "月" && !afterThisMonth(s, i, a) || s[i - 1] == "第" || s[i - 1] == "每")
        else { return nil }
        var j = i, v = 0
        if arabic {
            while j < b, Normalizer.isDigit(s[j]), j - i < 2 { v = v * 10 + Int(s[j].value - 48); j += 1 }
        } else {
            guard let n = Numerals.read(s, i, b), n.end - i <= 3,
                !s[i..<n.end].contains(where: { "〇零两".unicodeScalars.contains($0) }),
                n.end - i >= 2 || s[i] != "一"
            else { return nil }
            v = n.value; j = n.end
        }
        guard j < b, s[j] == "日", (1...31).contains(v), j + 1 < b else { return nil }
        var through: Int? = nil
        // (What follows the first day accepts it as before: `5日至6日` by its 至, dates.rules `after-day`.)
        var accepted =
            rules.dates.afterDay.match(s, at: j + 1, limit: b) > 0
            || rules.triggerWords.match(s, at: j + 1, limit: b) > 0
        if Self.rangeMarks.contains(s[j + 1]), let e = Numerals.read(s, j + 2, b), e.end - j - 2 <= 3, e.end + 1 < b,
            s[e.end] == "日", e.value > v, e.value <= 31
        {
            through = e.value; j = e.end
            accepted =
                accepted || rules.dates.afterDay.match(s, at: j + 1, limit: b) > 0
                || rules.triggerWords.match(s, at: j + 1, limit: b) > 0
        }
        if accepted { return (v, j + 1, through) }
        // `8日也在汉城会见了…`: a role trigger later in the same clause, unless the day is a
        // span (`3日内`, `30日前`, `5日以后`).
        guard !rules.dates.daySpans.contains(s[j + 1]) else { return nil }
        var k = j + 1
        while k < b, k - j <= 16, !Self.clausePunct.contains(s[k]) {
            if rules.triggerWords.match(s, at: k, limit: b) > 0 { return (v, j + 1, through) }
            k += 1
        }
        return nil
    }

    /// `(Y年)? M月 D日 ((至|到|-|—) (M月)? D日)?`, in Arabic or Chinese numerals.
    func parseDate(_ s: [Unicode.Scalar], _ i: Int, _ b: Int) -> (value: DateValue, end: Int)? {
        var j = i
        var year: Int? = nil
        // `元月3日`: 元月 is January.
        guard var n = Numerals.read(s, j, b) ?? (j + 1 < b && s[j] == "元" && s[j + 1] == "月" ? (1, j + 1) : nil) else {
            return nil
        }
        // `2008-09-22` (a web page's date line), `2020/12/29`.
        // The day is at most two digits: a time may follow glued to it once spaces are folded
        // (`2008-09-22 22:11` -> `2008-09-2222:11`).
        if n.end - j == 4, n.end + 1 < b, s[n.end] == "-" || s[n.end] == "/", (1900...2100).contains(n.value),
            let m = Numerals.read(s, n.end + 1, b), m.end - n.end - 1 <= 2, m.end + 1 < b, s[m.end] == s[n.end],
            (1...12).contains(m.value)
        {
            var e = m.end + 1, day = 0
            while e < b, e - m.end - 1 < 2, Normalizer.isDigit(s[e]) { day = day * 10 + Int(s[e].value - 48); e += 1 }
            if (1...31).contains(day) { return (DateValue(year: n.value, month: m.value, day: day), e) }
        }
        if n.end < b, s[n.end] == "年" {
            guard n.value >= 1900 && n.value <= 2100 else { return nil }
            year = n.value; j = n.end + 1
            guard let m = Numerals.read(s, j, b) else { return nil }
            n = m
        }
        guard n.end < b, s[n.end] == "月", (1...12).contains(n.value) else { return nil }
        let month = n.value
        j = n.end + 1
        guard let dn = Numerals.read(s, j, b), dn.end < b, (1...31).contains(dn.value) else { return nil }
        // `7月28上午`: a day whose 日 was dropped before a time of day.
        let dropped = ["上午", "下午", "晚上", "中午"].contains { s[dn.end...].starts(with: $0.unicodeScalars) }
        // `4月22至24日`: a range whose first 日 is left to the second.
        let rangeFirst = Self.rangeMarks.contains(s[dn.end])
        guard s[dn.end] == "日" || s[dn.end] == "号" || dropped || rangeFirst else { return nil }
        var v = DateValue(year: year, month: month, day: dn.value)
        j = dropped || rangeFirst ? dn.end : dn.end + 1
        if j < b, Self.rangeMarks.contains(s[j]), let e1 = Numerals.read(s, j + 1, b) {
            if e1.end < b, s[e1.end] == "日" || s[e1.end] == "号", (1...31).contains(e1.value), e1.value > v.day {
                v.end = (nil, month, e1.value); j = e1.end + 1
            } else if e1.end < b, s[e1.end] == "月", let e2 = Numerals.read(s, e1.end + 1, b), e2.end < b,
                s[e2.end] == "日" || s[e2.end] == "号",
                (1...12).contains(e1.value), (1...31).contains(e2.value)
            {
                v.end = (nil, e1.value, e2.value); j = e2.end + 1
            }
        }
        if rangeFirst && v.end == nil { return nil }
        return (v, j)
    }
}
