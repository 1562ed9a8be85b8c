// The engine's API speaks `JSON` (state, forms, dumps); its users need not import the module
// that defines it.
@_exported import OrchLabJSON
