import ChuxiCore
import Foundation

// libFuzzer entry: bytes -> JSON-line parsing; bytes -> decoding -> the whole pipeline. Built by scripts/fuzz with
// `-sanitize=fuzzer -D FUZZING`; without FUZZING this is a tiny runner that replays files.
let fuzzRules: RuleSet = try! RuleSet.load(from: RuleSet.defaultDirectory())
let fuzzPipeline = try! Pipeline(rules: fuzzRules)

func runOne(_ data: Data) {
    // The same bytes as a JSON line of `extract --jsonl` (its own parser, from bytes).
    if let line = try? data.withUnsafeBytes({ try JSONLines.parseIssue($0.bindMemory(to: UInt8.self)) }) {
        precondition(line.textBytes == String(String.UnicodeScalarView(line.text)).utf8.count, "text size")
    }
    guard let text = try? TextDecoding.decode(data, path: "fuzz") else { return }
    let r = fuzzPipeline.run(IssueInput(id: "fuzz", path: "fuzz", text: text, issueDate: (2024, 1, 1)))
    let n = r.source.scalars.count
    for m in r.mentions { precondition(m.start <= m.end && m.end <= n, "mention outside the file") }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        runOne(Data(bytes: data, count: size))
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ cb: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    // SwiftPM links an executable target's entry as `<Target>_main`: hand control to libFuzzer.
    @_cdecl("ChuxiFuzz_main")
    public func chuxiFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
        var c = argc
        var v = argv
        return LLVMFuzzerRunDriver(&c, &v) { data, size in fuzzTestOneInput(data, size) }
    }
#else
    @main
    struct ReplayFuzzInputs {
        static func main() throws {
            for path in CommandLine.arguments.dropFirst() { runOne(try Data(contentsOf: URL(fileURLWithPath: path))) }
        }
    }
#endif
