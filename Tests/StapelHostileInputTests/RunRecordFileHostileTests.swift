import Foundation
import Stapel
import StapelModel
import Testing

/// A run record (`.stapel-run`) is read from an output folder anyone may have written into: whatever is there,
/// reading it ends in a record or in none (the run then plans), never in a crash, a hang or the whole file in
/// memory when it is over its bound.
@Suite struct RunRecordFileHostileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stapel-hostile-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    /// A true record and its state, written as a build writes them; returns the state's bytes.
    func writeValidPair() throws -> [UInt8] {
        var state = BuildState()
        state.run = RunRecord(key: "k", inputs: [:], absent: [], outputs: [], warnings: [])
        try state.save(to: folder)
        #expect(BuildState.load(from: folder).run != nil, "the valid pair is believed")
        return Array(try Data(contentsOf: BuildState.url(in: folder)))
    }

    static let hostile: [[UInt8]] = [
        [],
        Array("stapel-run/1\n".utf8),
        Array("stapel-run/1\nroot\t/\nstate\tx\ncomplete\t1\nkey\tk\n".utf8) + [0, 0xFF, 0xFE, 0x0A],
        Array("stapel-run/1\n".utf8) + Array(repeating: UInt8(ascii: "\t"), count: 200_000) + [0x0A],
        Array("stapel-run/1\ninput\t99999999999999999999999\t1\t/x\n".utf8),
        Array("stapel-run/1\nwarning\t%%%%%0\t%ZZ%4\n".utf8),
        Array(repeating: 0x0A, count: 100_000),
    ]

    @Test(arguments: hostile.indices)
    func garbageIsNoRecord(_ index: Int) throws {
        defer { cleanUp() }
        let stateBytes = try writeValidPair()
        try Data(Self.hostile[index]).write(to: RunRecordFile.url(in: folder))
        #expect(RunRecordFile.load(from: folder, stateBytes: stateBytes) == nil)
        #expect(BuildState.load(from: folder).run == nil)
        #expect(RunRecord.unchanged(key: "k", roots: [folder], complete: false) == nil)
    }

    /// A record past the bound is not read, though it would decode: the same good record with a 16 MiB warning.
    @Test func anOversizedRecordIsNotRead() throws {
        defer { cleanUp() }
        let stateBytes = try writeValidPair()
        let url = RunRecordFile.url(in: folder)
        let good = try Data(contentsOf: url)
        var padded = good
        padded.append(Data("warning\t".utf8) + Data(repeating: UInt8(ascii: "w"), count: InputLimits.maxRunRecordBytes) + Data("\n".utf8))
        try padded.write(to: url)
        #expect(RunRecordFile(decoding: Array(padded)) != nil, "the padded record is a record")
        #expect(RunRecordFile.load(from: folder, stateBytes: stateBytes) == nil)
        // The good bytes alone, within the bound, are believed again.
        try good.write(to: url)
        #expect(RunRecordFile.load(from: folder, stateBytes: stateBytes) != nil)
    }
}
