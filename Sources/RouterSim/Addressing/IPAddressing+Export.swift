// RouterSim's public API speaks in these types (an interface's `IPv6InterfaceAddress`), and
// IPAddressing is not a product of its own, so `import RouterSim` brings them as it did when they
// lived here.
@_exported import IPAddressing
