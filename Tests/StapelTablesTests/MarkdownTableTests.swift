import Foundation
import Stapel
import Testing

@Suite struct MarkdownTableTests {
    /// Every question in both languages: a GFM pipe table whose rows split into exactly the model's columns,
    /// numbers right-aligned and in the language's number format, equal to the model's.
    @Test(arguments: bundledLanguages, bundledQuestionIDs)
    func bundledTableMatchesTheModel(language: String, id: String) throws {
        let request = try bundledRequest(id, language: language)
        let markdown = utf8(try Backend.md.render(request))
        let table = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }.map { cells(of: $0) }
        let rows = ModelOracle.rows(request.question, in: request.survey)
        let width = (rows.first?.values.count ?? 0) + 1
        try #require(table.count == rows.count + 2, "header, alignment row and \(rows.count) rows:\n\(markdown)")
        #expect(table.allSatisfy { $0.count == width }, "every row has \(width) cells:\n\(markdown)")
        #expect(table[1] == [":--"] + Array(repeating: "--:", count: width - 1), "numbers are right-aligned")
        let format = request.numberFormat
        for (cells, row) in zip(table.dropFirst(2), rows) {
            let stub = row.labelKey.map { MarkdownTableWriter.escape(request.labels.text($0)) }
                ?? "**\(request.labels.text("ui.total"))**"
            // A row on a low base carries the marker after its label (LowBaseTableTests).
            #expect(cells.first == stub || cells.first == stub + "\u{00A0}\\*")
            for (cell, value) in zip(cells.dropFirst(), row.values) {
                let expected = value.value.map { value.decimals == 0 ? format.integer(Int($0.rounded())) : format.decimal($0, decimals: value.decimals) }
                #expect(cell == (expected ?? ""), "\(language)/\(id) \(row.id): \(cell)")
            }
        }
    }

    @Test func pipeAndNewlineInALabelStayInOneCell() throws {
        let request = try bundledRequest("q01", overriding: ["questions.q01.options.ja": "a | b\nc",
                                                            "questions.q01.text": "Fråga | med\nradbrytning"])
        let markdown = utf8(try Backend.md.render(request))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.contains("| a \\| b c | 67 | 48,9 |"), "\(markdown)")
        #expect(rows.allSatisfy { cells(of: $0).count == 3 })
        #expect(markdown.hasPrefix("**Fråga 1** Fråga \\| med radbrytning\n\n"))
    }

    @Test func escaping() {
        #expect(MarkdownTableWriter.escape("a|b") == "a\\|b")
        #expect(MarkdownTableWriter.escape("*x* _y_ `z` [l](u) <b>") == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\>")
        #expect(MarkdownTableWriter.escape("&amp; ~~s~~ \\") == "\\&amp; \\~\\~s\\~\\~ \\\\")
        #expect(MarkdownTableWriter.escape(" a\n\nb ") == "a b")
    }
}

/// The cells of a pipe-table row, split at pipes that are not escaped.
func cells(of row: Substring) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for ch in row.dropFirst() {
        if escaped {
            current.append(ch)
            escaped = false
        } else if ch == "\\" {
            current.append(ch)
            escaped = true
        } else if ch == "|" {
            cells.append(current.trimmingCharacters(in: .whitespaces))
            current = ""
        } else {
            current.append(ch)
        }
    }
    return cells
}
