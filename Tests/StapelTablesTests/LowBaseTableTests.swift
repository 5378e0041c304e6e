import Foundation
import Stapel
import StapelTables
import Testing

/// The printed tables mark a grid row on a low base like the chart, with the same note; data formats keep the
/// plain label and carry the base.
@Suite struct LowBaseTableTests {
    @Test func q36OtherObstacleIsMarkedInPrintAndNotInData() throws {
        let request = try bundledRequest("q36")
        let table = try TableBuilder(request).build()
        let other = try #require(table.rows.first { $0.id == "annat" })
        #expect(other.lowBase && other.base == 9)
        #expect(other.stub == "Annat hinder (beskriv i fritextfältet)")
        #expect(table.rows.filter(\.lowBase).map(\.id) == ["annat"])
        #expect(table.notes.contains("*\u{00A0}Färre än 30 svar."))
        #expect(table.printed.rows.first { $0.id == "annat" }?.stub == "Annat hinder (beskriv i fritextfältet)\u{00A0}*")
        let markdown = MarkdownTableWriter(numberFormat: request.numberFormat).write(table)
        #expect(markdown.contains("| Annat hinder (beskriv i fritextfältet)\u{00A0}\\* | 55,6 |"))
        let csv = String(decoding: try Backend.csv.render(request), as: UTF8.self)
        #expect(!csv.contains("fritextfältet)\u{00A0}*"))
    }

    @Test func choiceQuestionsAreNeverMarked() throws {
        let table = try TableBuilder(try bundledRequest("q01")).build()
        #expect(!table.rows.contains { $0.lowBase })
    }
}
