import Stapel

/// The backend options on `stapel render`'s command line, derived from the backends' declarations rather than
/// written out as flags: `--csv-layout wide`, `--csv-layout=wide`, `--latex-standalone` (a Bool alone means
/// true). They are taken out of the arguments before ArgumentParser sees the rest, checked against the
/// declarations, and handed to `render` through `values`.
enum BackendOptionArguments {
    /// What `split` took from this process's command line, for `RenderCommand.run`.
    nonisolated(unsafe) static var values: [(name: String, value: String)] = []

    /// `arguments` without the declared backend options, and those options' values.
    static func split(_ arguments: [String], declarations: [OptionDeclaration]) throws -> (rest: [String], values: [(name: String, value: String)]) {
        var rest: [String] = []
        var values: [(String, String)] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" {
                rest += arguments[i...]
                break
            }
            guard argument.hasPrefix("--") else {
                rest.append(argument)
                i += 1
                continue
            }
            let body = argument.dropFirst(2)
            let name = String(body.split(separator: "=", maxSplits: 1).first ?? "")
            guard let declaration = declarations.first(where: { $0.name == name }) else {
                rest.append(argument)
                i += 1
                continue
            }
            if let equals = body.firstIndex(of: "=") {
                values.append((name, try declaration.validated(String(body[body.index(after: equals)...]))))
            } else if declaration.isFlag {
                values.append((name, "true"))
            } else {
                guard i + 1 < arguments.count, !arguments[i + 1].hasPrefix("--") else { throw OptionError.missingValue(name) }
                i += 1
                values.append((name, try declaration.validated(arguments[i])))
            }
            i += 1
        }
        return (rest, values)
    }

    /// The options as help text lines, for `render --help`.
    static func helpText(_ declarations: [OptionDeclaration]) -> String {
        declarations.map { d in
            let usage = d.isFlag ? "--\(d.name)" : "--\(d.name) <\(d.values.isEmpty ? "value" : d.values.joined(separator: "|"))>"
            return "  \(usage)\n        \(d.summary) (default: \(d.defaultText))"
        }.joined(separator: "\n")
    }
}
