import Foundation

/// Runs a program with bytes on its standard input, collects its standard output and error, and stops it at a
/// deadline. Built on `posix_spawn` rather than Foundation's `Process` for two reasons: the child gets a process
/// group of its own, so a timeout kills a shell script together with the `sleep` it started (which would
/// otherwise keep the pipes open); and pipes are made close-on-exec under one lock, so that of several children
/// started at once by a parallel build none inherits another's pipe and keeps it from seeing end of file.
/// The child also closes every descriptor Stapel itself inherited: a backend that outlives a killed `stapel`
/// must not hold open a pipe by which `stapel`'s own parent (a test, make, CI) waits for it to end.
enum Subprocess {
    /// How the program ended.
    enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// It ran past the deadline and was killed.
        case timedOut
        /// It wrote more than `outputLimit` bytes and was killed.
        case outputTooLarge
    }

    /// Everything the program said, and how it ended.
    struct Result: Sendable {
        var termination: Termination
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    /// The program could not be started at all.
    struct StartError: Error, CustomStringConvertible, Sendable {
        var path: String
        var reason: String
        var description: String { "cannot run '\(path)': \(reason)" }
    }

    /// Serialises pipe creation and spawning: between `pipe` and `fcntl(FD_CLOEXEC)` a descriptor would leak
    /// into a child spawned by another thread.
    private static let spawnLock = NSLock()

    /// A child that has lost its reader must not kill Stapel with SIGPIPE; writes then fail with EPIPE instead.
    private static let ignoreSIGPIPE: Void = { signal(SIGPIPE, SIG_IGN); return () }()

    /// Output beyond this is an error rather than memory exhaustion.
    static let outputLimit = 1 << 30

    /// `environment` adds to (or replaces in) Stapel's own environment for the child.
    static func run(_ path: String, arguments: [String], input: [UInt8], timeout: Double,
                    environment: [String: String] = [:]) throws -> Result {
        _ = ignoreSIGPIPE
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        var pid = pid_t()

        spawnLock.lock()
        let spawnStatus: Int32 = {
            defer { spawnLock.unlock() }
            for i in 0..<3 {
                var fds: [Int32] = [-1, -1]
                guard pipe(&fds) == 0 else { return errno }
                _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
                _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
                switch i {
                case 0: stdinPipe = fds
                case 1: stdoutPipe = fds
                default: stderrPipe = fds
                }
            }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
            posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
            closeInheritedDescriptors(&actions)
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var defaults = sigset_t()
            sigemptyset(&defaults)
            sigaddset(&defaults, SIGPIPE)
            var mask = sigset_t()
            sigemptyset(&mask)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setsigmask(&attributes, &mask)
            posix_spawnattr_setpgroup(&attributes, 0)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
            let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            guard !environment.isEmpty else { return posix_spawn(&pid, path, &actions, &attributes, argv, environ) }
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            let envp: [UnsafeMutablePointer<CChar>?] = merged.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { envp.forEach { free($0) } }
            return posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        }()
        // The child's ends belong to the child now.
        for fd in [stdinPipe[0], stdoutPipe[1], stderrPipe[1]] where fd >= 0 { close(fd) }
        guard spawnStatus == 0 else {
            for fd in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] where fd >= 0 { close(fd) }
            throw StartError(path: path, reason: String(cString: strerror(spawnStatus)))
        }

        let deadline = monotonicSeconds() + timeout
        var result = Result(termination: .timedOut, stdout: [], stderr: [])
        var inputFD: Int32 = stdinPipe[1], outFD: Int32 = stdoutPipe[0], errFD: Int32 = stderrPipe[0]
        for fd in [inputFD, outFD, errFD] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        if input.isEmpty { close(inputFD); inputFD = -1 }
        var written = 0
        var timedOut = false
        var tooLarge = false
        var buffer = [UInt8](repeating: 0, count: 65536)

        while (outFD >= 0 || errFD >= 0) && !tooLarge {
            let remaining = deadline - monotonicSeconds()
            if remaining <= 0 { timedOut = true; break }
            var fds: [pollfd] = []
            if inputFD >= 0 { fds.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
            if outFD >= 0 { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errFD >= 0 { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000, 1000).rounded(.up)))
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                if entry.fd == inputFD {
                    let n = input.withUnsafeBytes { raw in
                        Foundation.write(inputFD, raw.baseAddress! + written, min(input.count - written, 65536))
                    }
                    if n > 0 { written += n }
                    if n < 0 && errno != EAGAIN && errno != EINTR || written == input.count {
                        // Done, or the program stopped reading (EPIPE): it may still answer.
                        close(inputFD)
                        inputFD = -1
                    }
                    continue
                }
                let n = read(entry.fd, &buffer, buffer.count)
                if n > 0 {
                    if entry.fd == outFD { result.stdout += buffer[0..<n] } else { result.stderr += buffer[0..<n] }
                    if result.stdout.count + result.stderr.count > outputLimit { tooLarge = true }
                } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                    close(entry.fd)
                    if entry.fd == outFD { outFD = -1 } else { errFD = -1 }
                }
            }
        }
        for fd in [inputFD, outFD, errFD] where fd >= 0 { close(fd) }

        // Both pipes are closed, but the program may linger (or have passed them to a child of its own).
        var status: Int32 = 0
        while !timedOut && !tooLarge {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if monotonicSeconds() >= deadline { timedOut = true; break }
            usleep(2000)
        }
        if timedOut || tooLarge {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            result.termination = tooLarge ? .outputTooLarge : .timedOut
        } else if status & 0x7F == 0 {
            result.termination = .exited((status >> 8) & 0xFF)
        } else {
            result.termination = .signalled(status & 0x7F)
        }
        return result
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34), which Swift's Glibc module does not declare.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let closeFrom: CloseFrom? =
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: CloseFrom.self) }

    /// Adds actions that close descriptors 3 and up in the child, after the dup2s onto 0, 1 and 2.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom, closeFrom(&actions, 3) == 0 { return }
        // Without closefrom: every descriptor open now. glibc ignores EBADF for one closed in the meantime.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
