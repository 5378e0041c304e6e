import Foundation
import Stapel
import StapelLabels
import Testing

/// A deterministic fuzz run of the survey, label-set, style and PO readers (and the validator behind them):
/// seeded mutations of the bundled files' bytes plus random YAML structures. Every input must either read or
/// fail with a `DataError`/`POError` naming the file and a line — no trap, no other error, no input taking
/// longer than its time bound. Budget: `FuzzBudget.iterations` inputs per reader (2,000 by default;
/// `STAPEL_FUZZ_ITERATIONS` raises it for a longer run), seed `STAPEL_FUZZ_SEED` (default 11).
@Suite struct ReaderFuzzTests {
    enum FuzzBudget {
        static let iterations = ProcessInfo.processInfo.environment["STAPEL_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 2_000
        static let seed = ProcessInfo.processInfo.environment["STAPEL_FUZZ_SEED"].flatMap(UInt64.init) ?? 11
        /// The longest one input may take (debug build, shared machine).
        static let perInput: TimeInterval = 3
    }

    /// SplitMix64: small, fast, the same sequence on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Tokens that have broken YAML and PO readers elsewhere.
    static let tokens: [String] = [
        "&a ", "*a", "&b [*a, *a, *a]", "<<: *a", "[", "]", "{", "}", "- ", ": ", ", ", "? ", "|\n", ">-\n", "\"", "'", "\\",
        "\\x", "\\xFFFFFFFFFFFF", "\\u", "\\U0010FFFF", "\\0", "\\777", "99999999999999999999999", "-9223372036854775808",
        "1e308", ".inf", "-.nan", "0x1F", "0o17", "1_000", "1,5", "1.5.5", "~", "null", "yes", "NO", "\u{0}", "\u{1B}[2J", "\u{7F}",
        "\u{FEFF}", "\u{2028}", "\u{202E}", "\r", "\r\n", "\t", "\n", "\n  ", "#", "!!binary ", "!!python/object ", "%YAML 1.1\n",
        "---\n", "...\n", "msgid ", "msgstr ", "msgctxt ", "msgid_plural ", "msgstr[0] ", "#, fuzzy\n", "#~ ", "\"\\n\"",
        "{value}", "%", "$", "\\input{x}", "<script>", "=1+1", "../", String(repeating: "a", count: 6_000),
    ]

    static func mutate(_ base: [UInt8], _ r: inout Random) -> [UInt8] {
        var bytes = base
        for _ in 0...r.below(4) {
            let at = r.below(bytes.count + 1)
            switch r.below(7) {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] = UInt8(r.below(256))
            case 1: bytes.insert(contentsOf: Array(r.pick(tokens).utf8), at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + r.below(64))
                bytes.removeSubrange(min(at, end)..<end)
            case 3 where !bytes.isEmpty:
                let start = r.below(bytes.count), end = min(bytes.count, start + r.below(200))
                bytes.insert(contentsOf: bytes[start..<end], at: at)
            case 4: bytes = Array(bytes.prefix(at))
            case 5 where !bytes.isEmpty:   // change a digit into a long number
                if let i = bytes.indices.dropFirst(at).first(where: { bytes[$0] >= 48 && bytes[$0] <= 57 }) {
                    bytes.insert(contentsOf: Array(String(repeating: "9", count: 1 + r.below(40)).utf8), at: i)
                }
            default: bytes.insert(contentsOf: Array(r.pick(tokens).utf8), at: r.below(bytes.count + 1))
            }
        }
        return bytes
    }

    /// A random YAML document: nested mappings and lists of hostile scalars, sometimes with anchors and aliases.
    static func structure(_ r: inout Random, depth: Int = 0, anchors: inout Int) -> String {
        let scalars = ["a", "\"x\"", "'y'", "1", "-1", "40.0", "99999999999999999999", "\"\\0\"", "\"\\e\"", "null", "\"\"",
                       "\"{value}\"", "en", "../x", "single-choice", "grid", "stapel-survey/1", "stapel-labels/1", "q01", "[]", "{}"]
        if depth > 4 || r.below(3) == 0 {
            if anchors > 0, r.below(8) == 0 { return "*a\(r.below(anchors))" }
            return r.pick(scalars)
        }
        let keys = ["format", "id", "language", "questions", "options", "kind", "respondents", "n", "percent", "rows",
                    "scales", "points", "score", "number", "percent", "page", "dpi", "width-mm", "text", "total", "q01", "x"]
        var prefix = ""
        if r.below(6) == 0 { prefix = "&a\(anchors) "; anchors += 1 }
        if r.below(2) == 0 {
            var seen: Set<String> = []
            var items: [String] = []
            for _ in 0..<r.below(5) {
                let key = r.pick(keys)
                if seen.insert(key).inserted { items.append("\(key): \(structure(&r, depth: depth + 1, anchors: &anchors))") }
            }
            return prefix + "{" + items.joined(separator: ", ") + "}"
        }
        return prefix + "[" + (0..<r.below(5)).map { _ in structure(&r, depth: depth + 1, anchors: &anchors) }.joined(separator: ", ") + "]"
    }

    enum Target: String, CaseIterable, Sendable { case survey, labels, style, po }

    static func bases(_ target: Target) throws -> [String] {
        func read(_ path: String) throws -> String { try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8) }
        switch target {
        case .survey: return [baseSurvey, try read("Surveys/digitalisering-2024/survey.yaml"), try read("Surveys/anes96/survey.yaml")]
        case .labels: return [baseLabels, try read("Surveys/digitalisering-2024/labels/sv.yaml"), try read("Sources/StapelYAML/Resources/Labels/de.yaml")]
        case .style: return [baseStyle, try read("Styles/default.yaml")]
        case .po:
            let loader = SurveyLoader(directory: bundledFolder)
            let catalog = LabelCatalog(survey: try loader.loadSurvey(), source: try loader.loadLabels("sv"))
            return [basePO, POWriter.write(POExport.file(catalog: catalog, target: try loader.loadLabels("en"), surveyID: "digitalisering-2024", revisionDate: "2024-01-01 00:00+0000"))]
        }
    }

    @Test(arguments: Target.allCases)
    func fuzz(_ target: Target) throws {
        var r = Random(state: FuzzBudget.seed &+ UInt64(Target.allCases.firstIndex(of: target)!) &* 7919)
        let bases = try Self.bases(target).map { Array($0.utf8) }
        let survey = try SurveyReader.read(baseSurvey, file: "survey.yaml")
        var accepted = 0, refused = 0
        var slowest: (TimeInterval, Int) = (0, 0)
        for i in 0..<FuzzBudget.iterations {
            let text: String
            if i % 4 == 3 {
                var anchors = 0
                let header = target == .survey ? "format: stapel-survey/1\nid: f\n" : target == .labels ? "format: stapel-labels/1\nlanguage: en\n"
                    : target == .style ? "format: stapel-style/1\n" : ""
                text = header + (target == .po ? "msgid \"\"\nmsgstr \"\"\n" + String(decoding: Self.mutate(Array(basePO.utf8), &r), as: UTF8.self)
                                 : "x: " + Self.structure(&r, anchors: &anchors) + "\n")
            } else {
                text = String(decoding: Self.mutate(r.pick(bases), &r), as: UTF8.self)
            }
            let file = "fuzz-\(i).\(target == .po ? "po" : "yaml")"
            let started = Date()
            do {
                switch target {
                case .survey:
                    let s = try SurveyReader.read(text, file: file)
                    _ = Validator().validate(s)
                case .labels:
                    let labels = try LabelSetReader.read(text, file: file)
                    _ = Validator().validate(labels, for: survey, file: file)
                    _ = labels.numberFormat.percent(12.5)
                case .style: _ = try StyleReader.read(text, file: file, name: "fuzz")
                case .po: _ = try POReader.read(text, file: file)
                }
                accepted += 1
            } catch let error as DataError {
                refused += 1
                #expect(error.location.file == file && error.location.line >= 1, "input \(i): \(error)")
            } catch let error as POError {
                refused += 1
                #expect(error.file == file && error.line >= 1, "input \(i): \(error)")
            } catch {
                Issue.record("input \(i): \(type(of: error)) is neither a DataError nor a POError: \(error)")
            }
            let took = Date().timeIntervalSince(started)
            if took > slowest.0 { slowest = (took, i) }
            #expect(took < FuzzBudget.perInput, "input \(i) took \(took) s:\n\(text.prefix(300))")
        }
        #expect(accepted + refused == FuzzBudget.iterations)
        print("fuzz \(target): \(FuzzBudget.iterations) inputs (seed \(FuzzBudget.seed)), \(accepted) read, \(refused) refused, slowest \(slowest.1) at \(String(format: "%.3f", slowest.0)) s")
    }
}
