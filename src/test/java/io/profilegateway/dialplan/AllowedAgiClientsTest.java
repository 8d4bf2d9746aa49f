package io.profilegateway.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code gateway.agi.allowed-clients}: who may call the feature codes. Plain JUnit. */
class AllowedAgiClientsTest {

    @Test
    void unsetOrEmptyAdmitsAnyClient() throws UnknownHostException {
        assertThat(FeatureCodes.admits(Optional.empty(), InetAddress.getByName("192.0.2.7"))).isTrue();
        assertThat(FeatureCodes.admits(Optional.of(Set.of()), InetAddress.getByName("192.0.2.7"))).isTrue();
    }

    @Test
    void aListAdmitsOnlyItsAddresses() throws UnknownHostException {
        Optional<Set<String>> pbx = Optional.of(Set.of("192.0.2.10", "2001:db8::10"));
        assertThat(FeatureCodes.admits(pbx, InetAddress.getByName("192.0.2.10"))).isTrue();
        assertThat(FeatureCodes.admits(pbx, InetAddress.getByName("2001:db8:0:0:0:0:0:10"))).isTrue();
        assertThat(FeatureCodes.admits(pbx, InetAddress.getByName("192.0.2.11"))).isFalse();
        assertThat(FeatureCodes.admits(pbx, InetAddress.getLoopbackAddress())).isFalse();
        assertThat(FeatureCodes.admits(pbx, null)).isFalse();
    }
}
