import Foundation

/// What one render run produces: which survey, questions, formats, languages and style, and where to.
public struct RenderPlan: Sendable {
    public var surveyDirectory: URL
    public var outputDirectory: URL
    public var stylesDirectory: URL
    public var formats: [String]
    /// Languages to render; empty means the survey's source language.
    public var languages: [String]
    public var style: String
    /// Question ids to render; empty means all.
    public var questions: [String]
    public var options: RenderOptions
    /// Fill missing labels from this language (with a warning) instead of failing.
    public var fallbackLanguage: String?
    /// Per-question changes to the style (a manifest's `overrides:`).
    public var overrides: [QuestionOverride]
    /// The figure's page as the command line sets it (`--width-mm`, `--dpi`, `--aspect`), over the style's.
    public var page = PageAdjustment()
    /// Where the plan comes from, for messages: a manifest entry (`stapel.yaml:8:5 (surveys[0])`), or nil.
    public var origin: String?

    /// Page settings that replace the style's for one run, without a style file.
    public struct PageAdjustment: Sendable, Hashable {
        public var widthMM: Double?
        public var dpi: Double?
        /// Width ÷ height of a fixed frame.
        public var aspectRatio: Double?
        public init(widthMM: Double? = nil, dpi: Double? = nil, aspectRatio: Double? = nil) {
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

    public init(surveyDirectory: URL, outputDirectory: URL, stylesDirectory: URL, formats: [String],
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
    public func relativePath(language: String, question: String, fileExtension: String) -> String {
        "\(language)/\(question).\(fileExtension)"
    }

    /// `DIR/<lang>/<question-id>.<ext>`.
    public func outputURL(language: String, question: String, fileExtension: String) -> URL {
        outputDirectory.appendingPathComponent(relativePath(language: language, question: question, fileExtension: fileExtension))
    }
}
