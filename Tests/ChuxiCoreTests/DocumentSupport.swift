import Foundation
@testable import ChuxiCore

/// PDFs made by the tests themselves, with nothing installed: text drawn with a Type0 font
/// (Identity-H, a character's code its UTF-16 unit) that no file embeds, and a ToUnicode map
/// that sends each code back to its character. pdftotext reads text only through that map and
/// the glyphs' positions, as it reads an e-paper's subset fonts, so a two-column layout is a
/// real test of its reading order; no CJK font (tens of MB) is needed to make one.
enum TestPDF {
    struct Run { var x: Double, y: Double, size: Double, text: String }

    /// A document of text pages (`runs`) or, for `scan`, pages holding one image each.
    static func document(pages: [[Run]], scan: Bool = false) -> Data {
        var objects: [Int: Data] = [:]
        func d(_ s: String) -> Data { Data(s.utf8) }
        func stream(_ dict: String, _ body: Data) -> Data {
            d("<< \(dict) /Length \(body.count) >>\nstream\n") + body + d("\nendstream")
        }
        objects[1] = d("<< /Type /Catalog /Pages 2 0 R >>")
        var cmap =
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        let ranges = (0..<256).filter { !(0xD8...0xDF).contains($0) }.map {
            String(format: "<%02X00> <%02XFF> <%02X00>", $0, $0, $0)
        }
        for k in stride(from: 0, to: ranges.count, by: 100) {
            let chunk = ranges[k..<min(k + 100, ranges.count)]
            cmap += "\(chunk.count) beginbfrange\n\(chunk.joined(separator: "\n"))\nendbfrange\n"
        }
        cmap += "endcmap CMapName currentdict /CMap defineresource pop end end"
        objects[3] = d(
            "<< /Type /Font /Subtype /Type0 /BaseFont /SongTi /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
        )
        objects[4] = d(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SongTi /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>"
        )
        objects[5] = stream("", d(cmap))
        objects[6] = d(
            "<< /Type /FontDescriptor /FontName /SongTi /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>"
        )
        objects[7] = stream(
            "/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8",
            Data((0..<16).map { UInt8($0 * 16) }))
        var kids: [Int] = [], n = 8
        for page in pages {
            let content: String
            if scan {
                content = "q 495 0 0 742 50 50 cm /Im1 Do Q\n"
            } else {
                content = page.map { r in
                    let hex = r.text.utf16.map { String(format: "%04X", $0) }.joined()
                    return String(format: "BT /F1 %.1f Tf %.1f %.1f Td <%@> Tj ET\n", r.size, r.x, r.y, hex)
                }.joined()
            }
            objects[n] = stream("", d(content))
            objects[n + 1] = d(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 7 0 R >> >> /Contents \(n) 0 R >>"
            )
            kids.append(n + 1); n += 2
        }
        objects[2] = d(
            "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>")
        var out = d("%PDF-1.4\n")
        var offsets: [Int: Int] = [:]
        for k in objects.keys.sorted() {
            offsets[k] = out.count; out += d("\(k) 0 obj\n") + objects[k]! + d("\nendobj\n")
        }
        let xref = out.count
        out += d("xref\n0 \(n)\n0000000000 65535 f \n")
        for k in 1..<n { out += d(String(format: "%010d 00000 n \n", offsets[k]!)) }
        out += d("trailer\n<< /Size \(n) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n")
        return out
    }

    /// `text` set as a newspaper page: each paragraph wrapped into lines of `width`
    /// characters, two columns of `rows` lines a page, `gap` (in font sizes) more space between
    /// paragraphs.
    static func twoColumns(_ text: String, width: Int = 16, rows: Int = 57, gap: Double = 0.6, size: Double = 10)
        -> Data
    {
        var lines: [String?] = []
        for para in text.components(separatedBy: "\n") {
            let s = Array(para)
            if s.allSatisfy(\.isWhitespace) { lines.append(nil); continue }
            for k in stride(from: 0, to: s.count, by: width) { lines.append(String(s[k..<min(k + width, s.count)])) }
        }
        var pages: [[Run]] = [], page: [Run] = [], column = 0, y = 800.0
        let lead = size * 1.3, bottom = 800.0 - Double(rows) * lead
        for l in lines {
            guard let l = l else { y -= size * gap; continue }
            if y < bottom {
                column += 1; y = 800
                if column == 2 { pages.append(page); page = []; column = 0 }
            }
            page.append(Run(x: 50 + Double(column) * (Double(width) * size + 30), y: y, size: size, text: l))
            y -= lead
        }
        pages.append(page)
        return document(pages: pages)
    }
}

/// Text written for the project (invented district and officials), two articles: as an issue
/// file, as an HTML page and as a two-column PDF it must give the same records.
let projectIssue = """
    青川区召开生态环境保护工作推进会

    ■记者 孔令一

    本报讯 3月12日，区委书记汪成远主持召开全区生态环境保护工作推进会，区委副书记、区长柏若言，区委常委、常务副区长秦梓默，副区长韩明远、欧阳岚出席会议。区人大常委会副主任葛思远、区政协副主席窦文川列席会议。

    会上，柏若言通报了全区生态环境保护工作情况，秦梓默就下一步重点任务作了部署。区生态环境局、区水务局、区绿化市容局主要负责人作交流发言。

    汪成远在讲话中强调，要坚持问题导向，压实各方责任，以更高标准推动生态环境质量持续改善，让群众在家门口感受到更多绿色福利。他要求，各街道、各部门要对照年度目标任务，细化工作举措，加快推进河道综合治理、扬尘污染防控和垃圾分类提质等重点项目，确保各项任务按期完成。

    青川区举行科技创新企业座谈会

    本报讯 3月11日，区委副书记、区长柏若言主持召开科技创新企业座谈会，副区长韩明远出席。十家科技企业负责人围绕人才引进、融资服务、场景开放等方面提出意见建议。柏若言指出，要把企业的急难愁盼作为改进服务的着力点，持续优化营商环境，为科技创新企业成长提供更加有力的支撑。

    区科委、区发展改革委、区投资促进中心等部门负责人参加座谈。

    """

/// An article page as e-papers publish it: navigation, a date line, the headline, the body,
/// related links and a footer. The navigation, links and footer hold officials with role
/// words: if any of it reached the text, it would add records.
func projectHTML(_ issue: String = projectIssue, charset: String? = "utf-8", metaDate: String? = "2024-03-13") -> String
{
    let paras = issue.components(separatedBy: "\n").filter { !$0.isEmpty }
    let headline = paras[0]
    let body = paras.dropFirst().map { "    <p>\($0)</p>" }.joined(separator: "\n")
    return """
        <!DOCTYPE html>
        <html>
        <head>
        \(charset.map { "<meta charset=\"\($0)\">" } ?? "")
        <title>\(headline)_青川报</title>
        \(metaDate.map { "<meta name=\"publishdate\" content=\"\($0)\">" } ?? "")
        <style>.content p { text-indent: 2em; }</style>
        <script>var notice = "区委书记钱一鸣出席开幕式";</script>
        </head>
        <body>
        <div class="top-nav"><a href="/">首页</a> | <a href="/yw">要闻</a> | <a href="/zt">区长孟大川出席植树活动专题</a></div>
        <nav><ul><li><a href="/a">政务</a></li><li>区委副书记钱一鸣主持召开专题会议报道集锦</li></ul></nav>
        <div class="main">
          <h1>\(headline)</h1>
          <div class="info">2024年03月13日 来源：青川报 第01版</div>
          <div class="content">
        \(body)
          </div>
          <ul class="related-list"><li><a href="/b">副区长孟大川出席社区运动会</a></li><li><a href="/c">区委常委钱一鸣调研重点项目</a></li></ul>
        </div>
        <div id="footer">主办：青川报社　区委宣传部部长钱一鸣出席了本网开通仪式　沪ICP备00000000号</div>
        </body>
        </html>

        """
}
