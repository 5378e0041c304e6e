import StapelTables

/// The table backends: each lays out the rendition's one normalised table.
extension Backend {
    /// CSV in the layout and dialect the options name, formulas guarded as they say.
    package static let csv = Backend(
        name: "csv", fileExtension: "csv", summary: "CSV table: tidy or wide layout, rfc4180 or excel-sv dialect",
        reads: .table,
        options: [BackendOptions.csvLayout.declaration, BackendOptions.csvDialect.declaration,
                  BackendOptions.csvInjectionGuard.declaration]
    ) { rendition in
        let options = rendition.options
        let writer = CSVTableWriter(layout: BackendOptions.csvLayout.value(in: options),
                                    dialect: BackendOptions.csvDialect.value(in: options),
                                    guardsFormulas: BackendOptions.csvInjectionGuard.value(in: options).setting)
        return BackendOutput(bytes: Array(writer.write(try rendition.requireTable()).utf8))
    }

    /// A booktabs/siunitx LaTeX table: a fragment for `\input`, or a complete document. Column widths are
    /// reckoned from Latin Modern metrics built into the writer, not from installed fonts.
    package static let tex = Backend(
        name: "tex", fileExtension: "tex", summary: "LaTeX table (booktabs, siunitx, tabularx) for pdflatex; fragment or standalone",
        reads: .table, options: [BackendOptions.latexStandalone.declaration]
    ) { rendition in
        let writer = LaTeXTableWriter(standalone: BackendOptions.latexStandalone.value(in: rendition.options),
                                      language: rendition.labels.language, numberFormat: rendition.numberFormat)
        do {
            return BackendOutput(bytes: Array(try writer.write(try rendition.requireTable()).utf8))
        } catch {
            throw UnsupportedLabelCharacter.locate(error, in: rendition.labels)   // name the label key and file
        }
    }

    /// A GitHub-flavoured Markdown pipe table with the language's number format.
    package static let md = Backend(name: "md", fileExtension: "md", summary: "Markdown (GFM) pipe table", reads: .table,
                                   options: [BackendOptions.mdNotes.declaration]) { rendition in
        let writer = MarkdownTableWriter(numberFormat: rendition.numberFormat, writesNotes: BackendOptions.mdNotes.value(in: rendition.options))
        return BackendOutput(bytes: Array(writer.write(try rendition.requireTable()).utf8))
    }
}
