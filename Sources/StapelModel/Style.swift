/// The house style of figures: sizes, fonts, colours, what is drawn. Read from `Styles/<name>.yaml`.
/// (Filled out by the charts work; fields get defaults so that a style file names only what it changes.)
public struct Style: Sendable, Hashable {
    public var name: String

    public init(name: String) { self.name = name }
}
