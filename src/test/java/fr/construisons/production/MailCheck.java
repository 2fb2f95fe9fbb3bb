package fr.construisons.production;

import static fr.construisons.production.Rest.AGENT_MAIL;
import static fr.construisons.production.Rest.TEAM_MAIL;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Mails counted per recipient and subject for a set of ideas, after the fact. */
record MailCheck(int expected, int missing, int duplicates, List<String> missingKeys) {

  static MailCheck of(Smtp smtp, Collection<String> references, boolean withReview) {
    return of(smtp.counts(), references, withReview);
  }

  /** {@code counts}: deliveries per {@link Smtp#key(String, String)}, from the SMTP server or an outbox. */
  static MailCheck of(Map<String, Integer> counts, Collection<String> references, boolean withReview) {
    int expected = 0;
    int missing = 0;
    int duplicates = 0;
    List<String> missingKeys = new java.util.ArrayList<>();
    List<Function<String, String>> mails = withReview
        ? List.of(r -> Smtp.key(AGENT_MAIL, Smtp.acknowledgement(r)), r -> Smtp.key(TEAM_MAIL, Smtp.newIdea(r)),
            r -> Smtp.key(AGENT_MAIL, Smtp.review(r)))
        : List.of(r -> Smtp.key(AGENT_MAIL, Smtp.acknowledgement(r)), r -> Smtp.key(TEAM_MAIL, Smtp.newIdea(r)));
    for (String reference : references) {
      for (Function<String, String> mail : mails) {
        String key = mail.apply(reference);
        int count = counts.getOrDefault(key, 0);
        expected++;
        if (count == 0) {
          missing++;
          missingKeys.add(key);
        } else {
          duplicates += count - 1;
        }
      }
    }
    return new MailCheck(expected, missing, duplicates, missingKeys);
  }
}
