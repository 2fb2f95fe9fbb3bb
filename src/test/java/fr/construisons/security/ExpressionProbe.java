package fr.construisons.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A Spring bean that JUEL expressions can reach, like every bean of the application (the
 * {@code jdbcTemplate}, the services…): a call shows that an expression sent by a client was
 * evaluated on the server, with no harm done.
 */
@Component("expressionProbe")
public class ExpressionProbe {

  private final AtomicInteger calls = new AtomicInteger();

  /** Returns its argument, so the expression still yields a valid query value. */
  public String witness(String value) {
    calls.incrementAndGet();
    return value;
  }

  public int calls() {
    return calls.get();
  }
}
