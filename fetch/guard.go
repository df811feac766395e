package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// ErrBlocked is returned when the SSRF guard refuses an address.
var ErrBlocked = errors.New("address not allowed")

// nonPublic lists the ranges that are not reachable on the public
// internet beyond what netip's predicates cover (IANA special-purpose
// registries, RFC 6890 and successors). Built once, never mutated.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // TEST-NET-1
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // TEST-NET-2
	netip.MustParsePrefix("203.0.113.0/24"),  // TEST-NET-3
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("::/96"),           // IPv4-compatible (deprecated): embeds an IPv4 address
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("100::/64"),        // discard-only
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments (Teredo, ORCHID, ...)
	netip.MustParsePrefix("2002::/16"),       // 6to4: embeds an IPv4 address we cannot vet here
}

// nat64 embeds an IPv4 address in its last 32 bits; that address decides.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// PublicAddr reports whether a connection to addr may leave the machine
// for the public internet: not loopback, private (RFC 1918, fc00::/7),
// link-local (169.254/16 with the cloud metadata address, fe80::/10),
// multicast, unspecified, or one of the special-purpose ranges above.
func PublicAddr(addr netip.Addr) bool {
	addr = addr.Unmap()
	if nat64.Contains(addr) {
		b := addr.As16()
		addr = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsUnspecified() ||
		addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() || addr.IsMulticast() ||
		addr.IsInterfaceLocalMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// guardControl is a net.Dialer Control function: it runs after name
// resolution, on the address actually about to be connected, for every
// connection (so for every redirect hop and every retry), which defeats
// DNS rebinding and redirects to internal hosts alike.
func guardControl(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrBlocked, address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: %s is not an IP address", ErrBlocked, host)
	}
	if !PublicAddr(ip) {
		return fmt.Errorf("%w: %s is not a public address (set AllowPrivate to permit it)", ErrBlocked, ip)
	}
	return nil
}
