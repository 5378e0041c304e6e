/// Cuts a render request down to what one question's output may show: its own question and scale, the survey's
/// metadata, its own labels (`questions.<id>.*`, its scale's `scales.<scale>.*`) plus every label outside
/// `questions.` and `scales.` (`survey.*`, `ui.*`, `number.*`), and the style as resolved for that question.
///
/// The pipeline hands backends the scoped request and the incremental build digests the same value, so an
/// output's digest covers exactly what its backend could read: editing q05's label re-renders q05 alone, and a
/// backend cannot come to depend on something the digest misses.
package enum QuestionScope {
    package static func scoped(_ request: RenderRequest) -> RenderRequest {
        scoped(request, index: LabelIndex(request.labels))
    }

    /// The same cut, with the label set indexed once for every question (planning stays linear in the
    /// number of questions).
    package static func scoped(_ request: RenderRequest, index: LabelIndex) -> RenderRequest {
        let question = request.question
        let scaleID: String? = if case .grid(let g) = question { g.scaleID } else { nil }
        var survey = request.survey
        survey.questions = [question]
        survey.scales = survey.scales.filter { $0.id == scaleID }
        var labels = request.labels
        (labels.entries, labels.locations) = index.entries(question: question.id, scale: scaleID)
        var style = request.style.resolved(for: question.id)
        style.questionStyles = [:]
        return RenderRequest(survey: survey, question: question, labels: labels, style: style, options: request.options)
    }

    /// The question-scoped request for `question`, made from its share of the indexed label set (never from the
    /// whole set, which would make planning quadratic).
    package static func request(survey: Survey, question: Question, labels: LabelSet, index: LabelIndex, style: Style,
                               options: RenderOptions) -> RenderRequest {
        let scaleID: String? = if case .grid(let g) = question { g.scaleID } else { nil }
        var own = labels
        (own.entries, own.locations) = index.entries(question: question.id, scale: scaleID)
        var scopedSurvey = survey
        scopedSurvey.questions = [question]
        scopedSurvey.scales = survey.scales.filter { $0.id == scaleID }
        var scopedStyle = style.resolved(for: question.id)
        scopedStyle.questionStyles = [:]
        return RenderRequest(survey: scopedSurvey, question: question, labels: own, style: scopedStyle, options: options)
    }

    /// Whether the output of question `questionID` (on scale `scaleID`) may show the label `key`.
    package static func isShown(_ key: String, questionID: String, scaleID: String?) -> Bool {
        if key.hasPrefix("questions.") { return key.hasPrefix(LabelKey.questionPrefix(questionID)) }
        if key.hasPrefix("scales.") { return scaleID.map { key.hasPrefix("scales.\($0).") } ?? false }
        return true
    }

    /// A label set split once into the entries every question shows and those of each question and scale,
    /// each with where it was read.
    package struct LabelIndex: Sendable {
        /// Entries with their source locations (a key read from no file has none).
        struct Part: Sendable {
            var entries: [String: String] = [:]
            var locations: [String: SourceLocation] = [:]

            mutating func add(_ key: String, _ value: String, at location: SourceLocation?) {
                entries[key] = value
                if let location { locations[key] = location }
            }
        }

        var common = Part()
        var byQuestion: [String: Part] = [:]
        var byScale: [String: Part] = [:]

        package init(_ labels: LabelSet) {
            // Grouped first, each part then built at its final size, and the keys read as bytes (`group(of:)`):
            // 232 M instructions → 73 M for the 21,600 labels of 2,000 questions (callgrind).
            var common: [(String, String)] = []
            var questions: [String: [(String, String)]] = [:]
            var scales: [String: [(String, String)]] = [:]
            for (key, value) in labels.entries {
                switch LabelIndex.group(of: key) {
                case .question(let id): questions[id, default: []].append((key, value))
                case .scale(let id): scales[id, default: []].append((key, value))
                case .common: common.append((key, value))
                case .neither: break
                }
            }
            func part(_ entries: [(String, String)]) -> Part {
                var part = Part()
                part.entries.reserveCapacity(entries.count)
                part.locations.reserveCapacity(entries.count)
                for (key, value) in entries { part.add(key, value, at: labels.locations[key]) }
                return part
            }
            self.common = part(common)
            byQuestion = questions.mapValues(part)
            byScale = scales.mapValues(part)
        }

        /// Which part a key belongs to: `questions.<id>.…` to question `id`, `scales.<id>.…` to scale `id`,
        /// `questions` or `scales` with no third part to neither, anything else to every question.
        enum Group {
            case question(String), scale(String), common, neither
        }

        /// Read off the key's bytes: splitting it by characters (grapheme by grapheme) cost more than half of
        /// indexing the labels of 2,000 questions.
        static func group(of key: String) -> Group {
            var key = key
            return key.withUTF8 { bytes -> Group in
                guard let first = bytes.firstIndex(of: UInt8(ascii: ".")) else { return .common }
                let head = UnsafeBufferPointer(rebasing: bytes[..<first])
                let isQuestion = head.elementsEqual("questions".utf8)
                guard isQuestion || head.elementsEqual("scales".utf8) else { return .common }
                let rest = bytes[(first + 1)...]
                guard let second = rest.firstIndex(of: UInt8(ascii: ".")) else { return .neither }
                let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[(first + 1)..<second]), as: UTF8.self)
                return isQuestion ? .question(id) : .scale(id)
            }
        }

        /// What one question shows: the common entries, its own, and its scale's (sized once: growing them
        /// entry by entry rehashed each seven times, 3 % of planning 2,000 questions).
        package func entries(question: String, scale: String?) -> (entries: [String: String], locations: [String: SourceLocation]) {
            let own = byQuestion[question], scaled = scale.flatMap { byScale[$0] }
            var result = common
            let count = common.entries.count + (own?.entries.count ?? 0) + (scaled?.entries.count ?? 0)
            result.entries.reserveCapacity(count)
            result.locations.reserveCapacity(count)
            for part in [own, scaled].compactMap({ $0 }) {
                for (k, v) in part.entries { result.entries[k] = v }
                for (k, l) in part.locations { result.locations[k] = l }
            }
            return (result.entries, result.locations)
        }
    }
}
