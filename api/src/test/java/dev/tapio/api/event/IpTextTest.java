package dev.tapio.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpTextTest {

  /** Expected texts are what glibc's inet_ntop writes for the same 16 bytes. */
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, 127.0.0.1",
    "0:0:0:0:0:0:0:1, ::1",
    "0:0:0:0:0:0:0:0, ::",
    "2001:db8:0:0:0:0:0:5, 2001:db8::5",
    "2001:0db8:0000:0001:0000:0000:0000:0001, 2001:db8:0:1::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "fe80:0:0:0:0:0:0:0, fe80::",
    "1:0:0:2:0:0:0:3, 1:0:0:2::3",
    "0:0:0:0:0:0:a00:1, ::10.0.0.1",
    "FD00:AB:0:0:0:0:0:10, fd00:ab::10",
  })
  void writesAddressesAsInetNtop(String address, String expected) throws UnknownHostException {
    assertThat(IpText.of(InetAddress.getByName(address))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"::ffff:10.0.0.1", "0:0:0:0:0:ffff:a00:1"})
  void anIpv4MappedAddressIsTheIpv4AddressInJava(String address) throws UnknownHostException {
    // InetAddress turns an IPv4-mapped address into the IPv4 address itself.
    assertThat(IpText.of(InetAddress.getByName(address))).isEqualTo("10.0.0.1");
  }
}
