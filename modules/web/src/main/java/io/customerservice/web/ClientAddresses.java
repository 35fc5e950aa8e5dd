package io.customerservice.web;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who a request comes from, for limits kept per client. The connection's peer, unless that peer
 * is one of the configured reverse proxies: then the nearest address in {@code X-Forwarded-For}
 * that is not itself a trusted proxy. The header is read only from trusted peers, and from the
 * right, since everything to the left of what our own proxies appended is the client's to write.
 * Addresses are parsed as literals, never resolved.
 */
public final class ClientAddresses {

  private static final String FORWARDED_FOR = "X-Forwarded-For";
  private static final String UNKNOWN = "unknown";

  private final List<Block> trusted;

  private ClientAddresses(List<Block> trusted) {
    this.trusted = trusted;
  }

  /**
   * The proxies from a comma-separated list of IPv4 or IPv6 addresses and CIDR blocks
   * ({@code 10.0.0.0/8, ::1}); empty trusts none. Throws IllegalArgumentException naming the entry it cannot read.
   */
  public static ClientAddresses trusting(String list) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : list.split(",")) {
      String text = entry.strip();
      if (!text.isEmpty()) {
        blocks.add(Block.parse(text).orElseThrow(() ->
            new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block such as 10.0.0.0/8")));
      }
    }
    return new ClientAddresses(List.copyOf(blocks));
  }

  /** The client's address as text: the peer's, or the one its trusted proxies forwarded. */
  public String of(HttpServerRequest request) {
    SocketAddress peer = request.remoteAddress();
    String nearest = peer == null || peer.hostAddress() == null ? UNKNOWN : peer.hostAddress();
    if (trusted.isEmpty() || !isTrusted(nearest)) {
      return nearest;
    }
    List<String> hops = new ArrayList<>();
    for (String header : request.headers().getAll(FORWARDED_FOR)) {
      hops.addAll(Arrays.asList(header.split(",")));
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<byte[]> hop = literal(hops.get(i).strip());
      if (hop.isEmpty()) {
        return nearest;
      }
      nearest = NetUtil.bytesToIpAddress(hop.get());
      if (!isTrusted(nearest)) {
        return nearest;
      }
    }
    return nearest;
  }

  private boolean isTrusted(String address) {
    Optional<byte[]> bytes = literal(address);
    return bytes.isPresent() && trusted.stream().anyMatch(block -> block.contains(bytes.get()));
  }

  /** An address literal as proxies write one: bare, or IPv4 with a port, or IPv6 in brackets with or without a port. */
  private static Optional<byte[]> literal(String text) {
    String address = text;
    if (address.startsWith("[") && address.indexOf(']') > 0) {
      address = address.substring(1, address.indexOf(']'));
    } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
      address = address.substring(0, address.indexOf(':'));
    }
    return Optional.ofNullable(NetUtil.createByteArrayFromIpAddressString(address));
  }

  private record Block(byte[] network, int prefix) {

    static Optional<Block> parse(String text) {
      int slash = text.indexOf('/');
      Optional<byte[]> network = literal(slash < 0 ? text : text.substring(0, slash));
      if (network.isEmpty()) {
        return Optional.empty();
      }
      int bits = network.get().length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      return prefix < 0 || prefix > bits ? Optional.empty() : Optional.of(new Block(network.get(), prefix));
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
