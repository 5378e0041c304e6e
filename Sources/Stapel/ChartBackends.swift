import StapelCairo

/// The chart backends (png, pdf, svg), registered in `BackendRegistry.builtIn`. All three draw the same
/// laid-out figure (StapelLayout) with Cairo.
extension BackendRegistry {
    public static let chartBackends: [any Backend] = [PNGBackend(), PDFBackend(), SVGBackend()]
}

/// The chart as a PNG at the style's resolution.
public struct PNGBackend: Backend {
    public init() {}
    public var name: String { "png" }
    public var fileExtension: String { "png" }
    public var summary: String { "chart as a PNG image at the style's resolution" }
    public var options: [BackendOption]? { [] }
    public func render(_ request: RenderRequest) throws -> [UInt8] { try ChartRenderer.png(request) }
    public func renderOutput(_ request: RenderRequest) throws -> BackendOutput {
        let (bytes, warnings) = try ChartRenderer.render(request, format: .png)
        return BackendOutput(bytes: bytes, warnings: warnings.map(\.description))
    }
}

/// The chart as a vector PDF with searchable text.
public struct PDFBackend: Backend {
    public init() {}
    public var name: String { "pdf" }
    public var fileExtension: String { "pdf" }
    public var summary: String { "chart as a vector PDF with embedded fonts and searchable text" }
    public var options: [BackendOption]? { [] }
    public func render(_ request: RenderRequest) throws -> [UInt8] { try ChartRenderer.pdf(request) }
    public func renderOutput(_ request: RenderRequest) throws -> BackendOutput {
        let (bytes, warnings) = try ChartRenderer.render(request, format: .pdf)
        return BackendOutput(bytes: bytes, warnings: warnings.map(\.description))
    }
}

/// The chart as an SVG document.
public struct SVGBackend: Backend {
    public init() {}
    public var name: String { "svg" }
    public var fileExtension: String { "svg" }
    public var summary: String { "chart as an SVG document (text as glyph outlines)" }
    public var options: [BackendOption]? { [] }
    public func render(_ request: RenderRequest) throws -> [UInt8] { try ChartRenderer.svg(request) }
    public func renderOutput(_ request: RenderRequest) throws -> BackendOutput {
        let (bytes, warnings) = try ChartRenderer.render(request, format: .svg)
        return BackendOutput(bytes: bytes, warnings: warnings.map(\.description))
    }
}
