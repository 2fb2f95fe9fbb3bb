package fr.construisons.security;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error answers (our JSON addresses under {@code /api}, the actuator, any address
 * no page of ours serves) in French: Boot's JSON keeps its keys ({@code timestamp}, {@code status},
 * {@code error}, {@code path}) with a French {@code error} and a French {@code message} for the
 * status, never the exception's own text (server.error.include-message stays off for that: our
 * refusals carry English reasons for the logs). The HTML error page is templates/error.html.
 *
 * <p>Boot's ErrorAttributes is the one place both its error controller and its JSON read, so
 * replacing it changes every such answer and nothing else.
 */
@Component
class FrenchErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    int status = attributes.get("status") instanceof Integer code ? code : 500;
    attributes.put("error", reason(status));
    attributes.put("message", status == 401 && attributes.get("path") instanceof String path
        && WEBAPP_LOGIN.matcher(path).matches() ? LOGIN_REFUSED : sentence(status));
    return attributes;
  }

  /** The web applications' login (Tasklist, Cockpit, Admin), whose refusal their login page shows. */
  static final java.util.regex.Pattern WEBAPP_LOGIN =
      java.util.regex.Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+");

  /**
   * A refused login, as the login page shows it: the engine refuses every login of the account for
   * a few seconds after a wrong password, the right one included, so the agent is told to wait.
   */
  static final String LOGIN_REFUSED = "Identifiant ou mot de passe incorrect, ou accès à l'application non "
      + "autorisé. Après un mot de passe erroné, la connexion est refusée quelques secondes, même avec le bon "
      + "mot de passe : attendez quelques secondes avant de réessayer.";

  /** The status's name, as Boot gives it in English ("Not Found"). */
  static String reason(int status) {
    return switch (status) {
      case 400 -> "Requête invalide";
      case 401 -> "Identification requise";
      case 403 -> "Accès refusé";
      case 404 -> "Introuvable";
      case 405 -> "Méthode non permise";
      case 406 -> "Format non disponible";
      case 409 -> "Conflit";
      case 413 -> "Requête trop volumineuse";
      case 415 -> "Type de contenu non pris en charge";
      case 429 -> "Trop de requêtes";
      case 503 -> "Service momentanément indisponible";
      default -> status >= 500 ? "Erreur du serveur" : "Erreur";
    };
  }

  static String sentence(int status) {
    return switch (status) {
      case 400 -> "La requête n'est pas valide : vérifiez l'adresse et les valeurs envoyées.";
      case 401 -> "Identifiez-vous pour continuer.";
      case 403 -> "Cette page ou cette opération ne vous est pas ouverte.";
      case 404 -> "Cette adresse n'existe pas.";
      case 405 -> "Cette adresse n'accepte pas cette opération.";
      case 503 -> "Le service est momentanément surchargé : réessayez dans quelques secondes.";
      default -> EngineErrorsInFrench.byStatus(status);
    };
  }
}
