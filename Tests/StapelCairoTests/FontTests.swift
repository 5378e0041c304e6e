import Testing
@testable import StapelCairo

@Suite struct FontTests {
    @Test func interResolvesToItself() {
        // Pango falls back silently; the house font must really be installed (fonts-inter).
        #expect(FontProbe.resolvedFamily("Inter") == "Inter")
    }

    @Test func cairoIsLinked() {
        #expect(FontProbe.cairoVersion.hasPrefix("1."))
    }
}
