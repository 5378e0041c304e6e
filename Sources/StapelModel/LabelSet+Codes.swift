/// Display texts for coded answers: an option or scale point without a label shows its source code, and on a
/// scale where some points have no label every point shows its code before its label ("0 Links", "1", …,
/// "10 Rechts"), so that the numbers read as one scale.
extension LabelSet {
    /// This set with the display texts of `question`'s coded options and scale points filled in.
    package func resolvingCodes(of question: Question, in survey: Survey) -> LabelSet {
        var resolved = self
        switch question {
        case .singleChoice(let q), .multipleChoice(let q):
            for option in q.options {
                let key = LabelKey.option(q.id, option.id)
                if entries[key] == nil, let text = fallback(kind: option.kind, code: option.code) { resolved.entries[key] = text }
            }
        case .grid(let q):
            guard let scale = survey.scale(q.scaleID) else { break }
            let keys = scale.points.map { LabelKey.point(scale.id, $0.id) }
            let unlabelled = zip(scale.points, keys).contains { $0.code != nil && (entries[$1] ?? "").isEmpty }
            for (point, key) in zip(scale.points, keys) {
                guard let code = point.code else { continue }
                if let label = entries[key], !label.isEmpty {
                    if unlabelled && point.kind.isSubstantive { resolved.entries[key] = "\(code) \(label)" }
                } else {
                    resolved.entries[key] = fallback(kind: point.kind, code: code) ?? code
                }
            }
        case .multiSelectGrid:
            break
        }
        return resolved
    }

    /// The text of an unlabelled answer: the interface's name of its kind ("Vet ej") for a non-substantive
    /// answer, else its code.
    func fallback(kind: AnswerKind, code: String?) -> String? {
        if let term = kind.term, let name = self[term] { return name }
        return code
    }
}
