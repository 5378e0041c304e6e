// swift-tools-version: 6.0
import PackageDescription

/// Where Debian (and distributions laid out like it) keep the headers of Cairo, Pango and what they include, as
/// `pkg-config --cflags pangocairo` lists them; the folders of the multiarch triplets that do not apply are
/// absent and skipped by the compiler. The package names no pkg-config module for these libraries because
/// SwiftPM would then link `stapel` against them, and the point is that it loads them only when it draws
/// (Sources/CGraphicsLibraries).
let graphicsHeaders: (c: [String], swift: [String]) = {
    let folders = ["pango-1.0", "glib-2.0", "harfbuzz", "freetype2", "libpng16", "libmount", "blkid", "fribidi", "cairo", "pixman-1"]
        .map { "/usr/include/\($0)" }
        + ["x86_64-linux-gnu", "aarch64-linux-gnu"].map { "/usr/lib/\($0)/glib-2.0/include" } + ["/usr/lib64/glib-2.0/include"]
    let flags = folders.map { "-I\($0)" }
    return (flags, flags.flatMap { ["-Xcc", $0] })
}()

let package = Package(
    name: "Stapel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stapel", targets: ["stapel"]),
        // The one public library: the versioned request an external backend written in Swift decodes. Everything
        // else is `package`: shared by Stapel's own modules, tests and tools, not an API.
        .library(name: "StapelBackendProtocol", targets: ["StapelBackendProtocol"]),
        .executable(name: "stapel-backend-htmltable", targets: ["stapel-backend-htmltable"]),
        .plugin(name: "StapelPlugin", targets: ["StapelPlugin"]),
        .plugin(name: "StapelCheckPlugin", targets: ["StapelCheckPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // MARK: - C libraries (Cairo and Pango imported by StapelCairo alone)
        // Headers only: `stapel` is not linked against these libraries but loads them on first use, through the
        // trampolines of CGraphicsLibraries; their header folders are `graphicsHeaders` (below the package).
        .systemLibrary(name: "CCairo", path: "Sources/CCairo"),
        .systemLibrary(name: "CPangoCairo", path: "Sources/CPangoCairo"),
        // libyaml's event parser, from which StapelYAML composes its own small node tree (imported there alone).
        .systemLibrary(name: "CLibYAML", path: "Sources/CLibYAML", pkgConfig: "yaml-0.1",
                       providers: [.apt(["libyaml-dev"])]),
        // PNG encoding: the image data deflated by ISA-L's igzip, the chunks around it by libpng (setjmp error
        // handling lives in C).
        .target(name: "CPNGWriter"),
        // A cache in front of HarfBuzz's hb_shape, which Pango reaches through the dynamic linker: Pango keeps no
        // shaping results, and balanced line breaking shapes the same label once for every width it tries.
        .systemLibrary(name: "CHarfBuzz", path: "Sources/CHarfBuzz"),
        // Pango, loaded later (CGraphicsLibraries), finds the cache's hb_shape only if the binary exports it: no
        // library linked at build time references it any more, so the linker is told to.
        .target(name: "CShapeCache", dependencies: ["CHarfBuzz"], cSettings: [.unsafeFlags(graphicsHeaders.c)],
                linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=hb_shape"])]),
        // Trampolines for every function of the libraries above, which load them on first use: a `stapel` that
        // draws nothing (`validate`, a build with nothing to do) starts without mapping 37 shared objects.
        // It also exports g_thread_new, so that Pango's two threads per font pattern become one helper
        // (pango_threads.c).
        .target(name: "CGraphicsLibraries", linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=g_thread_new"])]),

        // MARK: - Layers: model ← YAML reader; model ← layout ← Cairo; model ← tables
        .target(name: "StapelModel"),
        // The interface label sets (Resources/Labels/*.yaml) and Styles/default.yaml are compiled in as string
        // literals by the EmbedResources plugin: a copied `stapel` binary needs no resource bundle.
        .target(name: "StapelYAML", dependencies: ["StapelModel", "CLibYAML"],
                exclude: ["Resources"], plugins: ["EmbedResources"]),
        .target(name: "StapelLayout", dependencies: ["StapelModel"]),
        .target(name: "StapelCairo", dependencies: ["StapelLayout", "CCairo", "CPangoCairo", "CPNGWriter", "CShapeCache",
                                                     "CGraphicsLibraries"],
                swiftSettings: [.unsafeFlags(graphicsHeaders.swift)]),
        .target(name: "StapelTables", dependencies: ["StapelModel"]),
        .target(name: "StapelLabels", dependencies: ["StapelModel"]),
        // The external-backend protocol: versioned Codable types shared by Stapel and backends written in Swift.
        .target(name: "StapelBackendProtocol"),
        // One question as an accessible HTML page (figure, alt text, data table, links to the other formats).
        .target(name: "StapelHTML", dependencies: ["StapelModel", "StapelLayout", "StapelTables"]),
        .target(name: "Stapel", dependencies: ["StapelBackendProtocol", "StapelModel", "StapelYAML", "StapelLayout", "StapelCairo",
                                               "StapelTables", "StapelLabels", "StapelHTML",
                                               .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(name: "stapel", dependencies: [
            "Stapel", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: - Resources compiled into the binary: the generator and its build-tool plugin
        .executableTarget(name: "stapel-embed"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["stapel-embed"]),

        // MARK: - Build integration: the example external backend and the command plugin
        .executableTarget(name: "stapel-backend-htmltable", dependencies: ["StapelBackendProtocol"]),
        // Verbs are named after what they run: `stapel-build` writes, `stapel-check` only reads (no permission).
        .plugin(name: "StapelPlugin",
                capability: .command(
                    intent: .custom(verb: "stapel-build", description: "Build the outputs stapel.yaml names (runs `stapel build`)"),
                    permissions: [.writeToPackageDirectory(reason: "Writes the figures and tables into the manifest's output folder")]),
                dependencies: ["stapel"]),
        .plugin(name: "StapelCheckPlugin",
                capability: .command(
                    intent: .custom(verb: "stapel-check", description: "Check that the outputs stapel.yaml names are up to date (runs `stapel build --check`)")),
                dependencies: ["stapel"]),

        // MARK: - Tests
        .testTarget(name: "StapelModelTests", dependencies: ["StapelModel", "StapelYAML"]),
        .testTarget(name: "StapelLayoutTests", dependencies: ["StapelLayout", "Stapel"]),
        .testTarget(name: "StapelCairoTests", dependencies: ["StapelCairo", "Stapel"]),
        .testTarget(name: "StapelTablesTests", dependencies: ["StapelTables", "StapelHTML", "Stapel"]),
        .testTarget(name: "StapelLabelsTests", dependencies: ["StapelLabels", "Stapel"]),
        .testTarget(name: "StapelCLITests", dependencies: ["Stapel", "StapelBackendProtocol", "stapel", "stapel-backend-htmltable"]),
        // The hostile-input corpus (Docs/security.md), the readers' fuzz run and the mutation-gap tests.
        .testTarget(name: "StapelHostileInputTests", dependencies: ["Stapel", "StapelLabels", "StapelCairo", "stapel"]),
    ]
)
