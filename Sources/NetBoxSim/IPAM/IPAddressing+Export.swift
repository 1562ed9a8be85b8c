// NetBoxSim's public API speaks in these types (a prefix is an `IPNetwork`), and IPAddressing is
// not a product of its own, so `import NetBoxSim` brings them as it did when they lived here.
@_exported import IPAddressing
