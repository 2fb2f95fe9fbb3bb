package fr.construisons.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before each test, the SMTP server of the run is up and holds no mail: submitting an idea queues
 * mails (acknowledgement, team notice) that the jobs then send, and they must reach a server
 * without leaking into another test's count. Use {@code @ExtendWith(EmptyMailbox.class)} rather
 * than repeating the same {@code @BeforeEach} in each class.
 */
public final class EmptyMailbox implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    MailServer.get();
    MailServer.purge();
  }
}
