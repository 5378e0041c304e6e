import Foundation

extension BuildRunner {
    /// A unit of work handed to one worker: some of one question's outputs, or a document (one output).
    ///
    /// A question's outputs are two units when it has both kinds: those that read its figure or draw text (the
    /// chart formats, laid out once between them) and those that need neither (its tables). The second kind
    /// costs a worker no fonts in any language, so a worker whose language has run out can take another
    /// language's tables where its figures would first cost it that language's fonts (tens of milliseconds).
    package enum Unit: Sendable {
        /// `job`'s outputs at `outputs` (indices into `job.outputs`, in order); `index` is the job's place in the
        /// build's list, which the units of one question share.
        case question(QuestionJob, index: Int, outputs: [Int])
        case document(DocumentJob)

        package struct Output {
            package var root: URL
            package var relativePath: String
            package var info: OutputInfo
        }

        /// The language its outputs are in.
        var language: String {
            switch self {
            case .question(let job, _, _): job.request.labels.language
            case .document(let job): job.context.language
            }
        }

        var outputs: [Output] {
            switch self {
            case .question(let job, _, let outputs):
                outputs.map { Output(root: job.outputs[$0].root, relativePath: job.outputs[$0].relativePath, info: job.outputs[$0].info) }
            case .document(let job): [Output(root: job.root, relativePath: job.relativePath, info: job.info)]
            }
        }

        /// Whether an output of this backend is rendered without the figure and without fonts.
        static func isLight(_ backend: Backend) -> Bool { !backend.usesFonts && !backend.reads.contains(.figure) }

        /// What the schedule needs to know of the unit: its language, whether it needs fonts or a figure, and
        /// its size — questions with the most outputs and rows or options first, then the documents.
        package var scheduled: WorkSchedule.Item {
            switch self {
            case .question(let job, _, let outputs):
                let items = switch job.request.question {
                case .singleChoice(let q), .multipleChoice(let q): q.options.count
                case .grid(let q): q.rows.count * 2
                case .multiSelectGrid(let q): q.rows.count * 2
                }
                let light = outputs.allSatisfy { Self.isLight(job.outputs[$0].backend) }
                return WorkSchedule.Item(language: language, light: light, weight: outputs.count * (items + 4))
            case .document:
                return WorkSchedule.Item(language: language, light: false, weight: -1)
            }
        }
    }

    /// A build's units, and where each unit's outputs stand in the plan's order of outputs (the questions' in
    /// the order of the jobs and their formats, then the documents): results and the build state keep that
    /// order however the units are split and in whatever order they run.
    package struct UnitPlan {
        package let units: [Unit]
        /// For each unit, the places of its outputs in `outputs`.
        package let slots: [[Int]]
        package let outputs: [Unit.Output]

        /// - Parameter split: whether a question's tables are a unit of their own (`Unit`); checking, which
        ///   renders nothing, keeps each question whole.
        package init(_ jobs: [QuestionJob], _ documents: [DocumentJob], split: Bool) {
            var units: [Unit] = []
            var slots: [[Int]] = []
            var outputs: [Unit.Output] = []
            for (index, job) in jobs.enumerated() {
                let base = outputs.count
                let all = Array(job.outputs.indices)
                let light = all.filter { Unit.isLight(job.outputs[$0].backend) }
                let parts = split && !light.isEmpty && light.count < all.count
                    ? [all.filter { !Unit.isLight(job.outputs[$0].backend) }, light] : [all]
                for part in parts {
                    units.append(.question(job, index: index, outputs: part))
                    slots.append(part.map { base + $0 })
                }
                outputs += Unit.question(job, index: index, outputs: all).outputs
            }
            for job in documents {
                units.append(.document(job))
                slots.append([outputs.count])
                outputs += Unit.document(job).outputs
            }
            self.units = units
            self.slots = slots
            self.outputs = outputs
        }
    }
}

/// The order in which a build's workers take its units, one language per worker where it can.
///
/// Pango's fonts (fontconfig's patterns include the language), the measured and shaped texts and the drawing
/// contexts are kept per thread and per language: a worker that stays in its language finds them made, where
/// two workers taking turns in both would each make both. So each language has its own queue, heavy units
/// (figures, documents) longest first, then its light units (tables: no fonts, no figure) longest first; a
/// worker takes its language's heavy units, then its light ones. A worker new to the run takes the language
/// the fewest workers are in (the one whose next unit is longest among equals).
///
/// A worker whose language has run out joins another language only where no worker is in it, or where at least
/// `worthJoining` heavy units are left there: its first figure in a new language costs it that language's
/// fonts, which two or three units left to their worker do not repay. Otherwise it takes light units from the
/// language with the most of them left, without joining it, so that the last worker's figures are not all
/// that is left to do while its tables wait behind them.
package struct WorkSchedule: Sendable {
    /// A unit as the schedule sees it.
    package struct Item: Sendable, Equatable {
        package var language: String
        /// Rendered without fonts or a figure.
        package var light: Bool
        /// Larger first, within heavy and within light units.
        package var weight: Int

        package init(language: String, light: Bool, weight: Int) {
            self.language = language
            self.light = light
            self.weight = weight
        }
    }

    /// One worker's place: the language it works in (nil before its first unit, or while it helps with other
    /// languages' light units), and whether it has had a unit.
    package struct Worker: Sendable {
        package var language: String?
        package var started = false
        package init() {}
    }

    /// Heavy units left in a language for a worker from another language to join it.
    package static let worthJoining = 4

    private var heavy: [String: ArraySlice<Int>] = [:]
    private var light: [String: ArraySlice<Int>] = [:]
    /// Each unit's place in the order of all heavy units, then all light ones.
    private let rank: [Int]
    /// How many workers are in each language.
    private var workers: [String: Int] = [:]

    package init(_ items: [Item]) {
        let order = items.indices.sorted { a, b in
            let (x, y) = (items[a], items[b])
            if x.light != y.light { return !x.light }
            return x.weight != y.weight ? x.weight > y.weight : a < b
        }
        var rank = Array(repeating: 0, count: items.count)
        var heavy: [String: [Int]] = [:]
        var light: [String: [Int]] = [:]
        for (place, index) in order.enumerated() {
            rank[index] = place
            if items[index].light { light[items[index].language, default: []].append(index) } else { heavy[items[index].language, default: []].append(index) }
        }
        self.rank = rank
        self.heavy = heavy.mapValues { $0[...] }
        self.light = light.mapValues { $0[...] }
    }

    private func isEmpty(_ language: String) -> Bool {
        heavy[language]?.isEmpty != false && light[language]?.isEmpty != false
    }

    /// The first unit left in `language`: its longest heavy one, else its longest light one.
    private func first(in language: String) -> Int? { heavy[language]?.first ?? light[language]?.first }

    private mutating func popFirst(in language: String) -> Int? {
        if let index = heavy[language]?.popFirst() { return index }
        return light[language]?.popFirst()
    }

    /// The next unit for `worker` (an index into the items), or nil when none is left for it.
    package mutating func next(for worker: inout Worker) -> Int? {
        let switching = worker.started
        worker.started = true
        if let current = worker.language {
            if !isEmpty(current) { return popFirst(in: current) }
            workers[current, default: 1] -= 1
            worker.language = nil
        }
        let languages = Set(heavy.keys).union(light.keys).filter { !isEmpty($0) }
        let open = languages.filter { language in
            !switching || (workers[language] ?? 0) == 0 || (heavy[language]?.count ?? 0) >= Self.worthJoining
        }
        if let chosen = open.min(by: { a, b in
            let (wa, wb) = (workers[a] ?? 0, workers[b] ?? 0)
            return wa != wb ? wa < wb : rank[first(in: a)!] < rank[first(in: b)!]
        }) {
            worker.language = chosen
            workers[chosen, default: 0] += 1
            return popFirst(in: chosen)
        }
        // Nowhere worth joining: help with light units, from the language with the most of them left.
        let helped = languages.filter { light[$0]?.isEmpty == false }.max { a, b in
            let (ca, cb) = (light[a]!.count, light[b]!.count)
            return ca != cb ? ca < cb : rank[light[a]!.first!] > rank[light[b]!.first!]
        }
        return helped.flatMap { light[$0]?.popFirst() }
    }
}
