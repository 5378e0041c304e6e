import StapelLayout
import StapelModel
import StapelTables

/// A language's review gallery, `DIR/<lang>/index.html`: the survey's title, subtitle and source, a contents
/// list, and every figure in questionnaire order — its number and question text as a heading, the image with
/// its short alt text and the long description, and a link to the question's own page when the run writes
/// one. Headings, landmarks (`header`, `nav`, `main`, `footer`) and `lang` for assistive technology;
/// self-contained CSS, no script; the bytes depend on the inputs alone.
package enum GalleryPageWriter {
    /// One question of the gallery.
    package struct Entry: Sendable {
        package var figure: Figure
        package var table: Table
        /// The image's `src`: the question's SVG or PNG of the same run, or a `data:` URI.
        package var image: String
        /// The question's page (`q01.html`), when the run writes one.
        package var page: String?

        package init(figure: Figure, table: Table, image: String, page: String?) {
            self.figure = figure
            self.table = table
            self.image = image
            self.page = page
        }
    }

    package static func write(labels: LabelSet, entries: [Entry]) -> [UInt8] {
        Array(page(labels: labels, entries: entries).utf8)
    }

    static func page(labels: LabelSet, entries: [Entry]) -> String {
        let e = HTMLPageWriter.e
        let title = labels["survey.title"] ?? ""
        let lang = HTMLPageWriter.htmlLanguage(labels.language)
        var h = "<!DOCTYPE html>\n<html lang=\"\(e(lang))\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(e(title.isEmpty ? labels.text(.reportGallery) : title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        h += "<header>\n<h1>\(e(title))</h1>\n"
        if let subtitle = labels["survey.subtitle"], !subtitle.isEmpty { h += "<p class=\"subtitle\">\(e(subtitle))</p>\n" }
        h += "</header>\n"
        h += "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">\(e(labels.text(.reportContents)))</h2>\n<ul>\n"
        for entry in entries {
            h += "<li><a href=\"#\(HTMLPageWriter.idName(entry.figure.questionID))\">\(e(heading(entry.table)))</a></li>\n"
        }
        h += "</ul>\n</nav>\n<main>\n<h2 class=\"visually-hidden\">\(e(labels.text(.reportFigures)))</h2>\n"
        for entry in entries {
            let anchor = HTMLPageWriter.idName(entry.figure.questionID)
            h += "<section aria-labelledby=\"\(anchor)-h\" id=\"\(anchor)\">\n<h3 id=\"\(anchor)-h\">"
            h += (entry.table.title.map { "<span class=\"number\">\(e($0))</span> " } ?? "") + "\(e(entry.table.caption))</h3>\n"
            h += "<figure>\n<img src=\"\(e(entry.image))\" alt=\"\(e(entry.figure.altText.short))\" aria-describedby=\"\(anchor)-long\""
            h += " width=\"\(Int(entry.figure.width.rounded()))\" height=\"\(Int(entry.figure.height.rounded()))\">\n"
            h += "<figcaption>\(e(heading(entry.table)))</figcaption>\n</figure>\n"
            h += "<details class=\"long\" id=\"\(anchor)-long\"><summary>\(e(entry.figure.altText.short))</summary>\n"
            for line in entry.figure.altText.long.split(separator: "\n") { h += "<p>\(e(String(line)))</p>\n" }
            h += "</details>\n"
            if let page = entry.page {
                h += "<p class=\"more\"><a href=\"\(e(page))\">\(e(labels.text(.reportQuestionPage)))"
                h += "<span class=\"visually-hidden\">: \(e(heading(entry.table)))</span></a></p>\n"
            }
            h += "</section>\n"
        }
        h += "</main>\n"
        if let source = labels["survey.source"], !source.isEmpty { h += "<footer>\n<p>\(e(source))</p>\n</footer>\n" }
        h += "</body>\n</html>\n"
        return h
    }

    static func heading(_ table: Table) -> String {
        table.title.map { "\($0): \(table.caption)" } ?? table.caption
    }

    static let css = """
    body { font-family: Inter, "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1f1f1f; background: #ffffff; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
    header { border-bottom: 2px solid #2166ac; margin-bottom: 1.5rem; }
    h1 { font-size: 1.6rem; margin: 0 0 0.3rem; }
    .subtitle { font-size: 1.1rem; color: #3b3b3b; margin: 0 0 1rem; }
    nav h2 { font-size: 1.1rem; }
    nav ul { columns: 2; column-gap: 2rem; font-size: 0.9rem; padding: 0; list-style: none; }
    nav li { break-inside: avoid; margin-bottom: 0.2rem; }
    section { border-top: 1px solid #d0d0d0; padding: 1.5rem 0 0.5rem; }
    h3 { font-size: 1.15rem; margin: 0 0 0.8rem; }
    h3 .number { display: block; font-size: 0.85rem; color: #595959; }
    figure { margin: 0 0 0.5rem; }
    figure img { width: 100%; height: auto; }
    figcaption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .long, .more, footer { font-size: 0.9rem; color: #3b3b3b; }
    .long p { margin: 0.2rem 0; }
    .long summary { cursor: pointer; }
    footer { border-top: 2px solid #2166ac; margin-top: 2rem; padding-top: 0.5rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    a { color: #0b4f9c; }

    """
}
