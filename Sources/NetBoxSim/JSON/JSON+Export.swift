// NetBox's payloads, documents and errors are `JSON` (the same type as the engine's); users of
// the simulator need not import the module that defines it.
@_exported import OrchLabJSON
