/// Every bound on what a topology file (or the generator's command line) can ask for, checked before
/// the work it would cost; each one exceeded is a located error, never a crash or a runaway load.
/// docs/limits-files.md explains each to users.
public enum TopologyLimits {
    /// Bytes of one topology file; checked before the file is read. A generated ring of the largest
    /// size is about 14 MB.
    public static let maximumFileBytes = 64 << 20
    /// YAML nodes of one file once its aliases are expanded (a node is a scalar, a list or a mapping;
    /// an alias counts as the nodes it stands for). Counted from the parser's events, before any tree is
    /// built, so an "alias bomb" is refused at the alias that crosses the limit.
    public static let maximumYAMLNodes = 4_000_000
    /// Of those, the nodes reached through aliases (merge keys included): a 1 KB file must not cost what
    /// a 14 MB one does. Sharing a device's fields through `<<: *common` stays far below it.
    public static let maximumAliasedYAMLNodes = 250_000
    /// Any integer field (ids, speeds, first_interface_id…): NetBox stores them as 32-bit positive
    /// integers, and the bound keeps `id + offset` arithmetic far from overflow.
    public static let maximumInteger = 2_147_483_647
    /// Numbers in one `{first..last}` range of an interface name.
    public static let maximumRangeNumbers = 10_000
    /// Interfaces of one device (its type's templates, its own, its loopback), and so also the names one
    /// ranged pattern may stand for.
    public static let maximumInterfacesPerDevice = 10_000
    /// Interfaces of one topology, all devices together.
    public static let maximumInterfaces = 5_000_000
    /// Bytes of all interface names of one topology together (the names dominate what the seed holds).
    public static let maximumInterfaceNameBytes = 64 << 20
    /// Characters of one interface name once expanded (NetBox's limit), and of a pattern before expansion.
    public static let maximumInterfaceNameLength = 64
    /// Routers `orchlab topology generate` builds in a ring (loopbacks come from 10.0.0.0/16).
    public static let maximumGeneratedRouters = 65_000
}
