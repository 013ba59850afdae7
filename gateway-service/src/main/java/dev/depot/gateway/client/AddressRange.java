package dev.depot.gateway.client;

import io.netty.util.NetUtil;

/**
 * An address or CIDR range ({@code 10.0.0.0/8}, {@code ::1}). Only literal addresses are matched: a
 * host name is never resolved.
 */
record AddressRange(byte[] network, int prefixLength) {

    static AddressRange parse(String spec) {
        String[] parts = spec.strip().split("/", 2);
        byte[] network = NetUtil.createByteArrayFromIpAddressString(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + spec);
        }
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + spec);
        }
        return new AddressRange(network, prefix);
    }

    boolean contains(String address) {
        byte[] candidate = NetUtil.createByteArrayFromIpAddressString(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }
}
