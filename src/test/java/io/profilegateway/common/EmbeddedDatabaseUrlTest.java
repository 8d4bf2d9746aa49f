package io.profilegateway.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The embedded database URL the gateway ships with (application.properties), on a file in a temporary folder: a
 * thread interrupted while it writes (a Quartz thread at shutdown, a cancelled task) must not close the database for
 * everyone else. With H2's plain {@code file:} access the first such interrupt closes it ("The database has been
 * closed"); {@code retry:} reopens the file.
 */
class EmbeddedDatabaseUrlTest {

    private static final int INTERRUPTED_WRITERS = 20;

    @Test
    void shouldStayUsableWhenWritersAreInterrupted() throws Exception {
        String url = shippedUrl().replace("./data/gateway",
                Files.createTempDirectory("gateway-h2").resolve("gateway").toString());
        try (Connection connection = DriverManager.getConnection(url, "gateway", "")) {
            connection.createStatement().execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10))");
            for (int i = 0; i < INTERRUPTED_WRITERS; i++) {
                Thread writer = new Thread(() -> writeFor(url, 300));
                writer.start();
                Thread.sleep(50);
                writer.interrupt();
                writer.join();
                // the database is still open for everyone else, and still takes writes
                connection.createStatement().execute("INSERT INTO t (v) VALUES ('after')");
            }
            try (ResultSet rows = connection.createStatement()
                    .executeQuery("SELECT COUNT(*) FROM t WHERE v = 'after'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(INTERRUPTED_WRITERS);
            }
        }
    }

    /** The shipped URL is a file database, so its commits wait for the group commit; the others need none. */
    @Test
    void shouldUseTheGroupCommitOnlyForAnEmbeddedFileDatabase() throws Exception {
        assertThat(DurableCommits.isEmbeddedFileDatabase("h2", shippedUrl())).isTrue();
        assertThat(DurableCommits.isEmbeddedFileDatabase("h2", "jdbc:h2:file:./data/gateway")).isTrue();
        assertThat(DurableCommits.isEmbeddedFileDatabase("h2", "jdbc:h2:mem:gateway;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(DurableCommits.isEmbeddedFileDatabase("h2", "jdbc:h2:tcp://db:9092/gateway")).isFalse();
        assertThat(DurableCommits.isEmbeddedFileDatabase("postgresql", "jdbc:postgresql://db/gateway")).isFalse();
    }

    /**
     * Commits one row after another, each written to the file as the gateway's group commit does (a CHECKPOINT after
     * the commit), until the time is up or the thread is interrupted out of a write.
     */
    private static void writeFor(String url, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        try (Connection connection = DriverManager.getConnection(url, "gateway", "");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO t (v) VALUES ('x')");
                PreparedStatement checkpoint = connection.prepareStatement("CHECKPOINT")) {
            connection.setAutoCommit(false);
            while (System.nanoTime() < end) {
                insert.executeUpdate();
                connection.commit();
                checkpoint.execute();
            }
        } catch (Exception interrupted) {
            // this writer's own failure is expected; what counts is the database for the others
        }
    }

    private static String shippedUrl() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        String url = properties.getProperty("quarkus.datasource.jdbc.url");
        assertThat(url).startsWith("jdbc:h2:").contains("./data/gateway");
        return url;
    }
}
