package fr.construisons.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.ExceptionUtils;

/**
 * Tomcat's own error page, for what never reaches the application (a URL that cannot be decoded,
 * a header that cannot be parsed, a host name that is not one): a short French page instead of
 * « HTTP Status 400 – Bad Request ». Same rules as Tomcat's valve: only an error status, only when
 * nothing else wrote a body, never a stack trace, a server version or the exception's text.
 */
class FrenchErrorReportValve extends ErrorReportValve {

  FrenchErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String title = FrenchErrorAttributes.reason(status);
    String text = status == 400
        ? "Votre navigateur a envoyé une requête que le serveur ne comprend pas (adresse ou en-tête mal formé). "
            + "Vérifiez l'adresse ou revenez à la boîte à idées."
        : FrenchErrorAttributes.sentence(status);
    String page = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + title
        + " — Construisons!</title></head><body><main><h1>" + title + "</h1><p>" + text
        + "</p><p><a href=\"/idees\">Retour à la boîte à idées</a></p></main></body></html>";
    try {
      response.setContentType("text/html");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(page);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away or the response cannot take a body any more: nothing to tell.
      ExceptionUtils.handleThrowable(e);
    }
  }
}
