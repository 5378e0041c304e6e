import Foundation
import StapelModel

/// A report build, as `stapel.yaml` describes it (format `stapel-manifest/1`): which surveys, questions,
/// formats, languages and styles to render, where to, and per-question overrides. Paths are resolved against
/// the manifest's folder. `ManifestReader` reads it; `stapel build` runs it.
package struct Manifest: Sendable {
    package static let format = "stapel-manifest/1"

    /// The manifest file, as shown in messages.
    package var file: String
    /// The folder relative paths resolve against.
    package var directory: URL
    /// Folder of house styles (`styles-folder`, default `Styles`).
    package var stylesDirectory: URL
    /// Folders searched for `stapel-backend-NAME` programs before `PATH` (`backends-folder`).
    package var backendFolders: [URL]
    /// Seconds an external backend may take per output (`backend-timeout`); nil: Stapel's default.
    package var backendTimeout: Double?
    package var surveys: [Entry]

    package init(file: String, directory: URL, stylesDirectory: URL, backendFolders: [URL], backendTimeout: Double?,
                surveys: [Entry]) {
        self.file = file
        self.directory = directory
        self.stylesDirectory = stylesDirectory
        self.backendFolders = backendFolders
        self.backendTimeout = backendTimeout
        self.surveys = surveys
    }

    /// One entry of `surveys:`.
    package struct Entry: Sendable {
        package var directory: URL
        package var outputDirectory: URL
        /// Backend names; nil: every built-in backend.
        package var formats: [String]?
        package var languages: [String]
        package var styles: [String]
        /// Question ids; empty: all.
        package var questions: [String]
        /// The backend options, once `optionFields` are checked against the backends' declarations.
        package var options: RenderOptions
        /// Every field of the entry that is not one of the manifest's own: backend options as written.
        package var optionFields: [OptionField]
        package var fallbackLanguage: String?
        package var overrides: [QuestionOverride]
        /// Where the entry is written, for messages about it.
        package var location: SourceLocation
        /// `surveys[0]`.
        package var path: String

        package init(directory: URL, outputDirectory: URL, formats: [String]?, languages: [String], styles: [String],
                    questions: [String], options: RenderOptions, optionFields: [OptionField] = [], fallbackLanguage: String?,
                    overrides: [QuestionOverride], location: SourceLocation, path: String) {
            self.directory = directory
            self.outputDirectory = outputDirectory
            self.formats = formats
            self.languages = languages
            self.styles = styles
            self.questions = questions
            self.options = options
            self.optionFields = optionFields
            self.fallbackLanguage = fallbackLanguage
            self.overrides = overrides
            self.location = location
            self.path = path
        }
    }
}

/// A per-question change to the house style, from a manifest's `overrides:`: the chart kind of a grid,
/// the sort order, the figure width, options to highlight.
package struct QuestionOverride: Sendable, Hashable {
    package var question: String
    /// `stacked` or `diverging` (grids).
    package var chart: GridLayout?
    /// `questionnaire`, `share` or `mean` (`mean` for grids only).
    package var sort: String?
    /// Figure width in millimetres.
    package var widthMM: Double?
    /// Ids of options or rows to set apart.
    package var highlight: [String]?
    package var location: SourceLocation
    /// `surveys[0].overrides.q05`.
    package var path: String

    package static let sortOrders = ["questionnaire", "share", "mean"]

    package init(question: String, chart: GridLayout? = nil, sort: String? = nil, widthMM: Double? = nil,
                highlight: [String]? = nil, location: SourceLocation, path: String) {
        self.question = question
        self.chart = chart
        self.sort = sort
        self.widthMM = widthMM
        self.highlight = highlight
        self.location = location
        self.path = path
    }

    /// An error about this override, placed at it.
    package func error(_ message: String) -> DataError { DataError(location, path: path, message) }
}

extension Manifest {
    /// A backend option as a manifest entry writes it (`csv-layout: wide`), with its place for messages.
    package struct OptionField: Sendable {
        package var name: String
        /// The value as written; nil when the field holds a list or a mapping.
        package var value: String?
        /// Where the field's key stands.
        package var location: SourceLocation
        /// `surveys[0].csv-layout`.
        package var path: String

        package init(name: String, value: String?, location: SourceLocation, path: String) {
            self.name = name
            self.value = value
            self.location = location
            self.path = path
        }

        /// An error about this field, placed in the manifest.
        package func error(_ message: String) -> DataError { DataError(location, path: path, message) }
    }
}
