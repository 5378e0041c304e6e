import Foundation
import StapelCairo

/// survey data + label set + style → validated model → render jobs (question × language × format), which a
/// `BuildRunner` renders in parallel, incrementally and atomically. Everything that can be wrong with the
/// inputs is found while planning, before any file is written.
package struct RenderPipeline: Sendable {
    package var registry: BackendRegistry
    /// How many threads planning may use (the run's `--jobs`): the survey and label files are read side by
    /// side, and the questions' requests built in parallel.
    package var planning: ConcurrentMap

    package init(registry: BackendRegistry = .builtIn, threads: Int = 1) {
        self.registry = registry
        planning = ConcurrentMap(width: threads)
    }

    /// Failures that stop a run before anything is written.
    package enum PlanError: Error, CustomStringConvertible, Sendable {
        case unknownFormat(String, available: [String])
        case unknownQuestion(String, available: [String])
        case invalidSurvey([ValidationIssue])
        case missingLabels(language: String, keys: [String], source: String)
        /// A language Stapel ships no interface strings for, whose survey label set does not supply them all.
        case missingInterfaceLabels(language: String, keys: [String], file: String, available: [String])
        /// Two planned outputs have the same path (two surveys or styles writing into one folder).
        case duplicateOutput(String, first: String? = nil, second: String? = nil)

        package var description: String {
            switch self {
            case .unknownFormat(let f, let available):
                "error: unknown format '\(f)'; available: \(available.joined(separator: ", "))"
                    + " (an external backend is a program named stapel-backend-\(f) on PATH or in the manifest's backends-folder)"
            case .unknownQuestion(let q, let available):
                "error: unknown question '\(q)'; the survey has: \(available.joined(separator: ", "))"
            case .invalidSurvey(let issues):
                (issues.map(\.description) + ["error: the survey has errors; run `stapel validate` for details"]).joined(separator: "\n")
            case .missingLabels(let language, let keys, let source):
                "error: the '\(language)' label set lacks \(keys.count) label(s): \(keys.prefix(10).joined(separator: ", "))"
                    + (keys.count > 10 ? ", …" : "") + "\n(use --fallback \(source) to fill them from the source language, or `stapel labels check --lang \(language)`)"
            case .missingInterfaceLabels(let language, let keys, let file, let available):
                "error: Stapel ships no interface strings for '\(language)' (it has \(available.joined(separator: ", "))) and \(file) "
                    + "lacks \(keys.count) of them: \(keys.joined(separator: ", "))\n(add these ui.* and number.* keys to \(file); "
                    + "`stapel labels extract --lang \(language) --part interface` writes a template)"
            case .duplicateOutput(let path, let first, let second) where first != nil || second != nil:
                "error: two outputs would be written to '\(path)': by \(first ?? "the command line") and by \(second ?? "the command line"); "
                    + "give the surveys or styles separate output folders (`output:`)"
            case .duplicateOutput(let path, _, _):
                "error: two outputs would be written to '\(path)'; give the surveys or styles separate output folders"
            }
        }
    }

    /// The prepared inputs of one plan: everything but the backend call.
    package struct Prepared: Sendable {
        package var survey: Survey
        /// Question-scoped requests (see `QuestionScope`), by language then questionnaire order.
        package var requests: [(language: String, request: RenderRequest)]
        package var warnings: [String]
        /// The style the plan renders with (per-question variants included).
        package var style: Style
        /// Each language's labels as the requests have them (fallbacks filled in).
        package var labels: [String: LabelSet]
    }

    /// Loads and checks everything the plan needs; throws before any file is written.
    package func prepare(_ plan: RenderPlan) throws -> Prepared {
        for format in plan.formats where !registry.provides(format) {
            throw PlanError.unknownFormat(format, available: registry.allNames)
        }
        // Cairo and Pango are loaded on first use: when a format will draw, on a thread of their own now, beside
        // the survey's reading, rather than in the middle of the first chart (GraphicsLibraries).
        let usesFonts = registry.usesFonts(plan.formats)
        if usesFonts { GraphicsLibraries.preload() }
        let loader = SurveyLoader(directory: plan.surveyDirectory)
        // With more than one thread, the label files named on the command line are read beside the survey
        // file; a label file's error is still reported where a serial run meets it, after the survey's.
        let early = planning.width > 1 ? Array(Set(plan.languages.filter { $0 != Pseudolocalizer.languageCode })).sorted() : []
        let planning = self.planning
        let files = try planning.map([nil] + early) { (language: String?) -> Result<Loaded, Error> in
            Result { try language.map { .labels(try loader.loadLabels($0)) } ?? .survey(try loader.loadSurvey(threads: planning)) }
        }
        guard case .survey(let survey) = try files[0].get() else { preconditionFailure("the survey is read first") }
        let prefetched = Dictionary(uniqueKeysWithValues: zip(early, files.dropFirst()))
        let issues = Validator().validate(survey)
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty else { throw PlanError.invalidSurvey(errors) }
        // The data's warnings (acknowledged inconsistencies of the source, unused scales) are reported with
        // the run's; `--strict` then fails it.
        let dataWarnings = issues.filter { $0.severity == .warning }.map(\.description)
        for id in plan.questions where survey.question(id) == nil {
            throw PlanError.unknownQuestion(id, available: survey.questions.map(\.id))
        }
        let questions = plan.questions.isEmpty ? survey.questions : survey.questions.filter { plan.questions.contains($0.id) }
        var style = try StyleReader.load(plan.style, from: plan.stylesDirectory)
        plan.page.apply(to: &style.page)
        for id in style.questionStyles.keys { plan.page.apply(to: &style.questionStyles[id]!.page) }
        for override in plan.overrides {
            guard let question = survey.question(override.question) else {
                throw override.error("the survey has no question '\(override.question)'; it has: "
                                     + survey.questions.map(\.id).joined(separator: ", "))
            }
            var variant = style.resolved(for: question.id)
            try override.apply(to: &variant, for: question)
            style.questionStyles[question.id] = variant
        }
        var warnings: [String] = dataWarnings
        var requests: [(String, RenderRequest)] = []
        var labelSets: [String: LabelSet] = [:]
        let languages = plan.languages.isEmpty ? [try loader.sourceLanguage(of: survey)] : plan.languages
        let required = survey.requiredLabelKeys
        let planStyle = style
        let options = plan.options
        // Each language on a thread of its own (with more than one): its labels checked, split by question and
        // made into its questions' requests. Errors and warnings come in the order of the languages.
        let prepared = try planning.map(languages) { (language: String) -> PreparedLanguage in
            var warnings: [String] = []
            var labels: LabelSet
            if case .labels(let read) = try prefetched[language]?.get() {
                labels = read
            } else {
                labels = try LabelSource.labels(language, loader: loader)
            }
            let missingInterface = InterfaceLabels.missingKeys(in: labels)
            let missing = (required.filter { labels[$0] == nil } + missingInterface).sorted()
            if !missing.isEmpty {
                guard let fallback = plan.fallbackLanguage else {
                    if !missingInterface.isEmpty {
                        throw PlanError.missingInterfaceLabels(language: language, keys: missingInterface,
                                                               file: SurveyLoader.display(loader.labelsFile(language)),
                                                               available: InterfaceLabels.availableLanguages())
                    }
                    throw PlanError.missingLabels(language: language, keys: missing,
                                                  source: (try? loader.sourceLanguage(of: survey)) ?? "LANG")
                }
                let source = try LabelSource.labels(fallback, loader: loader)
                for key in missing {
                    labels.entries[key] = source[key]
                    warnings.append("warning: '\(language)' lacks label '\(key)'; using the '\(fallback)' text")
                }
            }
            // An empty question text or option label is as wrong here as in `stapel validate` (only that check:
            // the whole label validation cost planning 7 % at 2,000 questions); then the label set is split by
            // question once, so that each request starts from its question's share of it and planning stays
            // linear in the number of questions.
            let empty = Validator().emptyLabels(in: labels, required: required)
            if !empty.isEmpty { throw PlanError.invalidSurvey(empty) }
            let complete = labels
            let index = QuestionScope.LabelIndex(complete)
            let requests = try planning.map(questions) { question in
                QuestionScope.request(survey: survey, question: question, labels: complete, index: index,
                                      style: planStyle, options: options)
            }
            return PreparedLanguage(language: language, labels: complete, requests: requests, warnings: warnings)
        }
        // Last, so that the libraries' load and fontconfig's start (GraphicsLibraries.preload) have all of
        // planning beside them: a missing library is an error, a missing font family a warning (Pango falls
        // back to another family silently: say so, naming both), after the data's warnings.
        if usesFonts {
            try GraphicsLibraries.load()
            let families = Set([style.fonts.family] + style.questionStyles.values.map(\.fonts.family))
            for family in families.sorted() {
                if let resolved = FontProbe.resolvedFamily(family), resolved.lowercased() != family.lowercased() {
                    warnings.append("warning: the style '\(style.name)' asks for the font family '\(family)', which is not installed; "
                                    + "the charts are drawn in '\(resolved)' instead")
                }
            }
        }
        for language in prepared {
            warnings += language.warnings
            labelSets[language.language] = language.labels
            requests += language.requests.map { (language.language, $0) }
        }
        return Prepared(survey: survey, requests: requests, warnings: warnings, style: style, labels: labelSets)
    }

    /// What planning reads side by side: the survey file or a label file.
    private enum Loaded: Sendable {
        case survey(Survey)
        case labels(LabelSet)
    }

    /// One language's part of a plan: its labels (fallbacks filled in), its questions' requests, its warnings.
    private struct PreparedLanguage: Sendable {
        var language: String
        var labels: LabelSet
        var requests: [RenderRequest]
        var warnings: [String]
    }

    /// The jobs of several plans — one per question × language × style, with all its outputs, and one per
    /// document format × language × style, with all that language's questions — checked for outputs that
    /// would overwrite each other.
    package func jobs(for plans: [RenderPlan]) throws -> (jobs: [QuestionJob], documents: [DocumentJob], warnings: [String]) {
        var jobs: [QuestionJob] = []
        var documents: [DocumentJob] = []
        var warnings: [String] = []
        var seen: [String: String] = [:]
        var folders = RenderPlan.StandardFolders()
        /// An output's path with its folder standardized (`RenderPlan.path(_:in:)`).
        func claim(_ url: URL, root: URL, relativePath: String, by plan: RenderPlan) throws {
            let key = RenderPlan.path(relativePath, in: folders.path(of: root))
            let origin = plan.origin ?? "the command line"
            if let first = seen[key] { throw PlanError.duplicateOutput(SurveyLoader.display(url), first: first, second: origin) }
            seen[key] = origin
        }
        for plan in plans {
            let prepared = try prepare(plan)
            warnings += prepared.warnings
            for (language, request) in prepared.requests {
                var outputs: [RenderJob] = []
                for format in plan.formats {
                    guard let backend = registry.backend(named: format) else { continue }   // a document
                    let relative = plan.relativePath(language: language, question: request.question.id,
                                                     fileExtension: backend.fileExtension)
                    let job = RenderJob(request: request, backend: backend, root: plan.outputDirectory, relativePath: relative)
                    try claim(job.output, root: job.root, relativePath: job.relativePath, by: plan)
                    outputs.append(job)
                }
                jobs.append(QuestionJob(request: request, outputs: outputs))
            }
            for format in plan.formats {
                guard let backend = registry.document(named: format) else { continue }
                var languages: [String] = []
                for (language, _) in prepared.requests where !languages.contains(language) { languages.append(language) }
                for language in languages {
                    guard let labels = prepared.labels[language] else { continue }
                    let context = DocumentContext(language: language, formats: plan.formats, labels: labels,
                                                  survey: prepared.survey, style: prepared.style)
                    let job = DocumentJob(requests: prepared.requests.filter { $0.language == language }.map(\.request),
                                          backend: backend, context: context, root: plan.outputDirectory,
                                          relativePath: "\(language)/\(backend.fileName)")
                    try claim(job.output, root: job.root, relativePath: job.relativePath, by: plan)
                    documents.append(job)
                }
            }
        }
        return (jobs, documents, warnings)
    }

    /// Plans and renders one plan with `runner`. A backend failure fails only its own output.
    package func run(_ plan: RenderPlan, runner: BuildRunner = BuildRunner()) throws -> BuildReport {
        let (jobs, documents, warnings) = try jobs(for: [plan])
        var report = runner.build(jobs, documents: documents)
        report.warnings = warnings + report.warnings
        return report
    }
}
