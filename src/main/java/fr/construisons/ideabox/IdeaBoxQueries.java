package fr.construisons.ideabox;

import fr.construisons.idea.Idea;
import fr.construisons.idea.IdeaRepository;
import fr.construisons.idea.IdeaStage;
import fr.construisons.organisation.OrganisationDirectory;
import fr.construisons.process.Texts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the shared idea box from the catalogue ({@code idea}) and the agents' supports. Only
 * public fields leave this class; the author's name only with their consent.
 *
 * <p>Read only. The idea module owns {@code idea} and every write to it; the list, search and feed
 * query stays here because it is the idea box's own page (filters, pagination, the count of
 * ideabox's {@code idea_support}): moved into {@code idea/IdeaRepository}, the catalogue's owner
 * would read ideabox's table. A single-table read of {@code idea} goes through IdeaRepository.
 */
@Service
public class IdeaBoxQueries {

  /** Ideas per page of the list. */
  public static final int PAGE_SIZE = 20;
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static final String COLUMNS = """
      i.reference, i.title, i.problem, i.solution, i.benefits, i.ideator, i.ideator_directorate,
      i.impacted_directorates, i.stage, i.submitted_at, i.stage_changed_at, i.closed_at,
      i.closing_reason, i.ideator_name_shown, i.details,
      (select count(*) from idea_support s where s.idea_reference = i.reference) as supports""";

  private final JdbcClient jdbc;
  private final OrganisationDirectory organisation;
  private final IdeaRepository catalogue;

  public IdeaBoxQueries(JdbcClient jdbc, OrganisationDirectory organisation, IdeaRepository catalogue) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.catalogue = catalogue;
  }

  /** What the agent asked the list for; every part optional. */
  public record Search(String text, IdeaStage stage, String directorate, Integer year, int page) {
    public Search {
      text = text == null || text.isBlank() ? null : text.strip();
      directorate = directorate == null || directorate.isBlank() ? null : directorate;
      page = Math.max(page, 1);
    }

    public static Search all() {
      return new Search(null, null, null, null, 1);
    }
  }

  public record Page(List<PublicIdea> ideas, long total, int page, int pages) {
    public boolean hasPrevious() {
      return page > 1;
    }

    public boolean hasNext() {
      return page < pages;
    }
  }

  public Page search(Search search) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (search.text() != null) {
      // Every word must appear in the reference, the title, the problem or the solution, case and
      // accents ignored: both sides folded alike (the column by idea/IdeaRepository.searchText).
      List<String> words = Arrays.stream(Texts.folded(search.text()).split("\\s+"))
          .filter(w -> !w.isBlank()).limit(8).toList();
      for (int i = 0; i < words.size(); i++) {
        where.append(" and i.search_text like :w").append(i).append(" escape '\\'");
        params.put("w" + i, "%" + likeEscaped(words.get(i)) + "%");
      }
    }
    if (search.stage() != null) {
      where.append(" and i.stage = :stage");
      params.put("stage", search.stage().name());
    }
    if (search.directorate() != null) {
      where.append(" and i.ideator_directorate = :directorate");
      params.put("directorate", search.directorate());
    }
    if (search.year() != null) {
      where.append(" and i.submitted_at >= :from and i.submitted_at < :to");
      params.put("from", Timestamp.valueOf(LocalDate.of(search.year(), 1, 1).atStartOfDay()));
      params.put("to", Timestamp.valueOf(LocalDate.of(search.year() + 1, 1, 1).atStartOfDay()));
    }
    long total = jdbc.sql("select count(*) from idea i" + where).params(params).query(Long.class).single();
    int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(search.page(), pages);
    // The page is chosen first, then its supports counted: in one select, the count ran for
    // every row skipped by the offset too (2,021 counts for page 101).
    String order = " order by i.submitted_at desc, i.reference desc";
    List<Row> rows = jdbc.sql("select " + COLUMNS + " from (select * from idea i" + where + order
            + " offset " + ((page - 1) * PAGE_SIZE) + " rows fetch next " + PAGE_SIZE + " rows only) i" + order)
        .params(params)
        .query(this::map)
        .list();
    return new Page(named(rows), total, page, pages);
  }

  public Optional<PublicIdea> find(String reference) {
    return jdbc.sql("select " + COLUMNS + " from idea i where i.reference = :reference")
        .param("reference", reference)
        .query(this::map)
        .optional()
        .map(row -> named(List.of(row)).get(0));
  }

  /** The newest ideas, for the intranet feed. */
  public List<PublicIdea> latest(int count) {
    return named(jdbc.sql("select " + COLUMNS + " from idea i order by i.submitted_at desc, i.reference desc"
            + " offset 0 rows fetch next " + count + " rows only")
        .query(this::map)
        .list());
  }

  /** Years that have ideas, newest first, for the year filter. */
  public List<Integer> years() {
    return catalogue.submissionYears();
  }

  public String directorateName(String code) {
    return organisation.directorateName(code);
  }

  /** An idea as read, and the author to name with it (only with their consent), not yet named. */
  private record Row(PublicIdea idea, String namedAuthor) {}

  /**
   * The authors' names, looked up once the rows are read and the query's connection is back in
   * the pool: the directory asks the engine, which takes a connection of its own, and a row mapper
   * that waited for it would hold two (issue 17: under load every connection waited for another).
   */
  private List<PublicIdea> named(List<Row> rows) {
    Map<String, OrganisationDirectory.Agent> authors = organisation.agents(
        rows.stream().map(Row::namedAuthor).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
    return rows.stream().map(row -> {
      OrganisationDirectory.Agent author = row.namedAuthor() == null ? null : authors.get(row.namedAuthor());
      return author == null ? row.idea() : row.idea().withAuthorName(author.displayName());
    }).toList();
  }

  /** Only what the row holds: nothing here may ask the engine or the pool for anything. */
  private Row map(ResultSet rs, int row) throws SQLException {
    String impacted = rs.getString("impacted_directorates");
    Timestamp closedAt = rs.getTimestamp("closed_at");
    String directorate = rs.getString("ideator_directorate");
    String namedAuthor = rs.getBoolean("ideator_name_shown") ? rs.getString("ideator") : null;
    return new Row(new PublicIdea(
        rs.getString("reference"),
        rs.getString("title"),
        rs.getString("problem"),
        rs.getString("solution"),
        rs.getString("benefits"),
        directorate,
        directorateName(directorate),
        impacted == null || impacted.isEmpty() ? List.of()
            : Arrays.stream(impacted.split(",")).map(this::directorateName).toList(),
        IdeaStage.valueOf(rs.getString("stage")),
        rs.getTimestamp("submitted_at").toInstant(),
        rs.getTimestamp("stage_changed_at").toInstant(),
        closedAt == null ? null : closedAt.toInstant(),
        rs.getString("closing_reason"),
        null,
        rs.getLong("supports"),
        Idea.labelled(IdeaRepository.details(rs.getString("details")))), namedAuthor);
  }

  static String likeEscaped(String word) {
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
