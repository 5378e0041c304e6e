import Stapel
import Testing

/// Paths an output folder's state and run record name are believed only while they stay inside the folder.
@Suite struct RecordedPathTests {
    @Test(arguments: ["sv/q01.png", "q01.csv", "anes96/de/v01.pdf", "./sv/q01.md", "a..b/c", "..x/y", "sv/\u{301}../x"])
    func insideIsBelieved(_ path: String) {
        #expect(RecordedPath.staysInside(path))
    }

    @Test(arguments: ["", "/etc/passwd", "..", "../x", "sv/../../x", "sv/..", "../\u{301}x", "/\u{301}x", "sv/\u{0}/x", "//x"])
    func outsideIsNot(_ path: String) {
        #expect(!RecordedPath.staysInside(path))
    }
}
