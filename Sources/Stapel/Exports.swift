// The Stapel library: one import for the model, the YAML reader, layout and the backends.
@_exported import StapelModel
@_exported import StapelYAML
@_exported import StapelTables
@_exported import StapelLabels
