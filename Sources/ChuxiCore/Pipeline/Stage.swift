/// The pipeline's stages, in the order they run on an issue: each is a folder of
/// `Sources/ChuxiCore` and reads only what the stages before it produced. The README's and
/// docs/ARCHITECTURE.md's stage tables list exactly these (a test checks), and
/// `chuxi explain --stages` prints them.
public enum Stage: String, CaseIterable, Sendable {
    case input, normalize, articles, segment, tag, events, records, export

    /// The folder under `Sources/ChuxiCore` that holds the stage.
    public var folder: String {
        switch self {
        case .input: "Input"
        case .normalize: "Normalize"
        case .articles: "Issue"
        case .segment: "Segment"
        case .tag: "Tag"
        case .events: "Events"
        case .records: "Pipeline"
        case .export: "Export"
        }
    }

    /// What the stage does, in one line.
    public var summary: String {
        switch self {
        case .input: "the format (text, PDF through pdftotext, HTML through libxml2) and the text taken out of it"
        case .normalize: "width folding, script folding, PDF/column repair, the offset map to the original"
        case .articles: "articles at datelines, page jumps and bylines; headlines with the article after them"
        case .segment: "ICU sentences; ICU words for the clauses that hold a candidate word (the fast path)"
        case .tag: "dates, the name model, titled persons, lists, names, organizations, role triggers"
        case .events: "the persons each trigger applies to (named resolvers), event names, dates"
        case .records: "records and mentions: journalists out, evidence spans mapped to the original"
        case .export: "the contract's CSVs and JSON lines, written whole or not at all"
        }
    }
}
