import Foundation
import Stapel
import Testing

/// Reads CSV files back with Python's `csv` module, an independent reader, in one run for many files.
enum CSVReadBack {
    static let script = """
        import csv, json, sys
        jobs = json.load(open(sys.argv[1], encoding="utf-8"))
        result = {}
        for job in jobs:
            excel = job["dialect"] == "excel-sv"
            # utf-8-sig drops the BOM Excel needs; plain utf-8 would keep it in the first header name.
            with open(job["path"], newline="", encoding="utf-8-sig" if excel else "utf-8") as f:
                result[job["path"]] = list(csv.reader(f, delimiter=";" if excel else ",", strict=True))
        json.dump(result, sys.stdout, ensure_ascii=False)
        """

    /// The records of each file, as Python's `csv` module reads them in the file's dialect.
    static func read(_ files: [(url: URL, dialect: CSVDialect)], in scratch: Scratch) throws -> [URL: [[String]]] {
        let python = try ExternalTool.require("python3")
        let jobs = files.map { ["path": $0.url.path, "dialect": $0.dialect.rawValue] }
        try scratch.write(Array(try JSONSerialization.data(withJSONObject: jobs)), to: "jobs.json")
        try scratch.write(script, to: "read_csv.py")
        let result = try ExternalTool.run(python, ["read_csv.py", "jobs.json"], in: scratch.url)
        try #require(result.status == 0, "python3 could not read the CSV files: \(result.errors)")
        let decoded = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [[String]]]
        let byPath = try #require(decoded, "python3 printed no JSON object: \(result.output.prefix(200))")
        var out: [URL: [[String]]] = [:]
        for file in files { out[file.url] = byPath[file.url.path] }
        return out
    }
}
