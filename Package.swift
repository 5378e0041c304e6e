// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Stapel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stapel", targets: ["stapel"]),
        .library(name: "Stapel", targets: ["Stapel"]),
        .executable(name: "stapel-backend-html", targets: ["stapel-backend-html"]),
        .plugin(name: "StapelPlugin", targets: ["StapelPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // MARK: - C libraries (imported by StapelCairo alone)
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPangoCairo", path: "Sources/CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev"])]),
        // PNG encoding through libpng with a chosen zlib level and row filter (setjmp error handling lives in C).
        .target(name: "CPNGWriter", linkerSettings: [.linkedLibrary("png16")]),

        // MARK: - Layers: model ← YAML reader; model ← layout ← Cairo; model ← tables
        .target(name: "StapelModel"),
        // The interface label sets (Resources/Labels/*.yaml) and Styles/default.yaml are compiled in as string
        // literals by the EmbedResources plugin: a copied `stapel` binary needs no resource bundle.
        .target(name: "StapelYAML", dependencies: ["StapelModel", .product(name: "Yams", package: "Yams")],
                exclude: ["Resources"], plugins: ["EmbedResources"]),
        .target(name: "StapelLayout", dependencies: ["StapelModel"]),
        .target(name: "StapelCairo", dependencies: ["StapelLayout", "CCairo", "CPangoCairo", "CPNGWriter"]),
        .target(name: "StapelTables", dependencies: ["StapelModel"]),
        .target(name: "StapelLabels", dependencies: ["StapelModel"]),
        .target(name: "Stapel", dependencies: ["StapelModel", "StapelYAML", "StapelLayout", "StapelCairo", "StapelTables",
                                               "StapelLabels", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(name: "stapel", dependencies: [
            "Stapel", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: - Resources compiled into the binary: the generator and its build-tool plugin
        .executableTarget(name: "stapel-embed"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["stapel-embed"]),

        // MARK: - Build integration: the example external backend and the command plugin
        .executableTarget(name: "stapel-backend-html"),
        .plugin(name: "StapelPlugin",
                capability: .command(
                    intent: .custom(verb: "render", description: "Build the outputs stapel.yaml names (stapel build)"),
                    permissions: [.writeToPackageDirectory(reason: "Writes the figures and tables into the manifest's output folder")]),
                dependencies: ["stapel"]),

        // MARK: - Tests
        .testTarget(name: "StapelModelTests", dependencies: ["StapelModel", "StapelYAML"]),
        .testTarget(name: "StapelLayoutTests", dependencies: ["StapelLayout", "Stapel"]),
        .testTarget(name: "StapelCairoTests", dependencies: ["StapelCairo", "Stapel"]),
        .testTarget(name: "StapelTablesTests", dependencies: ["StapelTables", "Stapel"]),
        .testTarget(name: "StapelLabelsTests", dependencies: ["StapelLabels", "Stapel"]),
        .testTarget(name: "StapelCLITests", dependencies: ["Stapel", "stapel", "stapel-backend-html"]),
    ]
)
