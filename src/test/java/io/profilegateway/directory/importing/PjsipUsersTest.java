package io.profilegateway.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilegateway.pbx.PjsipEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PJSIP endpoints into users: the callerid forms Asterisk writes, extensions from the name or the number. */
class PjsipUsersTest {

    @Test
    void readsTheCallerIdFormsOfAstCallerIdMerge() {
        assertThat(PjsipUsers.split("\"Anna Schmidt\" <1001>")).containsExactly("Anna Schmidt", "1001");
        assertThat(PjsipUsers.split("Anna Schmidt <1001>")).containsExactly("Anna Schmidt", "1001");
        assertThat(PjsipUsers.split("1001")).containsExactly("", "1001");
        assertThat(PjsipUsers.split("Anna Schmidt")).containsExactly("Anna Schmidt", "");
        assertThat(PjsipUsers.split("")).containsExactly("", "");
    }

    @Test
    void groupsEndpointsByExtensionAndSkipsTrunksAndNamelessOnes() {
        PbxReading reading = PjsipUsers.parse(List.of(
                new PjsipEndpoint("soft1001", List.of("soft1001"), "\"Anna\" <1001>"),
                new PjsipEndpoint("1001", List.of("1001"), "\"Anna Schmidt\" <1001>"),
                new PjsipEndpoint("provider", List.of("provider"), "\"Provider\" <+4930123>"),
                new PjsipEndpoint("1002", List.of("1002"), ""),
                new PjsipEndpoint("1003", List.of(), "\"Bad\u0007Name\" <1003>")));

        assertThat(reading.users()).containsExactly(
                new PbxUser("1001", "Anna Schmidt", List.of("PJSIP/1001", "PJSIP/soft1001")));
        assertThat(reading.skipped()).hasSize(3)
                .anyMatch(s -> s.startsWith("provider: neither"))
                .anyMatch(s -> s.startsWith("1002: no callerid name"))
                .anyMatch(s -> s.startsWith("1003: the name"));
    }
}
