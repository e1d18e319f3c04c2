package dev.worklane.adapter.in.web.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who a request counts against in per-client budgets. An IPv4 address is one client; an IPv6 client
 * is its /64, because one host (one customer line) routinely holds a whole /64 and would otherwise
 * get a fresh budget per address.
 */
public final class ClientKeys {
  private ClientKeys() {}

  /** {@code remoteAddr} is the servlet's (already resolved from trusted proxies) address. */
  public static String of(String remoteAddr) {
    if (remoteAddr == null || remoteAddr.indexOf(':') < 0) {
      return remoteAddr;
    }
    try {
      // A literal with ':' is parsed, never looked up in DNS; "::ffff:a.b.c.d" comes back IPv4.
      InetAddress address = InetAddress.getByName(remoteAddr);
      if (!(address instanceof Inet6Address)) {
        return address.getHostAddress();
      }
      byte[] bytes = address.getAddress();
      StringBuilder prefix = new StringBuilder(24);
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        prefix.append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException | SecurityException e) {
      return remoteAddr;
    }
  }
}
