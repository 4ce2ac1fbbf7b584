/// Width folding: one canonical form for characters that newspapers set in either width.
/// Digits and Latin letters become ASCII (`６月` -> `6月`); sentence punctuation becomes the
/// Chinese full-width form (`,` -> `，`, `(` -> `（`), except between two ASCII
/// alphanumerics (`1,000`, `10:30`, `Web3.0` stay as they are). Always one scalar for one.
enum WidthFolding {
    static func isASCIIAlnum(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    /// Full-width ASCII variants (U+FF01-FF5E) to ASCII, ideographic space to space,
    /// middle-dot variants (used in foreign names) to U+00B7.
    static func toHalfWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(s.value - 0xFEE0)!
        case 0x3000: return " "
        case 0x2022, 0x30FB, 0x2027, 0xFF65, 0x2219: return "\u{B7}"
        default: return s
        }
    }

    static func fullWidthPunctuation(_ h: Unicode.Scalar) -> Unicode.Scalar? {
        switch h {
        case ",": return "，"
        case "(": return "（"
        case ")": return "）"
        case ";": return "；"
        case ":": return "："
        case "?": return "？"
        case "!": return "！"
        default: return nil
        }
    }

    /// Folds one scalar given its (already half-width) neighbours.
    static func fold(_ s: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Unicode.Scalar {
        let h = toHalfWidth(s)
        guard h.value < 0x80, let full = fullWidthPunctuation(h) else { return h }
        if h != "(" && h != ")" && isASCIIAlnum(previous) && isASCIIAlnum(next) { return h }
        return full
    }
}
