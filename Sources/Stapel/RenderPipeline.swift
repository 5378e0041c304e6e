import Foundation

/// survey data + label set + style → validated model → backend → file, for every question × language × format.
public struct RenderPipeline: Sendable {
    public var registry: BackendRegistry

    public init(registry: BackendRegistry = .builtIn) { self.registry = registry }

    /// What a run did.
    public struct Summary: Sendable {
        public var written: [URL] = []
        public var failed: [(URL, String)] = []
        public var warnings: [String] = []
    }

    /// Failures that stop a run before anything is written.
    public enum PlanError: Error, CustomStringConvertible, Sendable {
        case unknownFormat(String, available: [String])
        case unknownQuestion(String, available: [String])
        case invalidSurvey([ValidationIssue])
        case missingLabels(language: String, keys: [String])

        public var description: String {
            switch self {
            case .unknownFormat(let f, let available):
                "error: unknown format '\(f)'; available: \(available.joined(separator: ", "))"
            case .unknownQuestion(let q, let available):
                "error: unknown question '\(q)'; the survey has: \(available.joined(separator: ", "))"
            case .invalidSurvey(let issues):
                (issues.map(\.description) + ["error: the survey has errors; run `stapel validate` for details"]).joined(separator: "\n")
            case .missingLabels(let language, let keys):
                "error: the '\(language)' label set lacks \(keys.count) label(s): \(keys.prefix(10).joined(separator: ", "))"
                    + (keys.count > 10 ? ", …" : "") + "\n(use --fallback sv to fill them from Swedish, or `stapel labels check --lang \(language)`)"
            }
        }
    }

    /// The prepared inputs of one language: everything but the backend call.
    public struct Prepared: Sendable {
        public var survey: Survey
        public var requests: [(language: String, request: RenderRequest)]
        public var warnings: [String]
    }

    /// Loads and checks everything the plan needs; throws before any file is written.
    public func prepare(_ plan: RenderPlan) throws -> Prepared {
        for format in plan.formats where registry.backend(named: format) == nil {
            throw PlanError.unknownFormat(format, available: registry.names)
        }
        let loader = SurveyLoader(directory: plan.surveyDirectory)
        let survey = try loader.loadSurvey()
        let errors = Validator().validate(survey).filter { $0.severity == .error }
        guard errors.isEmpty else { throw PlanError.invalidSurvey(errors) }
        for id in plan.questions where survey.question(id) == nil {
            throw PlanError.unknownQuestion(id, available: survey.questions.map(\.id))
        }
        let questions = plan.questions.isEmpty ? survey.questions : survey.questions.filter { plan.questions.contains($0.id) }
        let style = try StyleReader.load(plan.style, from: plan.stylesDirectory)
        var warnings: [String] = []
        var requests: [(String, RenderRequest)] = []
        for language in plan.languages {
            var labels = try LabelSource.labels(language, loader: loader)
            let missing = survey.requiredLabelKeys.filter { labels[$0] == nil }.sorted()
            if !missing.isEmpty {
                guard let fallback = plan.fallbackLanguage else {
                    throw PlanError.missingLabels(language: language, keys: missing)
                }
                let source = try LabelSource.labels(fallback, loader: loader)
                for key in missing {
                    labels.entries[key] = source[key]
                    warnings.append("warning: '\(language)' lacks label '\(key)'; using the '\(fallback)' text")
                }
            }
            for question in questions {
                requests.append((language, RenderRequest(survey: survey, question: question, labels: labels,
                                                         style: style, options: plan.options)))
            }
        }
        return Prepared(survey: survey, requests: requests, warnings: warnings)
    }

    /// Renders every request with every format of the plan and writes the files atomically.
    /// A backend failure fails only its own output.
    public func run(_ plan: RenderPlan) throws -> Summary {
        let prepared = try prepare(plan)
        var summary = Summary()
        summary.warnings = prepared.warnings
        for (language, request) in prepared.requests {
            for format in plan.formats {
                let backend = registry.backend(named: format)!
                let url = plan.outputURL(language: language, question: request.question.id, fileExtension: backend.fileExtension)
                do {
                    let bytes = try backend.render(request)
                    try AtomicFile.write(bytes, to: url)
                    summary.written.append(url)
                } catch {
                    summary.failed.append((url, "\(error)"))
                }
            }
        }
        return summary
    }
}
