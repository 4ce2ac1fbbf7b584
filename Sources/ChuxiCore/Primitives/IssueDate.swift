/// The date of an issue (or of a web page or PDF's metadata): what year-less dates in its text
/// are resolved against (`DateValue.resolved`), and what relative ones (`昨天`) count from.
public typealias IssueDate = (year: Int, month: Int, day: Int)
