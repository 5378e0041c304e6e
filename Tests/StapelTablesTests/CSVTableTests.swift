import Foundation
import Stapel
@testable import StapelTables
import Testing

@Suite struct CSVTableTests {
    /// Every question in both languages, written by the csv backend in one layout and dialect, read back by
    /// Python's csv module and compared number by number (and id by id, label by label) with the model.
    @Test(arguments: CSVDialect.allCases, CSVLayout.allCases)
    func bundledCSVReadsBackToTheModel(dialect: CSVDialect, layout: CSVLayout) throws {
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var files: [(url: URL, dialect: CSVDialect)] = []
        var requests: [URL: RenderRequest] = [:]
        // Both bundled surveys: the Swedish one (percents only) and ANES 1996 (counts given for every row).
        for (loader, languages) in [(bundledLoader, bundledLanguages), (anesLoader, anesLanguages)] {
            let survey = try loader.loadSurvey()
            for language in languages {
                for question in survey.questions {
                    let request = try surveyRequest(loader, question.id, language: language, options: options(layout: layout, dialect: dialect))
                    let bytes = try Backend.csv.render(request)
                    expectDialectBytes(bytes, dialect, "\(survey.id)/\(language)/\(question.id)")
                    let url = try scratch.write(bytes, to: "\(survey.id)/\(language)/\(question.id).csv")
                    files.append((url, dialect))
                    requests[url] = request
                }
            }
        }
        let read = try CSVReadBack.read(files, in: scratch)
        var compared = 0
        for (url, _) in files {
            let request = try #require(requests[url])
            let records = try #require(read[url], "python3 did not read \(url.lastPathComponent)")
            let what = "\(request.labels.language)/\(request.question.id) \(layout.rawValue) \(dialect.rawValue)"
            switch layout {
            case .tidy: compared += compareTidy(records, request, dialect, what)
            case .wide: compared += compareWide(records, request, dialect, what)
            }
        }
        // Every question has numbers, so a reader that returned nothing cannot pass.
        #expect(compared > 38 * 2 * 4)
        print("CSV \(layout.rawValue) \(dialect.rawValue): \(files.count) files read back, \(compared) numbers compared with the model")
    }

    /// A formula in a label comes out inert in every dialect by default (issue 11: rfc4180 files are opened in
    /// spreadsheets too), and as the exact text only where the guard is turned off explicitly.
    @Test(arguments: [(CSVDialect.excelSV, nil as Bool?, true), (.rfc4180, true, true), (.rfc4180, nil, true),
                      (.rfc4180, false, false), (.excelSV, false, false)])
    func formulaInALabel(dialect: CSVDialect, guarded: Bool?, expectGuard: Bool) throws {
        let formula = "=HYPERLINK(\"http://x\")"
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var files: [(url: URL, dialect: CSVDialect)] = []
        for layout in CSVLayout.allCases {
            let request = try bundledRequest("q01", options: options(layout: layout, dialect: dialect, guarded: guarded),
                                             overriding: ["questions.q01.options.ja": formula, "questions.q01.text": formula])
            files.append((try scratch.write(try Backend.csv.render(request), to: "\(layout.rawValue).csv"), dialect))
        }
        let read = try CSVReadBack.read(files, in: scratch)
        let expected = expectGuard ? "'" + formula : formula
        let tidy = try #require(read[files[0].url])
        #expect(tidy.count == 3 && tidy.allSatisfy { $0.count == CSVTableWriter.tidyHeader.count })
        #expect(tidy[1][1] == expected && tidy[1][6] == expected)
        #expect(tidy[1][7] == "67", "the record stays whole: \(tidy[1])")
        let wide = try #require(read[files[1].url])
        #expect(wide[1] == [expected, "67", dialect == .excelSV ? "48,9" : "48.9"])
    }

    @Test func labelWithSeparatorsQuotesAndNewlineReadsBackExactly() throws {
        let label = "alfa | beta\ngamma; \"delta\", epsilon\r\nzeta"
        let scratch = try Scratch()
        defer { scratch.cleanUp() }
        var files: [(url: URL, dialect: CSVDialect)] = []
        for dialect in CSVDialect.allCases {
            let request = try bundledRequest("q01", options: options(layout: .wide, dialect: dialect),
                                             overriding: ["questions.q01.options.ja": label])
            files.append((try scratch.write(try Backend.csv.render(request), to: "\(dialect.rawValue).csv"), dialect))
        }
        let read = try CSVReadBack.read(files, in: scratch)
        for file in files {
            let records = try #require(read[file.url])
            #expect(records.count == 3)
            #expect(records[1].first == label, "\(file.dialect): \(records[1])")
        }
    }

    @Test func quotingFollowsRFC4180() {
        let writer = CSVTableWriter(dialect: .rfc4180)
        #expect(writer.encode(.text("plain")) == "plain")
        #expect(writer.encode(.text("a,b")) == "\"a,b\"")
        #expect(writer.encode(.text("say \"hi\"")) == "\"say \"\"hi\"\"\"")
        #expect(writer.encode(.text("a\rb")) == "\"a\rb\"")
        #expect(writer.encode(.text("a;b")) == "a;b")
        let excel = CSVTableWriter(dialect: .excelSV)
        #expect(excel.encode(.text("a;b")) == "\"a;b\"")
        #expect(excel.encode(.text("a,b")) == "a,b")
        #expect(excel.encode(.text("-x")) == "\"'-x\"")
        // Numbers the tool writes are never guarded, even negative ones.
        #expect(excel.encode(.number("-1,5")) == "-1,5")
    }

    @Test func formulaDetection() {
        for text in ["=1+1", "+1+1", "-x", "@SUM(A1)", "\tx", "\rx", "\nx"] {
            #expect(CSVTableWriter.isFormulaLike(text), "\(text.debugDescription)")
        }
        for text in ["Ja", "", "-5", "+3.5", "a=b", " =1"] {
            #expect(!CSVTableWriter.isFormulaLike(text), "\(text.debugDescription)")
        }
    }

    @Test func unknownOptionsAreClearErrors() throws {
        // Options are checked against the backends' declarations before any backend runs.
        #expect(throws: OptionError.badValue(option: "csv-dialect", value: "excel", allowed: ["rfc4180", "excel-sv"])) {
            try BackendRegistry.builtIn.options(from: [("csv-dialect", "excel")])
        }
        #expect(throws: OptionError.self) { try BackendRegistry.builtIn.options(from: [("csv-layout", "long")]) }
        #expect(throws: OptionError.self) { try BackendRegistry.builtIn.options(from: [("csv-layuot", "wide")]) }
        let set = try BackendRegistry.builtIn.options(from: [("csv-layout", "wide"), ("latex-standalone", "true")])
        #expect(BackendOptions.csvLayout.value(in: set) == .wide && BackendOptions.latexStandalone.value(in: set))
        #expect(BackendOptions.csvDialect.value(in: set) == .rfc4180)
    }
}

/// BOM for excel-sv only, and CRLF after every record.
func expectDialectBytes(_ bytes: [UInt8], _ dialect: CSVDialect, _ what: String,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    #expect(Array(bytes.prefix(3)) == bom || dialect != .excelSV, "\(what): excel-sv needs a BOM", sourceLocation: sourceLocation)
    #expect(Array(bytes.prefix(3)) != bom || dialect == .excelSV, "\(what): rfc4180 has no BOM", sourceLocation: sourceLocation)
    let text = utf8(bytes)
    #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"),
            "\(what): records end with CRLF", sourceLocation: sourceLocation)
}

/// Parses a number the way a reader of `dialect` would, checking its decimal marker.
func parse(_ field: String, _ dialect: CSVDialect) -> Double? {
    let other = dialect == .excelSV ? "." : ","
    guard !field.contains(other) else { return nil }
    return Double(field.replacingOccurrences(of: ",", with: "."))
}

/// Compares one CSV number with the model's value: equal to within half a unit of its last printed decimal.
func expectNumber(_ field: String?, _ value: Double?, decimals: Int, _ dialect: CSVDialect, _ what: String,
                  sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
    guard let field else {
        Issue.record("\(what): missing field", sourceLocation: sourceLocation)
        return 0
    }
    guard let value else {
        #expect(field.isEmpty, "\(what): expected an empty field, read '\(field)'", sourceLocation: sourceLocation)
        return 0
    }
    guard let parsed = parse(field, dialect) else {
        Issue.record("\(what): '\(field)' is not a \(dialect.rawValue) number", sourceLocation: sourceLocation)
        return 0
    }
    let tolerance = (decimals == 0 ? 0 : 0.05) + 1e-9
    #expect(abs(parsed - value) <= tolerance, "\(what): read \(parsed), the model has \(value)", sourceLocation: sourceLocation)
    return 1
}

func compareTidy(_ records: [[String]], _ request: RenderRequest, _ dialect: CSVDialect, _ what: String) -> Int {
    guard let header = records.first, header == CSVTableWriter.tidyHeader else {
        Issue.record("\(what): header \(records.first ?? [])")
        return 0
    }
    let expected = ModelOracle.records(request.question, in: request.survey)
    let body = Array(records.dropFirst())
    guard body.count == expected.count else {
        Issue.record("\(what): \(body.count) records, the model has \(expected.count)")
        return 0
    }
    let labels = request.labels
    var compared = 0
    for (fields, record) in zip(body, expected) {
        let w = "\(what) \(record.statementID)/\(record.optionID)"
        guard fields.count == header.count else {
            Issue.record("\(w): \(fields.count) fields")
            continue
        }
        #expect(fields[0] == request.question.id && fields[1] == labels.text("questions.\(request.question.id).text"), "\(w)")
        #expect(fields[2] == record.statementID, "\(w): statement id \(fields[2])")
        #expect(fields[3] == (record.statementKey.map { labels.text($0) } ?? (record.statementID.isEmpty ? "" : labels.text("ui.total"))), "\(w)")
        #expect(fields[4] == record.optionID && fields[6] == labels.text(record.optionKey), "\(w): option \(fields[4]) \(fields[6])")
        #expect(fields[5] == (record.optionCode ?? ""), "\(w): option code \(fields[5])")
        compared += expectNumber(fields[7], record.n, decimals: 0, dialect, "\(w) n")
        compared += expectNumber(fields[8], record.percent, decimals: 1, dialect, "\(w) percent")
        compared += expectNumber(fields[9], Double(record.respondents), decimals: 0, dialect, "\(w) respondents")
        compared += expectNumber(fields[10], record.mean, decimals: 1, dialect, "\(w) mean")
        compared += expectNumber(fields[11], record.median, decimals: 1, dialect, "\(w) median")
        compared += expectNumber(fields[12], record.selections.map(Double.init), decimals: 0, dialect, "\(w) selections")
    }
    return compared
}

func compareWide(_ records: [[String]], _ request: RenderRequest, _ dialect: CSVDialect, _ what: String) -> Int {
    let rows = ModelOracle.rows(request.question, in: request.survey)
    guard records.count == rows.count + 1 else {
        Issue.record("\(what): \(records.count) records, the model's table has \(rows.count) rows and a header")
        return 0
    }
    let width = (rows.first?.values.count ?? 0) + 1
    #expect(records.allSatisfy { $0.count == width }, "\(what): every record has \(width) fields")
    var compared = 0
    for (fields, row) in zip(records.dropFirst(), rows) {
        let stub = row.labelKey.map { request.labels.text($0) } ?? request.labels.text("ui.total")
        #expect(fields.first == stub, "\(what) \(row.id): stub \(fields.first ?? "")")
        for (j, value) in row.values.enumerated() {
            compared += expectNumber(j + 1 < fields.count ? fields[j + 1] : nil, value.value, decimals: value.decimals,
                                     dialect, "\(what) \(row.id)[\(j)]")
        }
    }
    return compared
}
