/// Stapel's version: part of every output's input digest, so that a new release re-renders everything once.
public enum StapelVersion {
    public static let current = "0.1.0"
}
