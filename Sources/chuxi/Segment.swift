import ArgumentParser
import ChuxiCore
import Foundation

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Show how ICU breaks a text into sentences and words (for rule authors).")

    @Argument(help: "Text to segment.")
    var text: String

    func run() throws {
        let n = Normalizer.normalize(SourceText(text))
        let seg = try Segmenter()
        for p in n.paragraphs {
            for s in seg.sentences(in: n, paragraph: p, article: 1) {
                var words: [String] = [], start = s.range.lowerBound
                for k in 1...s.range.count where s.boundary(k) {
                    words.append(n.text(start..<(s.range.lowerBound + k))); start = s.range.lowerBound + k
                }
                print(words.joined(separator: "|"))
            }
        }
    }
}
