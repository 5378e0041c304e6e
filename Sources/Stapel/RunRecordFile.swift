import Foundation
import StapelModel

/// The last successful run's record (`RunRecord`) as kept beside an output folder's state, in
/// `DIR/.stapel-run`: what a no-change run reads instead of the state, so that it costs a few `stat`s and not
/// the decoding of the whole state (whose JSON took two thirds of a no-change run's instructions).
///
/// The file also holds what the record needs from the state — the stamps of the outputs in this folder as the
/// state recorded them, and whether the state records no other output — and the SHA-256 of the state file it
/// was written with: a record is believed only beside that very state, so a state deleted, replaced or edited
/// by hand (or a run stopped between the two writes) makes the next run plan, never replay.
///
/// Lines of tab-separated fields, the first naming the format; in text fields `%`, tab, CR and LF are written
/// `%25`, `%09`, `%0D` and `%0A`. Machine-written and machine-read: anything unexpected makes the file
/// unreadable, which only costs a plan.
package struct RunRecordFile: Sendable, Equatable {
    package static let fileName = ".stapel-run"
    package static let format = "stapel-run/1"

    package var record: RunRecord
    /// The folder's standardized path, as the record's outputs name their roots.
    package var root: String
    /// SHA-256 of the state file (`BuildState`) this record was written with.
    package var stateDigest: String
    /// The stamps the state records for the record's outputs in this folder, by relative path.
    package var outputStamps: [String: FileStamp]
    /// Whether the state records no output beyond the record's outputs in this folder.
    package var complete: Bool

    package static func url(in folder: URL) -> URL { folder.appendingPathComponent(fileName, isDirectory: false) }

    /// The file for `record` beside `state`, whose saved bytes are `stateBytes`, in the folder `root`
    /// (standardized path, as the record's outputs name their roots).
    package init(record: RunRecord, root: String, state: BuildState, stateBytes: [UInt8]) {
        self.record = record
        self.root = root
        stateDigest = InputDigest.sha256Hex(stateBytes)
        (outputStamps, complete) = Self.derived(from: state, record: record, root: root)
    }

    /// Whether what the file took from the state is what `state` (decoded from the bytes it names) says: a
    /// record edited by hand is then not carried over into the next state, which writes a true one.
    package func agrees(with state: BuildState) -> Bool {
        let (stamps, complete) = Self.derived(from: state, record: record, root: root)
        return stamps == outputStamps && complete == self.complete
    }

    private static func derived(from state: BuildState, record: RunRecord, root: String) -> ([String: FileStamp], Bool) {
        var stamps: [String: FileStamp] = [:]
        var here = Set<String>()
        for output in record.outputs where output.root == root {
            here.insert(output.relativePath)
            if let stamp = state.entries[output.relativePath]?.stamp { stamps[output.relativePath] = stamp }
        }
        return (stamps, Set(state.entries.keys) == here)
    }

    package init(record: RunRecord, root: String, stateDigest: String, outputStamps: [String: FileStamp], complete: Bool) {
        self.record = record
        self.root = root
        self.stateDigest = stateDigest
        self.outputStamps = outputStamps
        self.complete = complete
    }

    /// The record kept in `folder`, when it was written there (a copied folder plans again) and with the state
    /// now there (`stateBytes`, the state file's bytes; nil when there is none).
    package static func load(from folder: URL, stateBytes: [UInt8]?) -> RunRecordFile? {
        let path = url(in: folder).path
        guard let stateBytes, let size = FileStamp.of(path)?.size, size <= InputLimits.maxRunRecordBytes,
              let data = FileManager.default.contents(atPath: path),
              let file = RunRecordFile(decoding: Array(data)), file.root == folder.standardizedFileURL.path,
              file.stateDigest == InputDigest.sha256Hex(stateBytes) else {
            return nil
        }
        return file
    }

    // MARK: - Encoding

    package func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128 * (record.outputs.count + record.inputs.count + 8))
        func line(_ fields: [String]) {
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(0x09) }
                Self.escape(field, into: &out)
            }
            out.append(0x0A)
        }
        func stamp(_ stamp: FileStamp?) -> [String] {
            stamp.map { [String($0.size), String($0.modified)] } ?? ["-", "-"]
        }
        line([Self.format])
        line(["root", root])
        line(["state", stateDigest])
        line(["complete", complete ? "1" : "0"])
        line(["key", record.key])
        for (path, value) in record.inputs.sorted(by: { $0.key < $1.key }) { line(["input"] + stamp(value) + [path]) }
        for path in record.absent { line(["absent", path]) }
        for output in record.outputs {
            line(["output", output.root, output.relativePath, output.question ?? "", output.language, output.format]
                 + stamp(output.root == root ? outputStamps[output.relativePath] : nil))
        }
        for warning in record.warnings { line(["warning", warning]) }
        return out
    }

    /// The file `bytes` hold; nil when they are not one.
    package init?(decoding bytes: [UInt8]) {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.last?.isEmpty == true else { return nil }
        lines.removeLast()
        guard lines.count >= 5, Self.text(lines[0][...]) == Self.format else { return nil }
        var root: String?, digest: String?, complete: Bool?, key: String?
        var inputs: [String: FileStamp] = [:], absent: [String] = [], outputs: [RunRecord.Output] = [], warnings: [String] = []
        var stamps: [String: FileStamp] = [:]
        // Every output line names its root: the text is made once for the bytes seen last.
        var lastRoot: (bytes: ArraySlice<UInt8>, text: String)?
        for line in lines.dropFirst() {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            switch (String(decoding: fields[0], as: UTF8.self), fields.count) {
            case ("root", 2): root = Self.text(fields[1])
            case ("state", 2): digest = Self.text(fields[1])
            case ("complete", 2): complete = fields[1].elementsEqual([0x31])
            case ("key", 2): key = Self.text(fields[1])
            case ("input", 4):
                guard let stamp = Self.stamp(fields[1], fields[2]) else { return nil }
                inputs[Self.text(fields[3])] = stamp
            case ("absent", 2): absent.append(Self.text(fields[1]))
            case ("output", 8):
                let outputRoot: String
                if let last = lastRoot, last.bytes.elementsEqual(fields[1]) {
                    outputRoot = last.text
                } else {
                    outputRoot = Self.text(fields[1])
                    lastRoot = (fields[1], outputRoot)
                }
                let question = Self.text(fields[3])
                let output = RunRecord.Output(root: outputRoot, relativePath: Self.text(fields[2]),
                                              question: question.isEmpty ? nil : question,
                                              language: Self.text(fields[4]), format: Self.text(fields[5]))
                outputs.append(output)
                if !fields[6].elementsEqual([0x2D]), output.root == root {
                    guard let stamp = Self.stamp(fields[6], fields[7]) else { return nil }
                    stamps[output.relativePath] = stamp
                }
            case ("warning", 2): warnings.append(Self.text(fields[1]))
            default: return nil
            }
        }
        guard let root, let digest, let complete, let key else { return nil }
        self.init(record: RunRecord(key: key, inputs: inputs, absent: absent, outputs: outputs, warnings: warnings),
                  root: root, stateDigest: digest, outputStamps: stamps, complete: complete)
    }

    private static func stamp(_ size: ArraySlice<UInt8>, _ modified: ArraySlice<UInt8>) -> FileStamp? {
        guard let size = integer(size), let modified = integer(modified) else { return nil }
        return FileStamp(size: size, modified: modified)
    }

    /// A decimal integer as `encoded()` writes one (an optional `-`, then digits), read from the bytes; nil for
    /// anything else or out of range.
    private static func integer(_ field: ArraySlice<UInt8>) -> Int64? {
        let negative = field.first == 0x2D
        let digits = negative ? field.dropFirst() : field
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - 0x30))
            if overflow || overflow2 { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    private static func escape(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x25: out += [0x25, 0x32, 0x35]  // %25
            case 0x09: out += [0x25, 0x30, 0x39]  // %09
            case 0x0A: out += [0x25, 0x30, 0x41]  // %0A
            case 0x0D: out += [0x25, 0x30, 0x44]  // %0D
            default: out.append(byte)
            }
        }
    }

    private static func text(_ field: ArraySlice<UInt8>) -> String {
        guard field.contains(0x25) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var i = field.startIndex
        while i < field.endIndex {
            if field[i] == 0x25, i + 2 < field.endIndex, let value = UInt8(String(decoding: field[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                i += 3
            } else {
                bytes.append(field[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
