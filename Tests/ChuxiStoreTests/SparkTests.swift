import ChuxiCore
import Foundation
import XCTest

/// The PySpark job (spark/chuxi_job.py) in local[2] mode over the seeds gives the records
/// of `chuxi extract`. Skips, saying why, where pyspark or Java is missing.
final class SparkTests: XCTestCase {
    func sh(_ args: [String], cwd: URL? = nil) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        if let c = cwd { p.currentDirectoryURL = c }
        let pipe = Pipe(); p.standardOutput = pipe; p.standardError = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, out)
    }

    func testSparkJobEqualsExtract() throws {
        let bin = chuxiBinary
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: bin.path), "build chuxi first (swift build)")
        try XCTSkipUnless((try? sh(["java", "-version"]).0) == 0, "Java is not installed: Spark test skipped")
        try XCTSkipUnless(
            (try? sh(["python3", "-c", "import pyspark"]).0) == 0,
            "pyspark is not installed (pip install pyspark): Spark test skipped")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-spark-\(UUID())")
        defer { try? FileManager.default.removeItem(at: out) }
        let (status, log) = try sh(
            [
                "python3", "spark/chuxi_job.py", "--archive", "seeds", "--out", out.path,
                "--chuxi", bin.path, "--rules", "rules", "--master", "local[2]"
            ], cwd: repoRoot)
        XCTAssertEqual(status, 0, String(log.suffix(3000)))
        let spark = try String(contentsOf: out.appendingPathComponent("attendance.csv"), encoding: .utf8)
        let extract = try String(contentsOf: repoRoot.appendingPathComponent("output/attendance.csv"), encoding: .utf8)
        XCTAssertEqual(spark, extract)
    }
}
