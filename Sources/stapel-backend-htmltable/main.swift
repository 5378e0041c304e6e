// stapel-backend-htmltable: the example external backend (Docs/external-backends.md).
// `stapel-backend-htmltable describe` prints what it is; `stapel-backend-htmltable render` reads one question as
// `stapel-backend-request/2` JSON on standard input and writes a self-contained HTML figure — a table with CSS
// bars — on standard output. Everything it shows comes from the request: labels already in the request's
// language, numbers already formatted. It uses nothing of Stapel but the request type of StapelBackendProtocol
// (a program in another language reads the same JSON).
import Foundation
import StapelBackendProtocol

let description = """
    {"format": "stapel-backend/1", "name": "htmltable", "extension": "htm", "text": true, "uses-fonts": false,
     "summary": "HTML figure: a table of the values with CSS bars (example external backend)"}
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("stapel-backend-htmltable: \(message)\n".utf8))
    exit(1)
}

func escape(_ text: String) -> String {
    var out = ""
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(c)
        }
    }
    return out
}

/// A cell with the formatted number, or nothing.
func text(_ number: NumberV2?) -> String { number?.text ?? "" }

func bar(_ percent: NumberV2?, color: String) -> String {
    let width = min(max(percent?.value ?? 0, 0), 100)
    return "<td class=\"bar\"><span style=\"width:\(width)%;background:\(escape(color))\"></span></td>"
        + "<td class=\"num\">\(escape(text(percent)))</td>"
}

func render(_ request: BackendRequestV2) -> String {
    let question = request.question
    let kind = question.kind
    let labels = request.labels
    let barColor = request.style.colors["bar"] ?? "#2166ac"
    let textColor = request.style.colors["text"] ?? "#1f1f1f"
    let family = request.style.fontFamily
    let language = request.language

    var rows: [String] = []
    var header: [String] = []
    switch kind {
    case "single-choice", "multiple-choice":
        header = [labels["ui.option"] ?? "", labels["ui.percent"] ?? "", labels["ui.n"] ?? ""]
        for option in question.options ?? [] {
            rows.append("<tr><th scope=\"row\">\(escape(option.label ?? option.code ?? option.id))</th>"
                        + bar(option.percent, color: barColor) + "<td class=\"num\">\(escape(text(option.n)))</td></tr>")
        }
    case "grid":
        let points = question.scale?.points ?? []
        header = [labels["ui.statement"] ?? ""] + points.map { $0.label ?? $0.code ?? $0.id }
        let all = (question.rows ?? []) + [question.total].compactMap { $0 }
        for row in all {
            let cells = row.percent.map { "<td class=\"num\">\(escape(text($0)))</td>" }.joined()
            rows.append("<tr><th scope=\"row\">\(escape(row.label ?? row.id))</th>\(cells)</tr>")
        }
    case "multi-select-grid":
        let columns = question.columns ?? []
        header = [labels["ui.statement"] ?? ""] + columns.map { $0.label ?? $0.id }
        for row in question.rows ?? [] {
            let cells = row.percent.map { "<td class=\"num\">\(escape(text($0)))</td>" }.joined()
            rows.append("<tr><th scope=\"row\">\(escape(row.label ?? row.id))</th>\(cells)</tr>")
        }
    default:
        fail("unknown question kind '\(kind)'")
    }
    let headerCells: String
    if kind.hasSuffix("choice") {
        headerCells = "<th scope=\"col\">\(escape(header[0]))</th><th scope=\"col\" colspan=\"2\">\(escape(header[1]))</th>"
            + "<th scope=\"col\">\(escape(header[2]))</th>"
    } else {
        headerCells = header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
    }
    let title = question.title ?? ""
    let respondents = (labels["ui.respondents"] ?? "{n}").replacingOccurrences(of: "{n}", with: text(question.respondents))
    let source = request.survey.source ?? ""

    return """
        <!DOCTYPE html>
        <html lang="\(escape(language))">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        figure { font-family: "\(escape(family))", sans-serif; color: \(textColor); max-width: 48rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.bar { width: 40%; }
        td.bar span { display: block; height: 0.8rem; }
        figcaption p { margin: 0.2rem 0; }
        </style>
        </head>
        <body>
        <figure>
        <figcaption><p><strong>\(escape(title))</strong></p><p>\(escape(question.text ?? ""))</p></figcaption>
        <table>
        <thead><tr>\(headerCells)</tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody>
        </table>
        <p><small>\(escape(respondents))</small></p>
        <p><small>\(escape(source))</small></p>
        </figure>
        </body>
        </html>

        """
}

switch CommandLine.arguments.dropFirst().first {
case "describe":
    print(description)
case "render":
    let input = FileHandle.standardInput.readDataToEndOfFile()
    let request: BackendRequestV2
    do {
        request = try JSONDecoder().decode(BackendRequestV2.self, from: input)
    } catch {
        fail("standard input is not a \(BackendRequestV2.format) request: \(error)")
    }
    guard request.format == BackendRequestV2.format else {
        fail("expected a \(BackendRequestV2.format) request, found format \(request.format)")
    }
    FileHandle.standardOutput.write(Data(render(request).utf8))
default:
    fail("usage: stapel-backend-htmltable describe | render < request.json")
}
