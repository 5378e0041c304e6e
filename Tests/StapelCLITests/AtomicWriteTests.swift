import Foundation
import Stapel
import Testing

/// A build killed part-way leaves every output old or new, never partial, and the next build cleans up.
@Suite struct AtomicWriteTests {
    let scratch: Scratch

    init() throws { scratch = try Scratch() }

    /// The file is the request itself, padded to a few hundred kilobytes so that writing it takes a while.
    /// While `hold` exists in the project folder, questions after q10 wait for it to disappear: the killed
    /// run is then certain to stop part-way, whatever the machine's speed.
    static let backend = """
        #!/bin/sh
        if [ "$1" = describe ]; then
          echo '{"format": "stapel-backend/1", "name": "slow", "extension": "json", "text": true, "uses-fonts": false}'
          exit 0
        fi
        input=$(cat)
        case "$input" in
          *'"id":"q0'[0-9]'"'*|*'"id":"q10"'*) ;;
          *) while [ -e "$HOLD" ]; do sleep 0.05; done ;;
        esac
        printf '{"padding": "'
        head -c 300000 /dev/zero | tr '\\0' 'x'
        printf '", "request": %s}\\n' "$input"
        """

    func titles(in output: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        // Hidden files are the state file and temporaries, not outputs.
        for name in files(in: output) where name.hasSuffix(".json") && !URL(fileURLWithPath: name).lastPathComponent.hasPrefix(".") {
            let data = try Data(contentsOf: output.appendingPathComponent(name))
            guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let request = json["request"] as? [String: Any],
                  let title = (request["survey"] as? [String: Any])?["title"] as? String else {
                Issue.record("\(name) is not a complete output")
                continue
            }
            result[name] = title
        }
        return result
    }

    @Test func aKilledBuildLeavesEachOutputOldOrNew() throws {
        defer { scratch.cleanUp() }
        let survey = try scratch.copyOfSurvey()
        try scratch.write(AtomicWriteTests.backend, to: "backends/stapel-backend-slow", executable: true)
        try scratch.write("""
            format: stapel-manifest/1
            output: out
            styles-folder: \(stylesFolder.path)
            backends-folder: backends
            surveys:
              - path: survey
                formats: [slow]
                languages: [sv]
            """, to: "stapel.yaml")
        let hold = scratch.url.appendingPathComponent("hold")
        let output = scratch.url.appendingPathComponent("out")

        let first = try runStapel(["build"], in: scratch.url, environment: ["HOLD": hold.path])
        #expect(first.status == 0, "\(first.stderr)")
        let old = try titles(in: output)
        let oldTitle = try #require(Set(old.values).first)
        #expect(Set(old.values).count == 1)

        // A new title makes every output stale; the killed run starts rewriting them.
        let newTitle = oldTitle + " (ny)"
        try edit(survey.appendingPathComponent("labels/sv.yaml"), replacing: oldTitle, with: newTitle)
        try Data().write(to: hold)
        let process = Process()
        process.executableURL = try stapelBinary()
        process.arguments = ["build", "--jobs", "2"]
        process.currentDirectoryURL = scratch.url
        process.environment = ProcessInfo.processInfo.environment.merging(["HOLD": hold.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (up to two minutes) for the first rewritten outputs, then kill without warning.
        var waited = 0
        while waited < 2400, try titles(in: output).values.filter({ $0 == newTitle }).count < 3 {
            usleep(50_000)
            waited += 1
        }
        kill(process.processIdentifier, SIGKILL)
        // The killed run's backends, now orphans, may finish (their output goes nowhere).
        try FileManager.default.removeItem(at: hold)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let afterKill = try titles(in: output)
        #expect(Set(afterKill.keys) == Set(old.keys), "an output vanished or appeared")
        #expect(afterKill.values.allSatisfy { $0 == oldTitle || $0 == newTitle })
        #expect(afterKill.values.contains(newTitle))
        #expect(afterKill.values.contains(oldTitle), "the run was meant to be stopped part-way")

        // A temporary file of a process that no longer exists, as a kill between write and rename leaves one.
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let abandoned = output.appendingPathComponent("sv/\(AtomicFile.temporaryPrefix)\(dead.processIdentifier)-0.q01.json")
        try Data("{\"padding\": \"xxx".utf8).write(to: abandoned)

        let next = try runStapel(["build"], in: scratch.url, environment: ["HOLD": hold.path])
        #expect(next.status == 0, "\(next.stderr)")
        let final = try titles(in: output)
        #expect(Set(final.keys) == Set(old.keys))
        #expect(final.values.allSatisfy { $0 == newTitle })
        #expect(files(in: output).filter { $0.contains(AtomicFile.temporaryPrefix) }.isEmpty, "temporary files were left")
    }

    @Test func writeReplacesWholeFilesAndLeavesNoTemporaries() throws {
        defer { scratch.cleanUp() }
        let target = scratch.url.appendingPathComponent("a/b/file.txt")
        try AtomicFile.write(Array("first".utf8), to: target)
        try AtomicFile.write(Array("second".utf8), to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "second")
        #expect(files(in: scratch.url) == ["a/b/file.txt"])
    }

    @Test func temporariesOfLiveProcessesAreKept() throws {
        defer { scratch.cleanUp() }
        let mine = scratch.url.appendingPathComponent("\(AtomicFile.temporaryPrefix)\(getpid())-1.out.png")
        try Data("partial".utf8).write(to: mine)
        #expect(AtomicFile.removeAbandonedTemporaries(in: scratch.url).isEmpty)
        #expect(FileManager.default.fileExists(atPath: mine.path))
    }
}
