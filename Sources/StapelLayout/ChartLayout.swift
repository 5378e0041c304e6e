import StapelModel

/// Lays out the chart of one question in points: heading, the chart of the question's kind, notes and source.
/// The result is drawn unchanged by every backend.
package struct ChartLayout {
    package let measurer: any TextMeasuring

    package init(measurer: any TextMeasuring) { self.measurer = measurer }

    /// The figure; with a fixed frame (slides), laid out again smaller (down to the style's `shrinkToFit`) until
    /// the content fits, or larger (up to `growToFit`) while it still fits.
    package func figure(for request: RenderRequest) -> Figure {
        let style = request.style.resolved(for: request.question.id)
        var figure = figure(for: request, style: style)
        guard style.page.aspectRatio != nil else { return figure }
        func overflows(_ f: Figure) -> Bool { f.warnings.contains { $0.kind == .frameOverflow } }
        var factor = 1.0
        if overflows(figure) {
            while overflows(figure), factor - 0.05 >= style.page.shrinkToFit - 1e-9 {
                factor -= 0.05
                figure = self.figure(for: request, style: style.scaled(by: factor))
            }
        } else {
            while factor + 0.05 <= style.page.growToFit + 1e-9 {
                let larger = self.figure(for: request, style: style.scaled(by: factor + 0.05))
                if overflows(larger) { break }
                figure = larger
                factor += 0.05
            }
            // Room left over in the frame goes to the bars and the gaps between them (up to twice
            // their size); the chart then sits in the middle of the room left, so that a short question fills
            // its slide instead of leaving it half empty.
            guard style.page.growToFit > 1 else { return figure }
            let grown = style.scaled(by: factor)
            var barFactor = 1.0
            while barFactor + 0.1 <= 2 + 1e-9 {
                var taller = grown
                taller.bars.height *= barFactor + 0.1
                taller.bars.rowGap *= barFactor + 0.1
                let candidate = self.figure(for: request, style: taller)
                if overflows(candidate) { break }
                figure = candidate
                barFactor += 0.1
            }
        }
        return figure
    }

    func figure(for request: RenderRequest, style: Style) -> Figure {
        let b = FigureBuilder(request: request, style: style, measurer: measurer)
        var y = b.margin
        let q = request.question
        // The title line: the question's display title, else "Fråga 5", else none.
        let titleKey = b.labels[LabelKey.question(q.id, .title)] != nil ? LabelKey.question(q.id, .title) : Term.question.key
        let titleText = b.labels.displayTitle(of: q)
        let questionKey = LabelKey.question(q.id)

        if style.show.title, let titleText {
            let block = b.block(titleText, key: titleKey, role: .title, width: b.contentWidth)
            b.place(block, x: b.left, y: y)
            y += block.height + 1
        }
        if style.show.question {
            let block = b.label(questionKey, role: .question, width: b.contentWidth)
            b.place(block, x: b.left, y: y)
            y += block.height + 3
        }
        let descriptionKey = LabelKey.question(q.id, .description)
        if style.show.description, let text = b.labels[descriptionKey], !text.allSatisfy(\.isWhitespace) {
            let block = b.block(text, key: descriptionKey, role: .description, width: b.contentWidth, wrap: .paragraph)
            b.place(block, x: b.left, y: y)
            y += block.height + 3
        }
        if y > b.margin { y += 6 }
        let headingHeight = y - b.margin

        let bodyStart = b.markCount
        let result = body(for: request).layout(b, top: y)
        let bodyHeight = result.bottom - y
        y = result.bottom

        var footer: [(key: String, text: String, role: TextRole)] = []
        if style.show.note { footer += result.notes.map { ($0.key, $0.text, .note) } }
        let noteKey = LabelKey.question(q.id, .note)
        if style.show.note, let note = b.labels[noteKey], !note.allSatisfy(\.isWhitespace) {
            footer.append((noteKey, note, .note))
        }
        if style.show.source, let source = b.labels[LabelKey.survey(.source)], !source.allSatisfy(\.isWhitespace) {
            footer.append((LabelKey.survey(.source), source, .source))
        }
        let footerBlocks = footer.map { b.block($0.text, key: $0.key, role: $0.role, width: b.contentWidth, wrap: .paragraph) }
        let footerHeight = footerBlocks.map { $0.height + 1 }.reduce(0, +)
        if !footer.isEmpty { y += 8 }
        // In a fixed frame the notes and the source sit at its foot, and the chart in the middle of the room
        // between them and the heading.
        let frameHeight = style.page.aspectRatio.map { b.figureWidth / $0 }
        if let frameHeight {
            let free = frameHeight - b.margin - footerHeight - y
            if free > 1 { b.moveMarks(after: bodyStart, down: free / 2) }
            y = max(y, frameHeight - b.margin - footerHeight)
        }
        for block in footerBlocks {
            b.place(block, x: b.left, y: y)
            y += block.height + 1
        }

        let needed = y + b.margin
        var height = needed.rounded(.up)
        if let ratio = style.page.aspectRatio, let frame = frameHeight {
            if needed > frame + 0.5 {
                // Name what takes the room: the heading (the question text), the chart, or the notes.
                let parts = [(questionKey, "the heading", headingHeight),
                             ("questions.\(q.id)", "the chart", bodyHeight),
                             (footer.first?.key ?? questionKey, "the notes and source", footerHeight)]
                let largest = parts.max { $0.2 < $1.2 }!
                b.warn(.frameOverflow, key: largest.0,
                       "the content needs \(b.fmt(height)) pt but the frame (width ÷ height = \(NumberFormat.plain(ratio, decimals: 2))) is "
                       + "\(b.fmt(frame)) pt high; \(largest.1) takes \(b.fmt(largest.2)) pt (heading \(b.fmt(headingHeight)), "
                       + "chart \(b.fmt(bodyHeight)), notes \(b.fmt(footerHeight))); the figure grew")
                height = max(height, frame)
            } else {
                // A fixed frame is exactly its size (1920 × 1080 px for a 16:9 slide), not rounded up.
                height = frame
            }
        }
        let questionText = b.labels.text(questionKey)
        var figure = Figure(width: b.figureWidth, height: height, background: style.colors.background, marks: b.marks,
                            warnings: b.warnings, title: titleText.map { "\($0) – \(questionText)" } ?? questionText,
                            language: request.labels.language, questionID: q.id)
        figure.warnings += FigureInspector.problems(in: figure)
        figure.altText = AltText(request)
        figure.svgText = style.page.svgText
        return figure
    }

    func body(for request: RenderRequest) -> any ChartBody {
        switch request.question {
        case .singleChoice(let q): SingleChoiceChart(question: q)
        case .multipleChoice(let q): MultipleChoiceChart(question: q)
        case .grid(let q): GridChart(question: q, scale: request.survey.scale(q.scaleID))
        case .multiSelectGrid(let q): MultiSelectGridChart(question: q)
        }
    }
}
