import StapelModel

/// Collects the marks and warnings of one figure while a chart lays itself out, and knows the figure's
/// fonts, colours, content width and labels.
final class FigureBuilder {
    let request: RenderRequest
    let style: Style
    let setter: TextSetter
    /// Left edge and width of the content (inside the margins).
    let left: Double
    let contentWidth: Double
    let figureWidth: Double
    let margin: Double
    private(set) var marks: [Mark] = []
    private(set) var warnings: [LayoutWarning] = []

    init(request: RenderRequest, style: Style, measurer: any TextMeasuring) {
        self.request = request
        self.style = style
        self.setter = TextSetter(measurer: measurer, lineSpacing: style.fonts.lineSpacing)
        self.figureWidth = style.page.widthMM / 25.4 * 72
        self.margin = style.page.marginMM / 25.4 * 72
        self.left = margin
        self.contentWidth = figureWidth - 2 * margin
    }

    var questionID: String { request.question.id }
    var labels: LabelSet { request.labels }
    var numbers: NumberFormat { request.numberFormat }
    var colors: Style.Colors { style.colors }
    var right: Double { left + contentWidth }

    // MARK: Fonts

    func font(_ role: TextRole) -> FontSpec {
        let f = style.fonts
        switch role {
        case .title: return FontSpec(family: f.family, size: f.titleSize, weight: .semibold)
        case .question: return FontSpec(family: f.family, size: f.questionSize, weight: .semibold)
        case .description: return FontSpec(family: f.family, size: f.descriptionSize)
        case .label: return FontSpec(family: f.family, size: f.labelSize)
        case .value: return FontSpec(family: f.family, size: f.valueSize, weight: .medium)
        case .segmentValue: return FontSpec(family: f.family, size: f.segmentSize, weight: .medium)
        case .legend: return FontSpec(family: f.family, size: f.legendSize)
        case .columnHeader: return FontSpec(family: f.family, size: f.valueSize, weight: .medium)
        case .axis: return FontSpec(family: f.family, size: f.noteSize)
        case .note: return FontSpec(family: f.family, size: f.noteSize)
        case .source: return FontSpec(family: f.family, size: f.sourceSize)
        }
    }

    func defaultColor(_ role: TextRole) -> StyleColor {
        switch role {
        case .title, .description, .columnHeader, .axis, .note, .source: colors.mutedText
        default: colors.text
        }
    }

    // MARK: Text

    /// Measures `string` for `width` without placing it.
    func block(_ string: String, key: String, role: TextRole, width: Double, wrap: WrapMode = .balanced,
               font: FontSpec? = nil, color: StyleColor? = nil) -> TextBlock {
        setter.block(string, key: key, role: role, font: font ?? self.font(role), color: color ?? defaultColor(role),
                     width: max(width, 1), wrap: wrap)
    }

    /// The label for `key`, measured for `width`.
    func label(_ key: String, role: TextRole, width: Double, wrap: WrapMode = .balanced) -> TextBlock {
        block(labels.text(key), key: key, role: role, width: width, wrap: wrap)
    }

    /// The one-line width of `string` in the role's font.
    func naturalWidth(_ string: String, role: TextRole, font: FontSpec? = nil) -> Double {
        setter.measurer.measure(string, font: font ?? self.font(role), width: nil).width
    }

    /// Places a measured block and records what did not fit.
    @discardableResult
    func place(_ block: TextBlock, x: Double, y: Double, align: TextAlignment = .left) -> TextMark {
        let mark = block.placed(x: x, y: y, align: align)
        for line in block.measured.lines where line.brokenInWord {
            warn(.wordBroken, key: block.key, "a word of \"\(line.text)\" is longer than the \(fmt(block.width)) pt line and was broken")
        }
        if block.naturalWidth > block.width + 0.5 {
            warn(.overflow, key: block.key, "text is \(fmt(block.naturalWidth)) pt wide but has \(fmt(block.width)) pt")
        }
        marks.append(.text(mark))
        return mark
    }

    /// Room for row labels left of the bars: their one-line width up to the style's share of the figure,
    /// a little more when that keeps every label on one line.
    func labelColumnWidth(natural: Double) -> Double {
        let limit = contentWidth * style.bars.labelColumnFraction
        return natural <= limit * 1.15 ? natural + 0.5 : limit
    }

    // MARK: Shapes

    func rect(_ frame: Rect, fill: StyleColor, stroke: StyleColor? = nil, pattern: FillPattern = .solid, role: RectRole, key: String) {
        guard frame.width > 0.001, frame.height > 0.001 else { return }
        var mark = RectMark(frame: frame, fill: fill, stroke: stroke, role: role, key: key)
        mark.pattern = pattern
        marks.append(.rect(mark))
    }

    func line(from: Point, to: Point, color: StyleColor, width: Double = 0.5) {
        marks.append(.line(LineMark(from: from, to: to, color: color, width: width)))
    }

    /// The marks placed since `count` marks existed, moved down by `dy` (a chart centred in a fixed frame).
    func moveMarks(after count: Int, down dy: Double) {
        for i in count..<marks.count {
            switch marks[i] {
            case .rect(var r):
                r.frame.y += dy
                marks[i] = .rect(r)
            case .line(var l):
                l.from.y += dy
                l.to.y += dy
                marks[i] = .line(l)
            case .text(var t):
                t.box.y += dy
                for j in t.lines.indices { t.lines[j].y += dy }
                marks[i] = .text(t)
            }
        }
    }

    var markCount: Int { marks.count }

    // MARK: Warnings

    func warn(_ kind: LayoutWarning.Kind, key: String, _ message: String) {
        let w = LayoutWarning(kind, questionID: questionID, labelKey: key, message)
        if !warnings.contains(w) { warnings.append(w) }
    }

    func fmt(_ v: Double) -> String { NumberFormat.plain(v, decimals: 1) }

    // MARK: Colours

    /// Dark or light text, whichever reads better on `fill`.
    func textColor(on fill: StyleColor) -> StyleColor {
        fill.contrast(with: colors.text) >= fill.contrast(with: colors.lightText) ? colors.text : colors.lightText
    }

    /// Fills close to the background get an outline so that their edge shows.
    func outline(for fill: StyleColor) -> StyleColor? {
        fill.contrast(with: colors.background) < 1.35 ? colors.rule : nil
    }
}
