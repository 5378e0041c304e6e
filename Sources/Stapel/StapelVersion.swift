/// Stapel's version: part of every output's input digest, so that a new release re-renders everything once.
package enum StapelVersion {
    package static let current = "0.1.0"
}
