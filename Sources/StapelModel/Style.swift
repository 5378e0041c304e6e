/// The house style of figures: sizes, fonts, colours, what is drawn and how each chart kind is laid out.
/// Read from `Styles/<name>.yaml`; every field has a default, so a style file names only what it changes.
/// Lengths are in points (1/72 in) unless the name says mm.
package struct Style: Sendable, Hashable {
    package var name: String
    package var page = Page()
    package var fonts = Fonts()
    package var colors = Colors()
    package var show = Visibility()
    package var bars = Bars()
    package var grid = GridOptions()
    package var multiSelect = MultiSelectOptions()
    package var tables = TableOptions()
    /// Per-question variants, keyed by question id (`questions: {q05: {grid: {layout: diverging}}}` in a file).
    package var questionStyles: [String: Style] = [:]

    package init(name: String) { self.name = name }

    /// The style for one question: its per-question variant if the style has one, else this style; without
    /// variants, so that resolving again keeps changes made to the result.
    package func resolved(for questionID: String) -> Style {
        var style = questionStyles[questionID] ?? self
        style.questionStyles = [:]
        return style
    }

    /// The figure canvas.
    package struct Page: Sendable, Hashable {
        /// Figure width in millimetres; the height follows from the content.
        package var widthMM = 160.0
        /// Width ÷ height of a fixed frame (16:9 slides); nil: the height is the content's.
        /// Content taller than the frame makes the figure taller and is reported as a layout warning.
        package var aspectRatio: Double? = nil
        /// White space on every side, in millimetres.
        package var marginMM = 2.0
        /// PNG resolution in dots per inch.
        package var dpi = 200.0
        /// With a fixed frame: how far text, bars and gaps may shrink (0.7 = to 70 %) to fit content into it.
        package var shrinkToFit = 1.0
        /// With a fixed frame: how far text, bars and gaps may grow (1.3 = to 130 %) to fill it.
        package var growToFit = 1.0
        /// SVG text as `<text>` elements (selectable, searchable) or as glyph outlines (looks the same everywhere).
        package var svgText = SVGTextMode.text
        /// A logo (SVG or PNG) for the title page of the report documents: an absolute path, as the style
        /// reader resolved it from the style file's folder; nil: none.
        package var logo: String? = nil
        package init() {}
    }

    /// This style with every text size, bar height and gap multiplied by `factor`.
    package func scaled(by factor: Double) -> Style {
        var s = self
        s.fonts.titleSize *= factor
        s.fonts.questionSize *= factor
        s.fonts.descriptionSize *= factor
        s.fonts.labelSize *= factor
        s.fonts.valueSize *= factor
        s.fonts.segmentSize *= factor
        s.fonts.legendSize *= factor
        s.fonts.noteSize *= factor
        s.fonts.sourceSize *= factor
        s.bars.height *= factor
        s.bars.rowGap *= factor
        return s
    }

    /// Font family and sizes (points) of each kind of text.
    package struct Fonts: Sendable, Hashable {
        /// Family name as fontconfig knows it; Pango falls back silently when it is missing.
        package var family = "Inter"
        package var titleSize = 8.0
        package var questionSize = 10.5
        package var descriptionSize = 8.0
        package var labelSize = 8.5
        package var valueSize = 8.0
        package var segmentSize = 7.5
        package var legendSize = 8.0
        package var noteSize = 7.5
        package var sourceSize = 7.0
        /// Line distance as a multiple of the font size.
        package var lineSpacing = 1.25
        package init() {}
    }

    /// Colours. Ordered scales take `scalePalettes[n]` for an n-point scale; categories take `categoryPalette`.
    package struct Colors: Sendable, Hashable {
        package var background = StyleColor(hex: "#ffffff")!
        package var text = StyleColor(hex: "#1f1f1f")!
        /// Notes, source, axis and secondary text.
        package var mutedText = StyleColor(hex: "#595959")!
        /// Text on dark fills.
        package var lightText = StyleColor(hex: "#ffffff")!
        /// Bars of single- and multiple-choice charts.
        package var bar = StyleColor(hex: "#2166ac")!
        /// The 0–100 % track behind each bar; nil draws none.
        package var track: StyleColor? = StyleColor(hex: "#eeeeee")!
        /// Rules that set the Totalt row apart, axis lines.
        package var rule = StyleColor(hex: "#bdbdbd")!
        /// "Inte relevant": the colour of the does-not-apply fill (`answerKinds`), kept for older style files.
        package var notApplicable = StyleColor(hex: "#8c8c8c")!
        /// Diverging palettes for bipolar scales (`diverging-palettes:`, formerly `scale-palettes:`), by number of
        /// scored points, highest score first. Defaults: ColorBrewer RdBu, 2 to 11 points, each chosen point by point
        /// (Styles/palette-design.py) so that neighbours stay apart under protan, deutan and tritan simulation (ΔE76 from
        /// 61 for 2 points to 14 for 11; Docs/styles.md) and every class carries dark or white text at ≥ 4.6:1.
        package var scalePalettes: [Int: [StyleColor]] = Colors.rdBu
        /// Sequential palettes for unipolar scales, by number of scored points, highest score first (darkest).
        /// Defaults: ColorBrewer YlGnBu, 2 to 11 points, chosen like the diverging ones (ΔE76 72 down to about 9).
        package var sequentialPalettes: [Int: [StyleColor]] = Colors.ylGnBu
        /// Fill and pattern of each non-substantive answer kind, so that two kinds never look alike.
        package var answerKinds: [AnswerKind: Fill] = Colors.defaultAnswerKinds
        /// Unordered categories (multi-select grid columns): Okabe–Ito.
        package var categoryPalette: [StyleColor] = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00",
                                                    "#f0e442", "#000000"].map { StyleColor(hex: $0)! }
        package init() {}

        static let rdBu: [Int: [StyleColor]] = [
            2: ["#2267ad", "#b41d2c"],
            3: ["#2065aa", "#f2f2f2", "#b1182b"],
            4: ["#2065aa", "#9bc9e1", "#f9bea1", "#b1182b"],
            5: ["#2165ab", "#81b9d8", "#f2f2f2", "#f5aa88", "#b1182b"],
            6: ["#0e4078", "#418fc1", "#aed3e6", "#fbcab1", "#dc6e57", "#7e0623"],
            7: ["#053061", "#2a6fb1", "#87bdda", "#f2f2f2", "#f6af8e", "#bd3335", "#67001f"],
            8: ["#053162", "#2468ad", "#6baad0", "#c0dceb", "#fdd7c1", "#ee9676", "#b5222e", "#68001f"],
            9: ["#053062", "#1f62a7", "#509ac7", "#9dcae1", "#f2f2f2", "#fabfa3", "#e47e63", "#ae172a", "#68001f"],
            10: ["#063365", "#1e60a4", "#418fc1", "#89bedb", "#cee4ef", "#fce0cf", "#f7b090", "#dc6e57", "#aa152a", "#6b0120"],
            11: ["#083669", "#1c5d9f", "#418fc1", "#7fb7d7", "#b7d7e8", "#f2f2f2", "#fcd1b9", "#f5a886", "#dd6e57", "#a61429", "#6f0220"],
        ].mapValues { $0.map { StyleColor(hex: $0)! } }

        static let ylGnBu: [Int: [StyleColor]] = [
            2: ["#263996", "#feffd8"],
            3: ["#263996", "#54bcc2", "#edf8b1"],
            4: ["#263996", "#237ab5", "#72c7bd", "#ffffd8"],
            5: ["#081d58", "#2553a3", "#2395c1", "#9dd8b9", "#edf8b1"],
            6: ["#081d58", "#26419a", "#236eb0", "#2b9cc1", "#87d0ba", "#eef8b3"],
            7: ["#0b1f5d", "#263d98", "#2261a9", "#2b9bc1", "#72c7bd", "#a1d9b8", "#fbfdcf"],
            8: ["#0d2163", "#233391", "#2261a9", "#2496c1", "#4ebac3", "#84cfbb", "#aaddb7", "#feffd7"],
            9: ["#0d2163", "#21308b", "#2458a5", "#2379b5", "#2697c1", "#71c7be", "#98d6b9", "#b9e3b6", "#f4fbc1"],
            10: ["#091e5a", "#263896", "#2457a4", "#236eb0", "#34a4c2", "#5fbfc0", "#7eccbb", "#98d6b9", "#d5efb3", "#fbfdcf"],
            11: ["#0d2061", "#264099", "#225ea8", "#2372b2", "#2495c1", "#4db9c3", "#7bcbbc", "#addeb7", "#ccebb4", "#e2f4b2", "#fefed6"],
        ].mapValues { $0.map { StyleColor(hex: $0)! } }

        static let defaultAnswerKinds: [AnswerKind: Fill] = [
            .doesNotApply: Fill(color: StyleColor(hex: "#8c8c8c")!),
            .dontKnow: Fill(color: StyleColor(hex: "#b8b8b8")!, pattern: .diagonal),
            .refused: Fill(color: StyleColor(hex: "#6b6b6b")!, pattern: .crosshatch),
            .noAnswer: Fill(color: StyleColor(hex: "#d4d4d4")!, pattern: .vertical),
            .notAsked: Fill(color: StyleColor(hex: "#a3a3a3")!, pattern: .dots),
            .missing: Fill(color: StyleColor(hex: "#575757")!, pattern: .horizontal),
        ]

        /// The fill of a non-substantive answer kind (the first kind's for a substantive one).
        package func fill(for kind: AnswerKind) -> Fill {
            answerKinds[kind] ?? answerKinds[.doesNotApply] ?? Fill(color: notApplicable)
        }

        /// The colours of an `n`-point scale of the given polarity, highest score first: a diverging palette
        /// around the middle for bipolar scales, a sequential one (darkest for the highest score) for unipolar.
        package func palette(points n: Int, polarity: ScalePolarity) -> [StyleColor] {
            Colors.spread(polarity == .bipolar ? scalePalettes : sequentialPalettes, n, fallback: bar)
        }

        /// The palette for an `n`-point scale: the declared one, else colours spread over the largest declared palette.
        package func scalePalette(_ n: Int) -> [StyleColor] { Colors.spread(scalePalettes, n, fallback: bar) }

        static func spread(_ palettes: [Int: [StyleColor]], _ n: Int, fallback bar: StyleColor) -> [StyleColor] {
            if let exact = palettes[n] { return exact }
            guard n > 0, let largest = palettes.keys.max(), let base = palettes[largest], !base.isEmpty else {
                return Array(repeating: bar, count: max(n, 0))
            }
            if n == 1 { return [base[0]] }
            return (0..<n).map { i in
                let position = Double(i) / Double(n - 1) * Double(base.count - 1)
                let lower = Int(position)
                let upper = min(lower + 1, base.count - 1)
                return base[lower].mixed(with: base[upper], position - Double(lower))
            }
        }
    }

    /// Which parts of a figure are drawn.
    package struct Visibility: Sendable, Hashable {
        /// "Fråga 5" above the question text.
        package var title = true
        package var question = true
        /// The question's explanatory paragraph, when the label set has one.
        package var description = true
        /// Respondent counts and other notes under the chart.
        package var note = true
        /// The survey's source line.
        package var source = true
        package var legend = true
        package init() {}
    }

    /// Horizontal bars of single- and multiple-choice charts, and row geometry shared by every chart.
    package struct Bars: Sendable, Hashable {
        /// Bar thickness.
        package var height = 10.0
        /// Space between rows.
        package var rowGap = 6.0
        /// Widest share of the figure the row labels may take when they sit left of the bars.
        package var labelColumnFraction = 0.42
        /// `left` of the bars, `above` them, or `auto`: above when left labels would need more than `maxLabelLines`.
        package var labelPosition = LabelPosition.auto
        /// Lines a left label may take before `auto` moves labels above the bars.
        package var maxLabelLines = 3
        /// 100 % for the full bar length, or the largest value.
        package var scale = BarScale.full
        /// Decimals of value labels ("48,9 %").
        package var valueDecimals = 1
        /// Sort multiple-choice options by share ("Annat …" stays last).
        package var sortMultipleChoice = true
        package init() {}
    }

    /// Grid (Likert) charts.
    package struct GridOptions: Sendable, Hashable {
        package var layout = GridLayout.stacked
        /// Decimals of segment labels.
        package var segmentDecimals = 0
        /// Segments below this share (percent) get no label, even when the label would fit.
        package var segmentLabelThreshold = 5.0
        /// How not-applicable answers are shown: a grey segment apart from the scale, or a column beside it.
        package var notApplicable = NotApplicableDisplay.segment
        /// Percentages of the scale rebased on those who answered on the scale (not-applicable shown apart).
        package var rebase = false
        /// Net total at the bar end: the share of the `netPoints` highest-scoring points; 0 shows none.
        package var netPoints = 0
        /// A mean and/or median column.
        package var statistic = GridStatistic.none
        /// A column with the answers behind each row.
        package var baseN = false
        package var sort = GridSort.questionnaire
        /// How displayed percentages of one bar are rounded.
        package var rounding = DisplayRounding.independent
        /// Draw the "Totalt" row.
        package var total = true
        /// Rows resting on fewer answers than this are marked in charts and tables (0: never).
        package var lowBase = 30
        package init() {}
    }

    /// Tables (LaTeX, Markdown, HTML; CSV always carries every number).
    package struct TableOptions: Sendable, Hashable {
        /// Count columns beside the percents of a grid, where the data gives counts.
        package var counts = false
        package init() {}
    }

    /// Multi-select grids: grouped bars per statement.
    package struct MultiSelectOptions: Sendable, Hashable {
        /// Each bar's label shows the count after the share: "40,4 % (38)".
        package var counts = true
        /// Draw the printed "Totalt" row (its shares are of all row answers together).
        package var total = false
        package init() {}
    }
}

/// How an SVG carries its text.
package enum SVGTextMode: String, Sendable, Hashable, CaseIterable {
    /// `<text>` elements in the style's font family: selectable, searchable, editable.
    case text
    /// Glyph outlines drawn by Cairo: identical in every viewer, but not text.
    case outlines
}

/// Where row labels go relative to their bars.
package enum LabelPosition: String, Sendable, Hashable, CaseIterable { case auto, left, above }

/// The length that stands for a full bar.
package enum BarScale: String, Sendable, Hashable, CaseIterable {
    /// 100 %.
    case full
    /// The largest value of the chart.
    case data
}

/// 100 % stacked bars, or bars centred on the scale's midpoint.
package enum GridLayout: String, Sendable, Hashable, CaseIterable { case stacked, diverging }

/// Presentation of not-applicable answers in a grid.
package enum NotApplicableDisplay: String, Sendable, Hashable, CaseIterable {
    /// A grey segment at the bar end, set apart by a gap.
    case segment
    /// A separate column of values beside the bars.
    case panel
}

/// Statistic columns of a grid.
package enum GridStatistic: String, Sendable, Hashable, CaseIterable {
    case none, mean, median, both
}

/// Order of grid rows ("Annat …" rows stay last, Totalt below).
package enum GridSort: String, Sendable, Hashable, CaseIterable {
    case questionnaire
    /// By the net share (or the first point's share when no net is shown), largest first.
    case share
    /// By mean, largest first.
    case mean
}

/// Rounding of the displayed percentages of one bar.
package enum DisplayRounding: String, Sendable, Hashable, CaseIterable {
    /// Each value rounded on its own (a note says when a bar's figures do not add up to 100).
    case independent
    /// Largest remainder, so that a bar's displayed figures add up to 100.
    case largestRemainder = "largest-remainder"
}
