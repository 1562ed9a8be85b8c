/// The node texts an engineer pastes into a router (docs/workshop.md, "The config texts").
public enum NodeConfig {
    /// Create node's "Provide Config to User" text, byte for byte as the workshop renders it.
    public static func render(nodeName: String, ipv4Loopback: String, ipv6Loopback: String) -> String {
        """
        ! Paste the following config into \(nodeName):
        ! to complete configuring the device
        !
        enable
        configure terminal
        !
        hostname \(nodeName)
        !
        interface loopback 0
        !
        ip address \(ipv4Loopback)
        ipv6 address \(ipv6Loopback)
        !
        exit
        !
        end
        copy running-config startup-config
        """
    }

    /// Terminate node's text: removes the loopback the create text configured. It enters the loopback
    /// (creating it if gone) before removing it, so pasting it a second time, as an engineer does when a
    /// crash shows the page again, is still clean.
    public static func removal(nodeName: String) -> String {
        """
        ! Paste the following config into \(nodeName):
        ! to remove the node's configuration from the device
        !
        enable
        configure terminal
        !
        interface loopback 0
        no ip address
        no ipv6 address
        exit
        no interface loopback 0
        !
        end
        copy running-config startup-config
        """
    }
}
