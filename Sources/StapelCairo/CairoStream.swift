import CCairo

/// Collects the bytes a Cairo surface writes through a stream callback.
final class ByteSink {
    var bytes: [UInt8] = []

    /// An opaque pointer to this sink for the C callback; valid while the sink lives.
    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The `cairo_write_func_t` appending to the sink passed as closure.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            .bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}

/// A drawing that Cairo could not finish.
package struct CairoError: Error, CustomStringConvertible, Sendable {
    package var format: String
    package var status: String
    package var description: String { "error: cannot write \(format): cairo: \(status)" }

    init(_ format: String, _ status: cairo_status_t) {
        self.format = format
        self.status = String(cString: cairo_status_to_string(status))
    }

    /// Throws when `status` is not success.
    static func check(_ status: cairo_status_t, _ format: String) throws {
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(format, status) }
    }
}
