import StapelTables

/// The table backends (csv, tex, md), registered in `BackendRegistry.builtIn`.
extension BackendRegistry {
    public static let tableBackends: [any Backend] = [CSVBackend(), LaTeXBackend(), MarkdownBackend()]
}

/// CSV in the layout (`tidy`, `wide`) and dialect (`rfc4180`, `excel-sv`) the request's options name.
public struct CSVBackend: Backend {
    public let name = "csv"
    public let fileExtension = "csv"
    public let summary = "CSV table: tidy or wide layout, rfc4180 or excel-sv dialect"
    public var options: [BackendOption]? { [.csvLayout, .csvDialect, .csvInjectionGuard] }
    public var usesFonts: Bool { false }

    public init() {}

    public func render(_ request: RenderRequest) throws -> [UInt8] {
        let options = request.options
        guard let layout = CSVLayout(rawValue: options.csvLayout) else {
            throw TableError.unknownOption(name: "CSV layout", value: options.csvLayout,
                                           allowed: CSVLayout.allCases.map(\.rawValue))
        }
        guard let dialect = CSVDialect(rawValue: options.csvDialect) else {
            throw TableError.unknownOption(name: "CSV dialect", value: options.csvDialect,
                                           allowed: CSVDialect.allCases.map(\.rawValue))
        }
        let writer = CSVTableWriter(layout: layout, dialect: dialect, guardsFormulas: options.csvInjectionGuard)
        return Array(writer.write(try TableBuilder(request).build()).utf8)
    }
}

/// A booktabs/siunitx LaTeX table: a fragment for `\input`, or a complete document with `latexStandalone`.
public struct LaTeXBackend: Backend {
    public let name = "tex"
    public let fileExtension = "tex"
    public let summary = "LaTeX table (booktabs, siunitx, tabularx) for pdflatex; fragment or standalone"
    public var options: [BackendOption]? { [.latexStandalone] }
    /// Column widths are reckoned from Latin Modern metrics built into the writer, not from installed fonts.
    public var usesFonts: Bool { false }

    public init() {}

    public func render(_ request: RenderRequest) throws -> [UInt8] {
        let writer = LaTeXTableWriter(standalone: request.options.latexStandalone, language: request.labels.language,
                                      numberFormat: request.numberFormat)
        do {
            return Array(try writer.write(try TableBuilder(request).build()).utf8)
        } catch {
            throw UnsupportedLabelCharacter.locate(error, in: request.labels)   // name the label key and file
        }
    }
}

/// A GitHub-flavoured Markdown pipe table with the language's number format.
public struct MarkdownBackend: Backend {
    public let name = "md"
    public let fileExtension = "md"
    public let summary = "Markdown (GFM) pipe table"
    public var options: [BackendOption]? { [] }
    public var usesFonts: Bool { false }

    public init() {}

    public func render(_ request: RenderRequest) throws -> [UInt8] {
        Array(MarkdownTableWriter(numberFormat: request.numberFormat).write(try TableBuilder(request).build()).utf8)
    }
}
