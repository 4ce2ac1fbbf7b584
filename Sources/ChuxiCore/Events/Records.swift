/// One row of attendance.csv: who attended what, in which role, with evidence.
public struct AttendanceRecord: Sendable, Equatable {
    public var issue: String
    public var article: Int
    public var date: String
    public var event: String
    public var attendee: String
    public var kind: String  // person | organization
    public var titles: [String]
    public var role: Role
    /// Range in the original file (scalars) that supports the record.
    public var source: Range<Int>
    public var evidence: String
    /// The events step that found the attendee (`EventStep`'s id): `chuxi explain` prints it;
    /// no CSV holds it.
    public var step: String = ""
}

/// One row of mentions.csv.
public struct MentionRecord: Sendable, Equatable {
    public var issue: String
    public var article: Int
    public var type: SpanKind
    public var text: String
    public var start: Int
    public var end: Int
    public var rule: String
}
