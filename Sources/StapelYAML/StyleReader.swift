import Foundation
import StapelModel

/// Reads house styles from `Styles/<name>.yaml` (format `stapel-style/1`), following `extends:`.
/// A file names only the fields it changes; the rest come from the style it extends, or from `Style`'s defaults.
/// Every wrong field is reported with its file, line and column and the fields or values that are allowed.
package enum StyleReader {
    package static let formatName = "stapel-style/1"

    /// The built-in house style: `Styles/default.yaml`, compiled into the binary (see the EmbedResources plugin).
    /// It exists even without a styles folder; a `default.yaml` in the folder replaces it (and may itself
    /// `extends: default` to change only some fields of the built-in one).
    package static let builtInName = "default"
    package static var builtInText: String { EmbeddedResources.defaultStyle }
    static let builtInFile = "Styles/default.yaml (built in)"

    /// Style names available in `directory` (which need not exist), the built-in `default` included.
    package static func available(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return Set(names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) } + [builtInName]).sorted()
    }

    /// Whether `directory` holds a file for style `name`.
    static func hasFile(_ name: String, in directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(name).yaml").path)
    }

    package static func load(_ name: String, from directory: URL) throws -> Style {
        var chain: [YAMLReader] = []
        var visiting: [String] = []
        var next: String? = name
        var requestedBy: YAMLReader?
        var usedBuiltIn = false
        while let current = next {
            // A folder's file comes first; `default` named again by the folder's own default.yaml (or with
            // no file for it) is the built-in one.
            let fromFolder = hasFile(current, in: directory) && !visiting.contains(current)
            if !fromFolder && (current != builtInName || usedBuiltIn) && visiting.contains(current) {
                throw StyleError.cycle(visiting + [current])
            }
            visiting.append(current)
            let root: YAMLReader
            if fromFolder {
                let url = directory.appendingPathComponent("\(current).yaml")
                root = try YAMLReader.parse(try SurveyLoader.readText(url), file: SurveyLoader.display(url))
            } else if current == builtInName && !usedBuiltIn {
                usedBuiltIn = true
                root = try YAMLReader.parse(builtInText, file: builtInFile)
            } else {
                let available = available(in: directory)
                if let requestedBy, let ext = try requestedBy.optional("extends") {
                    throw ext.error("no style '\(current)' to extend; available: \(available.joined(separator: ", "))")
                }
                throw StyleError.unknown(current, available: available, folder: SurveyLoader.display(directory))
            }
            try root.checkFields(Set(["format", "extends", "description", "questions"]).union(StyleFields.groups))
            try checkFormat(root)
            chain.insert(root, at: 0)
            requestedBy = root
            next = try root.optional("extends")?.string()
        }
        return try read(chain: chain, name: name)
    }

    /// Reads one style file's text (no `extends:`), for tests and for styles that do not live in a folder.
    package static func read(_ text: String, file: String, name: String) throws -> Style {
        let root = try YAMLReader.parse(text, file: file)
        try root.checkFields(Set(["format", "description", "questions"]).union(StyleFields.groups))
        try checkFormat(root)
        return try read(chain: [root], name: name)
    }

    static func checkFormat(_ root: YAMLReader) throws {
        let field = try root.required("format")
        let format = try field.string()
        guard format == formatName else { throw field.error("unsupported format '\(format)'; expected '\(formatName)'") }
    }

    /// Applies the files from the most basic to the named one, then the per-question variants on the result.
    static func read(chain: [YAMLReader], name: String) throws -> Style {
        var style = Style(name: name)
        for root in chain { try StyleFields.apply(root, to: &style) }
        try StyleLimits.checkPixels(style.page, chain: chain, question: nil)
        var variants: [String: [YAMLReader]] = [:]
        var order: [String] = []
        for root in chain {
            guard let questions = try root.optional("questions") else { continue }
            for (id, reader) in try questions.mapping() {
                if variants[id] == nil { order.append(id) }
                variants[id, default: []].append(reader)
            }
        }
        var questionStyles: [String: Style] = [:]
        for id in order {
            var variant = style
            for reader in variants[id]! {
                try reader.checkFields(StyleFields.groups)
                try StyleFields.apply(reader, to: &variant)
            }
            try StyleLimits.checkPixels(variant.page, chain: variants[id]!, question: id)
            questionStyles[id] = variant
        }
        style.questionStyles = questionStyles
        return style
    }
}

/// The style file's fields: group → field → how to read it into `Style`.
enum StyleFields {
    typealias Setter = @Sendable (YAMLReader, inout Style) throws -> Void

    static let groups: Set<String> = Set(table.keys)

    static func apply(_ root: YAMLReader, to style: inout Style) throws {
        for (group, reader) in try root.mapping() {
            guard let fields = table[group] else { continue }
            for (field, value) in try reader.mapping(allowed: Set(fields.keys)) {
                try fields[field]!(value, &style)
            }
        }
    }

    static let table: [String: [String: Setter]] = [
        "page": [
            "width-mm": { r, s in s.page.widthMM = try r.bounded(StyleLimits.widthMM, "mm") },
            "aspect-ratio": { r, s in s.page.aspectRatio = try r.aspectRatio() },
            "margin-mm": { r, s in s.page.marginMM = try r.bounded(StyleLimits.marginMM, "mm") },
            "dpi": { r, s in s.page.dpi = try r.bounded(StyleLimits.dpi, "dpi") },
            "shrink-to-fit": { r, s in
                let f = try r.number()
                guard f > 0.2, f <= 1 else { throw r.error("expected a factor between 0.2 and 1, found \(f)") }
                s.page.shrinkToFit = f
            },
            "grow-to-fit": { r, s in
                let f = try r.number()
                guard f >= 1, f <= 3 else { throw r.error("expected a factor between 1 and 3, found \(f)") }
                s.page.growToFit = f
            },
            "svg-text": { r, s in s.page.svgText = try r.choice(SVGTextMode.self) },
            "logo": { r, s in s.page.logo = try r.logoPath() },
        ],
        "fonts": [
            "family": { r, s in s.fonts.family = try r.string() },
            "title-size": { r, s in s.fonts.titleSize = try r.bounded(StyleLimits.fontSize, "pt") },
            "question-size": { r, s in s.fonts.questionSize = try r.bounded(StyleLimits.fontSize, "pt") },
            "description-size": { r, s in s.fonts.descriptionSize = try r.bounded(StyleLimits.fontSize, "pt") },
            "label-size": { r, s in s.fonts.labelSize = try r.bounded(StyleLimits.fontSize, "pt") },
            "value-size": { r, s in s.fonts.valueSize = try r.bounded(StyleLimits.fontSize, "pt") },
            "segment-size": { r, s in s.fonts.segmentSize = try r.bounded(StyleLimits.fontSize, "pt") },
            "legend-size": { r, s in s.fonts.legendSize = try r.bounded(StyleLimits.fontSize, "pt") },
            "note-size": { r, s in s.fonts.noteSize = try r.bounded(StyleLimits.fontSize, "pt") },
            "source-size": { r, s in s.fonts.sourceSize = try r.bounded(StyleLimits.fontSize, "pt") },
            "line-spacing": { r, s in s.fonts.lineSpacing = try r.bounded(StyleLimits.lineSpacing, "× the font size") },
        ],
        "colors": [
            "background": { r, s in s.colors.background = try r.color() },
            "text": { r, s in s.colors.text = try r.color() },
            "muted-text": { r, s in s.colors.mutedText = try r.color() },
            "light-text": { r, s in s.colors.lightText = try r.color() },
            "bar": { r, s in s.colors.bar = try r.color() },
            "track": { r, s in s.colors.track = try r.isNone() ? nil : try r.color() },
            "rule": { r, s in s.colors.rule = try r.color() },
            // The old single field for "Inte relevant": the colour of the does-not-apply fill (its pattern stays).
            "not-applicable": { r, s in
                let c = try r.color()
                s.colors.notApplicable = c
                s.colors.answerKinds[.doesNotApply, default: Fill(color: c)].color = c
            },
            "diverging-palettes": { r, s in s.colors.scalePalettes = try r.palettes() },
            // The old name of `diverging-palettes`, still read.
            "scale-palettes": { r, s in s.colors.scalePalettes = try r.palettes() },
            "sequential-palettes": { r, s in s.colors.sequentialPalettes = try r.palettes() },
            "answer-kinds": { r, s in
                let kinds = Dictionary(uniqueKeysWithValues: AnswerKind.nonSubstantive.map { ($0.yamlName, $0) })
                for (key, entry) in try r.mapping(allowed: Set(kinds.keys)) {
                    let kind = kinds[key]!
                    var fill = s.colors.fill(for: kind)
                    for (field, value) in try entry.mapping(allowed: ["color", "pattern"]) {
                        if field == "color" { fill.color = try value.color() } else { fill.pattern = try value.choice(FillPattern.self) }
                    }
                    s.colors.answerKinds[kind] = fill
                    if kind == .doesNotApply { s.colors.notApplicable = fill.color }
                }
            },
            "category-palette": { r, s in
                let colors = try r.sequence().map { try $0.color() }
                guard !colors.isEmpty else { throw r.error("a palette needs at least one colour") }
                s.colors.categoryPalette = colors
            },
        ],
        "show": [
            "title": { r, s in s.show.title = try r.bool() },
            "question": { r, s in s.show.question = try r.bool() },
            "description": { r, s in s.show.description = try r.bool() },
            "note": { r, s in s.show.note = try r.bool() },
            "source": { r, s in s.show.source = try r.bool() },
            "legend": { r, s in s.show.legend = try r.bool() },
        ],
        "bars": [
            "height": { r, s in s.bars.height = try r.bounded(StyleLimits.length, "pt") },
            "row-gap": { r, s in s.bars.rowGap = try r.bounded(StyleLimits.gap, "pt") },
            "label-column-fraction": { r, s in
                let f = try r.number()
                guard f > 0.1, f < 0.8 else { throw r.error("expected a fraction between 0.1 and 0.8, found \(f)") }
                s.bars.labelColumnFraction = f
            },
            "label-position": { r, s in s.bars.labelPosition = try r.choice(LabelPosition.self) },
            "max-label-lines": { r, s in s.bars.maxLabelLines = Int(try r.bounded(StyleLimits.labelLines, "lines")) },
            "scale": { r, s in s.bars.scale = try r.choice(BarScale.self) },
            "value-decimals": { r, s in s.bars.valueDecimals = try r.decimals() },
            "sort-multiple-choice": { r, s in s.bars.sortMultipleChoice = try r.bool() },
        ],
        "grid": [
            "layout": { r, s in s.grid.layout = try r.choice(GridLayout.self) },
            "segment-decimals": { r, s in s.grid.segmentDecimals = try r.decimals() },
            "segment-label-threshold": { r, s in s.grid.segmentLabelThreshold = try r.bounded(StyleLimits.percent, "%") },
            "not-applicable": { r, s in s.grid.notApplicable = try r.choice(NotApplicableDisplay.self) },
            "rebase": { r, s in s.grid.rebase = try r.bool() },
            "net-points": { r, s in
                let n = try r.integer()
                guard (0...InputLimits.maxScalePoints).contains(n) else { throw r.error("expected 0 (no net) or a number of points up to \(InputLimits.maxScalePoints), found \(n)") }
                s.grid.netPoints = n
            },
            "statistic": { r, s in s.grid.statistic = try r.choice(GridStatistic.self) },
            "base-n": { r, s in s.grid.baseN = try r.bool() },
            "sort": { r, s in s.grid.sort = try r.choice(GridSort.self) },
            "rounding": { r, s in s.grid.rounding = try r.choice(DisplayRounding.self) },
            "total": { r, s in s.grid.total = try r.bool() },
            "low-base": { r, s in
                let n = try r.integer()
                guard n >= 0 else { throw r.error("expected 0 (never marked) or a number of answers, found \(n)") }
                s.grid.lowBase = n
            },
        ],
        "multi-select": [
            "counts": { r, s in s.multiSelect.counts = try r.bool() },
            "total": { r, s in s.multiSelect.total = try r.bool() },
        ],
        "tables": [
            "counts": { r, s in s.tables.counts = try r.bool() },
        ],
    ]
}

extension YAMLReader {
    /// A number within `range` (a documented limit, Docs/security.md), else an error naming the field and range.
    func bounded(_ range: ClosedRange<Double>, _ unit: String) throws -> Double {
        let v = try number()
        guard range.contains(v) else {
            throw error("\(StyleLimits.show(v)) is out of range; expected \(StyleLimits.show(range.lowerBound)) to \(StyleLimits.show(range.upperBound)) \(unit)")
        }
        return v
    }

    func positive() throws -> Double {
        let v = try number()
        guard v > 0 else { throw error("expected a number above 0, found \(v)") }
        return v
    }

    func nonNegative() throws -> Double {
        let v = try number()
        guard v >= 0 else { throw error("expected a number of 0 or more, found \(v)") }
        return v
    }

    func positiveInteger() throws -> Int {
        let v = try integer()
        guard v > 0 else { throw error("expected a whole number above 0, found \(v)") }
        return v
    }

    func decimals() throws -> Int {
        let v = try integer()
        guard (0...3).contains(v) else { throw error("expected 0 to 3 decimals, found \(v)") }
        return v
    }

    /// `{2: ["#…", "#…"], 3: […], …}`: palettes by number of scale points, each with exactly that many colours.
    func palettes() throws -> [Int: [StyleColor]] {
        var palettes: [Int: [StyleColor]] = [:]
        for (key, list) in try mapping() {
            guard let n = Int(key), n > 0 else { throw list.error("expected a number of scale points as key, found '\(key)'") }
            let colors = try list.sequence().map { try $0.color() }
            guard colors.count == n else { throw list.error("a \(n)-point palette needs \(n) colours, found \(colors.count)") }
            palettes[n] = colors
        }
        return palettes
    }

    func isNone() throws -> Bool {
        guard case .scalar(let s) = node else { return false }
        return s.style == .plain && s.string == "none"
    }

    /// `#rrggbb`, quoted in the file because `#` starts a YAML comment.
    func color() throws -> StyleColor {
        guard case .scalar(let s) = node else { throw error("expected a colour \"#rrggbb\", found \(kindName)") }
        if s.style == .plain && s.string.isEmpty {
            throw error("expected a colour; write it in quotes (\"#2166ac\"), since an unquoted # starts a comment")
        }
        guard let c = StyleColor(hex: s.string) else { throw error("expected a colour \"#rrggbb\", found '\(s.string)'") }
        return c
    }

    /// `16:9` or a number (width ÷ height).
    func aspectRatio() throws -> Double? {
        if try isNone() { return nil }
        let text = try string()
        let ratio: Double
        if text.contains(":") {
            guard let parsed = StyleLimits.parseAspectRatio(text) else {
                throw error("expected a ratio such as 16:9, a number, or none; found '\(YAMLReader.excerpt(text))'")
            }
            ratio = parsed
        } else {
            ratio = try positive()
        }
        guard ratio.isFinite, StyleLimits.aspectRatio.contains(ratio) else {
            throw error("aspect ratio '\(YAMLReader.excerpt(text))' is out of range; expected width ÷ height from \(StyleLimits.show(StyleLimits.aspectRatio.lowerBound)) to \(StyleLimits.show(StyleLimits.aspectRatio.upperBound)) (16:9 is 1.78)")
        }
        return ratio
    }

    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let s = try string()
        guard let v = T(rawValue: s) else {
            throw error("unknown value '\(s)'; expected one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }
}

/// A style that cannot be found, or whose `extends:` chain loops.
package enum StyleError: Error, CustomStringConvertible, Sendable {
    case unknown(String, available: [String], folder: String)
    case cycle([String])
    package var description: String {
        switch self {
        case .unknown(let name, let available, let folder):
            "error: no style '\(name)' (no \(name).yaml in the styles folder '\(folder)', and it is not built in); "
                + "available: \(available.joined(separator: ", "))"
        case .cycle(let names):
            "error: styles extend each other in a loop: \(names.joined(separator: " → "))"
        }
    }
}

/// The ranges style values must lie in, so that no size reaches Cairo unbounded (Docs/security.md).
package enum StyleLimits {
    /// Width ÷ height from `16:9` or `1.78` (positive parts), without the range check; nil for anything else.
    /// Style files and `stapel render --aspect` read ratios alike.
    package static func parseAspectRatio(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, let w = Double(parts[0]), let h = Double(parts[1]), w > 0, h > 0 { return w / h }
        if parts.count == 1, let r = Double(text), r > 0 { return r }
        return nil
    }

    package static let widthMM: ClosedRange<Double> = 10...2000
    package static let marginMM: ClosedRange<Double> = 0...200
    package static let dpi: ClosedRange<Double> = 36...2400
    package static let fontSize: ClosedRange<Double> = 1...200
    package static let lineSpacing: ClosedRange<Double> = 0.5...5
    package static let length: ClosedRange<Double> = 0.5...500
    package static let gap: ClosedRange<Double> = 0...500
    package static let labelLines: ClosedRange<Double> = 1...100
    package static let percent: ClosedRange<Double> = 0...100
    package static let aspectRatio: ClosedRange<Double> = 0.1...10

    static func show(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e15 else { return "\(v)" }
        return v == v.rounded() ? String(Int(v)) : "\(v)"
    }

    /// A PNG `width-mm` × `dpi` wide (and, with a fixed aspect ratio, that ÷ the ratio tall) must stay within
    /// `InputLimits.maxPixelsPerSide`; the error names the last file and line that set `dpi` or `width-mm`.
    static func checkPixels(_ page: Style.Page, chain: [YAMLReader], question: String?) throws {
        let width = page.widthMM / 25.4 * page.dpi
        let height = page.aspectRatio.map { width / $0 } ?? 0
        let limit = Double(InputLimits.maxPixelsPerSide)
        guard width > limit || height > limit else { return }
        var culprit: YAMLReader?
        for root in chain {
            guard let pageReader = try root.optional("page") else { continue }
            for field in width > limit ? ["width-mm", "dpi"] : ["width-mm", "dpi", "aspect-ratio"] {
                if let r = try pageReader.optional(field) { culprit = r }
            }
        }
        let what = "a PNG \(Int(width.rounded())) × \(Int(height.rounded())) px (width-mm \(show(page.widthMM)) at \(show(page.dpi)) dpi)"
            + (question.map { " for question \($0)" } ?? "")
            + " is larger than \(InputLimits.maxPixelsPerSide) px a side; lower dpi or width-mm"
        if let culprit { throw culprit.error(what) }
        throw chain.last.map { $0.error(what) } ?? DataError(SourceLocation(file: "style", line: 1, column: 1), path: "page", what)
    }
}

extension YAMLReader {
    /// A logo file (`.svg` or `.png`), relative to the style file's folder or absolute, that must exist.
    func logoPath() throws -> String {
        let text = try string()
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        let url = text.hasPrefix("/") ? URL(fileURLWithPath: text) : base.appendingPathComponent(text)
        let ext = url.pathExtension.lowercased()
        guard ext == "svg" || ext == "png" else { throw error("a logo is an .svg or .png file, found '\(text)'") }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw error("no logo file '\(text)' (looked for \(url.standardizedFileURL.path))")
        }
        return url.standardizedFileURL.path
    }
}
