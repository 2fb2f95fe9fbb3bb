package fr.construisons.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The default run's H2 URL (application.yml) keeps what it acknowledged when its process is killed:
 * a separate JVM opens an H2 file with that URL's settings, commits numbered rows one transaction
 * at a time and prints each number once its commit has returned; the test kills it with SIGKILL
 * after {@link #ACKNOWLEDGED} of them, opens the file again and finds every number it was told.
 *
 * <p>With H2's default WRITE_DELAY (500 ms) the commits of the last half second are gone: here
 * most or all of the writer's, which is that fast; NodeKillFaultIT shows the same on the packaged
 * application.
 */
class H2FileDurabilityTest {

  static final int ACKNOWLEDGED = 300;

  @Test
  void everyCommitThatReturnedIsInTheFileAfterASigkill(@TempDir Path directory) throws Exception {
    String url = "jdbc:h2:file:" + directory.resolve("construisons") + settingsOfTheDefaultUrl();
    // The table exists before the writer starts (closing the database writes it), so that only
    // the writer's own commits are at stake.
    try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement sql = connection.createStatement()) {
      sql.execute("create table acknowledged (n int primary key)");
    }
    Process writer = new ProcessBuilder(javaCommand(CommittingProcess.class.getName(), url))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    int lastAcknowledged = 0;
    try (BufferedReader acknowledgements = new BufferedReader(
        new InputStreamReader(writer.getInputStream(), StandardCharsets.US_ASCII))) {
      String line;
      while (lastAcknowledged < ACKNOWLEDGED && (line = acknowledgements.readLine()) != null) {
        lastAcknowledged = Integer.parseInt(line.strip());
      }
      // Still committing: the kill lands in the middle of its transactions, as a crash would.
      writer.destroyForcibly();
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).as("writer gone after SIGKILL").isTrue();
    } finally {
      writer.destroyForcibly();
    }
    assertThat(lastAcknowledged).as("commits the writer acknowledged (see its errors above)").isEqualTo(ACKNOWLEDGED);

    try (Connection connection = DriverManager.getConnection(url, "sa", "");
         Statement sql = connection.createStatement();
         ResultSet stored = sql.executeQuery("select count(*), coalesce(max(n), 0) from acknowledged")) {
      stored.next();
      assertThat(stored.getLong(1)).as("rows stored: each acknowledged one, and those committed after it")
          .isGreaterThanOrEqualTo(lastAcknowledged);
      assertThat(stored.getLong(1)).as("no gap: rows 1 to max").isEqualTo(stored.getLong(2));
    }
  }

  /** What follows the file name in application.yml's URL: ";AUTO_SERVER=FALSE;…". */
  private static String settingsOfTheDefaultUrl() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Properties properties = yaml.getObject();
    String url = properties.getProperty("spring.datasource.url");
    assertThat(url).as("the default run's database").startsWith("jdbc:h2:file:");
    return url.contains(";") ? url.substring(url.indexOf(';')) : "";
  }

  /** This JVM's java, with H2 and the test classes only. */
  private static List<String> javaCommand(String mainClass, String... arguments) throws URISyntaxException {
    String classpath = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        + java.io.File.pathSeparator
        + Path.of(CommittingProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp", classpath, mainClass));
    command.addAll(List.of(arguments));
    return command;
  }

  /** The writer: one row per transaction, its number printed once the commit has returned. */
  static final class CommittingProcess {

    public static void main(String[] arguments) throws SQLException {
      try (Connection connection = DriverManager.getConnection(arguments[0], "sa", "")) {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("insert into acknowledged (n) values (?)")) {
          for (int n = 1; ; n++) {
            insert.setInt(1, n);
            insert.executeUpdate();
            connection.commit();
            System.out.println(n);
            System.out.flush();
          }
        }
      }
    }
  }
}
