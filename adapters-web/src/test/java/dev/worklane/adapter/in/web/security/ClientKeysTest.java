package dev.worklane.adapter.in.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientKeysTest {

  @Test
  void anIpv4AddressIsItsOwnClient() {
    assertThat(ClientKeys.of("198.51.100.7")).isEqualTo("198.51.100.7");
  }

  @Test
  void everyAddressOfAnIpv6Slash64IsOneClient() {
    String key = ClientKeys.of("2001:db8:1:2::1");
    assertThat(key).isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientKeys.of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo(key);
    assertThat(ClientKeys.of("[2001:db8:1:2::99]")).isEqualTo(key);
    assertThat(ClientKeys.of("2001:db8:1:3::1")).isNotEqualTo(key);
  }

  @Test
  void anIpv4MappedAddressIsTheIpv4Client() {
    assertThat(ClientKeys.of("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
  }

  @Test
  void somethingThatIsNoAddressIsKeptAsItIs() {
    assertThat(ClientKeys.of("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
    assertThat(ClientKeys.of(null)).isNull();
  }
}
