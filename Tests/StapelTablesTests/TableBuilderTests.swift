import Stapel
import Testing

@Suite struct TableBuilderTests {
    @Test func bundledSurveyLoads() throws {
        let survey = try bundledLoader.loadSurvey()
        #expect(survey.questions.count == 38)
        #expect(bundledQuestionIDs.count == 38)
        #expect(bundledLabels.keys.sorted() == ["en", "sv"])
    }

    @Test func choiceTable() throws {
        let table = try TableBuilder(try bundledRequest("q02")).build()
        #expect(table.stubHeader == "Svarsalternativ")
        #expect(table.columns.map(\.header) == ["Antal", "Andel (%)"])
        #expect(table.columns.map(\.measure) == [.count, .percent])
        #expect(table.rows.first?.cells == [54, 83.1])
        #expect(table.rows.allSatisfy { $0.kind == .option })
        #expect(table.notes.prefix(3) == ["Antal svar: 65", "Valda alternativ: 444",
                                          "Flera svarsalternativ kunde väljas; andelarna summerar till mer än 100 %."])
        #expect(table.title == "Fråga 2")
    }

    @Test func gridTableHasTotalAndNotApplicableColumn() throws {
        let table = try TableBuilder(try bundledRequest("q42")).build()
        #expect(table.columns.count == 8)
        #expect(table.columns.map(\.measure) == [.percent, .percent, .percent, .percent, .percent, .percent, .mean, .median])
        #expect(table.columns.map(\.setApart) == [false, false, false, false, false, true, false, false])
        #expect(table.columns[5].flatHeader == "Inte relevant (%)")
        #expect(table.groups == [ColumnGroup(title: "Andel (%)", columns: 0..<6)])
        let total = try #require(table.rows.last)
        #expect(total.kind == .total && total.id == TableRow.totalID && total.stub == "Totalt")
        #expect(total.cells == [31.6, 23.8, 8.1, 7.1, 2.5, 27.0, 3.0, 3.0])
        #expect(table.notes.contains("”Inte relevant” visas för sig och ingår inte i medelvärdet."), "\(table.notes)")
    }

    @Test func multiSelectTableHasCountsSharesAndNoShareForTheTotal() throws {
        let table = try TableBuilder(try bundledRequest("q35", language: "en")).build()
        #expect(table.columns.count == 4 * 2 + 2)
        #expect(table.groups.count == 4 && table.groups[0].columns == 0..<2)
        #expect(table.columns[0].flatHeader.hasSuffix(": n") && table.columns[1].flatHeader.hasSuffix(": Share (%)"))
        let register = try #require(table.rows.first)
        let share = try #require(register.cells[1])
        #expect(register.cells[0] == 38 && abs(share - 38.0 / 94 * 100) < 1e-9)
        let total = try #require(table.rows.last)
        #expect(total.kind == .total && total.cells[0] == 200 && total.cells[1] == nil)
    }

    @Test func tidyRecordsRepeatTheStatementsMeanOnEachOption() throws {
        let table = try TableBuilder(try bundledRequest("q05")).build()
        let records = table.tidyRecords
        #expect(records.count == table.rows.count * 5)
        let first = try #require(records.first)
        #expect(first.statement?.id == table.rows[0].id && first.option.id == "inget")
        #expect(records.prefix(5).allSatisfy { $0.values[.mean] == table.rows[0].cells[5] })
        #expect(records.last?.statement?.id == TableRow.totalID)
    }

    @Test func gridRowWithTheWrongNumberOfPercentsIsAnError() throws {
        var request = try bundledRequest("q05")
        guard case .grid(var grid) = request.question else {
            Issue.record("q05 is a grid")
            return
        }
        grid.rows[0].percents.removeLast()
        request.question = .grid(grid)
        #expect(throws: TableError.self) { try TableBuilder(request).build() }
    }

    @Test func registryHasTheTableBackends() {
        let registry = BackendRegistry.builtIn
        for name in ["csv", "tex", "md"] {
            #expect(registry.backend(named: name)?.fileExtension == name)
            #expect(registry.backend(named: name)?.usesFonts == false)
        }
        #expect(registry.backend(named: "csv")?.options.map(\.name) == ["csv-layout", "csv-dialect", "csv-injection-guard"])
        #expect(registry.backend(named: "tex")?.options.map(\.name) == ["latex-standalone"])
    }
}
