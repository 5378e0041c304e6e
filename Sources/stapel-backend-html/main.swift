// stapel-backend-html: the example external backend (Docs/external-backends.md).
// `stapel-backend-html describe` prints what it is; `stapel-backend-html render` reads one question as
// `stapel-backend-request/1` JSON on standard input and writes a self-contained HTML figure — a table with CSS
// bars — on standard output. Everything it shows comes from the request: labels already in the request's
// language, numbers already formatted. It uses nothing of Stapel but the JSON, as a program in any language could.
import Foundation

let description = """
    {"format": "stapel-backend/1", "name": "html", "extension": "html", "text": true, "uses-fonts": false,
     "summary": "HTML figure: a table of the values with CSS bars (example external backend)"}
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("stapel-backend-html: \(message)\n".utf8))
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

/// `{"value": …, "text": …}` → the formatted text.
func text(_ number: Any?) -> String { ((number as? [String: Any])?["text"] as? String) ?? "" }
func value(_ number: Any?) -> Double { ((number as? [String: Any])?["value"] as? Double) ?? 0 }

func bar(_ percent: Any?, color: String) -> String {
    let width = min(max(value(percent), 0), 100)
    return "<td class=\"bar\"><span style=\"width:\(width)%;background:\(color)\"></span></td>"
        + "<td class=\"num\">\(escape(text(percent)))</td>"
}

func render(_ request: [String: Any]) -> String {
    guard request["format"] as? String == "stapel-backend-request/1" else {
        fail("expected a stapel-backend-request/1 document, found format \(request["format"] ?? "none")")
    }
    guard let question = request["question"] as? [String: Any], let kind = question["kind"] as? String else {
        fail("the request has no question")
    }
    let labels = request["labels"] as? [String: String] ?? [:]
    let style = request["style"] as? [String: Any] ?? [:]
    let colors = style["colors"] as? [String: Any] ?? [:]
    let barColor = colors["bar"] as? String ?? "#2166ac"
    let textColor = colors["text"] as? String ?? "#1f1f1f"
    let family = (style["fonts"] as? [String: Any])?["family"] as? String ?? "sans-serif"
    let language = request["language"] as? String ?? "und"
    let number = question["number"] as? Int

    var rows: [String] = []
    var header: [String] = []
    switch kind {
    case "single-choice", "multiple-choice":
        header = [labels["ui.option"] ?? "", labels["ui.percent"] ?? "", labels["ui.n"] ?? ""]
        for option in question["options"] as? [[String: Any]] ?? [] {
            rows.append("<tr><th scope=\"row\">\(escape(option["label"] as? String ?? ""))</th>"
                        + bar(option["percent"], color: barColor) + "<td class=\"num\">\(escape(text(option["n"])))</td></tr>")
        }
    case "grid":
        let points = (question["scale"] as? [String: Any])?["points"] as? [[String: Any]] ?? []
        header = [labels["ui.statement"] ?? ""] + points.map { $0["label"] as? String ?? "" }
        let all = (question["rows"] as? [[String: Any]] ?? []) + [question["total"] as? [String: Any]].compactMap { $0 }
        for row in all {
            let cells = (row["percent"] as? [Any] ?? []).map { "<td class=\"num\">\(escape(text($0)))</td>" }.joined()
            rows.append("<tr><th scope=\"row\">\(escape(row["label"] as? String ?? ""))</th>\(cells)</tr>")
        }
    case "multi-select-grid":
        let columns = question["columns"] as? [[String: Any]] ?? []
        header = [labels["ui.statement"] ?? ""] + columns.map { $0["label"] as? String ?? "" }
        for row in question["rows"] as? [[String: Any]] ?? [] {
            let cells = (row["percent"] as? [Any] ?? []).map { "<td class=\"num\">\(escape(text($0)))</td>" }.joined()
            rows.append("<tr><th scope=\"row\">\(escape(row["label"] as? String ?? ""))</th>\(cells)</tr>")
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
    let title = number.map { (labels["ui.question"] ?? "{number}").replacingOccurrences(of: "{number}", with: String($0)) } ?? ""
    let respondents = (labels["ui.respondents"] ?? "{n}").replacingOccurrences(of: "{n}", with: text(question["respondents"]))
    let source = (request["survey"] as? [String: Any])?["source"] as? String ?? ""

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
        <figcaption><p><strong>\(escape(title))</strong></p><p>\(escape(question["text"] as? String ?? ""))</p></figcaption>
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
    guard let request = (try? JSONSerialization.jsonObject(with: input)) as? [String: Any] else {
        fail("standard input is not a JSON object")
    }
    FileHandle.standardOutput.write(Data(render(request).utf8))
default:
    fail("usage: stapel-backend-html describe | render < request.json")
}
