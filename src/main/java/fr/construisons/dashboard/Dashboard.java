package fr.construisons.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Everything the dashboard page shows, for one {@link YearFilter}. */
public record Dashboard(
    YearFilter filter,
    List<Integer> years,
    List<FunnelCount> funnel,
    List<DirectorateCount> directorates,
    List<MonthCount> months,
    List<StepDuration> durations,
    List<OverdueCount> overdueCounts,
    List<OverdueStep> overdue,
    Instant computedAt) {

  /** How many ideas reached a step of the funnel, and their share of the ideas submitted. */
  public record FunnelCount(FunnelStep step, long ideas, int percentOfSubmitted) {
    public String label() {
      return step.label();
    }
  }

  public record DirectorateCount(String code, String name, long ideas) {}

  public record MonthCount(YearMonth month, String label, long ideas) {}

  /** Median and 90th percentile of the time a finished step took, in days. */
  public record StepDuration(TimedStep step, long finished, double medianDays, double p90Days) {
    public String label() {
      return step.label();
    }
  }

  public record OverdueCount(WatchedSteps.WatchedStep step, int reminderWorkingDays, long overdue) {
    public String label() {
      return step.label();
    }
  }

  /** A step still waiting after its timer's deadline. */
  public record OverdueStep(String reference, String title, WatchedSteps.WatchedStep step, Instant since, Instant due) {
    public String label() {
      return step.label();
    }
  }

  public long submitted() {
    return funnel.isEmpty() ? 0 : funnel.get(0).ideas();
  }

  public long overdueTotal() {
    return overdue.size();
  }

  /** "déposées en 2031" or "toutes années confondues", for headings and summaries. */
  public String period() {
    return filter.allYears() ? "toutes années confondues" : "déposées en " + filter.year();
  }

  /** The year filter's choices: every year with ideas, and the one shown even if it has none. */
  public List<Integer> yearChoices() {
    if (filter.allYears() || years.contains(filter.year())) {
      return years;
    }
    return java.util.stream.Stream.concat(years.stream(), java.util.stream.Stream.of(filter.year()))
        .sorted(java.util.Comparator.reverseOrder()).toList();
  }

  // Short summaries for the charts' aria-label: the table next to each chart has the detail.

  public String funnelSummary() {
    return "Parcours des idées " + period() + " : " + String.join(", ",
        funnel.stream().map(f -> f.label().toLowerCase(java.util.Locale.FRENCH) + " " + f.ideas()).toList())
        + ". Détail dans le tableau qui suit.";
  }

  public String directorateSummary() {
    return directorates.isEmpty() ? "Aucune idée " + period() + "."
        : "Idées " + period() + " par direction de l'auteur : " + String.join(", ",
            directorates.stream().map(d -> d.name() + " " + d.ideas()).toList()) + ". Détail dans le tableau qui suit.";
  }

  public String monthSummary() {
    MonthCount busiest = months.stream().max(java.util.Comparator.comparingLong(MonthCount::ideas)).orElse(null);
    return busiest == null || busiest.ideas() == 0 ? "Aucune idée " + period() + "."
        : "Idées " + period() + " par mois de dépôt ; le mois le plus chargé est " + busiest.label() + " avec "
            + busiest.ideas() + (busiest.ideas() == 1 ? " idée" : " idées") + ". Détail dans le tableau qui suit.";
  }

  public String durationSummary() {
    return durations.isEmpty() ? "Aucune étape terminée pour les idées " + period() + "."
        : "Médiane et 90e centile du temps passé à chaque étape, en jours, pour " + durations.size()
            + " étapes. Détail dans le tableau qui suit.";
  }
}
