package fr.construisons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.construisons.ConstruisonsApplication;
import fr.construisons.security.AdministratorPasswordCheck.MissingAdministratorPasswordException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Outside the demo profile the administrator's password must come from the environment: without
 * it the application refuses to start, says why in French, and has written nothing.
 */
class AdministratorPasswordCheckTest {

  private static final String DATABASE = "jdbc:h2:mem:no-admin-password;DB_CLOSE_DELAY=-1";

  @Test
  void startUpWithoutAnAdministratorPasswordFailsBeforeTouchingTheDatabase() throws Exception {
    SpringApplicationBuilder application = new SpringApplicationBuilder(ConstruisonsApplication.class)
        .profiles() // no demo profile: the production configuration
        .properties("spring.datasource.url=" + DATABASE, "server.port=0");

    // Command-line arguments outrank the environment, so a password exported on this machine
    // cannot hide the check.
    assertThatThrownBy(() -> application.run("--CONSTRUISONS_ADMIN_PASSWORD="))
        .isInstanceOf(MissingAdministratorPasswordException.class)
        .hasMessageContaining("CONSTRUISONS_ADMIN_PASSWORD");

    try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "");
        ResultSet tables = connection.getMetaData().getTables(null, null, "ACT_ID_USER", null)) {
      assertThat(tables.next()).as("Camunda's user table created before the check").isFalse();
    }
  }

  @Test
  void theOperatorIsToldWhatToSet() {
    FailureAnalysis analysis = new MissingAdministratorPasswordFailureAnalyzer()
        .analyze(new MissingAdministratorPasswordException("admin"));

    assertThat(analysis.getDescription()).contains("l'administrateur « admin » n'a pas de mot de passe");
    assertThat(analysis.getAction()).contains("CONSTRUISONS_ADMIN_PASSWORD", "profil « demo »");
  }
}
