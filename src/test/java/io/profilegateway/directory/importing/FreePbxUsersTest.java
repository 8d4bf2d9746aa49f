package io.profilegateway.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.profilegateway.pbx.DbKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading FreePBX's AstDB entries into users. Plain JUnit. */
class FreePbxUsersTest {

    @Test
    void everyCidnameIsAUserWithTheDialStringsOfHisDevices() {
        Map<DbKey, String> ampuser = Map.of(
                key("/AMPUSER/1001/cidname"), "Anna Schmidt ",
                key("/AMPUSER/1001/device"), "1001&2001",
                key("/AMPUSER/1001/cidnum"), "1001",
                key("/AMPUSER/1002/cidname"), "Bob",
                key("/AMPUSER/1002/device"), "PJSIP/1002&PJSIP/desk-7", // as the gateway writes it
                key("/AMPUSER/1003/cidname"), "Carl",
                key("/AMPUSER/1004/followme/ddial"), "DIRECT"); // the gateway's key alone: no user
        Map<DbKey, String> devices = Map.of(
                key("/DEVICE/1001/dial"), "PJSIP/1001",
                key("/DEVICE/1001/type"), "fixed",
                key("/DEVICE/PJSIP/desk-7/user"), "1002");

        PbxReading reading = FreePbxUsers.parse(ampuser, devices);

        assertThat(reading.users()).containsExactly(
                new PbxUser("1001", "Anna Schmidt", List.of("PJSIP/1001", "PJSIP/2001")),
                new PbxUser("1002", "Bob", List.of("PJSIP/1002", "PJSIP/desk-7")),
                new PbxUser("1003", "Carl", List.of()));
        assertThat(reading.skipped()).isEmpty();
    }

    @Test
    void entriesTheDirectoryWouldRefuseAreSkippedWithTheReason() {
        PbxReading reading = FreePbxUsers.parse(Map.of(
                key("/AMPUSER/12ab/cidname"), "Letters",
                key("/AMPUSER/1005/cidname"), "  ",
                key("/AMPUSER/1006/cidname"), "Line\r\nAction: Originate",
                key("/AMPUSER/1007/cidname"), "Bad device",
                key("/AMPUSER/1007/device"), "PJSIP/a b"), Map.of());

        assertThat(reading.users()).isEmpty();
        assertThat(reading.skipped()).hasSize(4).anyMatch(s -> s.startsWith("12ab: "))
                .anyMatch(s -> s.startsWith("1005: ")).anyMatch(s -> s.startsWith("1006: "))
                .anyMatch(s -> s.startsWith("1007: device"));
    }

    private static DbKey key(String path) {
        return DbKey.ofTreePath(path);
    }
}
