// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "Chuxi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chuxi", targets: ["chuxi"]),
        .library(name: "ChuxiCore", targets: ["ChuxiCore"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0")
    ],
    targets: [
        // System ICU (Debian's libicu-dev). Only CICUShim includes its headers:
        // Foundation bundles its own ICU and the C types clash (../shared/notes/icu-from-swift.md).
        .systemLibrary(name: "CICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
        .target(name: "CICUShim", dependencies: ["CICU"]),
        // System libxml2 (Debian's libxml2-dev): its HTML parser reads e-paper article pages.
        // Only CXMLShim includes its headers, as with ICU.
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CXMLShim", dependencies: ["CXML2"]),
        // renameat2(RENAME_EXCHANGE): an export folder replaced whole (Export/ExportFolder.swift).
        .target(name: "CFileShim"),
        // The pipeline: input (txt, PDF via pdftotext, HTML via libxml2) -> normalize -> issue (articles) -> segment -> tag -> events -> export.
        .target(name: "ChuxiCore", dependencies: ["CICUShim", "CXMLShim", "CFileShim"]),
        // Embedded store (SQLite via GRDB): batch runs, identity of persons, exports.
        .target(name: "ChuxiStore", dependencies: ["ChuxiCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "chuxi",
            dependencies: [
                "ChuxiCore", "ChuxiStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]),
        // libFuzzer target (scripts/fuzz); a plain build gives a replayer of saved inputs.
        .executableTarget(name: "ChuxiFuzz", dependencies: ["ChuxiCore"]),
        .testTarget(name: "ChuxiCoreTests", dependencies: ["ChuxiCore"]),
        .testTarget(
            name: "ChuxiStoreTests",
            dependencies: ["ChuxiStore", "ChuxiCore", .product(name: "GRDB", package: "GRDB.swift")])
    ]
)
