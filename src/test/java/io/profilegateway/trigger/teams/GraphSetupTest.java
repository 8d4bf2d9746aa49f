package io.profilegateway.trigger.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * graph-setup/ and the READMEs name the permissions and {@code gateway.graph.*} keys the code really uses: the
 * script's permission lists equal the code's, every key they print or mention exists in {@link GraphConfig}, and
 * the main README's configuration table lists every key.
 */
class GraphSetupTest {

    private static final Path SCRIPT = Path.of("graph-setup/register-app.sh");
    private static final Pattern KEY = Pattern.compile("gateway\\.graph\\.([a-z0-9.-]*[a-z0-9])");

    @Test
    void shouldGrantExactlyThePermissionsTheCodeNeeds() throws IOException {
        String script = Files.readString(SCRIPT);

        assertThat(list(script, "APPLICATION_PERMISSIONS")).containsExactlyInAnyOrderElementsOf(
                GraphClients.APPLICATION_PERMISSIONS);
        assertThat(list(script, "DELEGATED_PERMISSIONS")).containsExactlyInAnyOrderElementsOf(
                GraphClients.DELEGATED_PERMISSIONS);
        assertThat(list(script, "PUBLISH_PERMISSIONS")).containsExactlyInAnyOrderElementsOf(
                GraphClients.PUBLISH_PERMISSIONS);
        assertThat(script).contains("admin-consent", "credential reset", "--sign-in-audience AzureADMyOrg");
    }

    @Test
    void shouldPrintOnlyKeysTheGatewayReads() throws IOException {
        Set<String> printed = keys(Files.readString(SCRIPT));

        assertThat(printed).contains("tenant-id", "client-id", "client-secret");
        assertThat(configKeys()).containsAll(printed);
    }

    @Test
    void shouldDocumentEveryKeyAndNoOther() throws IOException {
        String setupReadme = Files.readString(Path.of("graph-setup/README.md"));
        String readme = Files.readString(Path.of("README.md"));

        assertThat(configKeys()).containsAll(keys(setupReadme)).containsAll(keys(readme));
        for (String key : configKeys()) {
            assertThat(readme).as("README.md configuration table").contains("| `gateway.graph." + key + "`");
        }
        GraphClients.APPLICATION_PERMISSIONS.forEach(p -> assertThat(setupReadme).contains(p));
        GraphClients.PUBLISH_PERMISSIONS.forEach(p -> assertThat(setupReadme).contains(p));
    }

    /** The keys of the mapping, from its methods: {@code tenantId} is {@code tenant-id}, groups nest with a dot. */
    static Set<String> configKeys() {
        Set<String> keys = new TreeSet<>();
        collect(GraphConfig.class, "", keys);
        return keys;
    }

    private static void collect(Class<?> mapping, String prefix, Set<String> keys) {
        for (Method m : mapping.getDeclaredMethods()) {
            if (m.isSynthetic() || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String key = prefix + m.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            if (m.getReturnType().isInterface() && m.getReturnType().getEnclosingClass() == GraphConfig.class) {
                collect(m.getReturnType(), key + ".", keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static Set<String> keys(String text) {
        Set<String> keys = new TreeSet<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static Set<String> list(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
        assertThat(m.find()).as(name + " in the script").isTrue();
        return new TreeSet<>(Arrays.asList(m.group(1).trim().split("\\s+")));
    }
}
