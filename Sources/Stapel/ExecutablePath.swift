import Foundation

/// The running executable's file: from the kernel's `/proc/self/exe` where there is one (Foundation's
/// `Bundle.main` scans for a bundle first, a few milliseconds every run), else from Foundation. Its folder is
/// searched for external backends; its stamp is part of a run record (a rebuilt `stapel` replays nothing).
package enum ExecutablePath {
    package static let current: URL? = {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL
    }()
}
