package fr.construisons.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * </ul>
 * Form posts ({@code application/x-www-form-urlencoded}: the web applications' login) are not
 * read here, since the container parses them itself; their size is capped by
 * {@code server.tomcat.max-http-form-post-size}. A malformed JSON body is left to Camunda, which
 * answers 400.
 */
public class RequestBodyGuard extends OncePerRequestFilter {

  static final String JAVA_SERIALIZATION_MESSAGE = "Les variables sérialisées en Java "
      + "(application/x-java-serialized-object) sont refusées : envoyez les données en JSON.";

  private static final String JAVA_FORMAT = SerializationDataFormats.JAVA.getName();
  private static final Pattern JAVA_PART = Pattern.compile(
      "content-type\\s*:\\s*" + Pattern.quote(JAVA_FORMAT), Pattern.CASE_INSENSITIVE);
  private static final JsonFactory JSON = new JsonFactory();

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
      // Camunda answers 400 to malformed JSON and stores nothing.
      return false;
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
