import StapelLayout
import StapelModel
import StapelTables

/// One question as a complete, accessible HTML5 page: the figure (`<id>.svg`, else `<id>.png`) with its short
/// alt text and the long description, the question as caption, the data as a table with `<caption>` and
/// `<th scope>`, numbers in the language's format and options in the chart's order, the notes, and links to every
/// other format of the question. Self-contained (inline CSS, no script); the bytes depend on the inputs alone.
package enum HTMLPageWriter {
    package static func write(request: RenderRequest, figure: Figure, table: Table, formats: [String]) -> [UInt8] {
        Array(page(request: request, figure: figure, table: table, formats: formats).utf8)
    }

    static func page(request: RenderRequest, figure: Figure, table original: Table, formats: [String]) -> String {
        let id = figure.questionID
        let numbers = request.numberFormat
        let lang = htmlLanguage(request.labels.language)
        var table = original.printed
        if let order = ChartOrder.optionIDs(request) {
            let rank = Dictionary(order.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
            table.rows = table.rows.enumerated().sorted { a, b in
                let ra = rank[a.element.id] ?? Int.max, rb = rank[b.element.id] ?? Int.max
                return ra != rb ? ra < rb : a.offset < b.offset
            }.map(\.element)
        }
        let heading = table.title.map { "\($0): \(table.caption)" } ?? table.caption
        let anchor = idName(id)
        var h = "<!DOCTYPE html>\n<html lang=\"\(e(lang))\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(e(figure.title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n<main>\n"
        h += "<h1>" + (table.title.map { "<span class=\"number\">\(e($0))</span> " } ?? "") + "\(e(table.caption))</h1>\n"
        let image = formats.contains("svg") ? "svg" : formats.contains("png") ? "png" : nil
        h += "<figure>\n"
        if let image {
            h += "<img src=\"\(e(fileName(id, image)))\" alt=\"\(e(figure.altText.short))\" aria-describedby=\"\(anchor)-long\""
            h += " width=\"\(Int(figure.width.rounded()))\" height=\"\(Int(figure.height.rounded()))\">\n"
        }
        h += "<figcaption>\(e(heading))</figcaption>\n</figure>\n"
        h += "<div class=\"long\" id=\"\(anchor)-long\">\n"
        for line in figure.altText.long.split(separator: "\n") { h += "<p>\(e(String(line)))</p>\n" }
        h += "</div>\n"
        h += tableHTML(table, numbers: numbers, heading: heading)
        if !table.notes.isEmpty {
            h += "<div class=\"notes\">\n"
            for note in table.notes { h += "<p>\(e(note))</p>\n" }
            h += "</div>\n"
        }
        let others = formats.filter { $0 != "html" }
        if !others.isEmpty {
            h += "<ul class=\"formats\">\n"
            for f in others {
                let name = fileName(id, f)
                h += "<li><a href=\"\(e(name))\" type=\"\(e(mediaType(f)))\">\(e(name))</a></li>\n"
            }
            h += "</ul>\n"
        }
        h += "</main>\n</body>\n</html>\n"
        return h
    }

    static func tableHTML(_ table: Table, numbers: NumberFormat, heading: String) -> String {
        var h = "<table>\n<caption>\(e(heading))</caption>\n<thead>\n<tr><th scope=\"col\">\(e(table.stubHeader))</th>"
        for c in table.columns { h += "<th scope=\"col\">\(e(c.flatHeader))</th>" }
        h += "</tr>\n</thead>\n<tbody>\n"
        let counts: [[String]?] = table.columns.indices.map { j in
            guard table.columns[j].measure == .count else { return nil }
            return numbers.integers(table.rows.map { j < $0.cells.count ? Int(($0.cells[j] ?? 0).rounded()) : 0 })
        }
        for (i, row) in table.rows.enumerated() {
            h += row.kind == .total ? "<tr class=\"total\">" : "<tr>"
            h += "<th scope=\"row\">\(e(row.stub))</th>"
            for (j, column) in table.columns.enumerated() {
                let cell = j < row.cells.count ? row.cells[j] : nil
                let text = cell.map { counts[j]?[i] ?? numbers.decimal($0, decimals: table.decimals(column.measure)) } ?? "–"
                h += "<td>\(e(text))</td>"
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n</table>\n"
        return h
    }

    static let css = """
    body { font-family: Inter, "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1f1f1f; background: #ffffff; margin: 2rem auto; max-width: 50rem; padding: 0 1rem; line-height: 1.45; }
    h1 { font-size: 1.35rem; margin: 0 0 1rem; }
    h1 .number { display: block; font-size: 0.9rem; color: #595959; }
    figure { margin: 0 0 1rem; }
    figure img { width: 100%; height: auto; }
    figcaption, .notes, .long { font-size: 0.9rem; color: #3b3b3b; }
    .long p, .notes p { margin: 0.2rem 0; }
    table { border-collapse: collapse; margin: 1.5rem 0 0.5rem; font-size: 0.9rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
    th, td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #d0d0d0; }
    thead th { text-align: right; vertical-align: bottom; }
    thead th:first-child, tbody th { text-align: left; font-weight: normal; }
    td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.total th, tr.total td { font-weight: 600; border-top: 2px solid #8a8a8a; }
    .formats { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; list-style: none; padding: 0; margin-top: 1.5rem; }
    a { color: #0b4f9c; }

    """

    /// The language tag of the page (`sv` → `sv-SE`, as the PDF and SVG carry it).
    static func htmlLanguage(_ language: String) -> String {
        let regions = ["sv": "sv-SE", "en": "en-GB", "de": "de-DE", "fr": "fr-FR", "fi": "fi-FI", "nb": "nb-NO",
                       "da": "da-DK", "pseudo": "en-XA"]
        return regions[language] ?? language
    }

    static func fileName(_ id: String, _ format: String) -> String {
        let ext = ["markdown": "md", "latex": "tex", "alt": "alt.txt"][format] ?? format
        return "\(id).\(ext)"
    }

    static func mediaType(_ format: String) -> String {
        ["png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "csv": "text/csv",
         "md": "text/markdown", "markdown": "text/markdown", "tex": "application/x-tex", "latex": "application/x-tex",
         "alt": "text/plain", "alt.txt": "text/plain", "json": "application/json"][format] ?? "application/octet-stream"
    }

    static func idName(_ id: String) -> String {
        let kept = String(id.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_".unicodeScalars.contains($0)) })
        return "q-" + kept
    }

    /// Escaped for text and attribute values; control characters (but line feed and tab) removed.
    static func e(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
