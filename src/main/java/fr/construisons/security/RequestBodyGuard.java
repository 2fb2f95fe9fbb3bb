package fr.construisons.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Looks at the body of every request to the REST API and to the web applications' API before
 * Camunda does, so that what must be refused is refused whole, with a clear 4xx and a French
 * message, and nothing is half-saved:
 * <ul>
 *   <li>a body larger than the configured limit: 413, whether it announces its length or comes in
 *       chunks (it is never read beyond the limit);</li>
 *   <li>a Java-serialised variable ({@code application/x-java-serialized-object}, in the JSON
 *       {@code valueInfo} or as the content type of a multipart part): 400. The engine refuses
 *       them too ({@code java-serialization-format-enabled: false}), but with a 500 on most
 *       endpoints; this guard answers first, and the engine stays the backstop.</li>
 *   <li>a JSON body that is malformed, or nested deeper than {@value #MAX_DEPTH} levels: 400. Camunda
 *       answers malformed JSON with a 400 in English, and nesting thousands of levels deep with a
 *       500 (Jackson's own limit, or a stack overflow);</li>
 *   <li>the same for the text of every variable of type {@code Json} (any case), and of every
 *       {@code Object} variable serialised as JSON: Camunda stores it as it came and the form
 *       rules, or a later step, parse it, with a 500 or a stack overflow.</li>
 * </ul>
 * No body of the REST API or of the web applications needs more than a few levels (a variable
 * with its value and valueInfo, a query with its "or" queries, a filter); nor does any JSON
 * variable of our forms (a list of directorates or workstreams).
 *
 * <p>Form posts ({@code application/x-www-form-urlencoded}: the web applications' login) are not
 * read here, since the container parses them itself; their size is capped by
 * {@code server.tomcat.max-http-form-post-size}.
 */
public class RequestBodyGuard extends OncePerRequestFilter {

  static final String JAVA_SERIALIZATION_MESSAGE = "Les variables sérialisées en Java "
      + "(application/x-java-serialized-object) sont refusées : envoyez les données en JSON.";

  private static final String JAVA_FORMAT = SerializationDataFormats.JAVA.getName();
  private static final Pattern JAVA_PART = Pattern.compile(
      "content-type\\s*:\\s*" + Pattern.quote(JAVA_FORMAT), Pattern.CASE_INSENSITIVE);
  /** Deepest nesting of objects and arrays accepted, in a body or in a JSON variable's text. */
  static final int MAX_DEPTH = 32;

  static final String MALFORMED_MESSAGE =
      "Le corps de la requête n'est pas un JSON valide : rien n'a été enregistré.";
  static final String TOO_DEEP_MESSAGE = "Le corps de la requête imbrique plus de " + MAX_DEPTH
      + " niveaux d'objets ou de listes JSON : rien n'a été enregistré.";

  // Nesting is counted by nextToken() below, without recursion: Jackson's own limit only has to
  // stay out of the way (its default would end the count with an exception of its own).
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
      .build();
  // Reads trees only once the depth is known to be at most MAX_DEPTH; trailing content after the
  // JSON value is malformed, as Camunda would otherwise silently ignore it.
  private static final ObjectMapper TREES = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final long maxBytes;
  private final String tooLargeMessage;

  public RequestBodyGuard(DataSize maxRequestSize) {
    this.maxBytes = maxRequestSize.toBytes();
    this.tooLargeMessage = "La requête dépasse la taille maximale autorisée ("
        + readable(maxRequestSize) + ") : rien n'a été enregistré.";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!hasBody(request) || isFormPost(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      refuseTooLarge(response);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
    if (body.length > maxBytes) {
      refuseTooLarge(response);
      return;
    }
    Optional<String> problem = jsonProblem(request.getContentType(), body);
    if (problem.isPresent()) {
      JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", problem.get());
      return;
    }
    if (carriesJavaSerialization(request.getContentType(), body)) {
      JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          JAVA_SERIALIZATION_MESSAGE);
      return;
    }
    chain.doFilter(new ReadBodyRequest(request, body), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  private static boolean isFormPost(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  private void refuseTooLarge(HttpServletResponse response) throws IOException {
    // Tomcat discards what the client still sends (up to server.tomcat.max-swallow-size) so the
    // client reads this answer; beyond that it closes the connection.
    JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        "RequestTooLargeException", tooLargeMessage);
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    int read;
    while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
      out.write(buffer, 0, read);
      total += read;
    }
    return out.toByteArray();
  }

  static boolean carriesJavaSerialization(String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/")) {
      // Part headers cannot be escaped: a plain search is exact.
      return JAVA_PART.matcher(new String(body, StandardCharsets.ISO_8859_1)).find();
    }
    if (type.contains("json")) {
      return jsonDeclaresJavaFormat(body);
    }
    return false;
  }

  /**
   * Reads the JSON as Camunda will (so {@code \u0061pplication/…} escapes are decoded) and looks
   * for a {@code serializationDataFormat} naming Java serialisation, at any depth.
   */
  private static boolean jsonDeclaresJavaFormat(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME
            && parser.currentName().equalsIgnoreCase("serializationDataFormat")
            && parser.nextToken() == JsonToken.VALUE_STRING
            && parser.getText().toLowerCase(Locale.ROOT).contains("x-java-serialized-object")) {
          return true;
        }
      }
      return false;
    } catch (IOException malformed) {
      // Not reached from doFilterInternal (jsonProblem refuses it first): nothing declares Java here.
      return false;
    }
  }

  /** Why a JSON body must be refused (French), or empty; bodies of other types are not read here. */
  static Optional<String> jsonProblem(String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (!type.contains("json")) {
      return Optional.empty();
    }
    Depth depth;
    try (JsonParser parser = JSON.createParser(body)) {
      depth = depth(parser);
    } catch (IOException malformed) {
      return Optional.of(MALFORMED_MESSAGE);
    }
    if (depth == Depth.TOO_DEEP) {
      return Optional.of(TOO_DEEP_MESSAGE);
    }
    if (depth == Depth.EMPTY) {
      // Only whitespace: Camunda treats it as no body, as some endpoints allow.
      return Optional.empty();
    }
    try {
      return jsonVariableProblem(TREES.readTree(body), null);
    } catch (IOException malformed) {
      return Optional.of(MALFORMED_MESSAGE);
    }
  }

  private enum Depth { EMPTY, WITHIN_LIMIT, TOO_DEEP }

  /** Reads every token (so a malformed document throws) and stops early when too deep. */
  private static Depth depth(JsonParser parser) throws IOException {
    int depth = 0;
    boolean any = false;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      any = true;
      if (token.isStructStart() && ++depth > MAX_DEPTH) {
        return Depth.TOO_DEEP;
      } else if (token.isStructEnd()) {
        depth--;
      }
    }
    return any ? Depth.WITHIN_LIMIT : Depth.EMPTY;
  }

  /**
   * Looks, at any depth, for variables whose value is JSON text ({@code {"type": "Json", "value":
   * "…"}}, or an Object serialised as application/json) and checks that text as a body. The
   * variable is named by its key in the enclosing object, or by its "name" field in a list.
   */
  private static Optional<String> jsonVariableProblem(JsonNode node, String key) {
    if (node.isObject()) {
      if (carriesJsonText(node)) {
        String name = node.path("name").isTextual() ? node.path("name").asText() : key;
        Optional<String> problem = jsonTextProblem(node.get("value").asText(), name);
        if (problem.isPresent()) {
          return problem;
        }
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        Optional<String> problem = jsonVariableProblem(field.getValue(), field.getKey());
        if (problem.isPresent()) {
          return problem;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        Optional<String> problem = jsonVariableProblem(item, key);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean carriesJsonText(JsonNode variable) {
    if (!variable.path("value").isTextual()) {
      return false;
    }
    String type = variable.path("type").asText("");
    return type.equalsIgnoreCase("json")
        || (type.equalsIgnoreCase("object") && variable.path("valueInfo").path("serializationDataFormat")
            .asText("").toLowerCase(Locale.ROOT).contains("json"));
  }

  private static Optional<String> jsonTextProblem(String text, String name) {
    String variable = name == null ? "" : " « " + name + " »";
    try (JsonParser parser = JSON.createParser(text)) {
      Depth depth = depth(parser);
      if (depth == Depth.TOO_DEEP) {
        return Optional.of("La valeur JSON de la variable" + variable + " imbrique plus de " + MAX_DEPTH
            + " niveaux d'objets ou de listes : rien n'a été enregistré.");
      }
      // An empty text is left to Camunda and the form rules, which say what the field expects.
      return Optional.empty();
    } catch (IOException malformed) {
      return Optional.of("La valeur de la variable" + variable + " n'est pas un JSON valide : rien n'a été"
          + " enregistré.");
    }
  }

  private static String readable(DataSize size) {
    long bytes = size.toBytes();
    if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
      return size.toMegabytes() + " Mo";
    }
    if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
      return size.toKilobytes() + " Ko";
    }
    return bytes + " octets";
  }

  /** The request with its body already read, served again from memory to Camunda. */
  private static final class ReadBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
