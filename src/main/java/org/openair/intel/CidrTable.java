package org.openair.intel;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CIDR ranges by prefix length: one hash map per length in use, keyed by the masked network. A
 * lookup probes each length in use once, longest first, so its cost is bounded by the number of
 * distinct prefix lengths (at most 33 for IPv4, 129 for IPv6), whatever the number of ranges.
 */
final class CidrTable {
  private final Map<Object, Indicator>[] v4;
  private final Map<Object, Indicator>[] v6;
  private final int[] v4Lengths;
  private final int[] v6Lengths;

  private CidrTable(Map<Object, Indicator>[] v4, Map<Object, Indicator>[] v6) {
    this.v4 = v4;
    this.v6 = v6;
    this.v4Lengths = lengths(v4);
    this.v6Lengths = lengths(v6);
  }

  /** A table of {@code ranges}, each with its value in canonical {@code network/prefix} form. */
  @SuppressWarnings("unchecked")
  static CidrTable of(List<Indicator> ranges) {
    Map<Object, Indicator>[] v4 = new Map[33];
    Map<Object, Indicator>[] v6 = new Map[129];
    for (Indicator i : ranges) {
      int slash = i.value().indexOf('/');
      byte[] address = InetAddresses.forString(i.value().substring(0, slash)).getAddress();
      int prefix = Integer.parseInt(i.value().substring(slash + 1));
      Map<Object, Indicator>[] table = address.length == 4 ? v4 : v6;
      if (table[prefix] == null) {
        table[prefix] = new HashMap<>();
      }
      table[prefix].merge(key(mask(address, prefix)), i, IntelIndex::stronger);
    }
    return new CidrTable(v4, v6);
  }

  /** The ranges containing {@code address}, most specific first. */
  List<Indicator> containing(InetAddress address) {
    byte[] bytes = address.getAddress();
    Map<Object, Indicator>[] table = bytes.length == 4 ? v4 : v6;
    int[] lengths = bytes.length == 4 ? v4Lengths : v6Lengths;
    List<Indicator> out = null;
    for (int len : lengths) {
      Indicator found = table[len].get(key(mask(bytes, len)));
      if (found != null) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        out.add(found);
      }
    }
    return out == null ? List.of() : out;
  }

  int size() {
    int n = 0;
    for (Map<Object, Indicator> m : v4) {
      n += m == null ? 0 : m.size();
    }
    for (Map<Object, Indicator> m : v6) {
      n += m == null ? 0 : m.size();
    }
    return n;
  }

  List<Indicator> all() {
    List<Indicator> out = new ArrayList<>();
    for (Map<Object, Indicator> m : v4) {
      if (m != null) {
        out.addAll(m.values());
      }
    }
    for (Map<Object, Indicator> m : v6) {
      if (m != null) {
        out.addAll(m.values());
      }
    }
    return out;
  }

  static byte[] mask(byte[] address, int prefix) {
    byte[] out = Arrays.copyOf(address, address.length);
    for (int bit = prefix; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return out;
  }

  private static Object key(byte[] masked) {
    if (masked.length == 4) {
      return ((masked[0] & 0xff) << 24)
          | ((masked[1] & 0xff) << 16)
          | ((masked[2] & 0xff) << 8)
          | (masked[3] & 0xff);
    }
    return new String(masked, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static int[] lengths(Map<Object, Indicator>[] table) {
    List<Integer> in = new ArrayList<>();
    for (int len = table.length - 1; len >= 0; len--) {
      if (table[len] != null) {
        in.add(len);
      }
    }
    return in.stream().mapToInt(Integer::intValue).toArray();
  }
}
