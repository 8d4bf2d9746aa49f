package io.profilegateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on the build box, so {@code docker/Dockerfile} and {@code docker/compose.yaml} are parsed
 * instead of built, and everything they name is checked against the project (as {@code AsteriskConfigSamplesTest}
 * does for asterisk-config/): every file they copy or mount exists, every port is the one the other side listens on,
 * every environment variable is a real setting (a key of application.properties or of a {@code @ConfigMapping}
 * interface, by Quarkus' environment naming: {@code GATEWAY_AMI_SERVERS_MAIN_HOST} = {@code gateway.ami.servers.main.host})
 * or one that the start script {@code bin/gateway} reads, and the image runs as a non-root user on a pinned Java 25
 * base with its AOT cache trained at build and a health check on readiness. Plain JUnit: no Quarkus, no Docker.
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("docker");
    private static final Path START_SCRIPT = Path.of("bin/gateway");
    /** Quarkus' HTTP port when application.properties sets none. */
    private static final int QUARKUS_DEFAULT_HTTP_PORT = 8080;
    /** The port the official postgres image listens on. */
    private static final int POSTGRES_IMAGE_PORT = 5432;
    /** The variables the official postgres image reads to create its first database; not gateway settings. */
    private static final Set<String> POSTGRES_IMAGE_VARIABLES = Set.of("POSTGRES_DB", "POSTGRES_USER",
            "POSTGRES_PASSWORD");

    // ------------------------------------------------------------------------------------------------ Dockerfile

    @Test
    void theImageStartsFromAPinnedJava25Base() {
        List<Instruction> file = dockerfile();
        List<String> bases = file.stream().filter(i -> i.is("FROM")).map(i -> expand(i.words().get(0), file))
                .toList();
        assertThat(bases).isNotEmpty().allSatisfy(base -> {
            assertThat(base).as("base image").matches("[a-z0-9./-]+:25\\.\\d+\\.\\d+[^:]*|[a-z0-9./-]+@sha256:[0-9a-f]{64}");
            assertThat(base).contains("jre");
        });
    }

    @Test
    void everyFileTheImageCopiesExistsOrIsTheBuildsOutput() throws IOException {
        List<Instruction> file = dockerfile();
        Set<String> buildOutputs = quarkusBuildOutputs();
        List<Instruction> copies = file.stream().filter(i -> i.is("COPY") && !i.text().contains("--from=")).toList();
        assertThat(copies).isNotEmpty();
        for (Instruction copy : copies) {
            List<String> words = copy.words().stream().filter(w -> !w.startsWith("--")).toList();
            for (String source : words.subList(0, words.size() - 1)) {
                String path = stripSlash(expand(source, file));
                if (path.startsWith("target/")) {
                    assertThat(buildOutputs).as("COPY %s: a folder the Maven build writes", path).contains(path);
                } else {
                    assertThat(Path.of(path)).as("COPY %s", path).exists();
                }
            }
        }
        assertThat(Files.isExecutable(START_SCRIPT)).as("bin/gateway is executable").isTrue();
        assertThat(Files.isExecutable(DOCKER.resolve("aot-training.sh"))).as("aot-training.sh is executable").isTrue();
    }

    @Test
    void theImageRunsAsAUserThatIsNotRoot() {
        List<Instruction> last = finalStage(dockerfile());
        List<String> users = last.stream().filter(i -> i.is("USER")).map(i -> i.words().get(0)).toList();
        assertThat(users).as("USER in the final stage").isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("root", "0", "0:0");
        assertThat(last).as("the user is created").anyMatch(i -> i.is("RUN")
                && i.text().contains("useradd") && i.text().contains(users.get(users.size() - 1)));
    }

    @Test
    void theAotCacheIsTrainedAtBuildAndUsedAtRun() throws IOException {
        List<Instruction> file = dockerfile();
        String script = Files.readString(START_SCRIPT);
        assertThat(script).contains("-XX:AOTCacheOutput=$cache", "-XX:AOTCache=$cache");
        assertThat(file).as("a training RUN before the final stage")
                .anyMatch(i -> i.is("RUN") && i.text().contains("aot-training.sh"));
        Map<String, String> env = environmentOf(finalStage(file));
        assertThat(env).containsKey("AOT_CACHE");
        assertThat(file).as("the final stage takes the trained cache's folder from the training stage")
                .anyMatch(i -> i.is("COPY") && i.text().contains("--from=training")
                        && env.get("AOT_CACHE").startsWith(stripSlash(i.words().get(i.words().size() - 1))));
        assertThat(finalStage(file)).as("the start script is the entry point")
                .anyMatch(i -> i.is("ENTRYPOINT") && i.text().contains("bin/gateway"));
    }

    @Test
    void thePortAndTheHealthCheckAreTheGatewaysOwn() throws IOException {
        List<Instruction> last = finalStage(dockerfile());
        int httpPort = httpPort();
        assertThat(last.stream().filter(i -> i.is("EXPOSE")).flatMap(i -> i.words().stream()).toList())
                .containsExactly(String.valueOf(httpPort));
        Instruction health = last.stream().filter(i -> i.is("HEALTHCHECK")).findFirst().orElseThrow();
        assertThat(health.text()).contains("/q/health/ready", "127.0.0.1/" + httpPort);
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<artifactId>quarkus-smallrye-health</artifactId>");
        assertThat(properties().stringPropertyNames()).as("health stays under /q/health")
                .noneMatch(k -> k.contains("smallrye-health.root-path") || k.equals("quarkus.http.non-application-root-path"));
    }

    @Test
    void everyVariableTheImageSetsIsASettingOrTheStartScripts() throws IOException {
        Map<String, String> env = environmentOf(finalStage(dockerfile()));
        assertThat(env).isNotEmpty();
        Settings settings = settings();
        assertThat(env.keySet()).allSatisfy(name -> assertThat(settings.knows(name)).as(name).isTrue());
        assertThat(finalStage(dockerfile())).as("GATEWAY_APP is where the app folder is copied to")
                .anyMatch(i -> i.is("COPY") && stripSlash(i.words().get(i.words().size() - 1))
                        .equals(env.get("GATEWAY_APP")));
    }

    // ------------------------------------------------------------------------------------------------ compose.yaml

    @Test
    void everyFileTheComposeFileMountsOrBuildsFromExists() {
        Map<String, Object> compose = compose();
        for (Map.Entry<String, Map<String, Object>> service : services(compose).entrySet()) {
            for (String volume : strings(service.getValue().get("volumes"))) {
                String source = volume.split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    assertThat(DOCKER.resolve(source).normalize()).as("%s mounts %s", service.getKey(), source)
                            .isRegularFile();
                }
            }
            if (service.getValue().get("build") instanceof Map<?, ?> build) {
                Path context = DOCKER.resolve((String) build.get("context")).normalize();
                assertThat(context.resolve((String) build.get("dockerfile"))).isRegularFile();
            }
        }
        assertThat(services(compose).get("asterisk").get("volumes").toString())
                .as("the Asterisk is configured from asterisk-config/").contains("../asterisk-config/");
    }

    @Test
    void theAsteriskLoadsTheSampleAmiUserOpenedToTheNetwork() {
        Map<String, Object> compose = compose();
        Map<String, Object> asterisk = services(compose).get("asterisk");
        assertThat((String) asterisk.get("image")).as("named by version or digest").matches("[a-z0-9./-]+(:\\d[\\w.-]*|@sha256:[0-9a-f]{64})");
        String managerTarget = strings(asterisk.get("volumes")).stream()
                .filter(v -> v.startsWith("../asterisk-config/manager.conf:")).map(v -> v.split(":")[1])
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> configs = (Map<String, Object>) compose.get("configs");
        List<?> asteriskConfigs = (List<?>) asterisk.get("configs");
        Map<?, ?> manager = (Map<?, ?>) asteriskConfigs.get(0);
        assertThat(manager.get("target")).isEqualTo("/etc/asterisk/manager.conf");
        String content = (String) ((Map<?, ?>) configs.get(manager.get("source"))).get("content");
        assertThat("/etc/asterisk/" + include(content)).isEqualTo(managerTarget);
        assertThat(content).contains("[profile-gateway](+)", "bindaddr = 0.0.0.0", "${GATEWAY_AMI_SECRET");
        assertThat(sampleUserSection()).as("the user the (+) block extends").isEqualTo("profile-gateway");
    }

    @Test
    void theGatewayNodesPointAtTheServicesAndPortsThatExist() throws IOException {
        Map<String, Map<String, Object>> services = services(compose());
        List<String> nodes = services.keySet().stream().filter(s -> s.startsWith("gateway")).toList();
        assertThat(nodes).as("two gateway nodes").hasSize(2);
        Set<String> nodeIds = new LinkedHashSet<>();
        for (String node : nodes) {
            Map<String, String> env = environment(services.get(node));
            Matcher jdbc = Pattern.compile("jdbc:postgresql://([\\w-]+):(\\d+)/(\\w+)")
                    .matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertThat(jdbc.matches()).as(node + " JDBC URL").isTrue();
            assertThat(services).containsKey(jdbc.group(1));
            assertThat(Integer.parseInt(jdbc.group(2))).isEqualTo(POSTGRES_IMAGE_PORT);
            Map<String, String> db = environment(services.get(jdbc.group(1)));
            assertThat(jdbc.group(3)).isEqualTo(db.get("POSTGRES_DB"));
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo(db.get("POSTGRES_USER"));
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));
            assertThat(services).containsKey(env.get("GATEWAY_AMI_SERVERS_MAIN_HOST"));
            assertThat(env.get("GATEWAY_AMI_SERVERS_MAIN_PORT")).isEqualTo(sampleAmiPort());
            assertThat(env.get("GATEWAY_AMI_SERVERS_MAIN_USERNAME")).isEqualTo(sampleUserSection());
            assertThat(strings(services.get(node).get("ports"))).singleElement()
                    .satisfies(p -> assertThat(p).endsWith(":" + httpPort()));
            nodeIds.add(env.get("GATEWAY_GRAPH_NODE_ID"));
        }
        assertThat(nodeIds).as("each node its own node id").hasSize(2).doesNotContainNull();
        assertThat(strings(services.get("asterisk").get("expose"))).containsExactly(sampleAmiPort());
    }

    @Test
    void everyVariableTheComposeFileSetsIsASetting() throws IOException {
        Settings settings = settings();
        for (Map.Entry<String, Map<String, Object>> service : services(compose()).entrySet()) {
            Set<String> allowed = service.getKey().equals("postgres") ? POSTGRES_IMAGE_VARIABLES : Set.of();
            for (String name : environment(service.getValue()).keySet()) {
                assertThat(allowed.contains(name) || settings.knows(name)).as("%s: %s", service.getKey(), name)
                        .isTrue();
            }
        }
    }

    @Test
    void everySecretTheComposeFileAsksForIsInItsReadme() throws IOException {
        String text = Files.readString(DOCKER.resolve("compose.yaml"));
        Matcher asked = Pattern.compile("\\$\\{(\\w+):\\?").matcher(text);
        Set<String> names = new LinkedHashSet<>();
        while (asked.find()) {
            names.add(asked.group(1));
        }
        assertThat(names).isNotEmpty();
        assertThat(Files.readString(DOCKER.resolve("README.md"))).contains(names);
    }

    // ------------------------------------------------------------------------------------------------ the settings

    /** The settings an environment variable may name: config keys (as env-name patterns) and the script's own. */
    private record Settings(List<Pattern> keys, Set<String> scriptVariables) {
        boolean knows(String variable) {
            return scriptVariables.contains(variable) || keys.stream().anyMatch(p -> p.matcher(variable).matches());
        }
    }

    private static Settings settings() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : properties().stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        for (Class<?> mapping : configMappings()) {
            collectKeys(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, keys);
        }
        List<Pattern> patterns = keys.stream().map(DockerFilesTest::environmentPattern).toList();
        Set<String> script = new LinkedHashSet<>();
        Matcher read = Pattern.compile("\\$\\{(\\w+):-").matcher(Files.readString(START_SCRIPT));
        while (read.find()) {
            script.add(read.group(1));
        }
        return new Settings(patterns, script);
    }

    /** Quarkus' environment name of a key: non-alphanumerics become '_', upper case; a map's key ({@code *}) any name. */
    private static Pattern environmentPattern(String key) {
        StringBuilder regex = new StringBuilder();
        for (String part : key.split("\\*", -1)) {
            if (regex.length() > 0 || key.startsWith("*")) {
                regex.append("[A-Z0-9_]+");
            }
            regex.append(Pattern.quote(part.replaceAll("[^A-Za-z0-9]", "_").toUpperCase()));
        }
        return Pattern.compile(regex.toString().replace("\\Q\\E", ""));
    }

    /** The @ConfigMapping interfaces of the gateway, found in its sources. */
    private static List<Class<?>> configMappings() throws IOException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("@ConfigMapping(")) {
                    String name = Path.of("src/main/java").relativize(file).toString().replace('/', '.')
                            .replaceAll("\\.java$", "");
                    try {
                        found.add(Class.forName(name));
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        assertThat(found).as("@ConfigMapping interfaces").isNotEmpty();
        return found;
    }

    private static void collectKeys(String prefix, Class<?> mapping, Set<String> keys) {
        for (Method method : mapping.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || method.getDeclaringClass() == Object.class) {
                continue;
            }
            WithName named = method.getAnnotation(WithName.class);
            String key = prefix + "." + (named != null ? named.value() : kebab(method.getName()));
            Type type = method.getGenericReturnType();
            if (type instanceof ParameterizedType generic && generic.getRawType() == Optional.class) {
                type = generic.getActualTypeArguments()[0];
            }
            if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class
                    && generic.getActualTypeArguments()[1] instanceof Class<?> value && isGroup(value)) {
                collectKeys(key + ".*", value, keys);
            } else if (type instanceof Class<?> group && isGroup(group)) {
                collectKeys(key, group, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getName().startsWith("io.profilegateway.");
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static Properties properties() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private static int httpPort() throws IOException {
        String port = properties().getProperty("quarkus.http.port");
        return port == null ? QUARKUS_DEFAULT_HTTP_PORT : Integer.parseInt(port);
    }

    /** target/quarkus-app and the output folder of every other quarkus:build execution in the pom. */
    private static Set<String> quarkusBuildOutputs() throws IOException {
        Set<String> outputs = new LinkedHashSet<>(Set.of("target/quarkus-app"));
        Matcher other = Pattern.compile("<quarkus\\.package\\.output-directory>([\\w.-]+)<")
                .matcher(Files.readString(Path.of("pom.xml")));
        while (other.find()) {
            outputs.add("target/" + other.group(1));
        }
        return outputs;
    }

    // ------------------------------------------------------------------------------------------------ asterisk-config

    private static String sampleAmiPort() {
        Matcher port = Pattern.compile("(?m)^port\\s*=\\s*(\\d+)").matcher(read(Path.of("asterisk-config/manager.conf")));
        assertThat(port.find()).isTrue();
        return port.group(1);
    }

    /** The one AMI user section of the sample manager.conf. */
    private static String sampleUserSection() {
        Matcher section = Pattern.compile("(?m)^\\[([\\w-]+)\\]").matcher(read(Path.of("asterisk-config/manager.conf")));
        List<String> users = new ArrayList<>();
        while (section.find()) {
            if (!section.group(1).equals("general")) {
                users.add(section.group(1));
            }
        }
        assertThat(users).hasSize(1);
        return users.get(0);
    }

    private static String include(String content) {
        Matcher include = Pattern.compile("(?m)^#include\\s+(\\S+)").matcher(content);
        assertThat(include.find()).as("#include in %s", content).isTrue();
        return include.group(1);
    }

    // ------------------------------------------------------------------------------------------------ parsing

    /** One Dockerfile instruction, continuation lines joined. */
    private record Instruction(String keyword, String text) {
        boolean is(String name) {
            return keyword.equalsIgnoreCase(name);
        }

        List<String> words() {
            return List.of(text.trim().split("\\s+"));
        }
    }

    private static List<Instruction> dockerfile() {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read(DOCKER.resolve("Dockerfile")).split("\n")) {
            if (current.isEmpty() && (line.isBlank() || line.trim().startsWith("#"))) {
                continue;
            }
            if (line.trim().startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!line.endsWith("\\")) {
                String text = current.toString().trim();
                int space = text.indexOf(' ');
                instructions.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1)));
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static List<Instruction> finalStage(List<Instruction> file) {
        int from = 0;
        for (int i = 0; i < file.size(); i++) {
            if (file.get(i).is("FROM")) {
                from = i;
            }
        }
        return file.subList(from, file.size());
    }

    /** ENV of a stage, both forms ({@code ENV A=1 B=2} and {@code ENV A 1}). */
    private static Map<String, String> environmentOf(List<Instruction> stage) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction i : stage) {
            if (i.is("ENV")) {
                if (i.words().get(0).contains("=")) {
                    i.words().forEach(w -> env.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1)));
                } else {
                    env.put(i.words().get(0), i.words().get(1));
                }
            }
        }
        return env;
    }

    /** {@code ${NAME}} by the ARG default of the file. */
    private static String expand(String word, List<Instruction> file) {
        Map<String, String> args = new LinkedHashMap<>();
        file.stream().filter(i -> i.is("ARG") && i.text().contains("="))
                .forEach(i -> args.put(i.text().substring(0, i.text().indexOf('=')).trim(),
                        i.text().substring(i.text().indexOf('=') + 1).trim()));
        String expanded = word;
        for (Map.Entry<String, String> arg : args.entrySet()) {
            expanded = expanded.replace("${" + arg.getKey() + "}", arg.getValue());
        }
        assertThat(expanded).as("every ${…} in %s has an ARG default", word).doesNotContain("${");
        return expanded;
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Map<String, Object> compose() {
        return new Yaml().load(read(DOCKER.resolve("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        if (service.get("environment") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        return env;
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
