package fr.construisons.security;

import fr.construisons.security.AdministratorPasswordCheck.MissingAdministratorPasswordException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing administrator password into the short message an operator needs. */
public class MissingAdministratorPasswordFailureAnalyzer
    extends AbstractFailureAnalyzer<MissingAdministratorPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingAdministratorPasswordException cause) {
    return new FailureAnalysis(
        "Construisons! ne démarre pas : l'administrateur « " + cause.administratorId()
            + " » n'a pas de mot de passe. Hors du profil de démonstration, il n'y a pas de mot de passe"
            + " par défaut.",
        "Définissez CONSTRUISONS_ADMIN_PASSWORD (au moins 10 caractères, avec majuscule, minuscule, chiffre"
            + " et caractère spécial), ou lancez la démonstration avec le profil « demo »"
            + " (./mvnw spring-boot:run le fait).",
        cause);
  }
}
