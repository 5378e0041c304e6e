import Foundation
import Stapel
import Testing

/// Colour-vision checks of every shipped style's ordered-scale palettes and answer-kind fills (issue 9):
/// neighbouring classes stay apart in normal vision and under protan, deutan and tritan simulation (Machado et
/// al. 2009, severity 1, on linear sRGB), every fill carries #1f1f1f or white text at 4.5:1, and the
/// non-substantive fills differ from each other and from every scale colour. Docs/styles.md has the figures.
@Suite struct PaletteTests {
    static let styles = ["default", "print-grayscale", "slides"]

    /// The smallest CIE76 difference between neighbours that each palette family reaches, by number of points
    /// (the measured minimum over the four views, rounded down; Styles/palette-design.py prints the figures).
    static let required: [String: [Int: Double]] = [
        "diverging": [2: 61, 3: 57, 4: 34, 5: 28, 6: 28, 7: 26, 8: 22.7, 9: 20.4, 10: 17.3, 11: 14.3],
        "sequential": [2: 71, 3: 47.9, 4: 24.5, 5: 24.8, 6: 16.9, 7: 13.6, 8: 11.3, 9: 9.9, 10: 7.6, 11: 6.9],
        "grayscale": [2: 59.9, 3: 26.2, 4: 23.5, 5: 17.7, 6: 14.1, 7: 11.5, 8: 9.9, 9: 8.6, 10: 7.6, 11: 6.8],
    ]
    /// A solid answer-kind fill must be this far (ΔE76, every view) from every scale colour it may stand beside.
    static let kindToScale = 15.0
    /// Two answer kinds with the same pattern must differ this much in lightness (L*).
    static let kindToKind = 20.0

    static func family(_ style: String, _ polarity: ScalePolarity) -> String {
        style == "print-grayscale" ? "grayscale" : polarity == .bipolar ? "diverging" : "sequential"
    }

    @Test(arguments: styles)
    func neighboursStayApartUnderColourVisionDeficiency(styleName: String) throws {
        let style = try loadStyle(styleName)
        for polarity in ScalePolarity.allCases {
            let family = Self.family(styleName, polarity)
            for n in 2...11 {
                let palette = style.colors.palette(points: n, polarity: polarity)
                #expect(palette.count == n)
                let declared = polarity == .bipolar ? style.colors.scalePalettes[n] : style.colors.sequentialPalettes[n]
                #expect(declared != nil, "\(styleName): no explicit \(polarity) palette for \(n) points")
                for view in CVD.View.allCases {
                    let de = CVD.smallestNeighbourDifference(palette, view)
                    #expect(de >= Self.required[family]![n]!,
                            "\(styleName) \(polarity) \(n): neighbours only ΔE \(de) apart in \(view) vision")
                }
            }
        }
    }

    @Test(arguments: styles)
    func everyFillCarriesDarkOrWhiteText(styleName: String) throws {
        let style = try loadStyle(styleName)
        var fills: [StyleColor] = AnswerKind.nonSubstantive.map { style.colors.fill(for: $0).color }
        for polarity in ScalePolarity.allCases {
            for n in 2...11 { fills += style.colors.palette(points: n, polarity: polarity) }
        }
        for c in fills {
            #expect(CVD.bestTextContrast(c, style) >= 4.5, "\(styleName): \(c) carries no text at 4.5:1")
        }
    }

    @Test(arguments: styles)
    func answerKindsDifferFromEachOtherAndFromTheScale(styleName: String) throws {
        let style = try loadStyle(styleName)
        let kinds = AnswerKind.nonSubstantive
        for kind in kinds { #expect(style.colors.answerKinds[kind] != nil, "\(styleName): no fill for \(kind.yamlName)") }
        for (i, a) in kinds.enumerated() {
            for b in kinds[(i + 1)...] {
                let fa = style.colors.fill(for: a), fb = style.colors.fill(for: b)
                #expect(CVD.distinct(fa, fb, lightness: Self.kindToKind), "\(styleName): \(a.yamlName) and \(b.yamlName) look alike")
            }
            let fill = style.colors.fill(for: a)
            for polarity in ScalePolarity.allCases {
                for n in 2...11 {
                    for c in style.colors.palette(points: n, polarity: polarity) {
                        #expect(CVD.distinct(fill, scale: c, deltaE: Self.kindToScale),
                                "\(styleName): \(a.yamlName) (\(fill.color)) looks like \(c) of the \(polarity) \(n)-point scale")
                    }
                }
            }
        }
        if styleName == "print-grayscale" {
            // Without hue, lightness alone cannot keep six kinds apart from an 11-step grey scale: all carry patterns.
            for kind in kinds { #expect(style.colors.fill(for: kind).pattern != .solid, "\(kind.yamlName) has no pattern") }
        }
    }

    @Test func theCheckerRejectsBadPalettes() {
        let near = ["#808080", "#838383"].map { StyleColor(hex: $0)! }
        #expect(CVD.smallestNeighbourDifference(near, .normal) < 2)
        // Red and green that differ clearly in normal vision merge for a deuteranope.
        let redGreen = ["#b35806", "#4d9221"].map { StyleColor(hex: $0)! }
        #expect(CVD.smallestNeighbourDifference(redGreen, .normal) > 30)
        #expect(CVD.smallestNeighbourDifference(redGreen, .deutan) < 15)
        // The known figures of ColorBrewer PuOr-5 (conventions §5): 33 / 27 / 24 / 26.
        let puOr = ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"].map { StyleColor(hex: $0)! }
        let measured = CVD.View.allCases.map { CVD.smallestNeighbourDifference(puOr, $0).rounded() }
        #expect(measured == [33, 27, 24, 26], "\(measured)")
        let grey = Fill(color: StyleColor(hex: "#8c8c8c")!), lighter = Fill(color: StyleColor(hex: "#999999")!)
        #expect(!CVD.distinct(grey, lighter, lightness: Self.kindToKind))
        #expect(CVD.distinct(grey, Fill(color: grey.color, pattern: .dots), lightness: Self.kindToKind))
        #expect(!CVD.distinct(grey, scale: StyleColor(hex: "#909090")!, deltaE: Self.kindToScale))
        #expect(CVD.bestTextContrast(StyleColor(hex: "#7a7a7a")!, Style(name: "x")) < 4.5)
    }

    func message(_ colors: String) -> String? {
        do {
            _ = try StyleReader.read("format: stapel-style/1\ncolors:\n" + colors, file: "test.yaml", name: "test")
            return nil
        } catch { return "\(error)" }
    }

    @Test func newColourFieldsReportBadValuesWithTheirPlace() throws {
        let kind = message("  answer-kinds:\n    dont-no: {color: \"#aaaaaa\"}\n")
        #expect(kind?.hasPrefix("test.yaml:4:5:") == true && kind?.contains("dont-know") == true, "\(kind ?? "")")
        let pattern = message("  answer-kinds:\n    refused: {pattern: zigzag}\n")
        #expect(pattern?.hasPrefix("test.yaml:4:") == true && pattern?.contains("crosshatch") == true, "\(pattern ?? "")")
        let colour = message("  answer-kinds:\n    refused: {color: \"#12\"}\n")
        #expect(colour?.hasPrefix("test.yaml:4:") == true && colour?.contains("#rrggbb") == true, "\(colour ?? "")")
        let count = message("  sequential-palettes:\n    3: [\"#000000\", \"#ffffff\"]\n")
        #expect(count?.hasPrefix("test.yaml:4:") == true && count?.contains("3 colours") == true, "\(count ?? "")")
        let old = try StyleReader.read("format: stapel-style/1\ncolors:\n  scale-palettes:\n    2: [\"#000000\", \"#ffffff\"]\n  not-applicable: \"#999999\"\n",
                                       file: "t", name: "t")
        #expect(old.colors.scalePalettes[2]?.count == 2 && old.colors.scalePalettes[3] == nil)
        #expect(old.colors.fill(for: .doesNotApply).color == StyleColor(hex: "#999999")!)
        #expect(old.colors.fill(for: .doesNotApply).pattern == Style(name: "x").colors.fill(for: .doesNotApply).pattern)
        let partial = try StyleReader.read("format: stapel-style/1\ncolors:\n  answer-kinds:\n    refused: {pattern: dots}\n", file: "t", name: "t")
        #expect(partial.colors.fill(for: .refused) == Fill(color: StyleColor(hex: "#6b6b6b")!, pattern: .dots))
        #expect(partial.colors.fill(for: .missing) == Style(name: "x").colors.fill(for: .missing))
    }

    @Test func defaultYamlGivesTheBuiltInColours() throws {
        #expect(try loadStyle("default").colors == Style(name: "default").colors)
    }
}

/// Colour-vision-deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1) and CIE76 differences,
/// as in the checker of conventions.md §5.
enum CVD {
    enum View: String, CaseIterable { case normal, protan, deutan, tritan }

    static let matrices: [View: [[Double]]] = [
        .protan: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
        .deutan: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
        .tritan: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    ]

    static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }

    static func simulated(_ c: StyleColor, _ view: View) -> [Double] {
        let rgb = [linear(c.red), linear(c.green), linear(c.blue)]
        guard let m = matrices[view] else { return rgb }
        return (0..<3).map { i in min(1, max(0, (0..<3).reduce(0) { $0 + m[i][$1] * rgb[$1] })) }
    }

    static func lab(_ r: [Double]) -> [Double] {
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16 / 116 }
        let y = 0.2126 * r[0] + 0.7152 * r[1] + 0.0722 * r[2]
        let x = (0.4124 * r[0] + 0.3576 * r[1] + 0.1805 * r[2]) / 0.95047
        let z = (0.0193 * r[0] + 0.1192 * r[1] + 0.9505 * r[2]) / 1.08883
        return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
    }

    static func deltaE(_ a: StyleColor, _ b: StyleColor, _ view: View) -> Double {
        let p = lab(simulated(a, view)), q = lab(simulated(b, view))
        return ((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2])).squareRoot()
    }

    static func smallestNeighbourDifference(_ palette: [StyleColor], _ view: View) -> Double {
        zip(palette, palette.dropFirst()).map { deltaE($0, $1, view) }.min() ?? .infinity
    }

    static func bestTextContrast(_ c: StyleColor, _ style: Style) -> Double {
        max(c.contrast(with: style.colors.text), c.contrast(with: style.colors.lightText))
    }

    /// Two answer-kind fills: different patterns, or lightness at least `lightness` apart.
    static func distinct(_ a: Fill, _ b: Fill, lightness: Double) -> Bool {
        a.pattern != b.pattern || abs(lab(simulated(a.color, .normal))[0] - lab(simulated(b.color, .normal))[0]) >= lightness
    }

    /// An answer-kind fill beside a (solid) scale colour: a pattern, or a colour `deltaE` away in every view.
    static func distinct(_ fill: Fill, scale: StyleColor, deltaE limit: Double) -> Bool {
        fill.pattern != .solid || View.allCases.allSatisfy { deltaE(fill.color, scale, $0) >= limit }
    }
}
