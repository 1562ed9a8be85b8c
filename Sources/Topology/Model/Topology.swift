/// A lab as its topology file describes it: NetBox objects (sites, types, devices, IPAM, cables) and the
/// physical wiring. Still in the file's own terms: device fields not yet inherited, interface names not
/// yet expanded. `TopologyCompiler` turns it into what NetBox and the router fleet load.
public struct Topology: Sendable, Equatable {
    public var name: String?
    public var defaults: DeviceTraits
    public var kinds: [TraitSet]
    public var groups: [TraitSet]
    public var sites: [Site]
    public var manufacturers: [Manufacturer]
    public var deviceRoles: [DeviceRole]
    public var deviceTypes: [DeviceType]
    public var devices: [Device]
    public var prefixes: [Prefix]
    public var addresses: [Address]
    public var cables: [Cable]
    public var links: [Link]

    public init(
        name: String? = nil, defaults: DeviceTraits = DeviceTraits(), kinds: [TraitSet] = [], groups: [TraitSet] = [],
        sites: [Site] = [], manufacturers: [Manufacturer] = [], deviceRoles: [DeviceRole] = [],
        deviceTypes: [DeviceType] = [], devices: [Device] = [], prefixes: [Prefix] = [], addresses: [Address] = [],
        cables: [Cable] = [], links: [Link] = []
    ) {
        self.name = name; self.defaults = defaults; self.kinds = kinds; self.groups = groups; self.sites = sites
        self.manufacturers = manufacturers; self.deviceRoles = deviceRoles; self.deviceTypes = deviceTypes
        self.devices = devices; self.prefixes = prefixes; self.addresses = addresses; self.cables = cables
        self.links = links
    }
}
