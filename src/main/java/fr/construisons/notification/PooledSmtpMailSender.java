package fr.construisons.notification;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP delivery that keeps its connections open between mails. Each mail is its own job, and
 * Spring's sender opens a connection per call: greeting, {@code EHLO}, {@code STARTTLS} and
 * {@code AUTH} with a real relay, for one message. Measured in {@code docs/performance.md}, that
 * handshake was most of a mail's cost.
 *
 * <p>Connections come from a commons-pool2 pool, one per concurrent sender at most (the job
 * executor's threads): checked with a {@code NOOP} before each use (a relay drops idle
 * connections), closed after {@code idleTimeout} unused, and discarded after any failure, which
 * is still thrown so the mail job rolls back and retries. {@code maxConnections = 0} restores a
 * connection per mail.
 */
class PooledSmtpMailSender extends JavaMailSenderImpl implements DisposableBean {

  private final GenericObjectPool<Transport> pool;

  public PooledSmtpMailSender(int maxConnections, Duration idleTimeout) {
    if (maxConnections <= 0) {
      pool = null;
      return;
    }
    GenericObjectPoolConfig<Transport> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(maxConnections);
    config.setMaxIdle(maxConnections);
    config.setLifo(true); // reuse the warmest connection; the others age out
    config.setTestOnBorrow(true);
    // Longer than the SMTP timeouts set in application.yml: a stuck relay fails the job there.
    config.setMaxWait(Duration.ofSeconds(60));
    config.setMinEvictableIdleDuration(idleTimeout);
    config.setTimeBetweenEvictionRuns(idleTimeout.dividedBy(2));
    config.setJmxEnabled(false);
    pool = new GenericObjectPool<>(new Connections(), config);
  }

  @Override
  protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
    if (pool == null) {
      super.doSend(mimeMessages, originalMessages);
      return;
    }
    Transport transport = borrow();
    Map<Object, Exception> failed = new LinkedHashMap<>();
    try {
      for (int i = 0; i < mimeMessages.length; i++) {
        MimeMessage message = mimeMessages[i];
        try {
          // What Spring's sender does before sending: keep a Message-ID set by the caller.
          if (message.getSentDate() == null) {
            message.setSentDate(new Date());
          }
          String messageId = message.getMessageID();
          message.saveChanges();
          if (messageId != null) {
            message.setHeader("Message-ID", messageId);
          }
          Address[] recipients = message.getAllRecipients();
          transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
        } catch (Exception e) {
          failed.put(originalMessages != null ? originalMessages[i] : message, e);
        }
      }
    } finally {
      if (failed.isEmpty()) {
        pool.returnObject(transport);
      } else {
        // The connection's state after a failure is unknown: never hand it to another mail.
        invalidate(transport);
      }
    }
    if (!failed.isEmpty()) {
      throw new MailSendException(failed);
    }
  }

  private Transport borrow() {
    try {
      return pool.borrowObject();
    } catch (AuthenticationFailedException e) {
      throw new MailAuthenticationException(e);
    } catch (Exception e) {
      throw new MailSendException("Connexion au serveur de mail (SMTP) " + getHost() + ":" + getPort() + " impossible", e);
    }
  }

  private void invalidate(Transport transport) {
    try {
      pool.invalidateObject(transport);
    } catch (Exception e) {
      // Closing a broken connection may fail too; the pool has forgotten it either way.
    }
  }

  /** Connections opened since start (the pool's own count): how well they are reused. */
  long connectionsOpened() {
    return pool == null ? -1 : pool.getCreatedCount();
  }

  @Override
  public void destroy() {
    if (pool != null) {
      pool.close();
    }
  }

  private final class Connections extends BasePooledObjectFactory<Transport> {

    @Override
    public Transport create() throws MessagingException {
      return connectTransport();
    }

    @Override
    public PooledObject<Transport> wrap(Transport transport) {
      return new DefaultPooledObject<>(transport);
    }

    /** {@code SMTPTransport.isConnected()} sends a {@code NOOP}: the relay must still answer. */
    @Override
    public boolean validateObject(PooledObject<Transport> connection) {
      return connection.getObject().isConnected();
    }

    @Override
    public void destroyObject(PooledObject<Transport> connection) throws MessagingException {
      connection.getObject().close();
    }
  }
}
