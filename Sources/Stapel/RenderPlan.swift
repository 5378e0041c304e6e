import Foundation

/// What one render run produces: which survey, questions, formats, languages and style, and where to.
package struct RenderPlan: Sendable {
    package var surveyDirectory: URL
    package var outputDirectory: URL
    package var stylesDirectory: URL
    package var formats: [String]
    /// Languages to render; empty means the survey's source language.
    package var languages: [String]
    package var style: String
    /// Question ids to render; empty means all.
    package var questions: [String]
    package var options: RenderOptions
    /// Fill missing labels from this language (with a warning) instead of failing.
    package var fallbackLanguage: String?
    /// Per-question changes to the style (a manifest's `overrides:`).
    package var overrides: [QuestionOverride]
    /// The figure's page as the command line sets it (`--width-mm`, `--dpi`, `--aspect`), over the style's.
    package var page = PageAdjustment()
    /// Where the plan comes from, for messages: a manifest entry (`stapel.yaml:8:5 (surveys[0])`), or nil.
    package var origin: String?

    /// Page settings that replace the style's for one run, without a style file.
    package struct PageAdjustment: Sendable, Hashable {
        package var widthMM: Double?
        package var dpi: Double?
        /// Width ÷ height of a fixed frame.
        package var aspectRatio: Double?
        package init(widthMM: Double? = nil, dpi: Double? = nil, aspectRatio: Double? = nil) {
            self.widthMM = widthMM
            self.dpi = dpi
            self.aspectRatio = aspectRatio
        }

        func apply(to page: inout Style.Page) {
            if let widthMM { page.widthMM = widthMM }
            if let dpi { page.dpi = dpi }
            if let aspectRatio { page.aspectRatio = aspectRatio }
        }
    }

    package init(surveyDirectory: URL, outputDirectory: URL, stylesDirectory: URL, formats: [String],
                languages: [String], style: String, questions: [String] = [], options: RenderOptions = .init(),
                fallbackLanguage: String? = nil, overrides: [QuestionOverride] = []) {
        self.surveyDirectory = surveyDirectory
        self.outputDirectory = outputDirectory
        self.stylesDirectory = stylesDirectory
        self.formats = formats
        self.languages = languages
        self.style = style
        self.questions = questions
        self.options = options
        self.fallbackLanguage = fallbackLanguage
        self.overrides = overrides
    }

    /// `<lang>/<question-id>.<ext>`, relative to `outputDirectory`.
    package func relativePath(language: String, question: String, fileExtension: String) -> String {
        "\(language)/\(question).\(fileExtension)"
    }

    /// `relativePath` below the folder whose (standardized) path is `folder`, as text: the relative paths of
    /// outputs are made of language codes, question identifiers and file names, never `.` or `..`, so joining
    /// them needs no standardizing (which costs more than the rest of planning an output).
    package static func path(_ relativePath: String, in folder: String) -> String {
        folder.hasSuffix("/") ? folder + relativePath : folder + "/" + relativePath
    }

    /// Output folders' standardized paths, each worked out once: thousands of outputs share a few folders.
    package struct StandardFolders {
        private var paths: [URL: String] = [:]

        package init() {}

        package mutating func path(of folder: URL) -> String {
            if let path = paths[folder] { return path }
            let path = folder.standardizedFileURL.path
            paths[folder] = path
            return path
        }
    }

    /// `DIR/<lang>/<question-id>.<ext>`.
    package func outputURL(language: String, question: String, fileExtension: String) -> URL {
        outputDirectory.appendingPathComponent(relativePath(language: language, question: question, fileExtension: fileExtension),
                                          isDirectory: false)
    }
}
