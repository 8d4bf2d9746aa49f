package io.profilegateway.pbx.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.profilegateway.pbx.DbKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code database show} parser on lines as asterisk-java hands them over: Asterisk's {@code "%-50s: %-25s"}
 * with the header value trimmed at both ends.
 */
class AstDbListingTest {

    /** One output line as Asterisk writes it, trimmed as asterisk-java's reader does. */
    private static String line(String key, String value) {
        return String.format("%-50s: %-25s", key, value).strip();
    }

    @Test
    void readsPaddedEntriesAndTheCount() {
        Map<DbKey, String> entries = AstDbListing.parse(List.of(line("/DND/1001", "YES"),
                line("/AMPUSER/1001/followme/grplist", "1001-0171555#"), "2 results found."));

        assertThat(entries).containsExactlyInAnyOrderEntriesOf(Map.of(
                new DbKey("DND", "1001"), "YES",
                new DbKey("AMPUSER", "1001/followme/grplist"), "1001-0171555#"));
    }

    @Test
    void keepsBlanksAndColonsInsideAValue() {
        Map<DbKey, String> entries = AstDbListing.parse(List.of(
                line("/CustomPresence/1001", "dnd,,In a meeting: 10:00 - 11:00"),
                line("/PROFILE/1001/note", "a:b  :  c"), "2 results found."));

        assertThat(entries).containsEntry(new DbKey("CustomPresence", "1001"), "dnd,,In a meeting: 10:00 - 11:00")
                .containsEntry(new DbKey("PROFILE", "1001/note"), "a:b  :  c");
    }

    @Test
    void readsAnEmptyValue() {
        Map<DbKey, String> entries = AstDbListing.parse(List.of(line("/CF/1001", ""),
                line("/AMPUSER/1001/followme/a-key-of-more-than-fifty-characters", ""), "2 results found."));

        assertThat(entries).containsEntry(new DbKey("CF", "1001"), "")
                .containsEntry(new DbKey("AMPUSER", "1001/followme/a-key-of-more-than-fifty-characters"), "");
    }

    @Test
    void aKeyLongerThanTheColumnIsNotCutAndAColonInsideAShortKeyIsNoSeparator() {
        String longKey = "/AMPUSER/1001/followme/a-key-of-more-than-fifty-characters";
        Map<DbKey, String> entries = AstDbListing.parse(List.of(line(longKey, "x: y"),
                line("/X/a: b", "v"), "2 results found."));

        assertThat(entries).containsEntry(DbKey.ofTreePath(longKey), "x: y")
                .containsEntry(new DbKey("X", "a: b"), "v");
    }

    @Test
    void anEmptyFamilyIsZeroResults() {
        assertThat(AstDbListing.parse(List.of("0 results found."))).isEmpty();
    }

    @Test
    void anOutputCutShortIsAnErrorNotASmallerAstDb() {
        assertThatThrownBy(() -> AstDbListing.parse(List.of(line("/DND/1001", "YES"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("results found");
        assertThatThrownBy(() -> AstDbListing.parse(List.of(line("/DND/1001", "YES"), "2 results found.")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 results announced, 1 read");
    }

    @Test
    void aLineThatIsNoEntryIsAnError() {
        assertThatThrownBy(() -> AstDbListing.parse(List.of("No such command 'database show'", "0 results found.")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not an AstDB entry");
    }
}
