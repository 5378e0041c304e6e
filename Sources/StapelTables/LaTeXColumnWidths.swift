import Foundation

/// Shares a table's width between the statement (stub) column and the numeric columns before TeX sees the
/// table, from estimated text widths in Latin Modern.
///
/// The statements come first: they get a fair share, 30 % of the line or what their longest one needs on one
/// line, whichever is less, and never less than their longest word (so that no statement is hyphenated).
/// Numeric columns are as wide as their numbers and their headers' longest words; headers wrap onto as many
/// lines as they need. When that does not fit at `\footnotesize`, the table steps down to `\scriptsize`, and
/// only if even that fails are header words hyphenated. Within those bounds the widths are those that make the
/// table shortest, with the statement column up to 35 % of the line.
/// Widths are fractions of `\linewidth`, reckoned for a 345 pt line (LaTeX's article class); a wider line only
/// gives every column more room.
struct LaTeXColumnWidths {
    /// `footnotesize` or `scriptsize`.
    let fontSize: String
    /// `\tabcolsep` in points.
    let columnSeparation: Double
    /// Width of each numeric column's header text, as a fraction of `\linewidth`.
    let fractions: [Double]
    /// What tabularx leaves the statement column, as a fraction of `\linewidth`.
    let stubFraction: Double
    /// True when even the smallest size could not keep header words whole, so they are hyphenated.
    let hyphenatesHeaders: Bool

    static let referenceLine = 345.0

    /// One way to set a table: its size, how much wider Latin Modern's smaller optical size sets per em
    /// (ec-lmr7 against ec-lmr8), its `\quad` (measured with pdflatex: 8.5 pt and 7.97 pt) and `\tabcolsep`.
    struct Setting {
        let name: String
        let size: Double
        let widthFactor: Double
        let quad: Double
        let separation: Double

        /// Points per em of the width table below.
        var em: Double { size * widthFactor }
    }

    /// The settings tried in turn.
    static let settings = [
        Setting(name: "footnotesize", size: 8, widthFactor: 1.0, quad: 8.5, separation: 3),
        Setting(name: "scriptsize", size: 7, widthFactor: 1.075, quad: 7.97, separation: 3),
        Setting(name: "scriptsize", size: 7, widthFactor: 1.075, quad: 7.97, separation: 2),
    ]

    /// The statements' fair share of the line when they need it; they get up to `preferredStubShare` when the
    /// headers leave it.
    static let fairStubShare = 0.30
    static let preferredStubShare = 0.35

    init(table: Table, formats: [(integer: Int, decimals: Int, negative: Bool)]) {
        let measures = Measures(table: table)
        let candidates = LaTeXColumnWidths.settings.map { Candidate(table: table, formats: formats, setting: $0, measures: measures) }
        let line = LaTeXColumnWidths.referenceLine
        // Whole header words at the largest size that leaves the statements their fair share; failing that, the
        // smallest size, with header words hyphenated.
        let whole = candidates.first { $0.least.reduce(0, +) <= line - $0.padding - $0.stubFair }
        let chosen = whole ?? candidates[candidates.count - 1]
        let widths = chosen.widths(hyphenate: whole == nil)
        hyphenatesHeaders = whole == nil
        fontSize = chosen.setting.name
        columnSeparation = chosen.setting.separation
        fractions = widths.map { $0 / line }
        stubFraction = (line - chosen.padding - widths.reduce(0, +)) / line
    }

    /// A table's texts measured in ems, the same for every setting: measured once for all of them.
    struct Measures {
        let headers: [String]
        /// Each header's words.
        let headerWords: [[Double]]
        let headerHyphenated: [Double]
        let headerLongestWord: [Double]
        let headerOneLine: [Double]
        /// Each spanner's longest word and hyphenated width.
        let groupLongestWord: [Double]
        let groupHyphenated: [Double]
        /// The headers and the stubs (the stub header, then each row's) cut into words and measured once.
        let headerPieces: [Pieces]
        let stubPieces: [Pieces]
        let stubLongestWord: Double
        let stubOneLine: Double

        init(table: Table) {
            typealias W = LaTeXColumnWidths
            headers = table.columns.map(\.header)
            headerWords = headers.map { W.words($0).map { W.width($0) } }
            headerHyphenated = headers.map(W.hyphenatedWidth)
            headerLongestWord = headers.map(W.longestWord)
            headerOneLine = headers.map { W.width($0) }
            groupLongestWord = table.groups.map { W.longestWord($0.title) }
            groupHyphenated = table.groups.map { W.hyphenatedWidth($0.title) }
            let stubs = [table.stubHeader] + table.rows.map(\.stub)
            headerPieces = headers.map(Pieces.init)
            stubPieces = stubs.map(Pieces.init)
            stubLongestWord = stubs.map { W.longestWord($0) }.max() ?? 0
            stubOneLine = stubs.map { W.width($0) }.max() ?? 0
        }
    }

    /// The widths one setting asks for, in points.
    struct Candidate {
        let setting: Setting
        /// Each header's narrowest: its numbers, and its words hyphenated.
        let floor: [Double]
        /// Each header's longest word (up to `wordLimit`), widened where a spanner's word needs it.
        let least: [Double]
        /// Each header on one line.
        let oneLine: [Double]
        /// Column separation and the gaps before set-apart columns.
        let padding: Double
        /// Every statement on one line, up to `preferredStubShare` of the line.
        let stubPreferred: Double
        /// Every statement on one line, up to `fairStubShare` of the line.
        let stubFair: Double
        /// The table's texts in ems, shared by every setting (their pieces serve the many line counts of the search).
        let measures: Measures
        /// The widths each header's words need, in points.
        let headerWords: [[Double]]
        /// For each header, the width it needs to take at most 1, 2, … lines, down to `least` (whole words) or to
        /// `floor` (hyphenated).
        let wholeWordLadders: [[Double]]
        let hyphenatedLadders: [[Double]]

        init(table: Table, formats: [(integer: Int, decimals: Int, negative: Bool)], setting: Setting, measures m: Measures) {
            typealias W = LaTeXColumnWidths
            self.setting = setting
            let em = setting.em
            let slack = 1.0
            let headers = m.headers
            measures = m
            headerWords = m.headerWords.map { $0.map { $0 * em + slack } }
            var floor = headers.indices.map { j in
                let f = formats[j]
                let number = Double(f.integer + f.decimals) * 0.53 + (f.decimals > 0 ? 0.3 : 0) + (f.negative ? 0.78 : 0)
                return max(number, m.headerHyphenated[j]) * em + slack
            }
            var least = headers.indices.map { j in
                max(floor[j], min(m.headerLongestWord[j], W.wordLimit) * em + slack)
            }
            for (g, group) in table.groups.enumerated() {
                // A spanner's words must fit over its columns and the gaps between them.
                let inner = 2 * setting.separation * Double(group.columns.count - 1)
                let n = Double(group.columns.count)
                let span = group.columns.map { least[$0] }.reduce(0, +) + inner
                let need = min(m.groupLongestWord[g], W.wordLimit) * em + slack
                if need > span { for j in group.columns { least[j] += (need - span) / n } }
                let floorSpan = group.columns.map { floor[$0] }.reduce(0, +) + inner
                let floorNeed = m.groupHyphenated[g] * em + slack
                if floorNeed > floorSpan { for j in group.columns { floor[j] += (floorNeed - floorSpan) / n } }
            }
            least = headers.indices.map { max(least[$0], floor[$0]) }
            let oneLine = headers.indices.map { [least] in max(least[$0], m.headerOneLine[$0] * em + slack) }
            self.floor = floor
            self.least = least
            self.oneLine = oneLine
            wholeWordLadders = headers.indices.map { W.ladder(m.headerPieces[$0], from: least[$0], to: oneLine[$0], em: em) }
            hyphenatedLadders = headers.indices.map { W.ladder(m.headerPieces[$0], from: floor[$0], to: oneLine[$0], em: em) }
            let gaps = table.columns.indices.filter { $0 > 0 && table.columns[$0].setApart && !table.columns[$0 - 1].setApart }
            padding = 2 * setting.separation * Double(headers.count) + Double(gaps.count) * setting.quad

            let line = W.referenceLine
            // A word may begin a continuation line, behind the hanging indent.
            let stubLeast = min(m.stubLongestWord, W.wordLimit) * em + setting.quad + slack
            let stubOneLine = m.stubOneLine * em + slack
            stubPreferred = max(stubLeast, min(stubOneLine, W.preferredStubShare * line + slack))
            stubFair = max(stubLeast, min(stubOneLine, W.fairStubShare * line + slack))
        }

        /// The header widths, with or without header words hyphenated. Between its fair share and all the
        /// headers leave, the statement column gets the width that makes the table shortest, each hyphenated header
        /// word counting as one line more; of equally good tables, the one whose statement column is nearest its
        /// preferred width, or its fair share when headers are hyphenated. Beyond its preferred width the
        /// statements only get what headers set on one line leave; when even hyphenated headers cannot leave the
        /// fair share, the statements get all they leave.
        func widths(hyphenate: Bool) -> [Double] {
            let line = LaTeXColumnWidths.referenceLine
            let narrowest = hyphenate ? floor : least
            let oneLineStub = line - padding - oneLine.reduce(0, +)
            let most = min(line - padding - narrowest.reduce(0, +), max(stubPreferred, oneLineStub))
            guard most >= stubFair else { return narrowest }
            // Hyphenation is the last resort: then, of equally good tables, the headers get the room.
            let target = hyphenate ? stubFair : stubPreferred
            var best: (cost: Int, distance: Double, widths: [Double])?
            for stub in stride(from: stubFair, through: most, by: 0.5) {
                let w = headerWidths(room: line - padding - stub, hyphenate: hyphenate)
                let cost = height(headers: w) + hyphenatedWords(headers: w)
                let distance = abs(line - padding - w.reduce(0, +) - target)
                if best.map({ cost < $0.cost || (cost == $0.cost && distance < $0.distance) }) ?? true {
                    best = (cost, distance, w)
                }
            }
            return best?.widths ?? narrowest
        }

        /// Header widths adding up to at most `room`: as low a header row as fits, down to their floors when
        /// words may be hyphenated and to their longest words when not, then what is left spread over the headers
        /// that still wrap (water-filling), so that alike headers stay alike.
        func headerWidths(room: Double, hyphenate: Bool) -> [Double] {
            let steps = hyphenate ? hyphenatedLadders : wholeWordLadders
            let tallest = steps.map(\.count).max() ?? 1
            for lines in 1...tallest {
                let base = steps.map { $0[min(lines, $0.count) - 1] }
                if base.reduce(0, +) <= room { return LaTeXColumnWidths.fill(least: base, most: oneLine, room: room) }
            }
            return steps.map { $0[$0.count - 1] }
        }

        /// The header words too wide for their columns, which TeX hyphenates.
        func hyphenatedWords(headers widths: [Double]) -> Int {
            zip(headerWords, widths).map { words, width in words.filter { $0 > width }.count }.reduce(0, +)
        }

        /// The table's estimated height in lines with these header widths: its tallest header cell, then each
        /// row's statement in the width the headers leave.
        func height(headers widths: [Double]) -> Int {
            let stub = LaTeXColumnWidths.referenceLine - padding - widths.reduce(0, +)
            let em = setting.em
            let head = zip(measures.headerPieces, widths).map { LaTeXColumnWidths.lineCount($0, measure: $1, em: em, indent: 0) }
            let stubLines = measures.stubPieces.map { LaTeXColumnWidths.lineCount($0, measure: stub, em: em, indent: setting.quad) }
            return max(head.max() ?? 1, stubLines[0]) + stubLines.dropFirst().reduce(0, +)
        }
    }

    /// Widths between `least` and `most` adding up to at most `room`: the narrowest get the space left over, up
    /// to a common cap (water-filling).
    static func fill(least: [Double], most: [Double], room: Double) -> [Double] {
        func widths(cap: Double) -> [Double] { zip(least, most).map { max($0, min($1, cap)) } }
        if widths(cap: most.max() ?? 0).reduce(0, +) <= room { return most }
        var lo = 0.0, hi = most.max() ?? 0
        for _ in 0..<50 {
            let mid = (lo + hi) / 2
            if widths(cap: mid).reduce(0, +) > room { hi = mid } else { lo = mid }
        }
        return widths(cap: lo)
    }

    /// The width, in points, `text` needs to take at most 1, 2, … lines, from `most` (one line) down to
    /// `minimum`, where it takes the most lines.
    static func ladder(_ text: String, from minimum: Double, to most: Double, em: Double) -> [Double] {
        ladder(Pieces(text), from: minimum, to: most, em: em)
    }

    static func ladder(_ text: Pieces, from minimum: Double, to most: Double, em: Double) -> [Double] {
        let tallest = lineCount(text, measure: minimum, em: em, indent: 0)
        return (1...max(tallest, 1)).map { lines in
            if lines >= tallest { return minimum }
            var lo = minimum, hi = max(most, minimum)
            for _ in 0..<30 {
                let mid = (lo + hi) / 2
                if lineCount(text, measure: mid, em: em, indent: 0) <= lines { hi = mid } else { lo = mid }
            }
            return hi
        }
    }

    /// Words longer than this many ems are left to hyphenation rather than widening their column.
    static let wordLimit = 7.0

    /// Estimated width in ems (of the design size) of `text` set in Latin Modern Roman.
    static func width(_ text: String) -> Double {
        // Text below U+0300 (ASCII, Latin-1, Latin Extended-A and -B, IPA: no combining marks, no singletons) is
        // its own canonical composition: only other text needs normalising first.
        let composed = text.unicodeScalars.allSatisfy { $0.value < 0x300 } ? text : text.precomposedStringWithCanonicalMapping
        return composed.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// The pieces TeX may break `text` into without hyphenating: words, split after a slash (the escaper allows a
    /// break there) and after a hyphen.
    static func words(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for s in text.unicodeScalars {
            if s == " " || s == "\n" {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            current.unicodeScalars.append(s)
            if s == "/" || s == "-" {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func longestWord(_ text: String) -> Double { words(text).map { width($0) }.max() ?? 0 }

    /// The width, in ems, that `text` needs when TeX may hyphenate its words. The widest piece TeX leaves of a
    /// word is not known without its hyphenation patterns. pdflatex's Swedish and English patterns, with the three
    /// letters after a hyphen the writer asks of headers, left no piece of the bundled survey's header words wider
    /// than 3.4 em (hyphen included) nor wider than 58 % of its word, so a word is reckoned at the larger of the
    /// two; a longer word, a compound with places to break between its parts, as one of 6 em; a word of one
    /// syllable, which TeX does not break, whole (up to `wordLimit`).
    static func hyphenatedWidth(_ text: String) -> Double {
        words(text).map { word in
            let whole = width(word)
            return min(syllables(word) < 2 ? whole : min(whole, max(3.4, 0.58 * min(whole, 6))), wordLimit)
        }.max() ?? 0
    }

    /// Groups of vowels in `word`: roughly its syllables.
    static func syllables(_ word: String) -> Int {
        var groups = 0, inVowel = false
        for ch in word.lowercased() {
            let base = ch.isASCII ? ch : baseLetter(ch)
            let vowel = "aeiouyæøœ".contains(base)
            if vowel && !inVowel { groups += 1 }
            inVowel = vowel
        }
        return groups
    }

    /// The first scalar of a character's canonical decomposition (`ö` → `o`); the Latin-1 and Latin Extended-A
    /// letters from a table worked out once.
    static func baseLetter(_ ch: Character) -> Character {
        if ch.unicodeScalars.count == 1, let scalar = ch.unicodeScalars.first, let known = latinBases[scalar.value] { return known }
        return String(ch).decomposedStringWithCanonicalMapping.unicodeScalars.first.map { Character($0) } ?? ch
    }

    static let latinBases: [UInt32: Character] = Dictionary(uniqueKeysWithValues: (0xA0...0x17F).compactMap { value in
        Unicode.Scalar(value).map { scalar in
            (value, String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first.map { Character($0) } ?? Character(scalar))
        }
    })

    /// The lines `text` takes in a cell `measure` points wide, set at `em` points per em with continuation lines
    /// indented by `indent`, filled greedily as ragged-right and centred TeX text is. A word wider than its line
    /// is reckoned hyphenated into as many lines as it needs.
    static func lineCount(_ text: String, measure: Double, em: Double, indent: Double) -> Int {
        lineCount(Pieces(text), measure: measure, em: em, indent: indent)
    }

    /// A text's `words` with their widths in ems (each put into NFC once) and whether a space precedes each.
    struct Pieces {
        var widths: [Double] = []
        var spaced: [Bool] = []

        init(_ text: String) {
            let pieces = LaTeXColumnWidths.words(text)
            widths = pieces.map { LaTeXColumnWidths.width($0) }
            spaced = pieces.indices.map { $0 > 0 && !pieces[$0 - 1].hasSuffix("/") && !pieces[$0 - 1].hasSuffix("-") }
        }
    }

    static func lineCount(_ pieces: Pieces, measure: Double, em: Double, indent: Double) -> Int {
        let space = width(of: " ") * em, hyphen = width(of: "-") * em
        var count = 1, used = 0.0, capacity = measure
        for i in pieces.widths.indices {
            let w = pieces.widths[i] * em
            let gap = pieces.spaced[i] ? space : 0
            if used == 0 || used + gap + w <= capacity {
                used += (used > 0 ? gap : 0) + w
            } else {
                count += 1
                capacity = measure - indent
                used = w
            }
            if used > capacity {
                // Hyphenated: each line holds what fits before its hyphen, and the word's rest begins a new line.
                capacity = measure - indent
                let perLine = max(capacity - hyphen, em)
                let rest = used - perLine
                let more = (rest / perLine).rounded(.up)
                count += Int(more)
                used = rest - (more - 1) * perLine
            }
        }
        return count
    }

    static func width(of scalar: Unicode.Scalar) -> Double {
        if scalar == " " { return 0.354 }
        if (0x21...0x7E).contains(scalar.value) { return ascii[Int(scalar.value) - 0x21] }
        if let known = latinWidths[scalar.value] { return known }
        return decomposedWidth(of: scalar)
    }

    /// `decomposedWidth(of:)` of the Latin-1 and Latin Extended-A letters (U+00A0–U+017F), worked out once: the
    /// accented letters of most European languages, which would otherwise be decomposed each time.
    static let latinWidths: [UInt32: Double] = Dictionary(uniqueKeysWithValues: (0xA0...0x17F).compactMap { value in
        Unicode.Scalar(value).map { (value, decomposedWidth(of: $0)) }
    })

    static func decomposedWidth(of scalar: Unicode.Scalar) -> Double {
        if scalar == " " { return 0.354 }
        if (0x21...0x7E).contains(scalar.value) { return ascii[Int(scalar.value) - 0x21] }
        // Accented letters are as wide as their base letter.
        if let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
           (0x21...0x7E).contains(base.value) {
            return ascii[Int(base.value) - 0x21]
        }
        return 0.6
    }

    /// Advance widths of `!` … `~` in Latin Modern Roman (ec-lmr8.tfm), in units of the design size.
    static let ascii: [Double] = [
        0.3, 0.4, 0.89, 0.53, 0.89, 0.83, 0.3, 0.41, 0.41, 0.53, 0.83, 0.3, 0.35, 0.3, 0.53, 0.53, 0.53, 0.53, 0.53,
        0.53, 0.53, 0.53, 0.53, 0.53, 0.53, 0.3, 0.3, 0.83, 0.83, 0.83, 0.5, 0.83, 0.8, 0.75, 0.77, 0.81, 0.72, 0.69,
        0.83, 0.8, 0.38, 0.55, 0.83, 0.66, 0.97, 0.8, 0.83, 0.72, 0.83, 0.78, 0.59, 0.77, 0.8, 0.8, 1.09, 0.8, 0.8,
        0.65, 0.3, 0.53, 0.3, 0.56, 0.8, 0.3, 0.53, 0.59, 0.47, 0.59, 0.47, 0.32, 0.53, 0.59, 0.3, 0.32, 0.56, 0.3,
        0.89, 0.59, 0.53, 0.59, 0.56, 0.41, 0.42, 0.41, 0.59, 0.56, 0.77, 0.56, 0.56, 0.47, 0.53, 0.3, 0.53, 0.56,
    ]
}
