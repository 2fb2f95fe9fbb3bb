import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's HEALTHCHECK: exits 0 when {@code GET /actuator/health} answers 200 ({"status":"UP"}),
 * 1 otherwise (503 when the application reports DOWN, no answer, timeout).
 *
 * <p>The runtime image is a bare JRE, which has neither curl nor wget for sure: this class, compiled
 * in the build stage, needs nothing but {@code java}. Not part of the application (it is not under
 * src/); it only exists in the image.
 *
 * <p>Address: the first argument, else {@code http://127.0.0.1:$SERVER_PORT/actuator/health}
 * (port 8080 when SERVER_PORT is unset).
 */
public final class HealthCheck {

  private HealthCheck() {
  }

  public static void main(String[] args) {
    String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port + "/actuator/health";
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(2_000);
      connection.setReadTimeout(4_000);
      connection.setInstanceFollowRedirects(false);
      int status = connection.getResponseCode();
      connection.disconnect();
      if (status != 200) {
        System.err.println("health: " + url + " answered " + status);
        System.exit(1);
      }
    } catch (Exception e) {
      System.err.println("health: " + url + " unreachable: " + e);
      System.exit(1);
    }
  }
}
