package fr.construisons.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error answers of our servlet filters, in the shape of Camunda's own REST errors
 * ({@code {"type": …, "message": …}}), so Tasklist, Cockpit and REST clients show the message.
 */
final class JsonErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonErrors() {}

  static void write(HttpServletResponse response, int status, String type, String message)
      throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType("application/json");
    JSON.writeValue(response.getOutputStream(), body);
  }
}
